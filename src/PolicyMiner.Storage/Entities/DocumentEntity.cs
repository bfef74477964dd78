namespace PolicyMiner.Storage.Entities;

/// <summary>BSON shape of a stored document (collection <c>documents</c>): identity, metadata and counts; its text, sections and diagnostics live in <c>contents</c>.</summary>
internal sealed class DocumentEntity
{
    /// <summary>SHA-256 of the file's bytes.</summary>
    public string Id { get; set; } = "";

    /// <summary>Short key of the document's target pack (schema v5 on; <see cref="TargetPack"/>), 0 before it has one.</summary>
    [LiteDB.BsonField(DocumentBson.Key)]
    public int Key { get; set; }

    /// <summary>The file name; stored only when it is not the last part of <see cref="SourcePath"/> (schema v6 on).</summary>
    [LiteDB.BsonIgnore]
    public string SourceName
    {
        get => _sourceName ?? Path.GetFileName(SourcePath);
        set => _sourceName = value;
    }

    private string? _sourceName;

    [LiteDB.BsonField(DocumentBson.SourcePath)]
    public string SourcePath { get; set; } = "";

    [LiteDB.BsonField(DocumentBson.Format)]
    public string Format { get; set; } = "";

    [LiteDB.BsonField(DocumentBson.Encoding)]
    public string Encoding { get; set; } = "";

    [LiteDB.BsonField(DocumentBson.Metadata)]
    public MetadataEntity Metadata { get; set; } = new();

    [LiteDB.BsonField(DocumentBson.SectionCount)]
    public int SectionCount { get; set; }

    [LiteDB.BsonField(DocumentBson.DiagnosticCount)]
    public int DiagnosticCount { get; set; }

    [LiteDB.BsonField(DocumentBson.TextLength)]
    public int TextLength { get; set; }

    [LiteDB.BsonField(DocumentBson.TargetCount)]
    public int TargetCount { get; set; }

    [LiteDB.BsonIgnore]
    public string ExtractorVersion { get; set; } = "";

    /// <summary>As LiteDB stores it (schema v7 on): a code of the database's names table.</summary>
    [LiteDB.BsonField(DocumentBson.ExtractorVersion)]
    [System.Text.Json.Serialization.JsonIgnore]
    public ExtractorName StoredExtractorVersion
    {
        get => new(ExtractorVersion);
        set => ExtractorVersion = value.Name;
    }

    [LiteDB.BsonField(DocumentBson.IngestedAt)]
    public DateTime IngestedAt { get; set; }

    [LiteDB.BsonField(DocumentBson.RunId)]
    public int RunId { get; set; }

    // Targets by review state and the lowest confidence of those not rejected, kept current by every write, so the
    // documents listing filters and counts without reading targets.
    [LiteDB.BsonField(DocumentBson.Pending)]
    public int Pending { get; set; }

    [LiteDB.BsonIgnore]
    public int Accepted { get; set; }

    [LiteDB.BsonIgnore]
    public int Corrected { get; set; }

    [LiteDB.BsonIgnore]
    public int Rejected { get; set; }

    [LiteDB.BsonField(DocumentBson.MinConfidence)]
    public double MinConfidence { get; set; } = 1;

    /// <summary>The categories of this document's targets (rejected ones included), each once: the documents page's
    /// category filter reads this field's index instead of every target of the category (schema v4 on).</summary>
    [LiteDB.BsonIgnore]
    public List<string> Categories { get; set; } = [];

    /// <summary>As LiteDB stores them (schema v7 on): codes of the database's names table, which the index keys are too.</summary>
    [LiteDB.BsonField(DocumentBson.Categories)]
    [System.Text.Json.Serialization.JsonIgnore]
    public CategoryNames StoredCategories
    {
        get => new(Categories);
        set => Categories = value.Names;
    }

    /// <summary>Exact text fingerprint (<see cref="Core.Text.TextFingerprint.Exact"/>, hex); null for documents stored before it existed.</summary>
    [LiteDB.BsonIgnore]
    public string? Fingerprint { get; set; }

    /// <summary>MinHash signature of the text, base64 (<see cref="Core.Text.TextFingerprint.MinHashText"/>).</summary>
    [LiteDB.BsonIgnore]
    public string? MinHash { get; set; }

    /// <summary>Other files the same text arrived in (duplicates folded into this document), full paths.</summary>
    [LiteDB.BsonIgnore]
    public List<string> Sources { get; set; } = [];

