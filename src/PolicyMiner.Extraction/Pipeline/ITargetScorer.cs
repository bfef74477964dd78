using PolicyMiner.Core.Targets;

namespace PolicyMiner.Extraction.Pipeline;

/// <summary>A learned second opinion on the rules' targets: whether each is a target at all and how likely its whole record is right.</summary>
/// <remarks>Implementations must be thread-safe: one <see cref="TargetExtractor"/> serves any number of threads.</remarks>
public interface ITargetScorer
{
    /// <summary>Identifies the scorer's model and settings; part of <see cref="TargetExtractor.Version"/>, so a new model re-extracts.</summary>
    string Fingerprint { get; }

    /// <summary>The verdict on <paramref name="candidate"/>, a target the rules produced in <paramref name="context"/>.</summary>
    TargetVerdict Score(ExtractionContext context, RuleCandidate candidate);
}

/// <summary>A scorer's verdict on one target.</summary>
/// <param name="IsTarget">False when the scorer finds the number is not a target: the extractor drops it.</param>
/// <param name="Confidence">Calibrated probability (0–1) that the whole record is right; becomes <see cref="PolicyTarget.Confidence"/>.</param>
/// <param name="Indicator">A better indicator than the rules' (a learned span choice), or null to keep the rules' one.</param>
/// <param name="Correction">Fields an editor corrected on a target of the same structure in a reviewed document, or null.</param>
public readonly record struct TargetVerdict(bool IsTarget, double Confidence, string? Indicator = null, TargetCorrection? Correction = null);

/// <summary>Fields a scorer replaces on the rules' target because editors corrected them where the same structure recurred
/// (null fields are kept); <paramref name="Because"/> says which lesson, from which reviewed document, for <c>extract --explain</c>.</summary>
public sealed record TargetCorrection(
    string Because,
    string? Indicator = null,
    TargetKind? Kind = null,
    string? Category = null,
    Comparator? Comparator = null,
    Commitment? Commitment = null)
{
    /// <summary><paramref name="target"/> with the corrected fields (the caller canonicalises the indicator id again).</summary>
    public PolicyTarget ApplyTo(PolicyTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return target with
        {
            Indicator = Indicator ?? target.Indicator,
            Kind = Kind ?? target.Kind,
            Category = Category ?? target.Category,
            Comparator = Comparator ?? target.Comparator,
            Commitment = Commitment ?? target.Commitment,
        };
    }
}

/// <summary>A target as the rules made it, with the draft it came from (what a scorer and its training read).</summary>
public sealed record RuleCandidate(TargetDraft Draft, PolicyTarget Target);
