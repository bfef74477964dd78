namespace PolicyMiner.Core.Targets;

/// <summary>One quantified target found in a policy document, with provenance back to the exact text.</summary>
/// <remarks>
/// <see cref="Start"/>/<see cref="End"/> index the normalised text and <see cref="Quote"/> equals that substring;
/// <see cref="SourceStart"/>/<see cref="SourceEnd"/> index the source text. <see cref="Value"/> is in
/// <see cref="Unit"/> as written (30 for 30亿元); <see cref="ValueStd"/> is in <see cref="UnitStd"/> (3000000000 元).
/// </remarks>
public sealed record PolicyTarget
{
    /// <summary>Source file name of the document.</summary>
    public required string Doc { get; init; }

    public required string Quote { get; init; }

    public required int Start { get; init; }

    public required int End { get; init; }

    public int SourceStart { get; init; }

    public int SourceEnd { get; init; }

    /// <summary>The indicator phrase as written: the shortest span that names what is measured.</summary>
    public string Indicator { get; init; } = "";

    /// <summary>One of <see cref="TargetCategories.All"/>.</summary>
    public string Category { get; init; } = TargetCategories.Other;

    public required double Value { get; init; }

    /// <summary>High end of a range, else null.</summary>
    public double? ValueMax { get; init; }

    /// <summary>Unit as written after the number ("亿元", "%", "个百分点", "家"); "" if none.</summary>
    public string Unit { get; init; } = "";

    public double? ValueStd { get; init; }

    public string? UnitStd { get; init; }

    public Comparator Comparator { get; init; } = Comparator.Equal;

    public TargetKind Kind { get; init; } = TargetKind.Level;

    public Commitment Commitment { get; init; } = Commitment.Plain;

    /// <summary>The year the target is due, resolved against the plan year; null if the text gives no way to resolve it.</summary>
    public int? Year { get; init; }

    /// <summary>The words that gave the year ("到2006年", "年内"), or null.</summary>
    public string? YearText { get; init; }

    /// <summary>The stated starting value ("由目前的10家" → 10), in the target's unit, else null.</summary>
    public double? Baseline { get; init; }

    /// <summary>Bodies the text makes responsible for this target; lead bodies first.</summary>
    public IReadOnlyList<string> Responsible { get; init; } = [];

    /// <summary>0–1: how sure the extractor is of the whole record.</summary>
    public double Confidence { get; init; } = 1.0;

    /// <summary>Canonical indicator id from the taxonomy (models/indicators.json), when one matches.</summary>
    public string? IndicatorId { get; init; }
}
