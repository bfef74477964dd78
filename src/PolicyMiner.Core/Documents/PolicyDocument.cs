using PolicyMiner.Core.Documents.Tables;
using PolicyMiner.Core.Text;

namespace PolicyMiner.Core.Documents;

/// <summary>A policy document read from a file: clean normalised text, its map back to the source, metadata and structure.</summary>
/// <remarks>All spans are offsets into <see cref="Text"/>; <see cref="OffsetMap"/> turns them into offsets into <see cref="SourceText"/>.</remarks>
public sealed record PolicyDocument
{
    /// <summary>File name (no folder) the document was read from.</summary>
    public required string SourceName { get; init; }

    /// <summary>Full path the document was read from, when it came from a file.</summary>
    public string? SourcePath { get; init; }

    public required DocumentFormat Format { get; init; }

    /// <summary>Name of the character encoding the bytes were decoded with ("utf-8", "gb18030", "utf-16le" …; "pdf" for PDFs).</summary>
    public required string Encoding { get; init; }

    /// <summary>SHA-256 of the file's bytes, lower-case hex: the document's identity.</summary>
    public required string ContentHash { get; init; }

    /// <summary>The text as decoded or extracted from the file, before cleaning and normalisation.</summary>
    public required string SourceText { get; init; }

    /// <summary>The cleaned, normalised text every later stage works on.</summary>
    public required string Text { get; init; }

    public required OffsetMap OffsetMap { get; init; }

    public required DocumentMetadata Metadata { get; init; }

    public IReadOnlyList<Section> Sections { get; init; } = [];

    public IReadOnlyList<TextSpan> Sentences { get; init; } = [];

    /// <summary>The document's tables (HTML, PDF and DOCX tables, and text rows), with every cell's span in <see cref="Text"/>.</summary>
    public IReadOnlyList<DocumentTable> Tables { get; init; } = [];

    public IReadOnlyList<Diagnostic> Diagnostics { get; init; } = [];
}
