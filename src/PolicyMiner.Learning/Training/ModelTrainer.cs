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

/// <summary>Which held-out scores the whole-record calibration is fitted on.</summary>
public enum CalibrationGroups
{
    /// <summary>Out-of-fold scores from document-grouped folds: honest for new documents like the training mix, overconfident
    /// on documents of another genre (the model has seen their siblings).</summary>
    Document,

    /// <summary>Out-of-fold scores from leave-one-collection-out folds: each collection scored by models that saw none of it.</summary>
    Collection,

    /// <summary>Both sets of out-of-fold scores pooled: a calibration between "like the training mix" and "a new genre".</summary>
    Mixed,
}

/// <summary>Settings of the two FastTree models and their calibration. The defaults are what <c>policyminer train</c> ships.</summary>
/// <param name="CalibrationFolds">Document-grouped folds whose out-of-fold scores fit the calibrations and the threshold.</param>
/// <param name="CalibrationGroups">Which out-of-fold scores fit the whole-record calibration (the targethood calibration and the
/// threshold always come from the document-grouped folds).</param>
/// <param name="Record">Tree settings of the whole-record model; null: the targethood model's.</param>
/// <param name="RecordIgnores">Feature-name prefixes the whole-record model does not read (their columns are zeroed in its
/// training rows, so no tree splits on them): features that tell collections apart rather than good records from bad.</param>
public sealed record TrainerOptions(
    int Seed = 1,
    int Trees = 100,
    int Leaves = 8,
    int MinimumLeafRows = 10,
    double LearningRate = 0.1,
    int CalibrationFolds = 5,
    RecordCalibration Calibration = RecordCalibration.Platt,
    CalibrationGroups CalibrationGroups = CalibrationGroups.Document,
    TreeSettings? Record = null,
    IReadOnlyList<string>? RecordIgnores = null,
    TreeSettings? Ranker = null)
{
    /// <summary>The indicator-span ranker's tree settings: small, as it scores every candidate span of every target.</summary>
    public TreeSettings RankerTrees => Ranker ?? new TreeSettings(60, 8, 10);

    /// <summary>The targethood model's tree settings.</summary>
    public TreeSettings Targethood => new(Trees, Leaves, MinimumLeafRows);

    /// <summary>The whole-record model's tree settings.</summary>
    public TreeSettings RecordTrees => Record ?? Targethood;
}

/// <summary>Size of one boosted-tree ensemble: fewer trees and leaves and more rows per leaf learn less of one collection's quirks.</summary>
public sealed record TreeSettings(int Trees, int Leaves, int MinimumLeafRows);

/// <summary>Trains the targethood and whole-record models with ML.NET FastTree, calibrates them on out-of-fold scores
/// (Platt) and picks the targethood threshold that maximises out-of-fold detection F1. Without a false alarm among the training
/// rows there is nothing to learn about targethood: no targethood model is fitted and every candidate is kept.</summary>
/// <remarks>Deterministic: fixed seed, one training thread, folds assigned by document and collection name order.</remarks>
public sealed class ModelTrainer(TrainerOptions options)
{
    /// <summary>Thresholds tried for dropping a candidate (0: keep everything, the model only sets confidence).</summary>
    private static readonly double[] Thresholds = [0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6];

    public TrainerOptions Options { get; } = options ?? throw new ArgumentNullException(nameof(options));

    /// <summary>Fits both models on <paramref name="rows"/> with calibration from <see cref="TrainerOptions.CalibrationFolds"/> folds.</summary>
    /// <exception cref="ModelException">No row is a target, or the whole-record model lacks right or wrong records.</exception>
    /// <param name="spans">Labelled candidate spans of targets: they train the indicator-span ranker (none: no ranker).</param>
    public ExtractorModel Fit(IReadOnlyList<TrainingRow> rows, IReadOnlyList<string>? heldOut = null, IReadOnlyList<SpanGroup>? spans = null) =>
        Fit(rows, Options.CalibrationFolds, heldOut ?? [], spans ?? []);

    internal ExtractorModel Fit(IReadOnlyList<TrainingRow> rows, int calibrationFolds, IReadOnlyList<string> heldOut, IReadOnlyList<SpanGroup> spans)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var ml = new MLContext(seed: Options.Seed);
        var recordRows = rows.Where(r => r.RecordRight is not null).ToList();
        if (!rows.Any(r => r.IsTarget))
        {
            throw new ModelException("the training set has no positive rows for the targethood model; give more gold or reviews");
        }

        Require(recordRows, r => r.RecordRight == true, "whole-record");

        // Reviewed gold of precise rules can hold no false alarm: then there is nothing to learn about targethood, so no
        // targethood model is fitted, every candidate is kept (threshold 0) and the whole-record model alone sets confidence.
        var targethood = LearnsTargethood(rows);

        // Out-of-fold scores: each document is scored by models that never saw it, so the calibration sees honest scores.
        var byDocument = Folds(rows.Select(r => r.Document), calibrationFolds);
        var (targetScores, recordScores, targetScored, recordScored) = OutOfFold(ml, rows, r => byDocument[r.Document], calibrationFolds, targethood);

