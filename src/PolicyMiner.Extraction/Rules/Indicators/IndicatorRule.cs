using System.Collections.Frozen;
using PolicyMiner.Core.Text;
using PolicyMiner.Extraction.Pipeline;
using PolicyMiner.Extraction.Quantities;
using PolicyMiner.Extraction.Text;

namespace PolicyMiner.Extraction.Rules.Indicators;

/// <summary>Finds the indicator phrase (the shortest span naming what is measured) and the quote of each target.</summary>
/// <remarks>
/// The indicator is the clause text before the number, stripped of item numbers, time words, modals, adverbs, action verbs and
/// comparators ("年内力争新增省级院士工作站3家" → "新增省级院士工作站"); when the number comes first it is the noun phrase after it
/// ("培育3-4家拥有核心技术的领军企业"). Elided subjects ("…60亿元，力争70亿元", "占规模工业营业收入35%", "同比增长12%") are taken
/// from the previous target of the sentence.
/// </remarks>
public sealed class IndicatorRule : ITargetRule
{
    private static readonly string[] LeadingWords =
    [
        "其中", "同时", "并且", "并", "还要", "进一步", "重点", "着力", "大力", "积极", "切实", "认真", "继续", "全面", "加快", "主要",
        "努力使", "努力", "力争", "确保", "必须", "务必", "要", "应", "使", "通过", "组织开展", "开展", "促进", "推动", "实现", "完成",
        "打造", "建成", "建立和完善", "建立健全", "建立", "完善", "建设", "培育", "培植建设", "培植", "培养", "新建", "创建", "认定", "获批",
        "取得", "选派", "促成", "评选", "选取", "选拔", "抓好", "扶持", "举办", "达到", "有", "按照", "按", "在", "全年", "年内", "今年",
        "当年", "明年", "本年", "各类", "共", "保持", "争创", "集中", "累计", "引进培育", "引进和培育", "培养和引进", "培育和引进", "培养引进",
        "引进培养",
    ];

    private static readonly string[] TrailingWords =
    [
        "力争达到", "确保达到", "力争", "确保", "达到或超过", "达到", "达", "突破", "超过", "不少于", "不低于", "不小于", "至少", "不超过",
        "控制在", "保持在", "稳定在", "约为", "约", "近", "为", "有", "在", "要", "应当", "应", "须", "必须", "同比增长", "同比增加",
        "同比提高", "同比", "年均增长", "年均", "比上年增长", "比上年提高", "比上年增加", "较上年增长", "较上年提高", "较上年增加", "比上年",
        "较上年", "比去年", "较去年", "增长", "提高", "增加", "增至", "提高到", "增加到", "分别达到", "分别为", "分别", "的比例为", "累计",
        "的", "共", "计", "以上", "争取", "在", "均",
    ];

