using PolicyMiner.Core.Targets;
using PolicyMiner.Extraction.Lexicon;
using PolicyMiner.Extraction.Pipeline;
using PolicyMiner.Extraction.Quantities;
using PolicyMiner.Extraction.Text;

namespace PolicyMiner.Extraction.Rules.Comparators;

/// <summary>Reads the comparator around a number (word classes comparator-* of lexicon.txt): 以上 / 不低于 / 不少于 / 突破 / 至少 → &gt;=; 超过 / 高于 / 多于 → &gt;;
/// 以下 / 不超过 / 以内 → &lt;=; 低于 / 不足 / 不满 → &lt;; a modal negation flips a strict word (不得低于 → &gt;=, 不得超过 → &lt;=); 左右 / 约 / 近 / 余 / 多 → ~; X-Y → range; otherwise =.</summary>
/// <remarks>超过 is strict (&gt;), as issue 4 defines it ("more than"); the older gold schema list puts it with 以上, but no shared
/// gold target uses it, and 达到或超过 stays inclusive. A trailing 以上 (or 左右) on the last
/// item of a 、-list ("重点企业4%、中型企业2.5%、小微企业1%以上") applies to every item of the list, except in a list of counts of
/// different things ("新认定A 300家、B 2000家以上"); a comparison word before the first number of a list of bare numbers
/// (分别不低于30%、35%、40%) governs the numbers after it. A quota word (至少) governs every number after it in its clause.</remarks>
public sealed class ComparatorRule : ITargetRule
{
    // Comparator words are data (lexicon.txt): one class per meaning, before the number (prefix) or after it (suffix).
    private static readonly (string Word, Comparator Comparator)[] Prefixes = SortedLongestFirst(
    [
        .. Words("comparator-at-least", Comparator.AtLeast), .. Words("comparator-greater", Comparator.GreaterThan),
        .. Words("comparator-at-most", Comparator.AtMost), .. Words("comparator-less", Comparator.LessThan),
        .. Words("comparator-approximately", Comparator.Approximately),
    ]);

    // A modal negation before a strict comparison turns it into the inclusive opposite: 不得低于 / 不应少于 → &gt;=,
    // 不得超过 / 不能高于 → &lt;=. (不低于, 不超过 are words of their own above.)
    private static readonly IReadOnlyList<string> Negations = WordLexicon.Default["comparator-negation"].Words;

    // 不超过 must be tried before 超过, 不低于 before 低于; 及以上 before 以上.
    private static (string Word, Comparator Comparator)[] SortedLongestFirst((string Word, Comparator Comparator)[] items) =>
        [.. items.OrderByDescending(i => i.Word.Length)];

    private static readonly (string Word, Comparator Comparator)[] Suffixes = SortedLongestFirst(
    [
        .. Words("comparator-at-least-after", Comparator.AtLeast), .. Words("comparator-at-most-after", Comparator.AtMost),
        .. Words("comparator-approximately-after", Comparator.Approximately),
    ]);

    private static IEnumerable<(string Word, Comparator Comparator)> Words(string wordClass, Comparator comparator) =>
        WordLexicon.Default[wordClass].Words.Select(w => (w, comparator));

    private static readonly WordClass OwnStatement = WordLexicon.Default["list-item-statement"];
    private static readonly WordClass QuotaWords = WordLexicon.Default["comparator-at-least-quota"];

    public string Name => "comparator";

    public void Apply(ExtractionContext context)
    {
        var text = context.Text;
        foreach (var draft in context.LiveDrafts)
        {
            Read(text, draft);
        }

        PropagateAlongLists(context);
        PropagateForward(context);
    }

