using PolicyMiner.Core.Text;
using PolicyMiner.Extraction.Lexicon;
using PolicyMiner.Extraction.Pipeline;
using PolicyMiner.Extraction.Quantities;
using PolicyMiner.Extraction.Text;
using PolicyMiner.Extraction.Time;

namespace PolicyMiner.Extraction.Rules.Years;

/// <summary>Finds time expressions at 年 and at 五 (of 十一五): 到2006年, 2004年-2006年, 2005年下半年-2006年底, 年内, 今年,
/// 全年, 明年, 两年内, 每年, 去年, 十二五 末.</summary>
public sealed class YearScanRule : IScanRule
{
    // 十五期间, 十一五时期, 十二五末: after a five-year plan's name, the word naming its period (longest first).
    private static readonly WordClass PlanTails = WordLexicon.Default["plan-period-tail"];

    // “十五”, 十五期间, 十五末: plain 十五 is a plan's name only before one of these.
    private static readonly WordClass PlanNameMarks = WordLexicon.Default["plan-name-mark"];

    // 今年, 明年, 后年, 每年, 去年: relative year words (this year, the next, the one after, every year, the past).
    private static readonly WordClass ThisYear = WordLexicon.Default["this-year"];
    private static readonly WordClass NextYear = WordLexicon.Default["next-year"];
    private static readonly WordClass YearAfterNext = WordLexicon.Default["year-after-next"];
    private static readonly WordClass EveryYear = WordLexicon.Default["every-year"];
    private static readonly WordClass PastYear = WordLexicon.Default["past-year"];

    // 青年, 多年, 同年: a character before 年 that makes a word; 年内 / 年底 after it is no plan-year expression.
    private static readonly WordClass YearWordBefore = WordLexicon.Default["year-word-before"];

    // 年内, 年底, 年末 standing alone: the plan year's end or span.
    private static readonly WordClass YearEnds = WordLexicon.Default["year-end-after"];

    // 两年内, 三年时间内: after N年, the word making it a span within N years (longest first).
    private static readonly WordClass WithinYears = WordLexicon.Default["within-years"];

    // 通过三年, 用两年: before N年, a word making it a span of years (through, using).
    private static readonly WordClass SpanLeads = WordLexicon.Default["span-lead"];

    // 未来五年, 今后三年: before N年, a word making it the N years that open with the plan year.
    private static readonly WordClass SpanAheads = WordLexicon.Default["span-ahead"];

    // 2025年上半年, 2025年底: the part of a year after it (longest first).
    private static readonly WordClass YearParts = WordLexicon.Default["year-part"];

    // 到2025年, 截至2025年: before a year, the word making it a deadline (longest first).
    private static readonly WordClass DeadlineLeads = WordLexicon.Default["deadline-lead"];

    // 关于2018年, 由于2020年: a preposition of topic or cause that ends in a deadline lead (于) and so is none.
    private static readonly WordClass TopicPrepositions = WordLexicon.Default["topic-preposition"];

    // 2025年底, 2025年末: a year ending so is a deadline.
    private static readonly WordClass DeadlineEnds = WordLexicon.Default["deadline-end"];

    // 自2021年起5年内: after the first year, the word that starts a horizon; 自 / 从 before it.
    private static readonly WordClass HorizonStarts = WordLexicon.Default["horizon-start"];
    private static readonly WordClass HorizonFroms = WordLexicon.Default["horizon-from"];

    public string Name => "year";

    public string Triggers => "年五";

    public int Scan(ExtractionContext context, int position)
    {
        var text = context.Text;
        return text[position] == '五' ? ScanFiveYearPlan(context, position) : ScanYear(context, position);
    }

