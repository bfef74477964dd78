using PolicyMiner.Storage.Entities;

namespace PolicyMiner.Storage;

/// <summary>One run of ingestion and its counts; <see cref="EndedAt"/> is null for a run that was killed or is still going.</summary>
public sealed record IngestRun(
    int Id,
    DateTime StartedAt,
    DateTime? EndedAt,
    string ToolVersion,
    string ExtractorVersion,
    IReadOnlyList<string> Inputs,
    IngestCounts Counts);

/// <summary>Files seen by an ingest run and what became of them.</summary>
/// <param name="Added">New documents stored.</param>
/// <param name="Updated">Documents re-extracted: a changed file at a known path, or a new extractor version.</param>
/// <param name="Unchanged">Files skipped because the same content was already stored by the same extractor.</param>
/// <param name="Targets">Targets written for added and updated documents; a document stored and then replaced by its
/// preferred copy within the run counts once, with the targets stored.</param>
/// <param name="Duplicates">Files whose text was already stored from another file (same or nearly the same text): folded
/// into that document as one more of its sources, not stored or counted again.</param>
public sealed record IngestCounts(int Files, int Added, int Updated, int Unchanged, int Failed, int Targets, int Duplicates = 0)
{
    public static IngestCounts Zero { get; } = new(0, 0, 0, 0, 0, 0);
}

/// <summary>A file that could not be ingested, with its one-line reason.</summary>
public sealed record IngestFailure(int RunId, string Path, string Reason, DateTime At);

/// <summary>A read document with the targets extracted from it, ready to be stored in one transaction.</summary>
public sealed record DocumentExtraction(
    Core.Documents.PolicyDocument Document,
    IReadOnlyList<Core.Targets.PolicyTarget> Targets,
    string ExtractorVersion)
{
    private byte[]? _packedText;

    /// <summary>The text compressed as the stores keep it, packed on first use; a batch packs it on its worker thread
    /// (<see cref="Prepare"/>), so the single writer does not spend its time compressing.</summary>
    internal byte[] PackedText => _packedText ??= Entities.PackedText.Pack(Document.Text);

    private byte[]? _packedTargets;

    /// <summary>The targets compressed as the LiteDB store keeps a new document's (<see cref="Entities.TargetPack"/>), with
    /// ordinals 1, 2, … as ids; packed on first use, like the text.</summary>
    internal byte[] PackedTargets => _packedTargets ??= Entities.TargetPack.Encode(FreshTargets(), 0, Document.Text);

    /// <summary>The targets as new, unreviewed records of this extraction, numbered 1, 2, … in the pack of key 0.</summary>
    internal IEnumerable<Entities.TargetEntity> FreshTargets() => Targets.Select((target, i) =>
    {
        var entity = Entities.StoreMapper.ToEntity(target, Document, ExtractorVersion, default);
        entity.Id = Entities.TargetPack.IdOf(0, i + 1);
        return entity;
    });

    private (byte[] Packed, int TextBytes)? _packedContent;

    /// <summary>The text with its sections and diagnostics in one compressed stream, as the LiteDB store keeps them
    /// (<see cref="Entities.PackedText.PackWithLayout"/>); packed on first use, like the text.</summary>
    internal (byte[] Packed, int TextBytes) PackedContent => _packedContent ??= PackContent();

    private (byte[] Packed, int TextBytes) PackContent()
    {
        var content = Entities.StoreMapper.ToContent(Document, [], 0);
        return Entities.PackedText.PackWithLayout(Document.Text, Entities.PackedLayout.Serialize(content.Sections, content.Diagnostics));
    }

    private (byte[]? Bytes, bool Done) _packedLayout;

    /// <summary>The sections and diagnostics compressed as the LiteDB store keeps them (<see cref="Entities.PackedLayout"/>);
    /// null when there are none.</summary>
    internal byte[]? PackedLayout
    {
        get
        {
            if (!_packedLayout.Done)
            {
                var content = Entities.StoreMapper.ToContent(Document, [], 0);
                _packedLayout = (Entities.PackedLayout.Pack(content.Sections, content.Diagnostics), true);
            }

            return _packedLayout.Bytes;
        }
    }

    /// <summary>Does the work of storing that needs no database (compressing the text, and for the LiteDB store the layout
    /// and the targets) on the calling thread.</summary>
    /// <param name="packed">True when the store keeps packed layouts and targets (<see cref="PolicyStore"/>); PostgreSQL keeps them whole.</param>
    public DocumentExtraction Prepare(bool packed = true)
    {
        if (packed)
        {
            _ = PackedContent;
            _ = PackedTargets;
        }
        else
        {
            _ = PackedText;
        }

        return this;
    }
}

/// <summary>What storing a document did.</summary>
public enum DocumentWriteResult
{
    /// <summary>A document not stored before.</summary>
    Added,

    /// <summary>A changed file at a known path, or known content from an older extractor: re-extracted, reviewed targets kept.</summary>
    Updated,

    /// <summary>The same content from the same extractor was already stored; nothing written.</summary>
    Unchanged,

    /// <summary>The same text was already stored from another file: this file was added to that document's sources (or,
    /// being the preferred copy, took that document's place with the other file as one of its sources).</summary>
    Duplicate,
}

/// <summary>What storing a document did, and what a run that counted an earlier copy of it is to take back.</summary>
/// <param name="ReplacedTargets">When this file, the preferred copy, replaced a copy stored by the same run: that copy's
/// targets, which the run counted and which are no longer stored; otherwise null. A batch counts the stored copy's targets
/// once whichever copy arrived first.</param>
public readonly record struct DocumentWrite(DocumentWriteResult Result, int? ReplacedTargets = null)
{
    internal static DocumentWrite Unchanged => new(DocumentWriteResult.Unchanged);

    internal static DocumentWrite Folded => new(DocumentWriteResult.Duplicate);

    /// <summary>A document written: in place of <paramref name="replaced"/> (a copy of it, reported as the fold it is, so a
    /// batch counts the same files added and folded whichever copy arrived first), of earlier versions, or new.</summary>
    internal static DocumentWrite Stored(DocumentEntity? replaced, bool supersedes, int runId) =>
        replaced is not null ? new(DocumentWriteResult.Duplicate, replaced.RunId == runId ? replaced.TargetCount : null)
        : new(supersedes ? DocumentWriteResult.Updated : DocumentWriteResult.Added);
}
