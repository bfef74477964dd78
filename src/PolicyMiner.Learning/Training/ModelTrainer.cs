using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Trainers.FastTree;
using PolicyMiner.Core.Targets;
using PolicyMiner.Learning.Features;
using PolicyMiner.Learning.Models;

namespace PolicyMiner.Learning.Training;

/// <summary>How the whole-record model's raw score becomes a probability.</summary>
public enum RecordCalibration
{
    /// <summary>Platt's sigmoid: two parameters, smooth, but it cannot bend where the score's reliability does.</summary>
    Platt,

    /// <summary>Isotonic (pool-adjacent-violators): any monotone map, fitted on the same out-of-fold scores.</summary>
    Isotonic,
}

/// <summary>Settings of the two FastTree models and their calibration. The defaults are what <c>policyminer train</c> ships.</summary>
/// <param name="CalibrationFolds">Document-grouped folds whose out-of-fold scores fit the calibrations and the threshold.</param>
public sealed record TrainerOptions(
    int Seed = 1,
    int Trees = 100,
    int Leaves = 8,
    int MinimumLeafRows = 10,
    double LearningRate = 0.1,
    int CalibrationFolds = 5,
    RecordCalibration Calibration = RecordCalibration.Platt);

/// <summary>Trains the targethood and whole-record models with ML.NET FastTree, calibrates them on out-of-fold scores
/// (Platt) and picks the targethood threshold that maximises out-of-fold detection F1.</summary>
/// <remarks>Deterministic: fixed seed, one training thread, folds assigned by document name order.</remarks>
public sealed class ModelTrainer(TrainerOptions options)
{
    /// <summary>Thresholds tried for dropping a candidate (0: keep everything, the model only sets confidence).</summary>
    private static readonly double[] Thresholds = [0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6];

    public TrainerOptions Options { get; } = options ?? throw new ArgumentNullException(nameof(options));

    /// <summary>Fits both models on <paramref name="rows"/> with calibration from <see cref="TrainerOptions.CalibrationFolds"/> folds.</summary>
    /// <exception cref="ModelException">The rows lack positives or negatives for a model.</exception>
    public ExtractorModel Fit(IReadOnlyList<TrainingRow> rows, IReadOnlyList<string>? heldOut = null) => Fit(rows, Options.CalibrationFolds, heldOut ?? []);

    internal ExtractorModel Fit(IReadOnlyList<TrainingRow> rows, int calibrationFolds, IReadOnlyList<string> heldOut)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var ml = new MLContext(seed: Options.Seed);
        var recordRows = rows.Where(r => r.RecordRight is not null).ToList();
        Require(rows, r => r.IsTarget, "targethood");
        Require(recordRows, r => r.RecordRight == true, "whole-record");

        // Out-of-fold scores: each document is scored by models that never saw it, so the calibration sees honest scores.
        var targetScores = new float[rows.Count];
        var recordScores = new float[rows.Count];
        var fold = Folds(rows.Select(r => r.Document), calibrationFolds);
        for (var f = 0; f < calibrationFolds; f++)
        {
            var train = rows.Where(r => fold[r.Document] != f).ToList();
            var test = Enumerable.Range(0, rows.Count).Where(i => fold[rows[i].Document] == f).ToList();
            if (test.Count == 0 || !HasBoth(train, r => r.IsTarget) || !HasBoth(train.Where(r => r.RecordRight is not null), r => r.RecordRight == true))
            {
                continue;
            }

            var features = test.Select(i => rows[i].Features).ToList();
            var t = ExtractorModel.RawScores(ml, Train(ml, train, r => r.IsTarget), features, features[0].Length);
            var r = ExtractorModel.RawScores(ml, Train(ml, [.. train.Where(x => x.RecordRight is not null)], x => x.RecordRight == true), features, features[0].Length);
            for (var k = 0; k < test.Count; k++)
            {
                targetScores[test[k]] = t[k];
                recordScores[test[k]] = r[k];
            }
        }

        var (targetSlope, targetOffset) = Calibrate(ml, rows.Select((row, i) => (row.IsTarget, targetScores[i])));
        var threshold = BestThreshold(rows.Select((row, i) => (row.IsTarget, ExtractorModel.Platt(targetScores[i], targetSlope, targetOffset))).ToList());

        // Confidence is judged on the targets the model keeps, so the whole-record calibration is fitted on those rows only.
        var recordPairs = Enumerable.Range(0, rows.Count)
            .Where(i => rows[i].RecordRight is not null && ExtractorModel.Platt(targetScores[i], targetSlope, targetOffset) >= threshold)
            .Select(i => (rows[i].RecordRight == true, recordScores[i])).ToList();
        var (recordSlope, recordOffset) = Calibrate(ml, recordPairs);
        var isotonic = Options.Calibration == RecordCalibration.Isotonic ? CalibrateIsotonic(ml, recordPairs) : null;

