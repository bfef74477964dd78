using PolicyMiner.Extraction.Pipeline;
using PolicyMiner.Extraction.Quantities;
using PolicyMiner.Extraction.Text;

namespace PolicyMiner.Extraction.Rules.NonTargets;

/// <summary>Rejects numbers that are not targets: names of programmes and campaigns (“五个100”, 1+7, 百家企业高校行), ordinals
/// (第三, 十九届二次全会), the article 一 (一批, 一个), codes, past statistics (已…, 累计…, 2017年20个 before the plan year) and
/// incentive amounts (给予10万元奖励).</summary>
public sealed class NonTargetRule : ITargetRule
{
    private static readonly string[] PastMarkers = ["已经", "已", "累计", "截至", "截止", "共有", "去年", "前年", "过去", "以来", "曾"];
    private static readonly string[] IncentiveBefore = ["给予", "奖励", "补助", "资助", "补贴", "一次性"];
    private static readonly string[] IncentiveAfter = ["奖励", "补助", "资助", "补贴", "的奖励", "的补助", "的资助", "的补贴", "扶持资金"];

    public string Name => "non-target";

    public void Apply(ExtractionContext context)
    {
        var text = context.Text;
        foreach (var draft in context.Drafts)
        {
            var reason = Check(context, text, draft);
            if (reason is not null)
            {
                draft.Reject(reason);
            }
        }
    }

    private static string? Check(ExtractionContext context, string text, TargetDraft draft)
    {
        var m = draft.Mention;
        var start = m.Span.Start;
        var end = m.Span.End;
        var before = start > 0 ? text[start - 1] : '\0';
        var after = end < text.Length ? text[end] : '\0';

        if (ClauseText.EnclosingName(text, start) is { } name && IsName(text, name.Open, name.Close))
        {
            return "inside a quoted name or title";
        }

        if (before is '+' or '＋' || after is '+' or '＋')
        {
            return "part of a programme label (1+7)";
        }

        if (before == '第' || ClauseText.EndsAt(text, start, "第") || ClauseText.At(text, end, "届"))
        {
            return "ordinal";
        }

        if (m.IsChinese)
        {
            if (m.Quantity.Value == 1 && m.Quantity.ValueMax is null)
            {
                return "一 as an article (一批, 一个)";
            }

            if (m.ValueText is "百" or "千" or "万" or "百万" or "千万" && !m.ValueText.StartsWith("百分之", StringComparison.Ordinal))
            {
                return "bare 百/千/万 in a slogan (百家, 千企)";
            }

            if (m.Quantity.Unit == "次" && (ClauseText.At(text, end, "全会") || ClauseText.At(text, end, "会议") || ClauseText.At(text, end, "全体会议") || ClauseText.At(text, end, "代表大会")))
            {
                return "session ordinal (二次全会)";
            }

            // 四个10, 五个一批: a count of named things used as a name.
            if (m.Quantity.Unit == "个" && end < text.Length && (ChineseNumber.IsDigit(after) || ChineseNumber.IsNumeralChar(after)))
            {
                return "programme name (四个10)";
            }
        }

        if (after is '-' or '－' && end + 1 < text.Length && ChineseNumber.IsDigit(text[end + 1]))
        {
            return "code or index number";
        }

        if (m.Quantity.Kind == UnitKind.Money && IsIncentive(text, draft))
        {
            return "incentive or subsidy amount";
        }

        if (ClauseText.At(text, end, "指标") || ClauseText.At(text, end, "项指标"))
        {
            return "count of indicators used as a reference";
        }

        return IsPast(context, text, draft) ? "past statistic" : null;
    }

    /// <summary>《…》 is always a title; “…” is a name when short and not a list (“五个100”, “百家企业高校行”), whereas a quoted
    /// standard such as “亿元企业全覆盖、民营科技企业80%” still states targets.</summary>
    private static bool IsName(string text, int open, int close)
    {
        if (text[open] is '《' or '〈')
        {
            return true;
        }

        var end = close < 0 ? Math.Min(text.Length, open + 40) : close;
        if (end - open - 1 <= 12)
        {
            return true;
        }

        for (var i = open + 1; i < end; i++)
        {
            if (text[i] is '、' or '，' or ',' or '；' or ';')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsIncentive(string text, TargetDraft draft)
    {
        var start = draft.Mention.Span.Start;
        var clauseStart = ClauseText.ClauseStart(text, start);
        var window = text[Math.Max(clauseStart, start - 12)..start];
        foreach (var word in IncentiveBefore)
        {
            if (window.Contains(word, StringComparison.Ordinal))
            {
                return true;
            }
        }

        var end = draft.Mention.Span.End;
        foreach (var word in IncentiveAfter)
        {
            if (ClauseText.At(text, end, word))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsPast(ExtractionContext context, string text, TargetDraft draft)
    {
        var start = draft.Mention.Span.Start;
        var clauseStart = ClauseText.ClauseStart(text, start);
        var previous = context.PreviousQuantity(draft, clauseStart);
        var from = Math.Max(clauseStart, previous?.Span.End ?? 0);
        var segment = text.AsSpan(from, start - from);
        foreach (var marker in PastMarkers)
        {
            var at = segment.IndexOf(marker, StringComparison.Ordinal);
            // 比去年 / 较去年 is a comparison base, not the past.
            if (at >= 0 && !(at > 0 && segment[at - 1] is '比' or '较' or '于'))
            {
                return true;
            }
        }

        // 完成了 / 达到了 / 增长了: a completed action.
        var le = segment.LastIndexOf('了');
        if (le > 0 && !(segment[le - 1] is '为' or '除' or '罢') && !(le + 1 < segment.Length && segment[le + 1] is '解' or '结'))
        {
            return true;
        }

        // 2017年20个…: a year before the plan year right before the number, or leading the clause.
        if (context.PlanYear is { } plan)
        {
            foreach (var year in context.YearsIn(from, start))
            {
                if (year.Span.End <= start && year.Kind == YearMentionKind.Absolute && year.Period is { } p && p.End.Value < plan.Value && !year.InName)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
