using PolicyMiner.Core.Documents;
using PolicyMiner.Core.Targets;

namespace PolicyMiner.Extraction.Evaluation;

/// <summary>How one prediction fared against the gold of its document.</summary>
public enum PredictionOutcome
{
    /// <summary>No gold target matched it.</summary>
    FalseAlarm,

    /// <summary>It matched an optional gold target: neither right nor wrong.</summary>
    MatchedOptional,

    /// <summary>It matched a gold target but some field differs.</summary>
    WrongRecord,

    /// <summary>It matched a gold target with the whole record right.</summary>
    RightRecord,
}

/// <summary>One bin of a reliability diagram: of the predictions with confidence in [From, To), how many had their whole record right.</summary>
public sealed record ReliabilityBin(double From, double To, int Count, int Right, double MeanConfidence)
{
    /// <summary>Right / Count (0 for an empty bin).</summary>
    public double Accuracy => Count == 0 ? 0 : (double)Right / Count;
}

/// <summary>A reliability diagram with its expected calibration error.</summary>
/// <param name="ExpectedCalibrationError">Σ over bins of Count/N · |Accuracy − MeanConfidence|.</param>
public sealed record Reliability(IReadOnlyList<ReliabilityBin> Bins, int Predictions, double ExpectedCalibrationError);

public static partial class Evaluator
{
    /// <summary>The outcome of each of <paramref name="predicted"/> against <paramref name="gold"/>, matched as <see cref="Evaluate"/> matches them.</summary>
    public static IReadOnlyList<PredictionOutcome> Grade(PolicyDocument document, IReadOnlyList<PolicyTarget> predicted, IReadOnlyList<GoldTarget> gold)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(gold);
        var outcomes = new PredictionOutcome[predicted.Count];
        foreach (var (gi, pi) in Match(document, predicted, gold))
        {
            var g = gold[gi];
            outcomes[pi] = g.Optional ? PredictionOutcome.MatchedOptional
                : WholeRecordRight(predicted[pi], g) ? PredictionOutcome.RightRecord : PredictionOutcome.WrongRecord;
        }

        return outcomes;
    }

    /// <summary>Which gold target each matched prediction is, matched as <see cref="Evaluate"/> matches them: (gold index, predicted index).</summary>
    public static IReadOnlyList<(int Gold, int Predicted)> Pairs(PolicyDocument document, IReadOnlyList<PolicyTarget> predicted, IReadOnlyList<GoldTarget> gold)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(gold);
        return Match(document, predicted, gold);
    }

    /// <summary>True when every field <see cref="EvaluationReport.WholeRecord"/> compares is right.</summary>
    public static bool WholeRecordRight(PolicyTarget p, GoldTarget g)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(g);
        return (p.Year == g.Year || (g.YearAlt?.Contains(p.Year) ?? false))
            && p.Comparator.ToSymbol() == g.Comparator
            && Name(p.Commitment) == g.Commitment
            && Name(p.Kind) == g.Kind
            && TargetCategories.InSchema(p.Category) == TargetCategories.InSchema(g.Category)
            && SameValue(p.Baseline, g.Baseline)
            && (g.RespOptional || SameBodies(p.Responsible, g.Responsible))
            && IndicatorDice(p.Indicator, g.Indicator) >= IndicatorRightThreshold;
    }

    /// <summary>Reliability of the predictions' <see cref="PolicyTarget.Confidence"/> in <paramref name="bins"/> equal-width bins:
    /// a false alarm or a wrong record counts as wrong; predictions matching optional gold are left out.</summary>
    public static Reliability Calibration(IEnumerable<EvaluationInput> inputs, int bins = 10)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var pairs = new List<(double Confidence, bool Right)>();
        foreach (var input in inputs)
        {
            if (input.Gold is null)
            {
                continue;
            }

            var outcomes = Grade(input.Document, input.Predicted, input.Gold);
            for (var i = 0; i < outcomes.Count; i++)
            {
                if (outcomes[i] != PredictionOutcome.MatchedOptional)
                {
                    pairs.Add((input.Predicted[i].Confidence, outcomes[i] == PredictionOutcome.RightRecord));
                }
            }
        }

        return Calibration(pairs, bins);
    }

    /// <summary>Reliability of (confidence, right) pairs in <paramref name="bins"/> equal-width bins over [0, 1].</summary>
    public static Reliability Calibration(IReadOnlyList<(double Confidence, bool Right)> pairs, int bins = 10)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        var count = new int[bins];
        var right = new int[bins];
        var sum = new double[bins];
        foreach (var (confidence, ok) in pairs)
        {
            var b = Math.Clamp((int)(confidence * bins), 0, bins - 1);
            count[b]++;
            right[b] += ok ? 1 : 0;
            sum[b] += confidence;
        }

        var list = new List<ReliabilityBin>(bins);
        double ece = 0;
        for (var b = 0; b < bins; b++)
        {
            var bin = new ReliabilityBin((double)b / bins, (double)(b + 1) / bins, count[b], right[b], count[b] == 0 ? 0 : sum[b] / count[b]);
            list.Add(bin);
            ece += pairs.Count == 0 ? 0 : (double)bin.Count / pairs.Count * Math.Abs(bin.Accuracy - bin.MeanConfidence);
        }

        return new Reliability(list, pairs.Count, ece);
    }
}
