using System.Text.Json.Serialization;
using LiteDB;

namespace PolicyMiner.Storage.Entities;

/// <summary>BSON shape of a stored target (collection <c>targets</c>): every extracted field, provenance and review state.</summary>
/// <remarks>
/// From schema v4 the LiteDB store keeps on each target only what is the target's own: the file name, region, province
/// and plan year are the document's and are filled in from it on reading (<see cref="StoreMapper.Inherit"/>), and
/// fields at their default value (not stale, version 0, no responsible bodies, no reviewed fields) are left out. The
/// PostgreSQL store serialises the whole entity as JSON, where region, province and plan year feed its indexed columns.
/// </remarks>
internal sealed class TargetEntity
{
    public ObjectId Id { get; set; } = ObjectId.Empty;

    [BsonField(TargetBson.DocumentId)]
    public string DocumentId { get; set; } = "";

    /// <summary>The document's file name; not stored by LiteDB (schema v4 on).</summary>
    [BsonIgnore]
    public string Doc { get; set; } = "";

    [BsonField(TargetBson.Quote)]
    public string Quote { get; set; } = "";

    [BsonField(TargetBson.Start)]
    public int Start { get; set; }

    [BsonField(TargetBson.End)]
    public int End { get; set; }

    [BsonField(TargetBson.SourceStart)]
    public int SourceStart { get; set; }

    [BsonField(TargetBson.SourceEnd)]
    public int SourceEnd { get; set; }

    [BsonField(TargetBson.Indicator)]
    public string Indicator { get; set; } = "";

    [BsonField(TargetBson.IndicatorId)]
    public string? IndicatorId { get; set; }

    [BsonField(TargetBson.Category)]
    public string Category { get; set; } = "";

    [BsonField(TargetBson.Value)]
    public double Value { get; set; }

    [BsonField(TargetBson.ValueMax)]
    public double? ValueMax { get; set; }

    [BsonField(TargetBson.Unit)]
    public string Unit { get; set; } = "";

    [BsonField(TargetBson.ValueStd)]
    public double? ValueStd { get; set; }

    [BsonField(TargetBson.UnitStd)]
    public string? UnitStd { get; set; }

    [BsonField(TargetBson.Comparator)]
    public string Comparator { get; set; } = "";

    [BsonField(TargetBson.Kind)]
    public string Kind { get; set; } = "";

    [BsonField(TargetBson.Commitment)]
    public string Commitment { get; set; } = "";

    [BsonField(TargetBson.Year)]
    public int? Year { get; set; }

    [BsonField(TargetBson.YearText)]
    public string? YearText { get; set; }

    [BsonField(TargetBson.Baseline)]
    public double? Baseline { get; set; }

    [BsonIgnore]
    public List<string> Responsible { get; set; } = [];

    [BsonField(TargetBson.Responsible)]
    [JsonIgnore]
    public List<string>? StoredResponsible
    {
        get => Responsible.Count == 0 ? null : Responsible;
        set => Responsible = value ?? [];
    }

    [BsonField(TargetBson.Confidence)]
    public double Confidence { get; set; }

    [BsonIgnore]
    public string? Region { get; set; }

    [BsonIgnore]
    public string? Province { get; set; }

    [BsonIgnore]
    public int? PlanYear { get; set; }

    /// <summary>The extractor version; in LiteDB stored only when it is not the document's (a reviewed target carried over
    /// from an older extraction keeps its own), and empty when read from a record without one.</summary>
    [BsonIgnore]
    public string ExtractorVersion { get; set; } = "";

    /// <summary>When extracted; like <see cref="ExtractorVersion"/>, stored only when not the document's ingest time.</summary>
    [BsonIgnore]
    public DateTime ExtractedAt { get; set; }

    /// <summary>The extraction of the document this target is being written with, whose version and time it need not repeat.</summary>
    [BsonIgnore]
    [JsonIgnore]
    public (string Version, DateTime At)? DocumentExtraction { get; set; }

    [BsonField(TargetBson.ExtractorVersion)]
    [JsonIgnore]
    public string? StoredExtractorVersion
    {
        get => ExtractorVersion.Length == 0 || ExtractorVersion == DocumentExtraction?.Version ? null : ExtractorVersion;
        set => ExtractorVersion = value ?? "";
    }

    [BsonField(TargetBson.ExtractedAt)]
    [JsonIgnore]
    public DateTime? StoredExtractedAt
    {
        get => ExtractedAt == default || ExtractedAt == DocumentExtraction?.At ? null : ExtractedAt;
        set => ExtractedAt = value ?? default;
    }

    [BsonField(TargetBson.ReviewState)]
    public string ReviewState { get; set; } = "";

    [BsonField(TargetBson.Reviewer)]
    public string? Reviewer { get; set; }

    [BsonField(TargetBson.ReviewedAt)]
    public DateTime? ReviewedAt { get; set; }

    [BsonField(TargetBson.ReviewNote)]
    public string? ReviewNote { get; set; }

    /// <summary>True when a reviewed target was kept through re-extraction but its quote is no longer in the document's text.</summary>
    [BsonIgnore]
    public bool Stale { get; set; }

    [BsonField(TargetBson.Stale)]
    [JsonIgnore]
    public bool? StoredStale
    {
        get => Stale ? true : null;
        set => Stale = value ?? false;
    }

    /// <summary>Bumped by every review change: an editor's save names the version it read (optimistic concurrency).</summary>
    [BsonIgnore]
    public int Version { get; set; }

    [BsonField(TargetBson.Version)]
    [JsonIgnore]
    public int? StoredVersion
    {
        get => Version == 0 ? null : Version;
        set => Version = value ?? 0;
    }

    /// <summary>Fields (export column names) an editor corrected; re-extraction never overwrites them.</summary>
    /// <remarks>An accepted or rejected target pins every field; so does a reviewed target from before schema v2, which has none listed.</remarks>
    [BsonIgnore]
    public List<string> ReviewedFields { get; set; } = [];

    [BsonField(TargetBson.ReviewedFields)]
    [JsonIgnore]
    public List<string>? StoredReviewedFields
    {
        get => ReviewedFields.Count == 0 ? null : ReviewedFields;
        set => ReviewedFields = value ?? [];
    }

    /// <summary>"editor" for a target an editor added or split off; absent for extracted ones.</summary>
    [BsonField(TargetBson.Origin)]
    public string? Origin { get; set; }
}
