using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;
using PolicyMiner.Core.Targets;
using PolicyMiner.Extraction.Evaluation;
using PolicyMiner.Learning.Models;
using PolicyMiner.Learning.Spans;

namespace PolicyMiner.Learning.Training;

/// <summary>The candidate indicator spans of one labelled target, with their features and their Dice against the right indicator.</summary>
/// <param name="Spans">The candidates, the rules' span first.</param>
/// <param name="Dice">Character Dice of each candidate's text against the labelled indicator (as the evaluation scores it).</param>
/// <param name="Retarget">The candidate target with another indicator, canonicalised as the extractor does.</param>
public sealed record SpanGroup(string Document, IReadOnlyList<SpanCandidate> Spans, float[][] Features, double[] Dice, Func<string, PolicyTarget> Retarget)
{
    /// <summary>The candidate with the best Dice (the rules' span among equals): the label of the group.</summary>
    public int Best
    {
        get
        {
            var best = 0;
            for (var i = 1; i < Dice.Length; i++)
            {
                if (Dice[i] > Dice[best] + 1e-9)
                {
                    best = i;
                }
            }

            return best;
        }
    }

    /// <summary>True when some candidate reaches the evaluation's indicator threshold: only such groups train the ranker.</summary>
    public bool Trainable => Dice[Best] >= Evaluator.IndicatorRightThreshold;

    /// <summary>Graded relevance of candidate <paramref name="index"/> for LambdaRank: 3 the best, 2 right, 1 close, 0 wrong.</summary>
    public float Relevance(int index) =>
        Dice[index] >= Dice[Best] - 1e-9 ? 3 : Dice[index] >= Evaluator.IndicatorRightThreshold ? 2 : Dice[index] >= 0.5 ? 1 : 0;

    /// <summary>Builds the group of a target whose right indicator is <paramref name="indicator"/>.</summary>
    public static SpanGroup Of(string document, IReadOnlyList<SpanCandidate> spans, float[][] features, string indicator, Func<string, PolicyTarget> retarget) =>
        new(document, spans, features, [.. spans.Select(s => Evaluator.IndicatorDice(s.Text, indicator))], retarget);
}

/// <summary>Trains the indicator-span ranker (ML.NET FastTree LambdaRank, one group per target) and fits the margin by which its
/// choice must beat the rules' span, on out-of-fold scores: the margin that makes the most indicators right, or none.</summary>
internal static class RankerTrainer
{
    /// <summary>Margins tried (raw-score differences); a ranker whose best margin gains nothing is disabled.</summary>
    private static readonly double[] Margins = [0, 0.1, 0.25, 0.5, 0.75, 1, 1.5, 2, 3, 4];

    /// <summary>The ranker, or null when the groups are too few to learn from.</summary>
    public static IndicatorRanker? Fit(MLContext ml, IReadOnlyList<SpanGroup> groups, TrainerOptions options, int innerFolds)
    {
        var trainable = groups.Where(g => g.Trainable && g.Spans.Count > 1).ToList();
        if (trainable.Count < 20)
        {
            return null;
        }

        // Out-of-fold choices fit the margin: each document's groups scored by a ranker that never saw the document.
        var fold = ModelTrainer.Folds(groups.Select(g => g.Document), innerFolds);
        var outcomes = new List<(double Lead, int RightGain, double DiceGain)>();
        for (var f = 0; f < innerFolds; f++)
        {
            var train = trainable.Where(g => fold[g.Document] != f).ToList();
            var test = groups.Where(g => fold[g.Document] == f && g.Spans.Count > 1).ToList();
            if (train.Count < 20 || test.Count == 0)
            {
                continue;
            }

            var ranker = new IndicatorRanker(Train(ml, train, options), Manifest(train, 0, true));
            foreach (var g in test)
            {
                var scores = ranker.Scores(g.Features);
                var top = IndicatorRanker.Pick(scores, double.NegativeInfinity);
                if (top > 0)
                {
                    outcomes.Add((scores[top] - scores[0], Right(g.Dice[top]) - Right(g.Dice[0]), g.Dice[top] - g.Dice[0]));
                }
            }
        }

        var (margin, gain) = (double.PositiveInfinity, (Right: 0, Dice: 0.0));
        foreach (var m in Margins)
        {
            var switched = outcomes.Where(o => o.Lead > m).ToList();
            var g = (switched.Sum(o => o.RightGain), switched.Sum(o => o.DiceGain));
            if (g.Item1 > gain.Right || (g.Item1 == gain.Right && g.Item2 > gain.Dice + 1e-9 && g.Item1 > 0))
            {
                (margin, gain) = (m, g);
            }
        }

        var enabled = gain.Right > 0;
        var manifest = Manifest(trainable, enabled ? margin : Margins[^1], enabled) with
        {
            Switches = outcomes.Count(o => o.Lead > 0),
            RightGain = outcomes.Where(o => o.Lead > 0).Sum(o => o.RightGain),
        };
        return new IndicatorRanker(Train(ml, trainable, options), manifest);
    }

    private static int Right(double dice) => dice >= Evaluator.IndicatorRightThreshold ? 1 : 0;

    private static SpanRankerManifest Manifest(IReadOnlyList<SpanGroup> groups, double margin, bool enabled) =>
        new(SpanFeatures.Current.Fingerprint, SpanFeatures.Current.Length, margin, enabled, groups.Count, groups.Sum(g => g.Spans.Count));

    private static ITransformer Train(MLContext ml, IReadOnlyList<SpanGroup> groups, TrainerOptions options)
    {
        var rows = new List<SpanRow>();
        for (var g = 0; g < groups.Count; g++)
        {
            for (var i = 0; i < groups[g].Spans.Count; i++)
            {
                rows.Add(new SpanRow { Features = groups[g].Features[i], Label = groups[g].Relevance(i), GroupId = (uint)g + 1 });
            }
        }

        var data = ml.Data.LoadFromEnumerable(rows, SpanRow.Schema(SpanFeatures.Current.Length, groups.Count));
        var trees = options.RankerTrees;
        var trainer = ml.Ranking.Trainers.FastTree(new FastTreeRankingTrainer.Options
        {
            LabelColumnName = nameof(SpanRow.Label),
            FeatureColumnName = nameof(SpanRow.Features),
            RowGroupColumnName = nameof(SpanRow.GroupId),
            NumberOfTrees = trees.Trees,
            NumberOfLeaves = trees.Leaves,
            MinimumExampleCountPerLeaf = trees.MinimumLeafRows,
            LearningRate = options.LearningRate,
            NumberOfThreads = 1,
            Seed = options.Seed,
            FeatureFirstUsePenalty = 0,
        });
        return trainer.Fit(data);
    }

    /// <summary>One candidate span handed to ML.NET's ranking trainer.</summary>
    private sealed class SpanRow
    {
        public float[] Features { get; set; } = [];

        public float Label { get; set; }

        public uint GroupId { get; set; }

        public static SchemaDefinition Schema(int featureCount, int groups)
        {
            var schema = SchemaDefinition.Create(typeof(SpanRow));
            schema[nameof(Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, featureCount);
            schema[nameof(GroupId)].ColumnType = new KeyDataViewType(typeof(uint), (ulong)groups + 1);
            return schema;
        }
    }
}