    // Word lists indexed by their first (leading) or last (trailing) character, longest first, so each strip step is one lookup.
    private static readonly FrozenDictionary<char, string[]> LeadingByFirst = LeadingWords
        .GroupBy(w => w[0]).ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(w => w.Length).ToArray());

    private static readonly FrozenDictionary<char, string[]> TrailingByLast = TrailingWords
        .GroupBy(w => w[^1]).ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(w => w.Length).ToArray());

    private static readonly string[] GenericNouns = ["要求", "标准", "比例", "比重", "目标", "水平", "规模", "份额", "幅度", "速度", "左右", "以上"];

    public string Name => "indicator";

    public void Apply(ExtractionContext context)
    {
        foreach (var draft in context.LiveDrafts)
        {
            // A table row names its indicator in a cell of its own.
            if (draft.Table is null)
            {
                Find(context, draft);
            }
        }
    }

    private static void Find(ExtractionContext context, TargetDraft draft)
    {
        var text = context.Text;
        var exprStart = draft.ExpressionStart;
        var clauseStart = ClauseText.ClauseStart(text, exprStart);
        var segStart = clauseStart;

        // A responsibility block ending inside the clause is a boundary.
        if (context.PreviousResponsibility(exprStart) is { } block && block.Span.End > segStart && block.Span.End <= exprStart)
        {
            segStart = block.Span.End;
        }

        // The previous number of the clause ends this one's segment ("2家、省级院士工作站1家").
        for (var i = draft.Index - 1; i >= 0; i--)
        {
            var prev = context.Drafts[i];
            if (prev.Mention.Span.End <= segStart)
            {
                break;
            }

            // Numbers inside names (“百名专家进企业”) are part of the phrase, not a boundary.
            if (prev.Mention.Span.End <= exprStart && (!prev.IsRejected || prev.RejectedBecause!.StartsWith("baseline", StringComparison.Ordinal)
                                                       || prev.RejectedBecause.StartsWith("past", StringComparison.Ordinal)))
            {
                segStart = Math.Max(segStart, prev.IsRejected ? prev.Mention.Span.End : prev.ExpressionEnd);
                // "1个领军型人才、2个…": the previous target's noun after its number is not ours.
                if (!prev.IsRejected && prev.IndicatorSpan is { } used && used.Start >= prev.ExpressionEnd && used.End <= exprStart)
                {
                    segStart = Math.Max(segStart, used.End);
                }

                break;
            }
        }

        // "高新技术企业由目前的42家增加到55家": the indicator stands before the baseline phrase.
        var preLimit = exprStart;
        if (draft.Baseline is not null && draft.Index > 0 && context.Drafts[draft.Index - 1] is { IsRejected: true } baseline
            && baseline.Mention.Span.Start >= clauseStart)
        {
            var cut = text.LastIndexOfAny(['由', '从'], baseline.Mention.Span.Start - 1, Math.Max(1, baseline.Mention.Span.Start - clauseStart));
            if (cut >= clauseStart)
            {
                segStart = clauseStart;
                preLimit = cut;
            }
        }

        segStart = SkipSeparators(text, segStart, preLimit);
        var quoteStart = SkipItemMarker(text, segStart, exprStart);

        // Pre-number indicator.
        var (preStart, preEnd) = Strip(context, quoteStart, preLimit);

        // Post-number indicator.
        var (postStart, postEnd) = PostPhrase(context, draft);
        var postText = postEnd > postStart ? text[postStart..postEnd] : "";
        var usePost = postText.Length > 0 && !StartsWithAny(postText, GenericNouns);

        string indicator;
        TextSpan? span = null;
        var quoteEnd = draft.ExpressionEnd;
        if (usePost && (preEnd <= preStart || IsVerbOnly(text, preStart, preEnd)))
        {
            (postStart, postEnd) = TrimPost(text, postStart, postEnd);
            indicator = text[postStart..postEnd];
            span = new TextSpan(postStart, postEnd);
            quoteEnd = Math.Max(quoteEnd, postEnd);
        }
        else if (preEnd > preStart)
        {
            indicator = text[preStart..preEnd];
            span = new TextSpan(preStart, preEnd);
            quoteStart = Math.Min(quoteStart, preStart);
        }
        else
        {
            indicator = "";
        }

        // "以普通党员身份参加…": a manner adverbial before the verb is not part of what is measured.
        if (span is { } manner && indicator.IndexOf("身份", StringComparison.Ordinal) is var role and > 1
            && indicator.LastIndexOf('以', role) is >= 0 && role + 2 < indicator.Length)
        {
            indicator = indicator[(role + 2)..];
            span = new TextSpan(manner.Start + role + 2, manner.End);
        }

        // "专利申请量年均增长15%", "技术合同成交额比2020年增长1倍": an average rate or an explicit base year defines the measure.
        if (span is { } measured && GrowthTail(text, text[measured.End - 1] is '比' or '较' ? measured.End - 1 : measured.End, exprStart) is > 0 and var tailEnd)
        {
            span = new TextSpan(measured.Start, tailEnd);
            indicator = text[measured.Start..tailEnd];
        }

        // Elided subject: "力争100亿元", "同比增长28%", "占全部工业投入27%", "其中三分之一用于…", "总数达到60家".
        if (Array.IndexOf(ElidedGrowthWords, indicator) >= 0)
        {
            // "并保持年均增长15%": only the growth phrase is left, so the subject is elided.
            indicator = "";
        }

        if (indicator.Length == 0 || indicator[0] == '占' || indicator.StartsWith("用于", StringComparison.Ordinal) || IsTotalOfListItem(context, draft, indicator, clauseStart))
        {
            // "占…的比例不低于2%，并保持年均增长15%": a growth in % is of the amount itself; in 个百分点 it is of the ratio.
            var growth = indicator.Length == 0 ? ElidedGrowth(text, quoteStart, exprStart) : "";
            var subject = InheritedSubject(context, draft, clauseStart,
                cutAtZhan: indicator.Length > 0 || (growth.Length > 0 && draft.Mention.Quantity.Kind == UnitKind.Percent));
            if (subject.Length > 0)
            {
                // "新增15家、总数达到60家": the total is of the things, not of the increase.
                if (indicator.Length > 0 && indicator[0] == '总')
                {
                    subject = WithoutIncreaseWords(subject);
                }

                // "…达到4亿元，比上年增长25%": the growth of the inherited subject, not its level.
                indicator = growth.Length > 0 ? growth : indicator;

                indicator = subject + indicator;
                draft.IndicatorInherited = true;
                span = null;
            }
        }
        else if (indicator is "面积" or "新增面积" or "总面积" or "建筑面积" or "使用面积"
                 && context.PreviousLive(draft, ClauseText.SentenceStart(text, exprStart)) is { Indicator.Length: > 1 } owner
                 && !owner.Indicator.EndsWith("面积", StringComparison.Ordinal))
        {
            // "新增孵化器2家，新增面积5万平方米": a bare area belongs to the previous target's things.
            indicator = WithoutIncreaseWords(owner.Indicator) + indicator;
            span = null;
        }
        else if (indicator is "投入" or "支出" or "投资" && span is { } spent
                 && context.PreviousLive(draft, ClauseText.SentenceStart(text, exprStart)) is { Indicator.Length: > 1 } spender)
        {
            // "财政科技支出年均增长10%，期间累计投入60亿元": a bare spending verb spends the previous target's money.
            var cumulative = ClauseText.EndsAt(text, spent.Start, "累计") ? "累计" : "";
            indicator = WithoutGrowthWords(spender.Indicator) + cumulative + indicator;
            span = null;
        }
        else if (indicator is ['国' or '省' or '市' or '县' or '区', .., '级'] && indicator.Length <= 3
                 && context.PreviousLive(draft, ClauseText.SentenceStart(text, exprStart)) is { } parent
                 && parent.Indicator.LastIndexOf('级') is var level and >= 0)
        {
            // "新建县级以上研发平台5个，其中省级2个": a bare level names a subset of the previous target's things.
            var head = parent.Indicator[(level + 1)..];
            head = head.StartsWith("以上", StringComparison.Ordinal) ? head[2..] : head;
            if (head.Length >= 2)
            {
                indicator += head;
                span = null;
            }
        }

        // "市级科技计划经费的30%用于支持产学研合作项目": a share of a fund is named with its use.
        if (draft.Mention.Quantity.Kind == UnitKind.Percent && span is { } fund && fund.End <= exprStart
            && ClauseText.At(text, draft.ExpressionEnd, "用于"))
        {
            var (useStart, useEnd) = PostPhrase(context, draft);
            if (useEnd > useStart + 2)
            {
                indicator = text[fund.Start..fund.End] + text[useStart..useEnd];
                span = null;
                quoteEnd = Math.Max(quoteEnd, useEnd);
            }
        }

        // "按销售收入的5%提取研发经费": the share of a base that an actor must set aside names both.
        if (draft.Mention.Quantity.Kind == UnitKind.Percent && SetAsideRatio(context, draft, indicator, clauseStart) is { } setAside)
        {
            indicator = setAside;
            span = null;
        }

        draft.Indicator = indicator;
        draft.IndicatorSpan = span;
        draft.Quote = new TextSpan(Math.Min(quoteStart, draft.ExpressionStart), Math.Max(quoteEnd, draft.ExpressionEnd));
    }

    private static readonly string[] ElidedGrowthWords =
    [
        "年均增长", "年均递增", "年均提高", "比上年增长", "比上年提高", "比上年增加", "较上年增长", "较上年提高", "较上年增加", "比去年增长",
        "比去年提高", "同比增长", "同比提高", "同比增加", "每年提高", "每年增长",
    ];

    /// <summary>The growth phrase of a clause whose subject is elided ("并保持年均增长", "比上年提高"), or "".</summary>
    private static string ElidedGrowth(string text, int start, int end)
    {
        var segment = text.AsSpan(start, end - start);
        foreach (var word in ElidedGrowthWords)
        {
            var at = segment.LastIndexOf(word, StringComparison.Ordinal);
            if (at >= 0 && segment.Length - at - word.Length <= 4)
            {
                return word;
            }
        }

        return "";
    }

    /// <summary>The end of "年均增长" or "比2020年增长" right after the indicator, or -1.</summary>
    private static int GrowthTail(string text, int at, int limit)
    {
        foreach (var word in (string[])["年均增长", "年均递增", "年均提高"])
        {
            if (ClauseText.At(text, at, word) && at + word.Length <= limit)
            {
                return at + word.Length;
            }
        }

        // 比 / 较 + a four-digit year + 年 + 增长 / 提高.
        if (at + 8 <= limit && text[at] is '比' or '较' && char.IsAsciiDigit(text[at + 1]) && char.IsAsciiDigit(text[at + 4]) && text[at + 5] == '年'
            && (ClauseText.At(text, at + 6, "增长") || ClauseText.At(text, at + 6, "提高")))
        {
            return at + 8;
        }

        return -1;
    }

    /// <summary>"净增15家、总数达到60家": a bare 总数 in the same clause as the previous target totals that target's things.</summary>
    private static bool IsTotalOfListItem(ExtractionContext context, TargetDraft draft, string indicator, int clauseStart) =>
        indicator is "总数" or "总量" or "总额"
        && context.PreviousLive(draft, clauseStart) is { } previous && previous.ExpressionEnd > clauseStart;

    private static string WithoutGrowthWords(string subject)
    {
        foreach (var word in ElidedGrowthWords)
        {
            if (subject.EndsWith(word, StringComparison.Ordinal))
            {
                return subject[..^word.Length];
            }
        }

        return subject;
    }

    private static string WithoutIncreaseWords(string subject)
    {
        foreach (var word in (string[])["净增", "新增", "增加"])
        {
            subject = subject.Replace(word, "", StringComparison.Ordinal);
        }

        return subject;
    }

    private static readonly string[] ActorNouns = ["企业", "单位", "机构", "高校", "院所"];

    /// <summary>"(镇)要按本级财政支出1.5%的比例提取科技经费", "按照A企业销售收入的5%、B企业3%的要求，提取和使用研发费用": the
    /// indicator "[actor] 科技经费占本级财政支出的比例"; null when the number is not inside such a frame.</summary>
    private static string? SetAsideRatio(ExtractionContext context, TargetDraft draft, string ownIndicator, int clauseStart)
    {
        var text = context.Text;
        var floor = Math.Max(ClauseText.SentenceStart(text, draft.ExpressionStart), draft.ExpressionStart - 60);
        var ceiling = Math.Min(ClauseText.SentenceEnd(text, draft.ExpressionEnd), draft.ExpressionEnd + 40);
        var semicolon = text.LastIndexOfAny(['；', ';'], Math.Max(0, draft.ExpressionStart - 1), draft.ExpressionStart - floor);
        floor = Math.Max(floor, semicolon + 1);
        var nextSemicolon = text.IndexOfAny(['；', ';'], draft.ExpressionEnd, ceiling - draft.ExpressionEnd);
        ceiling = nextSemicolon >= 0 ? nextSemicolon : ceiling;

        var take = text.IndexOf("提取", draft.ExpressionEnd, ceiling - draft.ExpressionEnd, StringComparison.Ordinal);
        var by = text.LastIndexOf('按', draft.ExpressionStart - 1, draft.ExpressionStart - floor);
        if (take < 0 || by < 0 || (by + 1 < text.Length && text[by + 1] is '期' or '时'))
        {
            return null;
        }

        // What is set aside: the noun phrase after 提取 (和使用 / 使用 are part of the verb).
        var fundStart = take + 2;
        foreach (var verb in (string[])["和使用", "并使用", "使用"])
        {
            if (ClauseText.At(text, fundStart, verb))
            {
                fundStart += verb.Length;
                break;
            }
        }

        var fundEnd = ClauseText.ClauseEnd(text, fundStart);
        fundEnd = Math.Min(fundEnd, ceiling);
        if (fundEnd - fundStart < 2)
        {
            return null;
        }

        var fund = text[fundStart..fundEnd];

        // The base: the first item of the frame, without its actor ("高新技术企业销售收入的" → actor 高新技术企业, base 销售收入).
        var frameStart = ClauseText.At(text, by, "按照") ? by + 2 : by + 1;
        var firstEnd = draft.ExpressionStart;
        for (var i = draft.Index - 1; i >= 0 && context.Drafts[i].Mention.Span.Start >= frameStart; i--)
        {
            firstEnd = context.Drafts[i].ExpressionStart;
        }

        var first = text[frameStart..firstEnd].TrimEnd('的');
        var actor = "";
        foreach (var noun in ActorNouns)
        {
            var at = first.IndexOf(noun, StringComparison.Ordinal);
            if (at > 0 && at + noun.Length < first.Length)
            {
                actor = first[..(at + noun.Length)];
                first = first[(at + noun.Length)..];
                break;
            }
        }

        if (first.Length < 2)
        {
            return null;
        }

        if (firstEnd < draft.ExpressionStart)
        {
            // A later item of the list ("定报企业3%"): its own phrase names the actor.
            actor = ownIndicator;
        }
        else if (actor.Length == 0 && by > clauseStart)
        {
            // "镇(区)要按…": the subject before the frame.
            actor = text[clauseStart..by].TrimEnd('要', '应', '须', '均', '都');
        }

        return actor + fund + "占" + first + "的比例";
    }

    private static string InheritedSubject(ExtractionContext context, TargetDraft draft, int clauseStart, bool cutAtZhan)
    {
        var text = context.Text;
        var sentenceStart = ClauseText.SentenceStart(text, draft.Mention.Span.Start);
        var previous = context.PreviousLive(draft, sentenceStart);
        if (previous is not null && previous.Indicator.Length > 0)
        {
            var s = previous.Indicator;
            var zhan = s.IndexOf('占');
            return zhan > 0 && cutAtZhan ? s[..zhan] : s;
        }

        // No earlier target: the subject of the previous clause ("…的比重稳步提高，到2020年达到3%").
        if (clauseStart - 1 <= sentenceStart)
        {
            return "";
        }

        var prevStart = ClauseText.ClauseStart(text, clauseStart - 1);
        var (s1, e1) = Strip(context, SkipItemMarker(text, prevStart, clauseStart - 1), clauseStart - 1);
        if (e1 <= s1)
        {
            return "";
        }

        var phrase = text[s1..e1];
        foreach (var stop in (string[])["比上年", "较上年", "比去年", "逐年", "有", "达到", "实现", "保持", "增长", "提高"])
        {
            var at = phrase.IndexOf(stop, StringComparison.Ordinal);
            if (at > 0)
            {
                phrase = phrase[..at];
            }
        }

        return phrase.Length >= 2 ? phrase : "";
    }

    /// <summary>Strips leading item markers, time words, modals, adverbs and verbs, and trailing comparators and verbs.</summary>
    private static (int Start, int End) Strip(ExtractionContext context, int start, int end)
    {
        var cut = StripOnce(context, start, end, cutAtTimeWords: true);
        // "每万人发明专利拥有量在明年达到4.5件": nothing after the time word, so the phrase before it is the indicator.
        return cut.End > cut.Start ? cut : StripOnce(context, start, end, cutAtTimeWords: false);
    }

    private static (int Start, int End) StripOnce(ExtractionContext context, int start, int end, bool cutAtTimeWords)
    {
        var text = context.Text;
        if (!cutAtTimeWords)
        {
            foreach (var year in context.YearsIn(start, end))
            {
                if (year.Kind is (YearMentionKind.Past or YearMentionKind.Date) || year.InName)
                {
                    continue;
                }

                if (year.Span.Start <= start + 1)
                {
                    start = Math.Max(start, year.Span.End);
                    continue;
                }

                end = year.Span.Start;
                break;
            }
        }

        // A time expression or a modal inside the segment: the indicator follows it ("各级政府年内专题研究…", "镇(区)要按…").
        foreach (var year in cutAtTimeWords ? context.YearsIn(start, end) : [])
        {
            // Only a time word near the start is an adverbial ("各级政府年内…"); later ones qualify a noun ("不低于当年财政支出").
            if (year.Kind is YearMentionKind.Past or YearMentionKind.Date || year.InName || year.Span.End >= end)
            {
                continue;
            }

            if (year.Span.Start - start <= 8)
            {
                start = Math.Max(start, year.Span.End);
            }
            else if (end - year.Span.End <= 4)
            {
                // "…拥有量在明年达到": a time word just before the verb ends the indicator.
                end = year.Span.Start;
            }
        }

        foreach (var modal in context.ModalsIn(start, end))
        {
            if (modal.Span.End < end - 1)
            {
                start = Math.Max(start, modal.Span.End);
            }
        }

        bool changed;
        do
        {
            changed = false;
            while (start < end && text[start] is ' ' or '\u3000' or '，' or ',' or '、' or '”' or ')' or '）')
            {
                start++;
                changed = true;
            }

            foreach (var word in start < end ? LeadingByFirst.GetValueOrDefault(text[start], []) : [])
            {
                if (end - start > word.Length - 1 && ClauseText.At(text, start, word))
                {
                    start += word.Length;
                    changed = true;
                    break;
                }
            }

            foreach (var word in end > start ? TrailingByLast.GetValueOrDefault(text[end - 1], []) : [])
            {
                if (end - start >= word.Length && ClauseText.EndsAt(text, end, word))
                {
                    end -= word.Length;
                    changed = true;
                    break;
                }
            }

            while (end > start && text[end - 1] is ' ' or '\u3000' or '，' or ',' or '、' or '“' or '(' or '（')
            {
                end--;
                changed = true;
            }
        }
        while (changed && end > start);

        return (start, Math.Max(start, end));
    }

    /// <summary>The noun phrase after the number ("…3-4家拥有核心技术的领军企业"), up to the clause end or the next list item.</summary>
    private static (int Start, int End) PostPhrase(ExtractionContext context, TargetDraft draft)
    {
        var text = context.Text;
        var i = draft.ExpressionEnd;
        if (ClauseText.At(text, i, "的"))
        {
            i++;
        }

        // "2家5万平方米以上的市级加速器": skip a following number to reach the noun.
        if (draft.Index + 1 < context.Drafts.Count && context.Drafts[draft.Index + 1] is var next && next.Mention.Span.Start == i)
        {
            i = next.ExpressionEnd;
            if (ClauseText.At(text, i, "的"))
            {
                i++;
            }
        }

        var start = i;
        var limit = Math.Min(text.Length, start + 40);
        while (i < limit)
        {
            var c = text[i];
            if (ClauseText.IsClauseEnd(c) || c is '(' or '（' or ')' or '）' or '。')
            {
                break;
            }

            if (c is '、' or '和' or '及' or '与' && i + 1 < text.Length && (ChineseNumber.IsDigit(text[i + 1]) || ChineseNumber.IsNumeralChar(text[i + 1])))
            {
                break;
            }

            if (ChineseNumber.IsDigit(c))
            {
                break;
            }

            i++;
        }

        return (start, i);
    }

    private static (int Start, int End) TrimPost(string text, int start, int end)
    {
        foreach (var verb in (string[])["担任", "作为", "成为"])
        {
            var at = text.IndexOf(verb, start, end - start, StringComparison.Ordinal);
            if (at > start && at + verb.Length < end)
            {
                start = at + verb.Length;
            }
        }

        foreach (var tail in (string[])["建设", "等"])
        {
            if (end - start > tail.Length + 1 && ClauseText.EndsAt(text, end, tail))
            {
                end -= tail.Length;
            }
        }

        return (start, end);
    }

    /// <summary>True when the pre-number text is only a verb or subject-verb with nothing measurable ("每位党组成员办").</summary>
    private static bool IsVerbOnly(string text, int start, int end)
    {
        // A short verb phrase ("择优遴选", "每年评选") before a number followed by its noun.
        if (end - start <= 4 || text[end - 1] is '办')
        {
            return true;
        }

        foreach (var verb in ObjectVerbs)
        {
            if (ClauseText.EndsAt(text, end, verb))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Verbs whose object is the counted thing: when the text before the number ends with one, the noun after it is the indicator.</summary>
    private static readonly string[] ObjectVerbs =
    [
        "抓好", "做好", "办好", "建成", "完成", "确定", "引进", "组织", "选派", "打造", "培育", "建设", "新建", "评选", "获批", "选取", "选拔",
        "认定", "举办", "开展", "实施", "推进", "支持", "扶持", "培养", "创建", "设立", "组建", "召开", "资助", "推广", "发展",
    ];

    private static int SkipSeparators(string text, int start, int end)
    {
        while (start < end)
        {
            if (text[start] is '、' or '，' or ',' or ' ' or '\u3000' or '和' or '及' or '与' or '或')
            {
                start++;
                continue;
            }

            if (ClauseText.At(text, start, "以及"))
            {
                start += 2;
                continue;
            }

            break;
        }

        return start;
    }

    /// <summary>Skips "1." "3、" "(二)" "一是" at the start of an item.</summary>
    private static int SkipItemMarker(string text, int start, int end)
    {
        var i = start;
        while (i < end && text[i] is ' ' or '\u3000' or '\t')
        {
            i++;
        }

        var j = i;
        while (j < end && (ChineseNumber.IsDigit(text[j]) || ChineseNumber.DigitValue(text[j]) >= 0 || text[j] == '十'))
        {
            j++;
        }

        if (j > i && j < end && text[j] is '.' or '．' or '、')
        {
            return j + 1;
        }

        if (j > i && j + 1 <= end && text[j] == '是')
        {
            return j + 1;
        }

        if (i < end && text[i] is '(' or '（')
        {
            var close = ClauseText.FindCloser(text, i, Math.Min(end, i + 6));
            if (close > 0)
            {
                return close + 1;
            }
        }

        return i;
    }

    private static bool StartsWithAny(string s, string[] words)
    {
        foreach (var w in words)
        {
            if (s.StartsWith(w, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