    private static int ScanFiveYearPlan(ExtractionContext context, int position)
    {
        var text = context.Text;
        // 十一五 … 十五五; plain 十五 only when written as a plan name (“十五”, 十五期间, 十五末).
        int ordinal;
        int start;
        // Where the period word would stand: after the name and its closing quote (“十五”期间).
        var afterName = position + 1 + (ClauseText.At(text, position + 1, "”") ? 1 : 0);
        if (position >= 2 && text[position - 2] == '十' && ChineseNumber.DigitValue(text[position - 1]) is >= 1 and <= 9 and var d)
        {
            ordinal = 10 + d;
            start = position - 2;
        }
        else if (position >= 1 && text[position - 1] == '十'
                 && PlanNameMarks.MatchAt(text, position + 1) > 0)
        {
            ordinal = 10;
            start = position - 1;
        }
        else if (position >= 1 && ChineseNumber.DigitValue(text[position - 1]) is >= 6 and <= 9 and var single
                 && (position < 2 || !(ChineseNumber.IsNumeralChar(text[position - 2]) || char.IsAsciiDigit(text[position - 2])))
                 && PlanTails.MatchAt(text, afterName) > 0)
        {
            // “九五”期间, 八五时期: the sixth to ninth plans (1981–2000), written with one digit, only before the word naming
            // their period: “八五”普法 is the eighth five-year legal-education programme (2021–2025), and a bare “九五” after 比
            // is a comparison base that needs no year.
            ordinal = single;
            start = position - 1;
        }
        else
        {
            return position + 1;
        }

        if (!PlanPeriod.TryFiveYearPlan(ordinal, out var period))
        {
            return position + 1;
        }

        var end = afterName + PlanTails.MatchAt(text, afterName);

        if (start > 0 && text[start - 1] == '“')
        {
            start--;
        }

        start = IncludeLead(text, start);
        context.Years.Add(new YearMention(new TextSpan(start, end), text[start..end], YearMentionKind.Period, period, 0, InName(text, start)));
        return end;
    }

    private static int ScanYear(ExtractionContext context, int position)
    {
        var text = context.Text;
        var digitsStart = position;
        while (digitsStart > 0 && (ChineseNumber.IsDigit(text[digitsStart - 1]) || IsPositionalChineseDigit(text[digitsStart - 1])))
        {
            digitsStart--;
        }

        if (position - digitsStart == 4 && ReadYear(text, digitsStart, position) is { } year)
        {
            return AbsoluteYear(context, digitsStart, position, year);
        }

        // Relative words ending in 年.
        if (position > 0)
        {
            var word = text.AsSpan(position - 1, 2);
            if (ThisYear.Contains(word))
            {
                return Relative(context, position - 1, position + 1, 0);
            }

            if (NextYear.Contains(word))
            {
                return Relative(context, position - 1, position + 1, 1);
            }

            if (YearAfterNext.Contains(word))
            {
                if (position > 1 && !ClauseText.IsHan(text[position - 2]))
                {
                    return Relative(context, position - 1, position + 1, 2);
                }
            }
            else if (EveryYear.Contains(word))
            {
                context.Years.Add(new YearMention(new TextSpan(position - 1, position + 1), word.ToString(), YearMentionKind.Recurring, null, 0, false));
                return position + 1;
            }
            else if (PastYear.Contains(word))
            {
                context.Years.Add(new YearMention(new TextSpan(position - 1, position + 1), word.ToString(), YearMentionKind.Past, null, -1, false));
                return position + 1;
            }
        }

        // N年内 / 通过N年: within N years. 通过一年来的努力, 五年来: N年来 counts back from now, the years a review speaks of.
        var n = NumberBefore(text, position, out var nStart);
        if (n is >= 1 and <= 20 && ClauseText.At(text, position + 1, "来"))
        {
            return position + 2;
        }

        if (n is >= 1 and <= 20)
        {
            var within = WithinYears.MatchAt(text, position + 1);

            // 用3-5年时间, 通过两到三年努力: a range of years opens at its low end; the span lead stands before that, and the
            // horizon is the high end (the latest the work is done by).
            var lowStart = RangeLowStart(text, nStart);
            var spanLead = SpanLeads.MatchEndingAt(text, lowStart);
            nStart = lowStart;
            if (SpanAheads.MatchEndingAt(text, lowStart) is var ahead and > 0 && context.PlanYear is { } plan
                && PolicyYear.TryCreate(plan.Value + (int)n - 1, out var last))
            {
                // "今后五年" in a 2012 report is 2012–2016 (the report's own 到2016年 says so): the years ahead open with the plan
                // year, so their targets are due at its (n-1)th successor, not n years on as N年内 counts.
                var end = position + 1 + within;
                var start = lowStart - ahead;
                context.Years.Add(new YearMention(new TextSpan(start, end), text[start..end], YearMentionKind.Period, new PlanPeriod(plan, last), 0, false));
                return end;
            }

            if (within > 0 || spanLead > 0)
            {
                var end = position + 1 + within;
                var start = nStart - spanLead;
                if (Horizon(context, start, (int)n) is { } horizon)
                {
                    start = Math.Min(start, horizon.Start);
                    context.Years.Add(new YearMention(new TextSpan(start, end), text[start..end], YearMentionKind.Period, horizon.Period, 0, false));
                    return end;
                }

                context.Years.Add(new YearMention(new TextSpan(start, end), text[start..end], YearMentionKind.Within, null, (int)n, false));
                return end;
            }

            return position + 1;
        }

        // 年内, 年底(前), 年末 standing alone refer to the plan year; after a year word (去年年底, 明年年末) they are part of it.
        if ((position == 0 || !YearWordBefore.Contains(text[position - 1])) && YearEnds.MatchAt(text, position + 1) > 0)
        {
            var end = ClauseText.At(text, position + 2, "前") ? position + 3 : position + 2;
            return Relative(context, position, end, 0);
        }

        return position + 1;
    }