    /// <summary>Content hashes of the folded files' bytes, so a later batch knows them unchanged without reading them again.</summary>
    [LiteDB.BsonIgnore]
    public List<string> SourceHashes { get; set; } = [];

    // As LiteDB stores them (schema v6 on): the fingerprint's 32 bytes and the signature's 256 as binary rather than
    // as text, and the folded-file lists only when there are any (most documents have none).

    [LiteDB.BsonField(DocumentBson.Fingerprint)]
    [System.Text.Json.Serialization.JsonIgnore]
    public byte[]? StoredFingerprint
    {
        get => Fingerprint is null ? null : Convert.FromHexString(Fingerprint);
        set => Fingerprint = value is null ? null : Convert.ToHexStringLower(value);
    }

    [LiteDB.BsonField(DocumentBson.MinHash)]
    [System.Text.Json.Serialization.JsonIgnore]
    public byte[]? StoredMinHash
    {
        get => MinHash is null ? null : Convert.FromBase64String(MinHash);
        set => MinHash = value is null ? null : Convert.ToBase64String(value);
    }

    [LiteDB.BsonField(DocumentBson.Sources)]
    [System.Text.Json.Serialization.JsonIgnore]
    public List<string>? StoredSources
    {
        get => Sources.Count == 0 ? null : Sources;
        set => Sources = value ?? [];
    }

    [LiteDB.BsonField(DocumentBson.SourceHashes)]
    [System.Text.Json.Serialization.JsonIgnore]
    public List<string>? StoredSourceHashes
    {
        get => SourceHashes.Count == 0 ? null : SourceHashes;
        set => SourceHashes = value ?? [];
    }

    [LiteDB.BsonField(DocumentBson.SourceName)]
    [System.Text.Json.Serialization.JsonIgnore]
    public string? StoredSourceName
    {
        get => _sourceName == Path.GetFileName(SourcePath) ? null : _sourceName;
        set => _sourceName = value;
    }

    // Review counts other than pending are zero on most documents: absent then (a filter's "> 0" is false on a missing field).

    [LiteDB.BsonField(DocumentBson.Accepted)]
    [System.Text.Json.Serialization.JsonIgnore]
    public int? StoredAccepted
    {
        get => Accepted == 0 ? null : Accepted;
        set => Accepted = value ?? 0;
    }

    [LiteDB.BsonField(DocumentBson.Corrected)]
    [System.Text.Json.Serialization.JsonIgnore]
    public int? StoredCorrected
    {
        get => Corrected == 0 ? null : Corrected;
        set => Corrected = value ?? 0;
    }

    [LiteDB.BsonField(DocumentBson.Rejected)]
    [System.Text.Json.Serialization.JsonIgnore]
    public int? StoredRejected
    {
        get => Rejected == 0 ? null : Rejected;
        set => Rejected = value ?? 0;
    }

    /// <summary>Records a file whose text is this document's (a duplicate folded into it); false when it was already known.</summary>
    /// <remarks>Both lists are kept in ordinal order, so they read the same whichever copy arrived first.</remarks>
    public bool FoldIn(string path, string contentHash) => AddSorted(Sources, path) | AddSorted(SourceHashes, contentHash);

    /// <summary>Takes over the sources of <paramref name="replaced"/>, a document holding the same text that this one (a
    /// preferred copy) replaces: its file and the files folded into it become this document's folded sources.</summary>
    public void TakeOver(DocumentEntity replaced)
    {
        foreach (var path in replaced.Sources.Append(replaced.SourcePath).Where(p => p != SourcePath))
        {
            AddSorted(Sources, path);
        }

        foreach (var hash in replaced.SourceHashes.Append(replaced.Id).Where(h => h != Id))
        {
            AddSorted(SourceHashes, hash);
        }
    }

    private static bool AddSorted(List<string> sorted, string item)
    {
        // Contains first: lists written before they were kept sorted may be in any order.
        if (sorted.Contains(item))
        {
            return false;
        }

        var at = sorted.BinarySearch(item, StringComparer.Ordinal);
        sorted.Insert(at < 0 ? ~at : at, item);
        return true;
    }
}

/// <summary>BSON shape of <see cref="Core.Documents.DocumentMetadata"/>; the date is an ISO string because BSON has no date-only type.</summary>
internal sealed class MetadataEntity
{
    [LiteDB.BsonField(DocumentBson.Meta.Title)]
    public string? Title { get; set; }

    [LiteDB.BsonField(DocumentBson.Meta.Issuer)]
    public string? Issuer { get; set; }

