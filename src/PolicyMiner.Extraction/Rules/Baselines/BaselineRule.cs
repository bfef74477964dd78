using PolicyMiner.Extraction.Lexicon;
using PolicyMiner.Extraction.Pipeline;
using PolicyMiner.Extraction.Text;

namespace PolicyMiner.Extraction.Rules.Baselines;

/// <summary>Recognises stated starting values: "由目前的10家增加到20家以上", "从去年的318家增加到387家", "由50.1%提高为60%". The first
/// number becomes the baseline of the second and is not a target itself; a list of starting values pairs item by item with the
/// list of targets ("分别由100家、50家增加到300家、120家"). ("比上年提高2个百分点" names a base but no number, so it has no baseline.)</summary>
public sealed class BaselineRule : ITargetRule
{
    private static readonly string[] ChangeVerbs = [.. WordLexicon.Default["change-verb"].Words];
    private static readonly string[] BaseNouns = [.. WordLexicon.Default["base-noun"].Words];

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

            // "分别由100家、50家增加到300家、120家": a list of starting values pairs item by item with the list of targets.
            if (PairedLists(text, drafts, i) is var pairs and > 0)
            {
                for (var k = 0; k < pairs; k++)
                {
                    drafts[i + k].Reject(RejectionReason.BaselineOfNext);
                    drafts[i + pairs + k].Baseline = ToUnitOf(drafts[i + k], drafts[i + pairs + k]);
                }

                i += 2 * pairs - 1;
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

        ApplyNamedBases(text, drafts);
    }

    /// <summary>"以1990年实有人数800名为基数，……到1993年达到1200名": a number between 以 and 为 + a base noun is the starting value
    /// of the next target of the same unit later in the sentence (the base is named in an earlier clause, not before a change
    /// verb), and is not a target itself.</summary>
    private static void ApplyNamedBases(string text, List<TargetDraft> drafts)
    {
        for (var i = 0; i < drafts.Count; i++)
        {
            var origin = drafts[i];
            var end = origin.Mention.Span.End;
            if (NamedBaseEnd(text, end) is not { } after)
            {
                continue;
            }

            var sentenceStart = ClauseText.SentenceStart(text, origin.Mention.Span.Start);
            if (origin.Mention.Span.Start <= sentenceStart)
            {
                continue;
            }

            var yi = text.LastIndexOf('以', origin.Mention.Span.Start - 1, origin.Mention.Span.Start - sentenceStart);
            if (yi < 0 || text.AsSpan(yi, origin.Mention.Span.Start - yi).IndexOfAny('，', '；', ',') >= 0)
            {
                continue;
            }

            var sentenceEnd = ClauseText.SentenceEnd(text, after);
            for (var j = i + 1; j < drafts.Count && drafts[j].Mention.Span.Start < sentenceEnd; j++)
            {
                var target = drafts[j];
                if (target.IsRejected || target.Baseline is not null || target.Mention.Span.Start < after
                    || target.Mention.Quantity.UnitStd != origin.Mention.Quantity.UnitStd)
                {
                    continue;
                }

                origin.Reject(RejectionReason.BaselineOfNext);
                target.Baseline = ToUnitOf(origin, target);
                break;
            }
        }
    }

    /// <summary>The index after "为基数" / "作为基期" (base-noun) right after a number ending at <paramref name="end"/> (a few
    /// characters of unit between), or null.</summary>
    private static int? NamedBaseEnd(string text, int end)
    {
        var limit = Math.Min(text.Length, end + 4);
        for (var k = end; k < limit; k++)
        {
            if (ClauseText.IsClauseEnd(text[k]))
            {
                return null;
            }

            if (text[k] != '为')
            {
                continue;
            }

            foreach (var noun in BaseNouns)
            {
                if (ClauseText.At(text, k + 1, noun))
                {
                    return k + 1 + noun.Length;
                }
            }
        }

        return null;
    }

    /// <summary>The length n of a list of n starting values at <paramref name="first"/> followed by a change verb and a list of n
    /// targets ("由100家、50家增加到300家、120家"), or 0 when the numbers after 由 are no such pair of lists.</summary>
    private static int PairedLists(string text, List<TargetDraft> drafts, int first)
    {
        var n = 1;
        while (first + n < drafts.Count && !drafts[first + n].IsRejected && IsListJoint(text, drafts[first + n - 1], drafts[first + n]))
        {
            n++;
        }

        if (n < 2 || first + 2 * n > drafts.Count)
        {
            return 0;
        }

        var last = drafts[first + n - 1];
        var target = drafts[first + n];
        var gapStart = last.Mention.Span.End;
        var gapEnd = target.Mention.Span.Start;
        if (target.IsRejected || gapEnd - gapStart is < 2 or > 16 || !IsChangeTo(text.AsSpan(gapStart, gapEnd - gapStart)))
        {
            return 0;
        }

        for (var k = 1; k < n; k++)
        {
            if (drafts[first + n + k].IsRejected || !IsListJoint(text, drafts[first + n + k - 1], drafts[first + n + k]))
            {
                return 0;
            }
        }

        return n;
    }

    /// <summary>True when only a list word (、, 和, 及, 与) joins two numbers.</summary>
    private static bool IsListJoint(string text, TargetDraft a, TargetDraft b)
    {
        var from = a.Mention.Span.End;
        var to = b.Mention.Span.Start;
        return to > from && text.AsSpan(from, to - from).Trim() is "、" or "和" or "及" or "与";
    }

    private static bool IsChangeTo(ReadOnlySpan<char> gap)
    {
        var to = gap.IndexOfAny('到', '至');
        // "由50.1%提高为60%": a change verb with 为 names the value reached, as 到 does.
        if (to < 0 && gap.Length >= 3 && gap[^1] == '为' && EndsWithChangeVerb(gap[..^1]))
        {
            return true;
        }

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

    private static bool EndsWithChangeVerb(ReadOnlySpan<char> gap)
    {
        foreach (var verb in ChangeVerbs)
        {
            if (verb.Length == 2 && gap.EndsWith(verb, StringComparison.Ordinal))
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