    private static int AbsoluteYear(ExtractionContext context, int start, int yearChar, int year)
    {
        var text = context.Text;
        if (!PolicyYear.TryCreate(year, out var startYear))
        {
            return yearChar + 1;
        }

        var end = yearChar + 1;
        if (ClauseText.At(text, end, "度"))
        {
            end++;
        }

        // A date (2007年3月21日) is not a due year.
        if (end < text.Length && (ChineseNumber.IsDigit(text[end]) || ChineseNumber.DigitValue(text[end]) >= 0 || text[end] == '十')
            && text.IndexOf('月', end, Math.Min(4, text.Length - end)) >= 0)
        {
            context.Years.Add(new YearMention(new TextSpan(start, end), text[start..end], YearMentionKind.Date, new PlanPeriod(startYear, startYear), 0, InName(text, start)));
            return end;
        }

        end = SkipPartOfYear(text, end);
        var kind = YearMentionKind.Absolute;
        var period = new PlanPeriod(startYear, startYear);

        // 2004年-2006年 / 2005年下半年-2006年底 / 2004-2006年 (the first year then has no 年).
        if (end < text.Length && text[end] is '-' or '－' or '—' or '–' or '~' or '～' or '至' or '到')
        {
            var from = end + 1;
            if (from + 4 < text.Length + 0 && ReadYear(text, from, from + 4) is { } endYearValue && from + 4 < text.Length && text[from + 4] == '年'
                && PolicyYear.TryCreate(endYearValue, out var endYear) && endYear.Value >= startYear.Value)
            {
                end = SkipPartOfYear(text, from + 5);
                period = new PlanPeriod(startYear, endYear);
                kind = YearMentionKind.Period;
            }
        }

        if (kind == YearMentionKind.Absolute && start >= 5 && text[start - 1] is '-' or '－' or '—' or '~' or '～' or '至'
            && ReadYear(text, start - 5, start - 1) is { } fromYear && PolicyYear.TryCreate(fromYear, out var periodStart) && fromYear <= year)
        {
            start -= 5;
            period = new PlanPeriod(periodStart, startYear);
            kind = YearMentionKind.Period;
        }

        var lead = IncludeLead(text, start);
        if (kind == YearMentionKind.Absolute && (lead < start || ClauseText.At(text, end, "前") || EndsWithDeadline(text, end)))
        {
            kind = YearMentionKind.Deadline;
        }

        if (ClauseText.At(text, end, "前"))
        {
            end++;
        }

        context.Years.Add(new YearMention(new TextSpan(lead, end), text[lead..end], kind, period, 0, InName(text, start)));
        return end;
    }

