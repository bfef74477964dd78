using PolicyMiner.Core.Documents;

namespace PolicyMiner.Storage;

/// <summary>A stored document without its text: what listings, joins and reports need.</summary>
/// <param name="Id">SHA-256 of the file's bytes, lower-case hex.</param>
/// <param name="TargetCount">Targets stored for the document, reviewed ones included.</param>
public sealed record DocumentSummary(
    string Id,
    string SourceName,
    string SourcePath,
    DocumentFormat Format,
    string Encoding,
    DocumentMetadata Metadata,
    int TextLength,
    int TargetCount,
    string ExtractorVersion,
    DateTime IngestedAt);

/// <summary>A stored document with its normalised text, sections and diagnostics.</summary>
public sealed record StoredDocument(
    DocumentSummary Summary,
    string Text,
    IReadOnlyList<Section> Sections,
    IReadOnlyList<Diagnostic> Diagnostics);
