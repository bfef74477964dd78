using PolicyMiner.Core.Text;
using PolicyMiner.Extraction.Pipeline;
using PolicyMiner.Extraction.Quantities;
using PolicyMiner.Extraction.Text;
using PolicyMiner.Extraction.Time;

namespace PolicyMiner.Extraction.Rules.Years;

/// <summary>Finds time expressions at 年 and at 五 (of 十一五): 到2006年, 2004年-2006年, 2005年下半年-2006年底, 年内, 今年,
/// 全年, 明年, 两年内, 每年, 去年, 十二五 末.</summary>
public sealed class YearScanRule : IScanRule
{
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
        if (position >= 2 && text[position - 2] == '十' && ChineseNumber.DigitValue(text[position - 1]) is >= 1 and <= 9 and var d)
        {
            ordinal = 10 + d;
            start = position - 2;
        }
        else if (position >= 1 && text[position - 1] == '十'
                 && (ClauseText.At(text, position + 1, "”") || ClauseText.At(text, position + 1, "期间") || ClauseText.At(text, position + 1, "末") || ClauseText.At(text, position + 1, "时期")))
        {
            ordinal = 10;
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

        var end = position + 1;
        if (ClauseText.At(text, end, "”"))
        {
            end++;
        }

        foreach (var tail in (string[])["期间", "时期", "末期", "末", "规划期"])
        {
            if (ClauseText.At(text, end, tail))
            {
                end += tail.Length;
                break;
            }
        }

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
            switch (text[position - 1])
            {
                case '全' or '今' or '本' or '当':
                    return Relative(context, position - 1, position + 1, 0);
                case '明':
                    return Relative(context, position - 1, position + 1, 1);
                case '后' when position > 1 && !ClauseText.IsHan(text[position - 2]):
                    return Relative(context, position - 1, position + 1, 2);
                case '每':
                    context.Years.Add(new YearMention(new TextSpan(position - 1, position + 1), "每年", YearMentionKind.Recurring, null, 0, false));
                    return position + 1;
                case '去' or '上' or '前':
                    context.Years.Add(new YearMention(new TextSpan(position - 1, position + 1), text.Substring(position - 1, 2), YearMentionKind.Past, null, -1, false));
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
            if (ClauseText.At(text, position + 1, "内") || ClauseText.At(text, position + 1, "时间内") || ClauseText.EndsAt(text, nStart, "通过") || ClauseText.EndsAt(text, nStart, "用"))
            {
                var end = ClauseText.At(text, position + 1, "时间内") ? position + 4 : ClauseText.At(text, position + 1, "内") ? position + 2 : position + 1;
                var start = ClauseText.EndsAt(text, nStart, "通过") ? nStart - 2 : ClauseText.EndsAt(text, nStart, "用") ? nStart - 1 : nStart;
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
        if ((position == 0 || !"青老少成周近往历多常长中晚童新同去上前后明每全今本当年".Contains(text[position - 1]))
            && (ClauseText.At(text, position + 1, "内") || ClauseText.At(text, position + 1, "底") || ClauseText.At(text, position + 1, "末")))
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

        foreach (var from in (string[])["起", "开始"])
        {
            if (ClauseText.EndsAt(text, i, from) && i - from.Length - 5 >= 0 && text[i - from.Length - 1] == '年'
                && ReadYear(text, i - from.Length - 5, i - from.Length - 1) is { } first
                && PolicyYear.TryCreate(first, out var firstYear) && PolicyYear.TryCreate(first + years - 1, out var lastYear))
            {
                var lead = i - from.Length - 5;
                lead = ClauseText.EndsAt(text, lead, "自") || ClauseText.EndsAt(text, lead, "从") ? lead - 1 : lead;
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

    private static bool EndsWithDeadline(string text, int end) => ClauseText.EndsAt(text, end, "底") || ClauseText.EndsAt(text, end, "末");

    private static int SkipPartOfYear(string text, int end)
    {
        foreach (var part in (string[])["上半年", "下半年", "年底", "底", "末", "年末"])
        {
            if (ClauseText.At(text, end, part))
            {
                return end + part.Length;
            }
        }

        return end;
    }

    /// <summary>Includes a leading 到 / 至 / 截至 / 在 that makes a year a deadline.</summary>
    private static int IncludeLead(string text, int start)
    {
        foreach (var lead in (string[])["截至", "截止到", "截止", "到", "至", "于"])
        {
            if (ClauseText.EndsAt(text, start, lead))
            {
                return start - lead.Length;
            }
        }

        return start;
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
