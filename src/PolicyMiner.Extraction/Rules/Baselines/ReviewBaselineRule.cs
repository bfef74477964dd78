using PolicyMiner.Extraction.Pipeline;
using PolicyMiner.Extraction.Text;

namespace PolicyMiner.Extraction.Rules.Baselines;

/// <summary>Gives a multi-year target the figure its plan's review states for the same indicator: a plan's 基础 section says
/// "2020年，研发经费投入强度达到2.1%", its goals say "到2025年研发经费投入强度达到2.8%"; 2.1 is the target's baseline.</summary>
/// <remarks>A structure, not a phrase: the past figure is a number the review scope rejected, stated for a year at least
/// <see cref="MinHorizon"/> years before the target's (an annual report's look back at last year is no plan baseline), in
/// the same unit, under a label that names the target's indicator (character overlap ≥ <see cref="MinOverlap"/>). A label
/// that lists several indicators with 分别 gives each its own figure in order. Only plans (规划、纲要、计划、方案 in the title)
/// are read so. Register after the indicator and year rules.</remarks>
public sealed class ReviewBaselineRule : ITargetRule
{
    /// <summary>The fewest years between a reviewed figure and a target it is the baseline of.</summary>
    public const int MinHorizon = 3;

    /// <summary>The least character Dice between the target's indicator and the past figure's label.</summary>
    public const double MinOverlap = 0.6;

    // Verbs between a label and its figure ("…比重达到2.27%"): not part of what is measured.
    private static readonly string[] LinkVerbs = ["分别达到", "分别为", "分别达", "达到", "突破", "超过", "增至", "提高到", "提升到", "实现", "为", "达"];

    public string Name => "review-baseline";

    public void Apply(ExtractionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var past = new List<(TargetDraft Draft, int Year, string Label)>();
        foreach (var draft in context.Drafts)
        {
            if (draft.RejectedBecause is RejectionReason.ReviewScope && PastYear(context, draft) is { } year && Label(context, draft) is { Length: >= 2 } label)
            {
                past.Add((draft, year, label));
            }
        }

        if (past.Count == 0 || !IsPlan(context.Document.Metadata.Title ?? FirstLine(context.Text)))
        {
            return;
        }

        // Each reviewed figure is the baseline of one target: the one whose indicator overlaps its label most (the earliest on a
        // tie), so a sub-region's goal for the same measure ("示范区…比重达到3%") does not take the whole plan's figure.
        var pairs = new List<(TargetDraft Target, TargetDraft Past, double Score)>();
        foreach (var draft in context.LiveDrafts)
        {
            if (draft.Table is not null || draft.Baseline is not null || draft.Year is not { } due || draft.Indicator.Length < 4)
            {
                continue;
            }

            TargetDraft? best = null;
            var bestScore = MinOverlap;
            foreach (var (candidate, year, label) in past)
            {
                if (candidate.Mention.Span.Start >= draft.Mention.Span.Start || due - year < MinHorizon
                    || candidate.Mention.Quantity.UnitStd != draft.Mention.Quantity.UnitStd || candidate.Mention.Quantity.Kind != draft.Mention.Quantity.Kind)
                {
                    continue;
                }

                var score = Dice(draft.Indicator, label);
                if (score >= bestScore)
                {
                    best = candidate;
                    bestScore = score;
                }
            }

            if (best is not null)
            {
                pairs.Add((draft, best, bestScore));
            }
        }

        foreach (var group in pairs.GroupBy(p => p.Past))
        {
            var (target, figure, _) = group.OrderByDescending(p => p.Score).ThenBy(p => p.Target.Mention.Span.Start).First();
            target.Baseline = BaselineRule.ToUnitOf(figure, target);
        }
    }

    // The genres whose goals are measured against the figures of their base year: plans, outlines, programmes. A work report's
    // look back at the past years reports them; its goals are stated on their own.
    private static readonly string[] PlanGenres = ["规划", "纲要", "计划", "方案"];

    /// <summary>The first line of a text when it reads as a title (short, no sentence end), else null.</summary>
    private static string? FirstLine(string text)
    {
        var trimmed = text.AsSpan().TrimStart();
        var end = trimmed.IndexOf('\n');
        var line = (end < 0 ? trimmed : trimmed[..end]).Trim();
        return line.Length is > 0 and <= 40 && line.IndexOfAny('。', '；') < 0 ? line.ToString() : null;
    }

    private static bool IsPlan(string? title) =>
        title is not null && !title.Contains("工作报告", StringComparison.Ordinal) && PlanGenres.Any(g => title.Contains(g, StringComparison.Ordinal));

    /// <summary>The year a reviewed figure is stated for: the last year named before it in its paragraph.</summary>
    private static int? PastYear(ExtractionContext context, TargetDraft draft)
    {
        var position = draft.Mention.Span.Start;
        int? year = null;
        foreach (var mention in context.YearsIn(ClauseText.ParagraphStart(context.Text, position), position))
        {
            if (mention.Kind is YearMentionKind.Absolute or YearMentionKind.Deadline or YearMentionKind.Period && mention.Resolve(context.PlanYear) is { } resolved)
            {
                year = resolved;
            }
        }

        return year;
    }

    /// <summary>What a reviewed figure measures: its clause up to the figure, without the linking verb; in a 分别 list, the item
    /// in the figure's place ("A和B分别达到1件和2件": A for the first, B for the second).</summary>
    private static string? Label(ExtractionContext context, TargetDraft draft)
    {
        var text = context.Text;
        var position = draft.Mention.Span.Start;
        var clauseStart = ClauseText.ClauseStart(text, position);
        var clause = text[clauseStart..position];
        var together = clause.IndexOf("分别", StringComparison.Ordinal);
        if (together > 0)
        {
            // The figure's place among the figures after 分别.
            var rank = 0;
            foreach (var other in context.Drafts)
            {
                var at = other.Mention.Span.Start;
                if (at >= clauseStart + together && at < position && other.Mention.Quantity.UnitStd == draft.Mention.Quantity.UnitStd)
                {
                    rank++;
                }
            }

            var items = clause[..together].Split(['和', '、', '及'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return rank < items.Length ? items[rank] : null;
        }

        foreach (var verb in LinkVerbs)
        {
            if (clause.EndsWith(verb, StringComparison.Ordinal))
            {
                clause = clause[..^verb.Length];
                break;
            }
        }

        return clause.Trim();
    }

    /// <summary>Character Dice of two phrases as multisets of letters and digits (punctuation and spaces ignored).</summary>
    private static double Dice(string a, string b)
    {
        var counts = new Dictionary<char, int>();
        var lengthA = 0;
        foreach (var c in a)
        {
            if (char.IsLetterOrDigit(c))
            {
                counts[c] = counts.GetValueOrDefault(c) + 1;
                lengthA++;
            }
        }

        var lengthB = 0;
        var common = 0;
        foreach (var c in b)
        {
            if (!char.IsLetterOrDigit(c))
            {
                continue;
            }

            lengthB++;
            if (counts.TryGetValue(c, out var n) && n > 0)
            {
                counts[c] = n - 1;
                common++;
            }
        }

        return lengthA + lengthB == 0 ? 0 : 2.0 * common / (lengthA + lengthB);
    }
}