    [LiteDB.BsonField(DocumentBson.Meta.DocNumber)]
    public string? DocNumber { get; set; }

    [LiteDB.BsonField(DocumentBson.Meta.Region)]
    public string? Region { get; set; }

    [LiteDB.BsonField(DocumentBson.Meta.Province)]
    public string? Province { get; set; }

    [LiteDB.BsonField(DocumentBson.Meta.Year)]
    public int? Year { get; set; }

    [LiteDB.BsonField(DocumentBson.Meta.Date)]
    public string? Date { get; set; }

    [LiteDB.BsonField(DocumentBson.Meta.Published)]
    public string? Published { get; set; }

    [LiteDB.BsonField(DocumentBson.Meta.Uploaded)]
    public string? Uploaded { get; set; }

    [LiteDB.BsonField(DocumentBson.Meta.IndexNumber)]
    public string? IndexNumber { get; set; }
}

internal sealed class SectionEntity
{
    public int Level { get; set; }

    public string Number { get; set; } = "";

    public string Heading { get; set; } = "";

    public int Start { get; set; }

    public int End { get; set; }
}

internal sealed class DiagnosticEntity
{
    public string Code { get; set; } = "";

    public string Severity { get; set; } = "";

    public string Message { get; set; } = "";

    public int? Start { get; set; }

    public int? End { get; set; }
}

/// <summary>BSON shape of a document's normalised text, sections and diagnostics (collection <c>contents</c>, same id as the document).</summary>
/// <remarks>Kept apart so that listing documents and joining them to targets never loads their texts.</remarks>
internal sealed class DocumentContentEntity
{
    public string Id { get; set; } = "";

    /// <summary>The text as written by schema v1 (uncompressed); empty when <see cref="Packed"/> holds it.</summary>
    [LiteDB.BsonIgnore]
    public string Text { get; set; } = "";

    // Absent when empty or zero, as in nearly every record (schema v7 on): the names alone cost each record 20 bytes.
    [LiteDB.BsonField(nameof(Text))]
    [System.Text.Json.Serialization.JsonIgnore]
    public string? StoredText
    {
        get => Text.Length == 0 ? null : Text;
        set => Text = value ?? "";
    }

    /// <summary>The first piece of the Brotli-compressed UTF-8 text; null in records written by schema v1.</summary>
    public byte[]? Packed { get; set; }

    /// <summary>Further pieces of <see cref="Packed"/>, stored in <c>content_chunks</c> as <c>id/1</c>, <c>id/2</c> ….</summary>
    [LiteDB.BsonIgnore]
    public int Chunks { get; set; }

    [LiteDB.BsonField(nameof(Chunks))]
    [System.Text.Json.Serialization.JsonIgnore]
    public int? StoredChunks
    {
        get => Chunks == 0 ? null : Chunks;
        set => Chunks = value ?? 0;
    }

    /// <summary>The sections; from schema v5 packed into <see cref="Layout"/> in LiteDB and unpacked on reading (<see cref="PackedLayout"/>).</summary>
    [LiteDB.BsonIgnore]
    public List<SectionEntity> Sections { get; set; } = [];

    [LiteDB.BsonIgnore]
    public List<DiagnosticEntity> Diagnostics { get; set; } = [];

    [LiteDB.BsonField(nameof(Sections))]
    [System.Text.Json.Serialization.JsonIgnore]
    public List<SectionEntity>? StoredSections
    {
        get => Sections.Count == 0 ? null : Sections;
        set => Sections = value ?? [];
    }

    [LiteDB.BsonField(nameof(Diagnostics))]
    [System.Text.Json.Serialization.JsonIgnore]
    public List<DiagnosticEntity>? StoredDiagnostics
    {
        get => Diagnostics.Count == 0 ? null : Diagnostics;
        set => Diagnostics = value ?? [];
    }

    /// <summary>When set (schema v7 on), <see cref="Packed"/> holds this many bytes of UTF-8 text followed by the sections and
    /// diagnostics as BSON, in one stream (<see cref="PackedText.PackWithLayout"/>), and <see cref="Layout"/> is null.</summary>
    [LiteDB.BsonField("tb")]
    [System.Text.Json.Serialization.JsonIgnore]
    public int? TextBytes { get; set; }

    /// <summary>Sections and diagnostics compressed together (<see cref="PackedLayout"/>, schema v5 and v6); null when there are none.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public byte[]? Layout { get; set; }
}
