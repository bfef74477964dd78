using PolicyMiner.Extraction.Pipeline;
using PolicyMiner.Learning.Features;

namespace PolicyMiner.Learning.Models;

/// <summary>Plugs an <see cref="ExtractorModel"/> into the extractor: drops candidates whose targethood is below the model's
/// threshold, gives every kept target the calibrated probability that its whole record is right and, when the model's indicator
/// ranker is enabled, the indicator span it prefers to the rules'.</summary>
/// <remarks>Thread-safe, as <see cref="ITargetScorer"/> requires: each thread fills its own feature buffer.</remarks>
public sealed class LearnedScorer(ExtractorModel model) : ITargetScorer
{
    /// <summary>One feature buffer per thread, reused for every candidate: the scorer runs once per target on the hot path.</summary>
    [ThreadStatic]
    private static FeatureBuffer? t_buffer;

    public ExtractorModel Model { get; } = model ?? throw new ArgumentNullException(nameof(model));

    public string Fingerprint => Model.Fingerprint;

    public TargetVerdict Score(ExtractionContext context, RuleCandidate candidate)
    {
        var buffer = t_buffer ??= new FeatureBuffer(TargetFeatures.Current);
        TargetFeatures.Current.Compute(context, candidate, buffer);
        var (target, record) = Model.Score(buffer.Vector);
        var kept = target >= Model.Manifest.Threshold;
        // The ranker runs only on kept targets, and only when train --cv found it beats the rules' spans.
        return new TargetVerdict(kept, record, kept ? Model.Ranker?.Choose(context, candidate) : null);
    }
}