    private static void Read(string text, TargetDraft draft)
    {
        var m = draft.Mention;
        Comparator? found = null;
        foreach (var (word, comparator) in Suffixes)
        {
            // "9%以 上", "6%左\n\n右": a page break or a spacing blank inside the word still makes the word.
            if (ClauseText.AtAcrossLayout(text, m.Span.End, word) is var length and > 0)
            {
                found = comparator;
                draft.ExpressionEnd = m.Span.End + length;
                break;
            }
        }

        // 之日起7个工作日内, 4小时内: the 内 right after a time limit (a Duration unit, never 年 of a plan's "5年内" horizon)
        // bounds it from above, as 以内 does any number. A structure of the unit kind, not a word class: 内 alone is no comparator.
        if (found is null && m.Quantity.Kind == UnitKind.Duration && ClauseText.AtAcrossLayout(text, m.Span.End, "内") is var inside and > 0)
        {
            found = Comparator.AtMost;
            draft.ExpressionEnd = m.Span.End + inside;
        }

        // 控制在5%以内: the suffix decides; otherwise look for a word right before the number.
        foreach (var (word, comparator) in Prefixes)
        {
            if (ClauseText.EndsAt(text, m.Span.Start, word))
            {
                // 近 only as "nearly" when it is not part of a word (最近, 附近).
                if (word == "近" && m.Span.Start >= 2 && text[m.Span.Start - 2] is '最' or '附' or '就' or '接' or '将')
                {
                    continue;
                }

                draft.ExpressionStart = m.Span.Start - word.Length;
                var negated = Negated(text, draft.ExpressionStart, comparator);
                if (negated != comparator)
                {
                    draft.ExpressionStart = NegationStart(text, draft.ExpressionStart);
                }

                found ??= negated;
                break;
            }
        }

        // 至少建成1个, 每个县至少启动建设2个A、20个B: a quota word governs every number after it in its clause.
        if (found is null)
        {
            var clauseStart = ClauseText.ClauseStart(text, m.Span.Start);
            if (QuotaWords.OccursIn(text.AsSpan(clauseStart, m.Span.Start - clauseStart)))
            {
                found = Comparator.AtLeast;
            }
        }

        // 不低于财政一般预算支出的2%: the comparator governs a "base 的 number" phrase.
        if (found is null && m.Span.Start > 0 && text[m.Span.Start - 1] == '的')
        {
            var clauseStart = ClauseText.ClauseStart(text, m.Span.Start);
            var window = text.AsSpan(clauseStart, m.Span.Start - clauseStart);
            foreach (var (word, comparator) in Prefixes)
            {
                if (word.Length >= 2 && comparator is not Comparator.Approximately && window.IndexOf(word, StringComparison.Ordinal) is var at and >= 0
                    && window.Length - at - word.Length <= 16)
                {
                    found = Negated(text, clauseStart + at, comparator);
                    break;
                }
            }
        }

        // “保8争9”: the pair is the expression; the indicator stands before it.
        if (PairedFigure.PairStart(text, m.Span.Start, m.Span.End) is >= 0 and var pairStart)
        {
            draft.ExpressionStart = Math.Min(draft.ExpressionStart, pairStart);
        }

        // 达到7000亿级: reaching a scale means at least its figure.
        if (found is null && m.Quantity.Kind == UnitKind.Money && m.Span.End > 0 && text[m.Span.End - 1] == '级')
        {
            found = Comparator.AtLeast;
        }

        if (m.Quantity.IsRange)
        {
            draft.Comparator = Comparator.Range;
            draft.ComparatorWritten = true;
            return;
        }

        if (found is null && m.Approximate)
        {
            found = Comparator.Approximately;
        }

        if (found is { } f)
        {
            draft.Comparator = f;
            draft.ComparatorWritten = true;
        }
    }

    /// <summary>The comparator a strict comparison word at <paramref name="wordStart"/> means after a modal negation, if one precedes it.</summary>
    private static Comparator Negated(string text, int wordStart, Comparator comparator)
    {
        if (comparator is not (Comparator.LessThan or Comparator.GreaterThan) || NegationStart(text, wordStart) == wordStart)
        {
            return comparator;
        }

        return comparator == Comparator.LessThan ? Comparator.AtLeast : Comparator.AtMost;
    }

    private static int NegationStart(string text, int wordStart)
    {
        foreach (var negation in Negations)
        {
            if (ClauseText.EndsAt(text, wordStart, negation))
            {
                return wordStart - negation.Length;
            }
        }

        return wordStart;
    }

    private static void PropagateAlongLists(ExtractionContext context)
    {
        var text = context.Text;
        var group = new List<TargetDraft>();
        TargetDraft? previous = null;
        foreach (var draft in context.LiveDrafts)
        {
            if (previous is not null && !InSameList(text, previous, draft))
            {
                Flush(group);
            }

            group.Add(draft);
            previous = draft;
        }

        Flush(group);
    }

