using PolicyMiner.Core.Documents;
using PolicyMiner.Core.Targets;
using PolicyMiner.Storage;

namespace PolicyMiner.Reports;

/// <summary>A document as reports see it: its identity, file name and metadata.</summary>
/// <param name="Id">Stable document id (the content hash when it comes from the store).</param>
/// <param name="Name">Source file name, the value of <see cref="PolicyTarget.Doc"/> for its targets.</param>
public sealed record ReportDocument(string Id, string Name, DocumentMetadata Metadata)
{
    /// <summary>Where the document was read from, when known.</summary>
    public string? SourcePath { get; init; }

    /// <summary>Other files the same text arrived in (another format, a copy), folded into this document: full paths.</summary>
    public IReadOnlyList<string> OtherSources { get; init; } = [];

    /// <summary>Region as named, else the province, else null.</summary>
    public string? Place => Metadata.Region ?? Metadata.Province;
}

/// <summary>One target with the document it came from: the unit every renderer works on.</summary>
public sealed record ReportRow(ReportDocument Document, PolicyTarget Target)
{
    /// <summary>The stored target's id, when the row comes from the store.</summary>
    public string? TargetId { get; init; }

    /// <summary>The reviewer's verdict, when the row comes from the store.</summary>
    public TargetReview? Review { get; init; }
}