        var manifest = new ModelManifest(
            ModelManifest.CurrentFormat,
            TargetFeatures.Current.Fingerprint,
            TargetFeatures.Current.Length,
            threshold,
            targetSlope,
            targetOffset,
            recordSlope,
            recordOffset,
            new TrainingSummary(
                rows.Select(r => r.Document).Distinct().Count(),
                rows.Count,
                rows.Count(r => r.IsTarget),
                recordRows.Count(r => r.RecordRight == true),
                rows.Count(r => r.Source == LabelSource.Review),
                heldOut),
            isotonic);
        return new ExtractorModel(ml, Train(ml, rows, r => r.IsTarget), Train(ml, recordRows, r => r.RecordRight == true), manifest, fingerprint: "unsaved");
    }

    /// <summary>Folds by document: documents in name order, dealt round-robin, so the same documents give the same folds.</summary>
    internal static Dictionary<string, int> Folds(IEnumerable<string> documents, int folds)
    {
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        var i = 0;
        foreach (var doc in documents.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            map[doc] = i++ % folds;
        }

        return map;
    }

    private ITransformer Train(MLContext ml, IReadOnlyList<TrainingRow> rows, Func<TrainingRow, bool> label)
    {
        var data = ml.Data.LoadFromEnumerable(rows.Select(r => new FeatureRow { Features = r.Features, Label = label(r) }), FeatureRow.Schema(rows[0].Features.Length));
        var trainer = ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            NumberOfTrees = Options.Trees,
            NumberOfLeaves = Options.Leaves,
            MinimumExampleCountPerLeaf = Options.MinimumLeafRows,
            LearningRate = Options.LearningRate,
            NumberOfThreads = 1,
            Seed = Options.Seed,
            FeatureFirstUsePenalty = 0,
        });
        return trainer.Fit(data);
    }

    private static (double Slope, double Offset) Calibrate(MLContext ml, IEnumerable<(bool Label, float Score)> pairs)
    {
        var data = ml.Data.LoadFromEnumerable(pairs.Select(p => new CalibrationRow { Label = p.Label, Score = p.Score }));
        var platt = ((ISingleFeaturePredictionTransformer<PlattCalibrator>)ml.BinaryClassification.Calibrators.Platt().Fit(data)).Model;
        return (platt.Slope, platt.Offset);
    }

    private static IsotonicMap CalibrateIsotonic(MLContext ml, IEnumerable<(bool Label, float Score)> pairs)
    {
        var data = ml.Data.LoadFromEnumerable(pairs.Select(p => new CalibrationRow { Label = p.Label, Score = p.Score }));
        var map = ((ISingleFeaturePredictionTransformer<IsotonicCalibrator>)ml.BinaryClassification.Calibrators.Isotonic().Fit(data)).Model;
        return new IsotonicMap([.. map.Mins], [.. map.Maxes], [.. map.Values]);
    }

    /// <summary>The threshold with the best detection F1 over the (label, probability) pairs; 0 when dropping nothing is best.</summary>
    internal static double BestThreshold(IReadOnlyList<(bool IsTarget, double Probability)> pairs)
    {
        var positives = pairs.Count(p => p.IsTarget);
        double best = -1, bestThreshold = 0;
        foreach (var t in Thresholds)
        {
            var kept = pairs.Where(p => p.Probability >= t).ToList();
            var tp = kept.Count(p => p.IsTarget);
            var f1 = 2.0 * tp / (kept.Count + positives);
            if (f1 > best + 1e-9)
            {
                (best, bestThreshold) = (f1, t);
            }
        }

        return bestThreshold;
    }

    private static bool HasBoth<T>(IEnumerable<T> rows, Func<T, bool> label)
    {
        bool yes = false, no = false;
        foreach (var r in rows)
        {
            yes |= label(r);
            no |= !label(r);
        }

        return yes && no;
    }

    private static void Require(IReadOnlyList<TrainingRow> rows, Func<TrainingRow, bool> label, string model)
    {
        if (!HasBoth(rows, label))
        {
            throw new ModelException($"the training set has no {(rows.Any(label) ? "negative" : "positive")} rows for the {model} model; give more gold or reviews");
        }
    }

    private sealed class CalibrationRow
    {
        public bool Label { get; set; }

        public float Score { get; set; }
    }
}

/// <summary>Applies a fitted model to the rule candidates of a document the way <see cref="LearnedScorer"/> does inside the extractor.</summary>
internal static class ModelApplication
{
    public static List<PolicyTarget> Apply(ExtractorModel model, DocumentRows document)
    {
        var features = document.Rows.Select(r => r?.Features).ToList();
        if (features.Count == 0)
        {
            return [];
        }

        if (features.Any(f => f is null))
        {
            throw new InvalidOperationException($"{document.Labelled.Stem}: every candidate needs features to be rescored");
        }

        var (target, record) = model.RawScores([.. features.Select(f => f!)]);
        var m = model.Manifest;
        var kept = new List<PolicyTarget>();
        for (var i = 0; i < features.Count; i++)
        {
            if (m.TargetProbability(target[i]) >= m.Threshold)
            {
                kept.Add(document.Candidates[i] with { Confidence = Math.Round(m.RecordProbability(record[i]), 3) });
            }
        }

        return kept;
    }
}