    /// <summary>"分别不低于总面积的30%、35%、40%": a comparison word before the first number of a list of bare numbers (only a list
    /// joint between them, the same unit) governs the numbers after it, as a trailing 以上 governs the numbers before it. Only a word
    /// before the number carries on: the 以上 after a number ends at that number.</summary>
    private static void PropagateForward(ExtractionContext context)
    {
        var text = context.Text;
        TargetDraft? previous = null;
        Comparator? carried = null;
        foreach (var draft in context.LiveDrafts)
        {
            if (previous is not null && carried is { } c && !draft.ComparatorWritten && !draft.Mention.Quantity.IsRange
                && IsBareListNext(text, previous, draft))
            {
                draft.Comparator = c;
            }
            else
            {
                carried = draft is { ComparatorWritten: true, Comparator: Comparator.AtLeast or Comparator.AtMost or Comparator.GreaterThan or Comparator.LessThan }
                          && !draft.Mention.Quantity.IsRange && draft.ExpressionEnd == draft.Mention.Span.End
                    ? draft.Comparator : null;
            }

            previous = draft;
        }
    }

    /// <summary>True when <paramref name="b"/> follows <paramref name="a"/> in the same unit with only a list joint (、 和 及 与) between them.</summary>
    private static bool IsBareListNext(string text, TargetDraft a, TargetDraft b)
    {
        if (a.Mention.Quantity.Unit != b.Mention.Quantity.Unit || b.Mention.Span.Start < a.ExpressionEnd)
        {
            return false;
        }

        var gap = text.AsSpan(a.ExpressionEnd, b.Mention.Span.Start - a.ExpressionEnd).Trim();
        return gap is "、" or "和" or "及" or "与";
    }

    private static bool InSameList(string text, TargetDraft a, TargetDraft b)
    {
        if (a.Mention.Quantity.Unit != b.Mention.Quantity.Unit || b.Mention.Span.Start - a.ExpressionEnd > 12)
        {
            return false;
        }

        var sawComma = false;
        for (var i = a.ExpressionEnd; i < b.Mention.Span.Start; i++)
        {
            if (ClauseText.IsClauseEnd(text[i]) || text[i] is '(' or '（')
            {
                return false;
            }

            sawComma |= text[i] == '、';
        }

        // "确保增长6.5%、力争7%以上", "A增长7%、B增长5%以上": an item with its own modal or its own predicate is a statement of its
        // own, and the last item's 以上 stays with it.
        var gap = text.AsSpan(a.ExpressionEnd, b.Mention.Span.Start - a.ExpressionEnd);
        if (OwnStatement.OccursIn(gap))
        {
            return false;
        }

        // "新认定A 300家、B 2000家以上": counts of different things are separate targets, so the last one's 以上 stays with it;
        // a list of bare counts ("3个、5个以上") or of rates ("重点企业4%、中型企业2.5%以上") shares it.
        if (b.Mention.Quantity.Kind == UnitKind.Count && HasNoun(gap))
        {
            return false;
        }

        return sawComma && !a.ComparatorWritten;
    }

    private static bool HasNoun(ReadOnlySpan<char> gap)
    {
        foreach (var c in gap)
        {
            if (ClauseText.IsHan(c) && c is not ('和' or '及' or '或' or '至' or '到'))
            {
                return true;
            }
        }

        return false;
    }

    private static void Flush(List<TargetDraft> group)
    {
        // "分别增长4%、8%、6%左右": a trailing 左右 hedges every number of the list, as a trailing 以上 bounds them (a 约 before the
        // last number hedges that number alone).
        if (group.Count > 1 && group[^1] is { ComparatorWritten: true } last
            && (last.Comparator is Comparator.AtLeast or Comparator.AtMost
                || last.Comparator == Comparator.Approximately && last.ExpressionEnd > last.Mention.Span.End))
        {
            foreach (var draft in group)
            {
                if (!draft.ComparatorWritten)
                {
                    draft.Comparator = last.Comparator;
                }
            }
        }

        group.Clear();
    }
}
