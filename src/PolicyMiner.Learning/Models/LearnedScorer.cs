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
        if (!kept)
        {
            return new TargetVerdict(false, record);
        }

        if (Model.Memory.Lessons.Count > 0)
        {
            var (correction, rejection) = Model.Memory.Recall(LessonKeys.Of(context, candidate), candidate.Target);
            if (correction is not null)
            {
                // The corrected record is what the confidence is about: its features are scored again.
                TargetFeatures.Current.Compute(context, candidate with { Target = correction.ApplyTo(candidate.Target) }, buffer);
                record = Model.Score(buffer.Vector).Record;
            }

            if (rejection is not null)
            {
                // Editors rejected numbers under this indicator more often than they kept them: the Laplace share kept caps the
                // confidence (the number is not dropped: nothing held out has shown that dropping them wins).
                var cap = rejection.ConfidenceCap;
                record = Math.Min(record, cap);
                var note = $"confidence at most {cap:0.00}: {rejection.Describe()}";
                correction = correction is null ? new TargetCorrection(note) : correction with { Because = correction.Because + "; " + note };
            }

            if (correction is not null)
            {
                return new TargetVerdict(true, record, null, correction with { Indicator = correction.Indicator ?? Model.Ranker?.Choose(context, candidate) });
            }
        }

        // The ranker runs only on kept targets, and only when train --cv found it beats the rules' spans.
        return new TargetVerdict(true, record, Model.Ranker?.Choose(context, candidate));
    }
}
