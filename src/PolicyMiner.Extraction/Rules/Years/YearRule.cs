using PolicyMiner.Core.Documents;
using PolicyMiner.Extraction.Pipeline;
using PolicyMiner.Extraction.Scopes;
using PolicyMiner.Extraction.Text;
using PolicyMiner.Extraction.Time;

namespace PolicyMiner.Extraction.Rules.Years;

/// <summary>Gives each target its due year: a time expression in its own clause, else one leading its sentence, else a list's
/// lead-in (a line ending in ：, or the goal paragraph over a dash list), else a deadline opening an earlier sentence of its
/// paragraph or closing with ： a lead-in clause earlier in it (…“十一五”时期的主要目标：…。…), the later of the two, else the
/// paragraph's or the section's, else the end of the plan its title names, else the plan year (year_text null).
/// "2004年-2006年…分别达到1.45%、1.50%和1.60%" gives one year per value.</summary>
/// <remarks>Years before the plan year, dates, and years inside titles (《…(2006-2020年)》) never give a due year.</remarks>
public sealed class YearRule : ITargetRule
{
    public string Name => "year";

    public void Apply(ExtractionContext context)
    {
        var text = context.Text;
        var planEnd = FiveYearPlanEnd(context);
        foreach (var draft in context.LiveDrafts)
        {
            var start = draft.ExpressionStart;
            var clauseStart = ClauseText.ClauseStart(text, start);
            var own = Nearest(context, clauseStart, start);

            var sentenceStart = ClauseText.SentenceStart(text, start);
            var first = context.FirstLiveInSentence(draft);
            // "到2023年，每年实施A，累计培育B": the 每年 of the first target's clause is its own; the sentence is led by 到2023年.
            var leading = first == draft && own is not null ? own : Nearest(context, sentenceStart, first.ExpressionStart, preferDated: true);
            var chosen = own ?? leading;
            draft.YearFrom = own is not null ? ScopeSource.Clause : leading is not null ? ScopeSource.Sentence : ScopeSource.None;
            if (chosen is null && LeadIn(context, draft) is { } leadIn)
            {
                chosen = leadIn;
                draft.YearFrom = ScopeSource.LeadIn;
            }

            var paragraphStart = ClauseText.ParagraphStart(text, sentenceStart);
            if (chosen is null && EarlierSentenceDeadline(context, paragraphStart, sentenceStart, sentenceOpening: true) is { } earlier)
            {
                // "力争到2027年，全省…全面拓展。在…取得10项以上成果；…": the deadline a sentence opens with governs the paragraph after it.
                chosen = earlier;
                draft.YearFrom = ScopeSource.Paragraph;
            }

            if (InlineLeadIn(context, paragraphStart, sentenceStart) is { } inline
                && (chosen is null || (draft.YearFrom == ScopeSource.Paragraph && inline.Span.Start > chosen.Span.Start)))
            {
                // "…提出了“十一五”时期的主要目标：A增长11%。B达到2000亿元。": a lead-in that runs on inside its paragraph governs
                // every sentence after its colon, as a lead-in line governs its list.
                chosen = inline;
                draft.YearFrom = ScopeSource.LeadIn;
            }

            if (chosen is null)
            {
                // "到2020年，…" opening the paragraph, or "二、2016年工作目标" over the section, governs every sentence under it.
                var scope = context.Scopes.At(start);
                // A time limit (30个工作日内办结) is a standing rule: a heading's plan period does not make it due at its end.
                var sectionDeadline = draft.Mention.Quantity.Kind == PolicyMiner.Extraction.Quantities.UnitKind.Duration ? null : scope.SectionDeadline;
                chosen = scope.Deadline ?? sectionDeadline;
                draft.YearFrom = scope.Deadline is not null ? ScopeSource.Paragraph : sectionDeadline is not null ? ScopeSource.Section : ScopeSource.None;
            }

            if (chosen is null)
            {
                // A plan's untimed targets are due at the end of its period: the plan titled over this part, else the document's.
                // A time limit (30个工作日以内拨付) is a standing rule from the plan year on.
                var standing = draft.Mention.Quantity.Kind == PolicyMiner.Extraction.Quantities.UnitKind.Duration;
                draft.Year = standing ? context.PlanYear?.Value ?? planEnd : context.Scopes.At(start).PlanEnd ?? planEnd ?? context.PlanYear?.Value;
                draft.YearText = null;
                draft.YearFrom = draft.Year is null ? ScopeSource.None : ScopeSource.Document;
                continue;
            }

            draft.Year = chosen.Resolve(context.PlanYear);
            draft.YearText = chosen.Text;
            draft.YearSpan = chosen.Span;
            if (chosen.Kind == YearMentionKind.Period && chosen.Period is { } period && period.Years > 1)
            {
                AssignRespectively(context, draft, chosen);
            }
        }
    }

