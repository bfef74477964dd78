using PolicyMiner.Core.Documents;
using PolicyMiner.Core.Indicators;
using PolicyMiner.Core.Targets;
using PolicyMiner.Core.Text;
using PolicyMiner.Extraction.Pipeline;
using PolicyMiner.Extraction.Text;

namespace PolicyMiner.Extraction;

/// <summary>Extracts every quantified target of a policy document as <see cref="PolicyTarget"/> records.</summary>
/// <remarks>Immutable and thread-safe: one instance can serve any number of documents and threads. Text never makes it throw.</remarks>
public sealed class TargetExtractor
{
    private readonly Lazy<string> _version;

    public TargetExtractor()
        : this(new ExtractionPipelineBuilder().UseDefaultRules().Build())
    {
    }

    public TargetExtractor(ExtractionPipeline pipeline, IndicatorTaxonomy? taxonomy = null, ITargetScorer? scorer = null)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        Pipeline = pipeline;
        Taxonomy = taxonomy ?? IndicatorTaxonomy.Default;
        Scorer = scorer;
        _version = new Lazy<string>(() => ExtractorFingerprint.Of(Pipeline, Taxonomy)
            + (Scorer is null ? "" : ".model." + (Scorer.Fingerprint.Length > 12 ? Scorer.Fingerprint[..12] : Scorer.Fingerprint)));
    }

    /// <summary>A shared extractor with the default rules.</summary>
    public static TargetExtractor Default { get; } = new();

    /// <summary>Identifies what this extractor outputs (rules, their code and data, the taxonomy); stored with every target.</summary>
    /// <remarks>Computed once per extractor; see <see cref="ExtractorFingerprint"/>. A store re-extracts documents stored under another version.</remarks>
    public string Version => _version.Value;

    public ExtractionPipeline Pipeline { get; }

    /// <summary>Assigns each target its canonical indicator, so the same indicator compares across documents.</summary>
    public IndicatorTaxonomy Taxonomy { get; }

    // 比上年同期增长, 年均增长: the longest growth phrases between an indicator and its number.
    private const int MaxMeasureTail = 8;

    /// <summary>The learned scorer that drops non-targets and sets calibrated confidence, or null for rules alone.</summary>
    public ITargetScorer? Scorer { get; }

    /// <summary>This extractor's rules and taxonomy with <paramref name="scorer"/> (null: rules alone).</summary>
    public TargetExtractor WithScorer(ITargetScorer? scorer) => new(Pipeline, Taxonomy, scorer);

    /// <summary>The targets of <paramref name="document"/>, in text order.</summary>
    public IReadOnlyList<PolicyTarget> Extract(PolicyDocument document)
    {
        var candidates = Candidates(document, out var context);
        var targets = new List<PolicyTarget>(candidates.Count);
        foreach (var candidate in candidates)
        {
            if (Scorer is null)
            {
                targets.Add(candidate.Target);
                continue;
            }

            var verdict = Scorer.Score(context, candidate);
            if (verdict.IsTarget)
            {
                var target = verdict.Correction is { } correction ? Corrected(candidate, correction)
                    : verdict.Indicator is { } indicator ? WithIndicator(candidate, indicator) : candidate.Target;
                targets.Add(target with { Confidence = Math.Round(verdict.Confidence, 3) });
            }
        }

        return targets;
    }

    /// <summary>The rules' targets of <paramref name="document"/> with their drafts, before any scorer, in text order.</summary>
    public IReadOnlyList<RuleCandidate> Candidates(PolicyDocument document, out ExtractionContext context)
    {
        ArgumentNullException.ThrowIfNull(document);
        context = Pipeline.Run(document);
        var candidates = new List<RuleCandidate>(context.Drafts.Count);
        foreach (var draft in context.LiveDrafts)
        {
            var target = ToTarget(document, draft);
            candidates.Add(new RuleCandidate(draft, Canonicalise(target, draft.CategoryDecided, draft.Table?.Topic, MeasureTail(target, draft, target.Indicator))));
            foreach (var indicator in draft.SharedWith)
            {
                // "A、B均达到45%": each item is a target of its own, with everything else in common but a topic its own words name
                // (示范村、孵化器各1个: the first item's clause lent it the farm topic, which the second does not share).
                var shared = target with { Indicator = indicator };
                var decided = draft.CategoryDecided;
                if (Rules.Categories.CategoryRule.OwnTopicOf(indicator, draft.Mention.Quantity.Kind) is { } own && own != target.Category)
                {
                    shared = shared with { Category = own };
                    decided = true;
                }

                candidates.Add(new RuleCandidate(draft, Canonicalise(shared, decided, measureTail: MeasureTail(target, draft, indicator))));
            }
        }

        return candidates;
    }

    /// <summary>The target of <paramref name="candidate"/> with another indicator (a scorer's span choice), canonicalised again.</summary>
    public PolicyTarget WithIndicator(RuleCandidate candidate, string indicator)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(indicator);
        return Canonicalise(
            candidate.Target with { Indicator = indicator, Category = candidate.Draft.Category },
            candidate.Draft.CategoryDecided,
            measureTail: MeasureTail(candidate.Target, candidate.Draft, indicator));
    }

    /// <summary>The target of <paramref name="candidate"/> with an editor-taught <paramref name="correction"/>, its indicator id matched again.</summary>
    public PolicyTarget Corrected(RuleCandidate candidate, TargetCorrection correction)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(correction);
        var target = correction.ApplyTo(candidate.Target);
        return target with { IndicatorId = Taxonomy.Match(target.Indicator + MeasureTail(target, candidate.Draft, target.Indicator), target.Category, target.Unit) };
    }

    /// <summary>Runs the pipeline and returns its working state (every draft, with rejection reasons), for diagnostics and tests.</summary>
    public ExtractionContext Trace(PolicyDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Pipeline.Run(document);
    }

    private static PolicyTarget ToTarget(PolicyDocument document, TargetDraft draft)
    {
        var q = draft.Mention.Quantity;
        var quote = draft.Quote;
        var source = SafeSource(document.OffsetMap, quote, document.SourceText.Length);
        return new PolicyTarget
        {
            Doc = document.SourceName,
            Quote = document.Text[quote.Start..quote.End],
            Start = quote.Start,
            End = quote.End,
            SourceStart = source.Start,
            SourceEnd = source.End,
            Indicator = draft.Indicator,
            Category = draft.Category,
            Value = q.Value,
            ValueMax = q.ValueMax,
            Unit = q.Unit,
            ValueStd = q.ValueStd,
            UnitStd = q.UnitStd,
            Comparator = draft.Comparator,
            Kind = draft.Kind,
            Commitment = draft.Commitment,
            Year = draft.Year,
            YearText = draft.YearText,
            Baseline = draft.Baseline,
            Responsible = draft.Responsible,
            Confidence = draft.Confidence,
        };
    }

    /// <param name="topic">What a table cell measures without the table's own words (目标, 任务 …), which the taxonomy would
    /// otherwise read as an indicator; null outside tables.</param>
    /// <param name="measureTail">The words between the indicator and its number (see <see cref="MeasureTail"/>).</param>
    private PolicyTarget Canonicalise(PolicyTarget target, bool categoryDecided, string? topic = null, string measureTail = "")
    {
        var category = target.Category;
        if (!categoryDecided && string.Equals(category, TargetCategories.Other, StringComparison.Ordinal))
        {
            // The category rule's keyword table found nothing; a phrase match in the taxonomy (never its
            // per-category fallback) names the category the indicator belongs to.
            var match = Taxonomy.FindWithEvidence(topic ?? target.Indicator, null, target.Unit);
            if (match.Definition is { } found && !match.FromDefault)
            {
                category = found.Category;
            }
        }

        return target with
        {
            Category = category,
            IndicatorId = categoryDecided
                ? Taxonomy.MatchDecided(target.Indicator + measureTail, category, target.Unit)
                : Taxonomy.Match(target.Indicator + measureTail, category, target.Unit),
        };
    }

    /// <summary>
    /// The words between the indicator and its number in the quote ("地区生产总值年均增长6.8%": 年均增长), or "". They say how the
    /// measure is taken — a yearly average over a plan period is not the year's growth — which the taxonomy must read to tell
    /// such indicators apart, while the indicator itself (as annotators write it) leaves them out.
    /// </summary>
    private static string MeasureTail(PolicyTarget target, TargetDraft draft, string indicator)
    {
        var numberAt = draft.ExpressionStart - target.Start;
        if (indicator.Length == 0 || numberAt <= 0 || numberAt > target.Quote.Length)
        {
            return "";
        }

        var before = target.Quote.AsSpan(0, numberAt);
        var at = before.LastIndexOf(indicator, StringComparison.Ordinal);
        if (at < 0)
        {
            return "";
        }

        // Only a short run of Han characters right after the indicator: anything longer or punctuated is another clause.
        var tail = before[(at + indicator.Length)..];
        foreach (var c in tail)
        {
            if (!ClauseText.IsHan(c))
            {
                return "";
            }
        }

        return tail.Length <= MaxMeasureTail ? tail.ToString() : "";
    }

    private static TextSpan SafeSource(OffsetMap map, TextSpan span, int sourceLength)
    {
        if (map.NormalisedLength < span.End)
        {
            return span;
        }

        var s = map.ToSource(span);
        return new TextSpan(Math.Clamp(s.Start, 0, sourceLength), Math.Clamp(s.End, 0, sourceLength));
    }
}
