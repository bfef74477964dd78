using LiteDB;

namespace PolicyMiner.Storage.Entities;

/// <summary>BSON shape of a stored target (collection <c>targets</c>): every extracted field, provenance and review state.</summary>
/// <remarks>Region, province and plan year are copied from the document so that the indexed filters need no join.</remarks>
internal sealed class TargetEntity
{
    public ObjectId Id { get; set; } = ObjectId.Empty;

    public string DocumentId { get; set; } = "";

    public string Doc { get; set; } = "";

    public string Quote { get; set; } = "";

    public int Start { get; set; }

    public int End { get; set; }

    public int SourceStart { get; set; }

    public int SourceEnd { get; set; }

    public string Indicator { get; set; } = "";

    public string? IndicatorId { get; set; }

    public string Category { get; set; } = "";

    public double Value { get; set; }

    public double? ValueMax { get; set; }

    public string Unit { get; set; } = "";

    public double? ValueStd { get; set; }

    public string? UnitStd { get; set; }

    public string Comparator { get; set; } = "";

    public string Kind { get; set; } = "";

    public string Commitment { get; set; } = "";

    public int? Year { get; set; }

    public string? YearText { get; set; }

    public double? Baseline { get; set; }

    public List<string> Responsible { get; set; } = [];

    public double Confidence { get; set; }

    public string? Region { get; set; }

    public string? Province { get; set; }

    public int? PlanYear { get; set; }

    public string ExtractorVersion { get; set; } = "";

    public DateTime ExtractedAt { get; set; }

    public string ReviewState { get; set; } = "";

    public string? Reviewer { get; set; }

    public DateTime? ReviewedAt { get; set; }

    public string? ReviewNote { get; set; }

    /// <summary>True when a reviewed target was kept through re-extraction but its quote is no longer in the document's text.</summary>
    public bool Stale { get; set; }

    /// <summary>Bumped by every review change: an editor's save names the version it read (optimistic concurrency).</summary>
    public int Version { get; set; }

    /// <summary>Fields (export column names) an editor corrected; re-extraction never overwrites them.</summary>
    /// <remarks>An accepted or rejected target pins every field; so does a reviewed target from before schema v2, which has none listed.</remarks>
    public List<string> ReviewedFields { get; set; } = [];

    /// <summary>"editor" for a target an editor added or split off; absent for extracted ones.</summary>
    public string? Origin { get; set; }
}
