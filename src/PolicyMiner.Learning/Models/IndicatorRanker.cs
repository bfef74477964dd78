using Microsoft.ML;
using PolicyMiner.Extraction.Pipeline;
using PolicyMiner.Learning.Spans;

namespace PolicyMiner.Learning.Models;

/// <summary>What the model file says about the indicator-span ranker.</summary>
/// <param name="FeatureFingerprint">The <see cref="SpanFeatures.Fingerprint"/> the ranker was trained on.</param>
/// <param name="Margin">The ranker's choice replaces the rules' span only when its raw score beats the rules' span by more than
/// this (fitted on out-of-fold scores).</param>
/// <param name="Enabled">False when the ranker did not beat the rules' spans on held-out folds: it is shipped, but not used.</param>
/// <param name="Groups">Targets (ranking groups) it was trained on.</param>
/// <param name="Switches">Out-of-fold targets whose top-ranked span is not the rules' (at margin 0), for the train report.</param>
/// <param name="RightGain">Indicators right (Dice at least 0.8) gained minus lost by those switches at margin 0.</param>
public sealed record SpanRankerManifest(string FeatureFingerprint, int FeatureCount, double Margin, bool Enabled, int Groups, int Rows, int Switches = 0, int RightGain = 0);

/// <summary>
/// Chooses each target's indicator among <see cref="IndicatorSpanCandidates"/>: an ML.NET FastTree ranking model (LambdaRank)
/// scores every candidate, and its top choice replaces the rules' span only when it wins by the learned margin.
/// </summary>
/// <remarks>Immutable; <see cref="Choose(ExtractionContext, RuleCandidate)"/> is thread-safe (one feature buffer per thread).</remarks>
public sealed class IndicatorRanker
{
    [ThreadStatic]
    private static float[]? t_vector;

    [ThreadStatic]
    private static float[]? t_scores;

    private readonly TreeScorer _trees;

    internal IndicatorRanker(ITransformer model, SpanRankerManifest manifest)
    {
        Model = model;
        Manifest = manifest;
        _trees = TreeScorer.TryCreate(model) ?? throw new ModelException("the indicator ranker is not a tree ensemble of numeric splits");
    }

    internal ITransformer Model { get; }

    public SpanRankerManifest Manifest { get; }

    /// <summary>This ranker switched on or off (the decision of <c>train --cv</c>).</summary>
    public IndicatorRanker WithEnabled(bool enabled) => new(Model, Manifest with { Enabled = enabled });

    /// <summary>The indicator the ranker prefers to the rules' one, or null to keep the rules' (also when disabled).</summary>
    public string? Choose(ExtractionContext context, RuleCandidate candidate)
    {
        if (!Manifest.Enabled)
        {
            return null;
        }

        var spans = IndicatorSpanCandidates.For(context, candidate);
        if (spans.Count < 2)
        {
            return null;
        }

        var group = new SpanFeatures.Group(SpanFeatures.Current, context, candidate, spans);
        var vector = t_vector ??= new float[SpanFeatures.Current.Length];
        var scores = t_scores ??= new float[IndicatorSpanCandidates.MaxCandidates];
        for (var i = 0; i < spans.Count; i++)
        {
            group.Write(i, vector);
            scores[i] = _trees.Score(vector);
        }

        var best = Pick(scores.AsSpan(0, spans.Count), Manifest.Margin);
        return best > 0 ? spans[best].Text : null;
    }

    /// <summary>The candidate chosen from feature rows whose first row is the rules' span (0: keep the rules').</summary>
    internal int Choose(float[][] rows, double margin)
    {
        Span<float> scores = stackalloc float[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            scores[i] = _trees.Score(rows[i]);
        }

        return Pick(scores, margin);
    }

    /// <summary>Raw scores of feature rows (for margin fitting and tests).</summary>
    internal float[] Scores(float[][] rows) => [.. rows.Select(r => _trees.Score(r))];

    /// <summary>The top-scoring candidate when it beats candidate 0 (the rules') by more than <paramref name="margin"/>, else 0.</summary>
    internal static int Pick(ReadOnlySpan<float> scores, double margin)
    {
        var best = 0;
        for (var i = 1; i < scores.Length; i++)
        {
            if (scores[i] > scores[best])
            {
                best = i;
            }
        }

        return best > 0 && scores[best] - scores[0] > margin ? best : 0;
    }
}