    /// <summary>"到2010年，主要目标是：" followed by list items ("1.…", "（2）…", "——…"): the lead-in's year governs the items.</summary>
    private static YearMention? LeadIn(ExtractionContext context, TargetDraft draft)
    {
        var text = context.Text;
        var lineStart = ClauseText.ParagraphStart(text, draft.Mention.Span.Start);
        if (!StartsWithItemMarker(text, lineStart))
        {
            return null;
        }

        for (var hops = 0; hops < 15 && lineStart > 0;)
        {
            var previousEnd = lineStart - 1;
            var previousStart = ClauseText.ParagraphStart(text, previousEnd);
            lineStart = previousStart;
            var line = text.AsSpan(previousStart, previousEnd - previousStart).Trim(" \u3000\t\r");
            if (line.IsEmpty)
            {
                // A blank line between a lead-in and its list (or between items) belongs to neither.
                continue;
            }

            hops++;
            if (line[^1] is '：' or ':')
            {
                return Nearest(context, previousStart, previousEnd);
            }

            if (line[0] != '—' && DashItem(text, draft.Mention.Span.Start))
            {
                // "（二）发展目标。到2026年，全市…更加完善。" over "——创新能力。打造…": the goal paragraph a dash list details is its lead-in.
                return EarlierSentenceDeadline(context, previousStart, previousEnd, sentenceOpening: false);
            }

            if (!ItemNumber.Opens(line))
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>True when the line holding <paramref name="position"/> is a dash item ("——创新能力。…").</summary>
    private static bool DashItem(string text, int position)
    {
        var line = text.AsSpan(ClauseText.ParagraphStart(text, position)).TrimStart(" \u3000\t");
        return line.StartsWith("——", StringComparison.Ordinal);
    }

    /// <summary>The last deadline in [from, to) that opens its sentence (with <paramref name="sentenceOpening"/>) or its clause
    /// ("到2027年，", "力争到2027年，", "“十四五”末，"), a stated due year and not a recurring or relative one; null when there is none.</summary>
    private static YearMention? EarlierSentenceDeadline(ExtractionContext context, int from, int to, bool sentenceOpening)
    {
        var text = context.Text;
        YearMention? found = null;
        foreach (var year in context.YearsIn(from, to))
        {
            if (year.InName || year.Kind is not (YearMentionKind.Deadline or YearMentionKind.Period or YearMentionKind.Within or YearMentionKind.Absolute)
                || (context.PlanYear is { } plan && year.Resolve(plan) is { } due && due < plan.Value))
            {
                continue;
            }

            var opening = sentenceOpening ? Math.Max(from, ClauseText.SentenceStart(text, year.Span.Start)) : ClauseText.ClauseStart(text, year.Span.Start, from);
            if (OnlyModalsBefore(context, opening, year.Span.Start) && OpensAClause(text, year.Span.End))
            {
                found = year;
            }
        }

        return found;
    }

    /// <summary>The last stated due year in [from, to) whose clause a colon closes ("《纲要》提出了“十一五”时期的主要目标："), a year
    /// after the plan year and not a recurring or relative one; null when there is none.</summary>
    private static YearMention? InlineLeadIn(ExtractionContext context, int from, int to)
    {
        var text = context.Text;
        YearMention? found = null;
        foreach (var year in context.YearsIn(from, to))
        {
            if (year.InName || year.Kind is not (YearMentionKind.Deadline or YearMentionKind.Period or YearMentionKind.Within or YearMentionKind.Absolute)
                || (context.PlanYear is { } plan && year.Resolve(plan) is { } due && due <= plan.Value))
            {
                // The plan year itself adds nothing to what the document gives every untimed target.
                continue;
            }

            var end = ClauseText.ClauseEnd(text, year.Span.End);
            if (end < to && text[end] is '：' or ':')
            {
                found = year;
            }
        }

        return found;
    }

    /// <summary>True when [from, to) holds nothing but blanks and modal words (力争, 确保).</summary>
    private static bool OnlyModalsBefore(ExtractionContext context, int from, int to)
    {
        var text = context.Text;
        var at = from;
        foreach (var modal in context.ModalsIn(from, to))
        {
            while (at < modal.Span.Start && text[at] is ' ' or '\u3000')
            {
                at++;
            }

            if (modal.Span.Start != at)
            {
                return false;
            }

            at = modal.Span.End;
        }

        return text.AsSpan(at, Math.Max(0, to - at)).Trim(" \u3000").IsEmpty;
    }

    /// <summary>The deadline is a clause of its own ("到2027年，…"), not the subject of one ("2019年全面推开…" is).</summary>
    private static bool OpensAClause(string text, int end) => end < text.Length && text[end] is '，' or ',';

    private static bool StartsWithItemMarker(string text, int lineStart)
    {
        var i = lineStart;
        while (i < text.Length && text[i] is ' ' or '\u3000' or '\t')
        {
            i++;
        }

        return ItemNumber.Opens(text.AsSpan(i));
    }

    /// <summary>The end year of the plan period the document's title names (“十二五”科技发展规划 → 2015, 总体规划（2018—2035年） →
    /// 2035), or null.</summary>
    private static int? FiveYearPlanEnd(ExtractionContext context)
    {
        var title = context.Document.Metadata.Title ?? "";
        if (TitlePeriodEnd(title) is { } end && (context.PlanYear is null || end >= context.PlanYear.Value.Value))
        {
            return end;
        }

        // "第十四个五年规划", "第十个五年计划": the ordinal spelt out before 个五年.
        for (var i = title.IndexOf("个五年", StringComparison.Ordinal); i > 0; i = title.IndexOf("个五年", i + 1, StringComparison.Ordinal))
        {
            var first = title.LastIndexOf('第', i - 1);
            var ordinal = first >= 0 && i - first is >= 2 and <= 4 ? PolicyMiner.Extraction.Quantities.ChineseNumber.Evaluate(title.AsSpan(first + 1, i - first - 1)) : -1;
            if (ordinal >= 1 && PlanPeriod.TryFiveYearPlan((int)ordinal, out var spelt)
                && (context.PlanYear is null || spelt.End.Value >= context.PlanYear.Value.Value))
            {
                return spelt.End.Value;
            }
        }

        if (EnglishFiveYearPlanEnd(title) is { } english && (context.PlanYear is null || english >= context.PlanYear.Value.Value))
        {
            return english;
        }

        for (var i = title.IndexOf('十'); i >= 0 && i + 2 < title.Length; i = title.IndexOf('十', i + 1))
        {
            var d = PolicyMiner.Extraction.Quantities.ChineseNumber.DigitValue(title[i + 1]);
            if (d is >= 1 and <= 9 && title[i + 2] == '五' && PlanPeriod.TryFiveYearPlan(10 + d, out var period)
                && (context.PlanYear is null || period.End.Value >= context.PlanYear.Value.Value))
            {
                return period.End.Value;
            }
        }

        return null;
    }

    /// <summary>The end of a period written "YYYY—YYYY年" in a title (also without 年 and with spaces round the dash, as a
    /// translated title writes it: "Action Plan … (2023 - 2025)"), or null.</summary>
    private static int? TitlePeriodEnd(string title)
    {
        for (var i = 0; i + 4 <= title.Length; i++)
        {
            if ((i > 0 && char.IsAsciiDigit(title[i - 1])) || !TryYear(title, i, out var first))
            {
                continue;
            }

            var j = i + 4;
            while (j < title.Length && title[j] == ' ')
            {
                j++;
            }

            if (j >= title.Length || title[j] is not ('-' or '－' or '—' or '–' or '~' or '～' or '至'))
            {
                continue;
            }

            j++;
            while (j < title.Length && title[j] == ' ')
            {
                j++;
            }

            if (TryYear(title, j, out var last) && (j + 4 == title.Length || !char.IsAsciiDigit(title[j + 4])) && first < last
                && last - first <= 30 && PolicyYear.TryCreate(first, out _) && PolicyYear.TryCreate(last, out _))
            {
                return last;
            }
        }

        return null;
    }

    private static bool TryYear(string title, int at, out int year)
    {
        year = 0;
        return at + 4 <= title.Length && char.IsAsciiDigit(title[at]) && int.TryParse(title.AsSpan(at, 4), out year);
    }

    /// <summary>The end of the five-year plan a translated title names by its ordinal ("the 14th Five - Year Plan" → 2025), or null.</summary>
    private static int? EnglishFiveYearPlanEnd(string title)
    {
        for (var i = title.IndexOf("Five", StringComparison.OrdinalIgnoreCase); i > 0; i = title.IndexOf("Five", i + 1, StringComparison.OrdinalIgnoreCase))
        {
            var after = i + 4;
            while (after < title.Length && title[after] is ' ' or '-' or '–')
            {
                after++;
            }

            var before = i - 1;
            while (before >= 0 && title[before] == ' ')
            {
                before--;
            }

            if (!title.AsSpan(after).StartsWith("Year", StringComparison.OrdinalIgnoreCase) || before < 2
                || !title.AsSpan(before - 1, 2).Equals("th", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var digits = before - 1;
            while (digits > 0 && char.IsAsciiDigit(title[digits - 1]))
            {
                digits--;
            }

            if (digits < before - 1 && int.TryParse(title.AsSpan(digits, before - 1 - digits), out var ordinal)
                && PlanPeriod.TryFiveYearPlan(ordinal, out var period))
            {
                return period.End.Value;
            }
        }

        return null;
    }

    /// <summary>The last usable time expression in [from, to); with <paramref name="preferDated"/> the last one that is not
    /// recurring (每年) when there is one.</summary>
    private static YearMention? Nearest(ExtractionContext context, int from, int to, bool preferDated = false)
    {
        YearMention? found = null;
        YearMention? dated = null;
        foreach (var year in context.YearsIn(from, to))
        {
            if (year.InName || year.Kind is YearMentionKind.Date or YearMentionKind.Past)
            {
                continue;
            }

            // "比“十五”末降低20%", "比“十一五”期间增长两倍": the time a comparison is made against is the base, never the due year.
            if (year.Span.Start > 0 && context.Text[year.Span.Start - 1] is '比' or '较')
            {
                continue;
            }

            // A year, deadline or period that ended before the plan year (2017年, 1990年前的房屋, 2020年前立项的) is the past a
            // phrase speaks of, never a due year.
            if (context.PlanYear is { } plan && year.Kind is YearMentionKind.Absolute or YearMentionKind.Deadline or YearMentionKind.Period
                && year.Period is { } p && p.End.Value < plan.Value)
            {
                continue;
            }

            found = year;
            if (year.Kind != YearMentionKind.Recurring)
            {
                dated = year;
            }
        }

        return preferDated ? dated ?? found : found;
    }

    /// <summary>"2004年-2006年…分别达到A、B和C": with as many values as years, the k-th value is due in the k-th year.</summary>
    private static void AssignRespectively(ExtractionContext context, TargetDraft draft, YearMention period)
    {
        var text = context.Text;
        var between = text.AsSpan(period.Span.End, Math.Max(0, draft.Mention.Span.Start - period.Span.End));
        var fenbie = between.IndexOf("分别", StringComparison.Ordinal);
        if (fenbie < 0 || between.Length > 80)
        {
            return;
        }

        var listStart = period.Span.End + fenbie;
        var clauseEnd = ClauseText.ClauseEnd(text, listStart);
        var members = new List<TargetDraft>();
        var first = draft.Index;
        while (first > 0 && context.Drafts[first - 1].Mention.Span.Start > listStart)
        {
            first--;
        }

        for (var i = first; i < context.Drafts.Count && context.Drafts[i].Mention.Span.Start < clauseEnd; i++)
        {
            if (!context.Drafts[i].IsRejected && context.Drafts[i].Mention.Span.Start > listStart)
            {
                members.Add(context.Drafts[i]);
            }
        }

        var position = members.IndexOf(draft);
        if (position >= 0 && members.Count == period.Period!.Value.Years)
        {
            draft.Year = period.Period.Value.Start.Value + position;
        }
    }
}
