using PolicyMiner.Core.Targets;

namespace PolicyMiner.Extraction.Evaluation;

/// <summary>A gold target no prediction matched.</summary>
public sealed record EvaluationMiss(string Doc, string Id, string Quote, double Value, double? ValueMax, string Unit);

/// <summary>A prediction no gold target matched.</summary>
public sealed record EvaluationFalseAlarm(string Doc, string Quote, double Value, double? ValueMax, string Unit, string Indicator);

/// <summary>A matched pair whose field differs from the gold.</summary>
public sealed record FieldError(string Doc, string Id, string Field, string Expected, string Actual);

/// <summary>A ratio with its counts, so reports can show "41/42".</summary>
public sealed record Score(int Right, int Total)
{
    /// <summary>Right / Total, or 1 when nothing was counted.</summary>
    public double Value => Total == 0 ? 1.0 : (double)Right / Total;

    public override string ToString() => $"{Value:0.000} ({Right}/{Total})";
}

/// <summary>Scores of extracted targets against gold: detection (precision, recall, F1), field accuracies and the lists behind them.</summary>
/// <remarks>
/// A prediction matches a gold target of the same document when value, value_max and unit agree (unit not compared for optional
/// gold) and their quotes overlap in the text. Field scores are over matched non-optional pairs. <see cref="IndicatorOverlap"/> is
/// the mean character-level Dice coefficient 2|P∩G|/(|P|+|G|) of the predicted and gold indicator, as multisets of characters
/// with punctuation and spaces ignored. <see cref="WholeRecord"/> counts pairs with comparator, commitment, kind, category,
/// baseline, year and responsible all right and indicator overlap at least 0.8; <see cref="WholeRecordF1"/> counts such
/// records against every prediction and every gold target.
/// </remarks>
public sealed record EvaluationReport
{
    public int Documents { get; init; }

    public int GoldTargets { get; init; }

    public int OptionalGold { get; init; }

    public int Predicted { get; init; }

    public int Matched { get; init; }

    public double Precision { get; init; }

    public double Recall { get; init; }

    public double F1 { get; init; }

    public double IndicatorOverlap { get; init; }

    public required Score Year { get; init; }

    public required Score Responsible { get; init; }

    public required Score Comparator { get; init; }

    public required Score Commitment { get; init; }

    public required Score Kind { get; init; }

    public required Score Category { get; init; }

    public required Score Baseline { get; init; }

    public required Score WholeRecord { get; init; }

    /// <summary>Share of predictions (less those matching optional gold) whose whole record is right.</summary>
    public double WholeRecordPrecision { get; init; }

    /// <summary>Share of (non-optional) gold targets found with the whole record right.</summary>
    public double WholeRecordRecall { get; init; }

    /// <summary>Harmonic mean of <see cref="WholeRecordPrecision"/> and <see cref="WholeRecordRecall"/>: the figure that says how much of a document's data is usable as extracted.</summary>
    public double WholeRecordF1 { get; init; }

    public IReadOnlyList<EvaluationMiss> Misses { get; init; } = [];

    public IReadOnlyList<EvaluationFalseAlarm> FalseAlarms { get; init; } = [];

    public IReadOnlyList<FieldError> FieldErrors { get; init; } = [];

    /// <summary>Reliability diagram of the predictions' confidence against whole-record correctness (set by <c>eval</c>), or null.</summary>
    public Reliability? Calibration { get; init; }

    /// <summary>Documents given for evaluation that have no gold file.</summary>
    public IReadOnlyList<string> Ungraded { get; init; } = [];

    /// <summary>"3-5家" / "30亿元": a value with its unit as written.</summary>
    public static string Format(double value, double? max, string unit) => max is { } m ? $"{value}-{m}{unit}" : $"{value}{unit}";


}
