using PolicyMiner.Extraction.Pipeline;
using PolicyMiner.Extraction.Text;

namespace PolicyMiner.Extraction.Rules.Baselines;

/// <summary>Recognises stated starting values: "由目前的10家增加到20家以上", "从去年的318家增加到387家". The first number becomes the
/// baseline of the second and is not a target itself. ("比上年提高2个百分点" names a base but no number, so it has no baseline.)</summary>
public sealed class BaselineRule : ITargetRule
{
    private static readonly string[] ChangeVerbs =
        ["增加", "提高", "增长", "提升", "发展", "扩大", "上升", "降低", "下降", "减少", "压缩", "达", "增", "升", "降", "扩展", "拓展"];

    public string Name => "baseline";

    public void Apply(ExtractionContext context)
    {
        var text = context.Text;
        var drafts = context.Drafts;
        for (var i = 0; i + 1 < drafts.Count; i++)
        {
            var first = drafts[i];
            var second = drafts[i + 1];
            if (first.IsRejected || second.IsRejected)
            {
                continue;
            }

            var start = first.Mention.Span.Start;
            var clauseStart = ClauseText.ClauseStart(text, start);
            var lead = text.AsSpan(Math.Max(clauseStart, start - 12), start - Math.Max(clauseStart, start - 12));
            if (lead.IndexOfAny('由', '从') < 0)
            {
                continue;
            }

            var gapStart = first.Mention.Span.End;
            var gapEnd = second.Mention.Span.Start;
            if (gapEnd - gapStart is < 2 or > 16)
            {
                continue;
            }

            var gap = text.AsSpan(gapStart, gapEnd - gapStart);
            if (!IsChangeTo(gap))
            {
                continue;
            }

            first.Reject(RejectionReason.BaselineOfNext);
            second.Baseline = ToUnitOf(first, second);
        }
    }

    private static bool IsChangeTo(ReadOnlySpan<char> gap)
    {
        var to = gap.IndexOfAny('到', '至');
        if (to < 0 || (to != gap.Length - 1 && !IsYearOf(gap[(to + 1)..])))
        {
            return false;
        }

        gap = gap[..(to + 1)];

        foreach (var verb in ChangeVerbs)
        {
            if (gap.IndexOf(verb, StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"2020年的" / "2020年底的" between 增加到 and the target value.</summary>
    private static bool IsYearOf(ReadOnlySpan<char> rest)
    {
        var i = 0;
        while (i < rest.Length && char.IsAsciiDigit(rest[i]))
        {
            i++;
        }

        if (i != 4 || i >= rest.Length || rest[i] != '年')
        {
            return false;
        }

        var tail = rest[(i + 1)..];
        return tail is "" or "的" or "底" or "末" or "底的" or "末的";
    }

    private static double ToUnitOf(TargetDraft baseline, TargetDraft target)
    {
        var b = baseline.Mention.Quantity;
        var t = target.Mention.Quantity;
        // 1.2万家 → 2万家 keeps the written unit; 8000万元 → 1.2亿元 converts through the standard unit.
        if (b.Unit == t.Unit || t.Value == 0 || b.UnitStd != t.UnitStd || t.ValueStd == 0)
        {
            return b.Value;
        }

        return Math.Round(b.ValueStd / (t.ValueStd / t.Value), 6);
    }
}
