using System.Text.Json.Serialization;

namespace PolicyMiner.Extraction.Evaluation;

/// <summary>One annotated target of a gold file (shared/gold/GOLD_SCHEMA.md), read with <c>PolicyJson.Options</c>.</summary>
public sealed record GoldTarget
{
    public string Id { get; init; } = "";

    public string Quote { get; init; } = "";

    public string? ValueText { get; init; }

    public double Value { get; init; }

    public double? ValueMax { get; init; }

    public string Unit { get; init; } = "";

    public string Comparator { get; init; } = "=";

    public string Kind { get; init; } = "";

    public string Commitment { get; init; } = "";

    public string Indicator { get; init; } = "";

    public string Category { get; init; } = "";

    public int? Year { get; init; }

    public string? YearText { get; init; }

    public double? Baseline { get; init; }

    public IReadOnlyList<string> Responsible { get; init; } = [];

    public string? Note { get; init; }

    /// <summary>Debatable target: a match is a hit, a miss is not counted, the unit is not compared.</summary>
    public bool Optional { get; init; }

    /// <summary>Other due years (or null) that also count as right.</summary>
    public IReadOnlyList<int?>? YearAlt { get; init; }

    /// <summary>Debatable responsible list: not counted in responsible accuracy.</summary>
    public bool RespOptional { get; init; }

    /// <summary>The document this target belongs to (set by the reader from the file name).</summary>
    [JsonIgnore]
    public string Doc { get; init; } = "";
}

/// <summary>The doc-level line of a gold set (<c>*.meta.json</c>).</summary>
public sealed record GoldMeta
{
    public string Doc { get; init; } = "";

    public string? Title { get; init; }

    public int? Year { get; init; }
}
