using PolicyMiner.Core.Text;
using PolicyMiner.Extraction.Pipeline;

namespace PolicyMiner.Learning.Spans;

/// <summary>Which structure proposed an indicator span.</summary>
public enum SpanOrigin
{
    /// <summary>The rules' own span.</summary>
    Rule,

    /// <summary>The rules' span with its start moved to another word boundary (a sub- or super-span ending where it ends).</summary>
    RuleEnd,

    /// <summary>The rules' span with its end moved to another word boundary.</summary>
    RuleStart,

    /// <summary>A phrase of the clause ending right before the number ("单位GDP能耗|下降3%").</summary>
    BeforeNumber,

    /// <summary>A phrase after the number ("建成5个|示范区").</summary>
    AfterNumber,
}

/// <summary>One candidate indicator of a target: a span of the text at word boundaries (or the rules' own choice).</summary>
/// <param name="Text">The indicator it would give (the rules' indicator for the rule candidate, else the span's text).</param>
public sealed record SpanCandidate(TextSpan Span, string Text, SpanOrigin Origin)
{
    public bool IsRule => Origin == SpanOrigin.Rule;
}

/// <summary>
/// Candidate indicator spans of one extracted target: the rules' span, its sub- and super-spans at word boundaries within the
/// clause, the phrases ending right before the number and the phrase after it. Every span but the rules' own starts and ends
/// at a word boundary of the segmenter and at a Han character, letter or digit, and never covers the number.
/// </summary>
/// <remarks>Only targets whose indicator is a span of their own clause are ranked (not inherited subjects, not the shared items
/// of "A、B均达到"): the first candidate is always the rules' choice. Stateless and thread-safe.</remarks>
public static class IndicatorSpanCandidates
{
    /// <summary>Longest candidate, in characters.</summary>
    public const int MaxLength = 30;

    /// <summary>Most candidates per target: keeps extraction fast.</summary>
    public const int MaxCandidates = 32;

    private const int ClauseReachBefore = 40;
    private const int ClauseReachAfter = 16;

    /// <summary>Word starts tried before each candidate end.</summary>
    private const int StartsPerEnd = 7;

    /// <summary>The candidates of <paramref name="candidate"/>, the rules' choice first; empty when its indicator is not rankable.</summary>
    public static IReadOnlyList<SpanCandidate> For(ExtractionContext context, RuleCandidate candidate)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(candidate);
        var draft = candidate.Draft;
        var text = context.Text;
        if (draft.IndicatorSpan is not { } rule || rule.Length == 0 || rule.End > text.Length || draft.IndicatorInherited
            || !string.Equals(candidate.Target.Indicator, draft.Indicator, StringComparison.Ordinal) || draft.Indicator.Length == 0)
        {
            return [];
        }

        var numberStart = draft.ExpressionStart;
        var numberEnd = draft.ExpressionEnd;
        var from = ClauseStart(text, Math.Min(rule.Start, numberStart));
        var to = ClauseEnd(text, Math.Max(rule.End, numberEnd));
        if (to - from > 400)
        {
            // A rule span far from its number: nothing to choose from at word level that the rules did not already see.
            return [new SpanCandidate(rule, draft.Indicator, SpanOrigin.Rule)];
        }

        // Word boundaries of the clause, outside the number's expression.
        var words = context.Words;
        Span<int> bounds = stackalloc int[to - from + 1];
        var count = 0;
        for (var p = from; p <= to; p++)
        {
            if ((p <= numberStart || p >= numberEnd) && words.IsBoundary(p))
            {
                bounds[count++] = p;
            }
        }

        bounds = bounds[..count];
        var list = new List<SpanCandidate>(MaxCandidates) { new(rule, draft.Indicator, SpanOrigin.Rule) };

        void Add(int start, int end, SpanOrigin origin)
        {
            if (list.Count >= MaxCandidates || end - start < 1 || end - start > MaxLength || (start < numberEnd && end > numberStart)
                || !IsContent(text[start]) || !IsContent(text[end - 1]))
            {
                return;
            }

            var span = new TextSpan(start, end);
            foreach (var c in list)
            {
                if (c.Span == span)
                {
                    return;
                }
            }

            list.Add(new SpanCandidate(span, text.Substring(start, end - start), origin));
        }

        // Ends: the rules' end and its neighbouring boundaries, and the last content boundary before the number.
        Span<int> ends = stackalloc int[4];
        var endCount = 0;
        var ruleEndAt = bounds.IndexOf(rule.End);
        if (ruleEndAt >= 0 && rule.End <= numberStart)
        {
            ends[endCount++] = rule.End;
            if (ruleEndAt > 0)
            {
                ends[endCount++] = bounds[ruleEndAt - 1];
            }

            if (ruleEndAt + 1 < bounds.Length && bounds[ruleEndAt + 1] <= numberStart)
            {
                ends[endCount++] = bounds[ruleEndAt + 1];
            }
        }

        var beforeNumber = numberStart;
        while (beforeNumber > from && !IsContent(text[beforeNumber - 1]))
        {
            beforeNumber--;
        }

        if (beforeNumber > from && bounds.Contains(beforeNumber) && !ends[..endCount].Contains(beforeNumber))
        {
            ends[endCount++] = beforeNumber;
        }

        for (var k = 0; k < endCount; k++)
        {
            var end = ends[k];
            var origin = end == rule.End ? SpanOrigin.RuleEnd : end == beforeNumber ? SpanOrigin.BeforeNumber : SpanOrigin.RuleStart;
            if (bounds.Contains(rule.Start))
            {
                Add(rule.Start, end, origin);
            }

            var tried = 0;
            for (var b = bounds.IndexOf(end) - 1; b >= 0 && tried < StartsPerEnd; b--)
            {
                if (IsContent(text[bounds[b]]))
                {
                    Add(bounds[b], end, origin);
                    tried++;
                }
            }
        }

        // After the number: the first words of the phrase it counts ("5个|示范区").
        var first = -1;
        for (var b = 0; b < bounds.Length; b++)
        {
            if (bounds[b] >= numberEnd && bounds[b] < text.Length && IsContent(text[bounds[b]]))
            {
                first = b;
                break;
            }
        }

        for (var b = first + 1; first >= 0 && b < bounds.Length && b <= first + 4; b++)
        {
            Add(bounds[first], bounds[b], SpanOrigin.AfterNumber);
        }

        return list;
    }

    /// <summary>True for a Han character, a letter or a digit: a span starts and ends at one, never at punctuation or a space.</summary>
    internal static bool IsContent(char c) =>
        c is >= '\u4e00' and <= '\u9fff' or >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or >= 'Ａ' and <= 'Ｚ' or >= 'ａ' and <= 'ｚ';

    /// <summary>Clause punctuation: a candidate never runs across it.</summary>
    internal static bool IsClauseStop(char c) => c is '，' or ',' or '。' or '；' or ';' or '！' or '？' or '!' or '?' or '：' or ':' or '\n' or '\r';

    private static int ClauseStart(string text, int position)
    {
        var floor = Math.Max(0, position - ClauseReachBefore);
        var p = Math.Min(position, text.Length);
        while (p > floor && !IsClauseStop(text[p - 1]))
        {
            p--;
        }

        return p;
    }

    private static int ClauseEnd(string text, int position)
    {
        var ceiling = Math.Min(text.Length, position + ClauseReachAfter);
        var p = Math.Max(0, position);
        while (p < ceiling && !IsClauseStop(text[p]))
        {
            p++;
        }

        return p;
    }
}
