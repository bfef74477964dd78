using PolicyMiner.Extraction.Pipeline;
using PolicyMiner.Learning.Features;

namespace PolicyMiner.Learning.Models;

/// <summary>Plugs an <see cref="ExtractorModel"/> into the extractor: drops candidates whose targethood is below the model's
/// threshold and gives every kept target the calibrated probability that its whole record is right.</summary>
/// <remarks>Thread-safe, as <see cref="ITargetScorer"/> requires.</remarks>
public sealed class LearnedScorer(ExtractorModel model) : ITargetScorer
{
    public ExtractorModel Model { get; } = model ?? throw new ArgumentNullException(nameof(model));

    public string Fingerprint => Model.Fingerprint;

    public TargetVerdict Score(ExtractionContext context, RuleCandidate candidate)
    {
        var (target, record) = Model.Score(TargetFeatures.Current.Compute(context, candidate));
        return new TargetVerdict(target >= Model.Manifest.Threshold, record);
    }
}
