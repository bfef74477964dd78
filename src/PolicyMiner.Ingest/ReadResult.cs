using System.Diagnostics.CodeAnalysis;
using PolicyMiner.Core.Documents;

namespace PolicyMiner.Ingest;

/// <summary>Either a document read whole, or the one-line reason it could not be read.</summary>
public sealed record ReadResult
{
    private ReadResult(string sourceName, PolicyDocument? document, string? reason)
    {
        SourceName = sourceName;
        Document = document;
        Reason = reason;
    }

    /// <summary>File name (no folder) of the input.</summary>
    public string SourceName { get; }

    /// <summary>The document, when reading succeeded.</summary>
    public PolicyDocument? Document { get; }

    /// <summary>Why reading failed ("empty file", "encrypted PDF …"), when it did.</summary>
    public string? Reason { get; }

    /// <summary>True when <see cref="Document"/> is set.</summary>
    [MemberNotNullWhen(true, nameof(Document))]
    [MemberNotNullWhen(false, nameof(Reason))]
    public bool Succeeded => Document is not null;

    /// <summary>The failure as one line, "FILE: reason"; null on success.</summary>
    public string? Message => Reason is null ? null : $"{SourceName}: {Reason}";

    /// <summary>A successful read.</summary>
    public static ReadResult Success(PolicyDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return new ReadResult(document.SourceName, document, null);
    }

    /// <summary>A failed read of <paramref name="sourceName"/>.</summary>
    public static ReadResult Failure(string sourceName, string reason) => new(sourceName, null, reason);
}