        // Only rows a fold's model actually scored are calibrated on: an unscored row's 0 would pull the curves towards it.
        var (targetSlope, targetOffset, threshold) = (0.0, 0.0, 0.0);
        if (targethood)
        {
            var targetRows = Enumerable.Range(0, rows.Count).Where(i => targetScored[i]).ToList();
            (targetSlope, targetOffset) = Calibrate(ml, targetRows.Select(i => (rows[i].IsTarget, targetScores[i])));
            threshold = BestThreshold(targetRows.Select(i => (rows[i].IsTarget, ExtractorModel.Platt(targetScores[i], targetSlope, targetOffset))).ToList());
        }

        // Confidence is judged on the targets the model keeps, so the whole-record calibration is fitted on those rows only (a row
        // whose fold had no false alarm to learn targethood from is kept, as a threshold of 0 would).
        var kept = Enumerable.Range(0, rows.Count)
            .Where(i => rows[i].RecordRight is not null && recordScored[i]
                        && (!targetScored[i] || ExtractorModel.Platt(targetScores[i], targetSlope, targetOffset) >= threshold))
            .ToList();
        var recordPairs = new List<(bool Label, float Score)>();
        var collections = rows.Select(r => r.Collection).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (Options.CalibrationGroups != CalibrationGroups.Collection || collections.Count < 2)
        {
            recordPairs.AddRange(kept.Select(i => (rows[i].RecordRight == true, recordScores[i])));
        }