    /// <summary>The years an "N年内" horizon covers, counting its first year, when the text fixes that first year:
    /// "自2012年起5年内" (2012–2016); a later bare "5年内" of the same document keeps that horizon; "五年内" in the first year of a
    /// five-year plan (a 2021 report) is that plan's period. Otherwise null: N年内 counts N years after the plan year.</summary>
    private static (int Start, PlanPeriod Period)? Horizon(ExtractionContext context, int start, int years)
    {
        var text = context.Text;
        var i = start;
        while (i > 0 && text[i - 1] is '，' or ',' or ' ' or '\u3000')
        {
            i--;
        }

        if (HorizonStarts.MatchEndingAt(text, i) is var from and > 0)
        {
            if (i - from - 5 >= 0 && text[i - from - 1] == '年'
                && ReadYear(text, i - from - 5, i - from - 1) is { } first
                && PolicyYear.TryCreate(first, out var firstYear) && PolicyYear.TryCreate(first + years - 1, out var lastYear))
            {
                var lead = i - from - 5;
                lead -= HorizonFroms.MatchEndingAt(text, lead);
                var period = new PlanPeriod(firstYear, lastYear);
                context.Horizons[years] = period;
                // The first year was read on its own a moment ago: the horizon is one expression with it.
                while (context.Years.Count > 0 && context.Years[^1].Span.Start >= lead)
                {
                    context.Years.RemoveAt(context.Years.Count - 1);
                }

                return (lead, period);
            }
        }

        if (context.Horizons.TryGetValue(years, out var stated))
        {
            return (start, stated);
        }

        if (years == 5 && context.PlanYear is { } plan && PlanPeriod.FiveYearPlanOf(plan) is { } fiveYear && fiveYear.Start == plan)
        {
            return (start, fiveYear);
        }

        return null;
    }

    private static bool EndsWithDeadline(string text, int end) => DeadlineEnds.MatchEndingAt(text, end) > 0;

    private static int SkipPartOfYear(string text, int end) => end + YearParts.MatchAt(text, end);

    /// <summary>Includes a leading 到 / 至 / 截至 / 于 that makes a year a deadline. A 于 that closes a preposition of topic or cause
    /// (<c>topic-preposition</c>: "一、关于2018年政府工作") is no lead: the year is what the words speak of, so a heading that
    /// reports on a past year stays in the past instead of naming a due year.</summary>
    private static int IncludeLead(string text, int start)
    {
        var lead = DeadlineLeads.MatchEndingAt(text, start);
        return lead > 0 && TopicPrepositions.MatchEndingAt(text, start) > lead ? start : start - lead;
    }

    private static int Relative(ExtractionContext context, int start, int end, int offset)
    {
        var text = context.Text;
        if (ClauseText.At(text, end, "内") && end == start + 2)
        {
            end++;
        }

        context.Years.Add(new YearMention(new TextSpan(start, end), text[start..end], YearMentionKind.Relative, null, offset, InName(text, start)));
        return end;
    }

    private static bool InName(string text, int position) => ClauseText.IsInsideName(text, position);

    private static bool IsPositionalChineseDigit(char c) => c is '〇' or '零' or '○' || (ChineseNumber.DigitValue(c) >= 1 && c != '两');

    private static int? ReadYear(string text, int start, int end)
    {
        if (start < 0 || end > text.Length || end - start != 4)
        {
            return null;
        }

        var value = 0;
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            var d = ChineseNumber.IsDigit(c) ? (c >= '０' ? c - '０' : c - '0') : ChineseNumber.DigitValue(c);
            if (d < 0 || c == '两')
            {
                return null;
            }

            value = (value * 10) + d;
        }

        return value;
    }

    /// <summary>Where a range of years ending at <paramref name="highStart"/> opens (3-5年, 3—5年, 两到三年, 3--5年): the start of
    /// its low number, or <paramref name="highStart"/> when no range dash and number stand right before it.</summary>
    private static int RangeLowStart(string text, int highStart)
    {
        var i = highStart;
        if (i == 0 || text[i - 1] is not ('-' or '－' or '—' or '–' or '~' or '～' or '至' or '到'))
        {
            return highStart;
        }

        i--;
        if (i > 0 && text[i - 1] == text[i] && text[i] is '-' or '－' or '—')
        {
            i--;
        }

        var low = NumberBefore(text, i, out var lowStart);
        return low is >= 1 and <= 20 ? lowStart : highStart;
    }

    /// <summary>A small number (4, 两, 三) just before <paramref name="position"/>, optionally with 个 between.</summary>
    private static double? NumberBefore(string text, int position, out int start)
    {
        var end = position;
        if (end > 0 && text[end - 1] == '个')
        {
            end--;
        }

        start = end;
        while (start > 0 && (ChineseNumber.IsDigit(text[start - 1]) || ChineseNumber.IsNumeralChar(text[start - 1])) && end - start < 3)
        {
            start--;
        }

        if (start == end)
        {
            return null;
        }

        var span = text.AsSpan(start, end - start);
        var parse = ChineseNumber.IsDigit(span[0]) ? ChineseNumber.ParseArabic(span) : ChineseNumber.ParseChinese(span);
        return parse.Length == span.Length ? parse.Value : null;
    }
}
