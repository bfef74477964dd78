using PolicyMiner.Core.Targets;
using PolicyMiner.Extraction.Pipeline;

namespace PolicyMiner.Extraction.Rules.Confidence;

/// <summary>Scores how sure the extractor is of each record: lower for Chinese-numeral values, borrowed indicators, no indicator,
/// the catch-all category and bare magnitudes.</summary>
public sealed class ConfidenceRule : ITargetRule
{
    public string Name => "confidence";

    public void Apply(ExtractionContext context)
    {
        foreach (var draft in context.LiveDrafts)
        {
            var score = 0.95;
            if (draft.Mention.IsChinese)
            {
                score -= 0.15;
            }

            if (draft.IndicatorInherited)
            {
                score -= 0.1;
            }

            if (draft.Indicator.Length == 0)
            {
                score -= 0.3;
            }

            if (draft.Category == TargetCategories.Other)
            {
                score -= 0.1;
            }

            if (draft.Mention.Quantity.Unit.Length == 0)
            {
                score -= 0.2;
            }

            draft.Confidence = Math.Round(Math.Clamp(score, 0.05, 1.0), 2);
        }
    }
}