        if (Options.CalibrationGroups != CalibrationGroups.Document && collections.Count >= 2)
        {
            // Scores of each collection from a whole-record model that saw none of it: what the model is worth on a new genre.
            var index = collections.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);
            var (_, shifted, _, scored) = OutOfFold(ml, rows, r => index[r.Collection], collections.Count, targethood: false);
            recordPairs.AddRange(kept.Where(i => scored[i]).Select(i => (rows[i].RecordRight == true, shifted[i])));
        }

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
            isotonic,
            HasTargethood: targethood);
        var ranker = spans.Count == 0 ? null : RankerTrainer.Fit(ml, spans, Options, Math.Min(3, calibrationFolds));
        return new ExtractorModel(ml, targethood ? TrainTargethood(ml, rows) : null, TrainRecord(ml, recordRows), manifest with { Spans = ranker?.Manifest }, "unsaved", ranker);
    }

    /// <summary>Whether <paramref name="rows"/> teach targethood: they need a target and a false alarm (a candidate that is not one).</summary>
    public static bool LearnsTargethood(IEnumerable<TrainingRow> rows) => HasBoth(rows, r => r.IsTarget);

    /// <summary>Raw scores of every row from models trained without its fold. A targethood score needs a training part with
    /// targets and false alarms, a whole-record score one with right and wrong records; <c>TargetScored</c> and
    /// <c>RecordScored</c> say which rows got each (the others stay 0 and must not be calibrated on).</summary>
    internal (float[] Target, float[] Record, bool[] TargetScored, bool[] RecordScored) OutOfFold(
        MLContext ml, IReadOnlyList<TrainingRow> rows, Func<TrainingRow, int> foldOf, int folds, bool targethood = true)
    {
        var targetScores = new float[rows.Count];
        var recordScores = new float[rows.Count];
        var targetScored = new bool[rows.Count];
        var recordScored = new bool[rows.Count];
        for (var f = 0; f < folds; f++)
        {
            var train = rows.Where(r => foldOf(r) != f).ToList();
            var test = Enumerable.Range(0, rows.Count).Where(i => foldOf(rows[i]) == f).ToList();
            var recordTrain = train.Where(r => r.RecordRight is not null).ToList();
            var scoresRecord = HasBoth(recordTrain, r => r.RecordRight == true);
            var scoresTarget = targethood && HasBoth(train, r => r.IsTarget);
            if (test.Count == 0 || !(scoresRecord || scoresTarget))
            {
                continue;
            }

            var features = test.Select(i => rows[i].Features).ToList();
            var t = scoresTarget ? ExtractorModel.RawScores(ml, TrainTargethood(ml, train), features, features[0].Length) : null;
            var r = scoresRecord ? ExtractorModel.RawScores(ml, TrainRecord(ml, recordTrain), features, features[0].Length) : null;
            for (var k = 0; k < test.Count; k++)
            {
                if (t is not null)
                {
                    targetScores[test[k]] = t[k];
                    targetScored[test[k]] = true;
                }

                if (r is not null)
                {
                    recordScores[test[k]] = r[k];
                    recordScored[test[k]] = true;
                }
            }
        }

        return (targetScores, recordScores, targetScored, recordScored);
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

    private ITransformer TrainTargethood(MLContext ml, IReadOnlyList<TrainingRow> rows) =>
        Train(ml, rows.Select(r => new FeatureRow { Features = r.Features, Label = r.IsTarget }), rows[0].Features.Length, Options.Targethood);

    private ITransformer TrainRecord(MLContext ml, IReadOnlyList<TrainingRow> rows)
    {
        var ignored = IgnoredColumns(Options.RecordIgnores);
        return Train(ml, rows.Select(r => new FeatureRow { Features = Without(r.Features, ignored), Label = r.RecordRight == true }), rows[0].Features.Length, Options.RecordTrees);
    }

    /// <summary>Columns of the features named by <paramref name="prefixes"/>.</summary>
    internal static int[] IgnoredColumns(IReadOnlyList<string>? prefixes)
    {
        var names = TargetFeatures.Current.Names;
        return prefixes is null or { Count: 0 } ? []
            : [.. Enumerable.Range(0, names.Count).Where(i => prefixes.Any(p => names[i].StartsWith(p, StringComparison.Ordinal)))];
    }

    private static float[] Without(float[] features, int[] columns)
    {
        if (columns.Length == 0)
        {
            return features;
        }

        var copy = (float[])features.Clone();
        foreach (var c in columns)
        {
            copy[c] = 0;
        }

        return copy;
    }

    private ITransformer Train(MLContext ml, IEnumerable<FeatureRow> rows, int featureCount, TreeSettings trees)
    {
        var data = ml.Data.LoadFromEnumerable(rows, FeatureRow.Schema(featureCount));
        var trainer = ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            NumberOfTrees = trees.Trees,
            NumberOfLeaves = trees.Leaves,
            MinimumExampleCountPerLeaf = trees.MinimumLeafRows,
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

    /// <summary>F1 within this of the best counts as tied: out-of-fold F1 moves by about this much when one target flips.</summary>
    internal const double PlateauEpsilon = 0.002;

    /// <summary>The targethood threshold over the (label, probability) pairs: the middle of the widest plateau of detection F1
    /// (see <see cref="PlateauMiddle"/>); 0 when keeping everything is that middle.</summary>
    internal static double BestThreshold(IReadOnlyList<(bool IsTarget, double Probability)> pairs)
    {
        var positives = pairs.Count(p => p.IsTarget);
        var curve = Thresholds.Select(t =>
        {
            var kept = pairs.Where(p => p.Probability >= t).ToList();
            return (t, 2.0 * kept.Count(p => p.IsTarget) / (kept.Count + positives));
        }).ToList();
        return PlateauMiddle(curve, PlateauEpsilon);
    }

    /// <summary>The middle threshold of the widest run of consecutive thresholds whose F1 is within <paramref name="epsilon"/>
    /// of the best (the first such run on a tie; the lower middle of an even run). A lone peak on a noisy out-of-fold curve is
    /// one fold's luck; the middle of a wide plateau stays good when the next model's scores shift a little.</summary>
    internal static double PlateauMiddle(IReadOnlyList<(double Threshold, double F1)> curve, double epsilon)
    {
        ArgumentNullException.ThrowIfNull(curve);
        if (curve.Count == 0)
        {
            return 0;
        }

        var best = curve.Max(c => c.F1);
        int bestStart = 0, bestLength = 0;
        for (var i = 0; i < curve.Count;)
        {
            if (curve[i].F1 < best - epsilon)
            {
                i++;
                continue;
            }

            var start = i;
            while (i < curve.Count && curve[i].F1 >= best - epsilon)
            {
                i++;
            }

            if (i - start > bestLength)
            {
                (bestStart, bestLength) = (start, i - start);
            }
        }

        return curve[bestStart + ((bestLength - 1) / 2)].Threshold;
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
    /// <param name="rankIndicators">Let the model's indicator ranker (when it has one and it is enabled) replace the rules' spans.</param>
    public static List<PolicyTarget> Apply(ExtractorModel model, DocumentRows document, bool rankIndicators = false)
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
            if (target is null || m.TargetProbability(target[i]) >= m.Threshold)
            {
                var candidate = document.Candidates[i];
                if (rankIndicators && model.Ranker is { Manifest.Enabled: true } ranker && i < document.Spans.Count && document.Spans[i] is { } group
                    && ranker.Choose(group.Features, ranker.Manifest.Margin) is > 0 and var chosen)
                {
                    candidate = group.Retarget(group.Spans[chosen].Text);
                }

                var confidence = m.RecordProbability(record[i]);
                if (model.Memory.Lessons.Count > 0 && i < document.Keys.Count)
                {
                    // As LearnedScorer recalls lessons (the confidence of a corrected record is not rescored here: cross-validation
                    // rows carry the rules' features only).
                    var (correction, rejection) = model.Memory.Recall(document.Keys[i], candidate);
                    candidate = correction?.ApplyTo(candidate) ?? candidate;
                    confidence = rejection is null ? confidence : Math.Min(confidence, rejection.ConfidenceCap);
                }

                kept.Add(candidate with { Confidence = Math.Round(confidence, 3) });
            }
        }

        return kept;
    }
}
