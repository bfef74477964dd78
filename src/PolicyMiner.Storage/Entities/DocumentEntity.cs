namespace PolicyMiner.Storage.Entities;

/// <summary>BSON shape of a stored document (collection <c>documents</c>): identity, metadata and counts; its text, sections and diagnostics live in <c>contents</c>.</summary>
internal sealed class DocumentEntity
{
    /// <summary>SHA-256 of the file's bytes.</summary>
    public string Id { get; set; } = "";

    /// <summary>Short key of the document's target pack (schema v5 on; <see cref="TargetPack"/>), 0 before it has one.</summary>
    public int Key { get; set; }

    public string SourceName { get; set; } = "";

    public string SourcePath { get; set; } = "";

    public string Format { get; set; } = "";

    public string Encoding { get; set; } = "";

    public MetadataEntity Metadata { get; set; } = new();

    public int SectionCount { get; set; }

    public int DiagnosticCount { get; set; }

    public int TextLength { get; set; }

    public int TargetCount { get; set; }

    public string ExtractorVersion { get; set; } = "";

    public DateTime IngestedAt { get; set; }

    public int RunId { get; set; }

    // Targets by review state and the lowest confidence of those not rejected, kept current by every write, so the
    // documents listing filters and counts without reading targets.
    public int Pending { get; set; }

    public int Accepted { get; set; }

    public int Corrected { get; set; }

    public int Rejected { get; set; }

    public double MinConfidence { get; set; } = 1;

    /// <summary>The categories of this document's targets (rejected ones included), each once: the documents page's
    /// category filter reads this field's index instead of every target of the category (schema v4 on).</summary>
    public List<string> Categories { get; set; } = [];

    /// <summary>Exact text fingerprint (<see cref="Core.Text.TextFingerprint.Exact"/>); null for documents stored before it existed.</summary>
    public string? Fingerprint { get; set; }

    /// <summary>MinHash signature of the text, base64.</summary>
    public string? MinHash { get; set; }

    /// <summary>Other files the same text arrived in (duplicates folded into this document), full paths.</summary>
    public List<string> Sources { get; set; } = [];

    /// <summary>Content hashes of the folded files' bytes, so a later batch knows them unchanged without reading them again.</summary>
    public List<string> SourceHashes { get; set; } = [];

    /// <summary>Records a file whose text is this document's (a duplicate folded into it); false when it was already known.</summary>
    public bool FoldIn(string path, string contentHash)
    {
        var changed = false;
        if (!Sources.Contains(path))
        {
            Sources.Add(path);
            changed = true;
        }

        if (!SourceHashes.Contains(contentHash))
        {
            SourceHashes.Add(contentHash);
            changed = true;
        }

        return changed;
    }
}

/// <summary>BSON shape of <see cref="Core.Documents.DocumentMetadata"/>; the date is an ISO string because BSON has no date-only type.</summary>
internal sealed class MetadataEntity
{
    public string? Title { get; set; }

    public string? Issuer { get; set; }

    public string? DocNumber { get; set; }

    public string? Region { get; set; }

    public string? Province { get; set; }

    public int? Year { get; set; }

    public string? Date { get; set; }

    public string? Published { get; set; }

    public string? Uploaded { get; set; }

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
    public string Text { get; set; } = "";

    /// <summary>The first piece of the Brotli-compressed UTF-8 text; null in records written by schema v1.</summary>
    public byte[]? Packed { get; set; }

    /// <summary>Further pieces of <see cref="Packed"/>, stored in <c>content_chunks</c> as <c>id/1</c>, <c>id/2</c> ….</summary>
    public int Chunks { get; set; }

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

    /// <summary>Sections and diagnostics compressed together (<see cref="PackedLayout"/>, schema v5 on); null when there are none.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public byte[]? Layout { get; set; }
}
