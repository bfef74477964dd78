using PolicyMiner.Core.Targets;
using PolicyMiner.Core.Text;
using PolicyMiner.Extraction.Lexicon;
using PolicyMiner.Extraction.Pipeline;
using PolicyMiner.Extraction.Quantities;
using PolicyMiner.Extraction.Text;

namespace PolicyMiner.Extraction.Rules.Categories;

/// <summary>Assigns one of the schema's categories from keywords (the ordered tables of <c>categories.txt</c>): ratios (R&amp;D intensity, enterprise R&amp;D ratio, fiscal S&amp;T
/// spending) are read from the indicator, then the whole clause; everything else from the head noun after the indicator's last 的,
/// then the indicator, then the clause, then (for a target alone in its sentence) the clauses leading into it. A later item of a
/// 、-list with no topic of its own shares the item before it. The first matching entry of an ordered table wins, specific entries
/// before general ones.</summary>
public sealed class CategoryRule : ITargetRule
{
    /// <summary>An entry of the tables with its words as ids of <see cref="Words"/>: a phrase is marked once, and every entry
    /// is then checked against the marks.</summary>
    private sealed record CompiledEntry(string Category, int[][] GroupIds, int[]? ContextIds);

    private static readonly CategoryEntry[] RatioEntries = CategoryTable.Default["ratios"];

    private static readonly CategoryEntry[] PercentRatioEntries = CategoryTable.Default["percent-ratios"];

    private static readonly CategoryEntry[] TopicEntries = CategoryTable.Default["topics"];

    private static readonly CategoryEntry[] UnclaimedEntries = CategoryTable.Default["unclaimed"];

    private static readonly CategoryEntry[] DurationEntries = CategoryTable.Default["durations"];

    private static readonly CategoryEntry[] HeadEntries = CategoryTable.Default["heads"];

    /// <summary>Every word of the tables, found in a phrase in one pass.</summary>
    private static readonly WordPresence Words = new(RatioEntries.Concat(PercentRatioEntries).Concat(TopicEntries).Concat(UnclaimedEntries).Concat(DurationEntries).Concat(HeadEntries).SelectMany(e => e.Groups.SelectMany(g => g).Concat(e.Context ?? [])));

    private static readonly CompiledEntry[] Ratios = Compile([.. RatioEntries, .. PercentRatioEntries]);

    /// <summary>The ratio entries that also hold for amounts and counts: an enterprise R&amp;D ratio or an intensity is always a percentage.</summary>
    private static readonly CompiledEntry[] AmountRatios = [.. Compile(RatioEntries).Where(e => e.Category is not ("enterprise_rd_ratio" or "rd_intensity"))];

    private static readonly CompiledEntry[] Table = Compile(TopicEntries);

    private static readonly CompiledEntry[] Unclaimed = Compile(UnclaimedEntries);

    private static readonly CompiledEntry[] Durations = Compile(DurationEntries);

    private static readonly CompiledEntry[] Heads = Compile(HeadEntries);

    private const string Cooperation = "cooperation";

    private static readonly string[] ActorEndings = ["企业", "单位", "机构", "学校", "高校", "人员"];

    private const string GdpGrowth = "gdp_growth";

    private const string IndustryOutput = "industry_output";

    private static readonly string[] FirmEndings = ["企业", "公司"];

    private const string Agriculture = "agriculture";

    private const string Investment = "investment";

    private static readonly WordClass OutputWords = WordLexicon.Default["output-word"];

    public string Name => "category";

    public void Apply(ExtractionContext context)
    {
        var text = context.Text;
        var sentence = new Sentence();
        foreach (var draft in context.LiveDrafts)
        {
            var clauseStart = ClauseText.ClauseStart(text, draft.ExpressionStart);
            var clauseEnd = ClauseText.ClauseEnd(text, draft.ExpressionEnd);
            var clause = OwnClause(context, draft, clauseStart, clauseEnd);
            var itemStart = AfterEarlierItems(context, draft, clauseStart);
            var ratioClause = itemStart == clauseStart ? clause : OwnClause(context, draft, itemStart, clauseEnd);
            var sentenceStart = ClauseText.SentenceStart(text, draft.ExpressionStart);
            var sentenceEnd = ClauseText.SentenceEnd(text, draft.ExpressionStart);
            sentence.Reset(text, sentenceStart, sentenceEnd);
            // "完成200家绿色工厂提质升星，建设一批园区、工厂和农场": a clause after the target's is a statement of its own, so only the
            // clauses that lead into the target may lend it a topic.
            var leadIn = text.AsSpan(sentenceStart, Math.Max(sentenceStart, clauseEnd) - sentenceStart);
            var alone = AloneInSentence(context, draft, sentenceStart, sentenceEnd);
            var category = Classify(draft, clause, ratioClause, sentence, leadIn, alone, IsBareMeasure(context, draft.Indicator));

            // "新增营收过百亿元企业2家、过五十亿元2家": a later item of a 、-list that names no topic of its own elides the head
            // noun of the item before it, so it shares that item's category rather than one read from the list's clause.
            if (context.PreviousLive(draft, clauseStart) is { } item && ContinuesList(text, item, draft) && !NamesTopic(draft, sentence))
            {
                draft.Category = SizeOfEconomy(draft, item.Category) ?? TargetCategories.Other;
                draft.CategoryDecided = item.CategoryDecided;
                continue;
            }

            // "新增面积10万平方米", "总数突破200家": a short indicator with no topic of its own shares the previous target's topic.
            // GDP growth is one indicator, not a topic: a named part (一、二、三产, 服务业增加值) never inherits it.
            if (category is null && draft.Indicator.Length <= 6 && context.PreviousLive(draft, sentenceStart) is { } previous
                && !(previous.Category == GdpGrowth && draft.Indicator.Length > 0 && !draft.IndicatorInherited))
            {
                category = previous.Category;
                draft.CategoryDecided = previous.CategoryDecided;
            }
            else
            {
                draft.CategoryDecided = category is not null;
            }

            // "争取上级资金": an indicator that neither the topic tables nor a previous target's decided topic claim may still
            // be known to be no science topic, so the taxonomy's phrase fallback does not name one for it.
            if (!draft.CategoryDecided && Match(Unclaimed, draft.Indicator, sentence) is { } unclaimed)
            {
                category = unclaimed;
                draft.CategoryDecided = true;
            }

            draft.Category = SizeOfEconomy(draft, category) ?? TargetCategories.Other;
        }
    }

    /// <summary>"生产总值增长7%，力争突破6000亿元": GDP growth is a rate; the size of the economy in money, whether its own clause,
    /// a clause around it or the growth target before it names the growth, is no growth target (the taxonomy keeps it as the
    /// GDP level).</summary>
    private static string? SizeOfEconomy(TargetDraft draft, string? category) =>
        category == GdpGrowth && draft.Mention.Quantity.Kind == UnitKind.Money ? TargetCategories.Other : category;

    /// <summary>"生产总值增长7%左右、财政收入和税收分别增长8%和9%的目标": an earlier item of a 、-list that holds a target of its own
    /// names that target's ratio (growth of GDP), not this one's, so a rate takes its ratio from the clause after it, unless
    /// this target's indicator lies in it (a distributive list, "A、B的覆盖率分别达到90%、85%"). Topics still come from the whole
    /// clause: the items of a list usually share one (医院、敬老院 …).</summary>
    private static int AfterEarlierItems(ExtractionContext context, TargetDraft draft, int clauseStart)
    {
        var text = context.Text;
        var joint = text.LastIndexOf('、', draft.ExpressionStart - 1, Math.Max(0, draft.ExpressionStart - clauseStart));
        if (joint < clauseStart || draft.IndicatorSpan is not { } own || own.Start <= joint || draft.IndicatorInherited)
        {
            return clauseStart;
        }

        for (var i = draft.Index - 1; i >= 0 && context.Drafts[i].ExpressionStart >= clauseStart; i--)
        {
            if (!context.Drafts[i].IsRejected && context.Drafts[i].ExpressionEnd <= joint)
            {
                return joint + 1;
            }
        }

        return clauseStart;
    }

    /// <summary>"培育A示范企业5家以上、B设计中心3家以上": the later items of a 、-list in the clause name their own topics, so they are
    /// left out; the words after the last item ("市级51项、县级216项行政备案事项") are the head noun the items share, so they stay.</summary>
    private static string OwnClause(ExtractionContext context, TargetDraft draft, int clauseStart, int clauseEnd)
    {
        var text = context.Text;
        var drafts = context.Drafts;
        var joint = -1;
        var lastEnd = -1;
        for (var i = draft.Index + 1; i < drafts.Count && drafts[i].ExpressionStart < clauseEnd; i++)
        {
            var next = drafts[i];
            if (next.IsRejected || next.ExpressionStart <= draft.ExpressionEnd)
            {
                continue;
            }

            if (joint < 0)
            {
                joint = text.IndexOf('、', draft.ExpressionEnd, next.ExpressionStart - draft.ExpressionEnd);
                if (joint < 0)
                {
                    break;
                }
            }

            lastEnd = Math.Min(next.ExpressionEnd, clauseEnd);
        }

        return joint < 0 || lastEnd < 0
            ? text[clauseStart..clauseEnd]
            : string.Concat(text.AsSpan(clauseStart, joint - clauseStart), text.AsSpan(lastEnd, clauseEnd - lastEnd));
    }

    /// <summary>True when a 、 follows the previous item's expression, so the draft is the next item of the same list.</summary>
    private static bool ContinuesList(string text, TargetDraft item, TargetDraft draft) =>
        item.ExpressionEnd <= draft.ExpressionStart
        && text.AsSpan(item.ExpressionEnd, draft.ExpressionStart - item.ExpressionEnd).TrimStart().StartsWith("、", StringComparison.Ordinal);

    /// <summary>True when the draft's own indicator matches an entry of the tables.</summary>
    private static bool NamesTopic(TargetDraft draft, Sentence sentence)
    {
        if (draft.Indicator.Length == 0)
        {
            return false;
        }

        Span<bool> inIndicator = stackalloc bool[Words.Count];
        Words.Mark(draft.Indicator, inIndicator);
        return (Match(Ratios, inIndicator, sentence) ?? Match(Table, inIndicator, sentence)) is not null;
    }

    /// <summary>True when the indicator is a bare measure: one word of the segmenter's dictionary (交易额, 面积), or none at all.</summary>
    private static bool IsBareMeasure(ExtractionContext context, string indicator) =>
        indicator.Length == 0 || !context.Words.IsAvailable || context.Words.IsDictionaryWord(indicator);

    private static bool AloneInSentence(ExtractionContext context, TargetDraft draft, int sentenceStart, int sentenceEnd)
    {
        var drafts = context.Drafts;
        for (var i = draft.Index - 1; i >= 0 && drafts[i].Mention.Span.Start >= sentenceStart; i--)
        {
            if (!drafts[i].IsRejected)
            {
                return false;
            }
        }

        for (var i = draft.Index + 1; i < drafts.Count && drafts[i].Mention.Span.Start < sentenceEnd; i++)
        {
            if (!drafts[i].IsRejected)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The category the table names, or null when no entry matches (the taxonomy may still know the indicator).</summary>
    /// <param name="ratioClause">The clause without earlier 、-items that hold targets of their own: what may lend a rate its ratio.</param>
    /// <param name="bareMeasure">Whether the indicator is a bare measure that needs the lead-in to say what it measures.</param>
    private static string? Classify(TargetDraft draft, string clause, string ratioClause, Sentence sentence, ReadOnlySpan<char> leadIn, bool alone, bool bareMeasure)
    {
        var unit = draft.Mention.Quantity.Kind;
        var indicator = draft.Indicator;
        if (unit == UnitKind.Duration)
        {
            // 重污染天气N天, N分钟生活圈: what the duration measures, where its indicator or clause says so; 办结时限, 拨付时限, 评审周期:
            // the time an office has to act (the table's governance line). Any other duration (见习期限, 居住满183天) is read as any
            // number is, from the topic tables below.
            if (Match(Durations, indicator + "|" + clause, sentence) is { } measured)
            {
                return measured;
            }
        }

        // The indicator is matched against several tables: its words are marked once.
        Span<bool> inIndicator = stackalloc bool[Words.Count];
        Words.Mark(indicator, inIndicator);
        var named = indicator.Length > 0;
        if (unit is UnitKind.Percent or UnitKind.PercentagePoint)
        {
            // The indicator decides before its clause: 全社会研发投入 growing by a percentage beside 企业研发投入… is the intensity's numerator. An
            // indicator that names a topic beyond science policy (固定资产投资 growing in a 、-list after 一般公共预算收入) takes
            // no ratio from the other items of its clause, and the clause lends ratios only, never a topic such as fiscal revenue.
            if (((named ? Match(Ratios, inIndicator, sentence) : null)
                 ?? (named && NamesTopicBeyondSchema(inIndicator, sentence) ? null : RatioOnly(Match(Ratios, indicator + "|" + ratioClause, sentence)))) is { } ratio)
            {
                return ratio;
            }

            // "民营科技企业80%": a share of a class of actors; what they must have is named elsewhere in the sentence.
            foreach (var ending in ActorEndings)
            {
                if (indicator.EndsWith(ending, StringComparison.Ordinal) && Match(Table, sentence.Value.Replace(indicator, "", StringComparison.Ordinal), sentence) is { } shareOf)
                {
                    return shareOf;
                }
            }
        }

        var ratios = unit is UnitKind.Percent or UnitKind.PercentagePoint ? Ratios : AmountRatios;
        // "具有自主知识产权的体育赛事品牌": the head noun after the last 的 names the thing counted; what qualifies it comes second.
        var head = HeadNoun(indicator);
        // "全县生产总值…，增长14.5%": the indicator names the topic and its clause the growth.
        var category = (named ? Match(ratios, inIndicator, sentence) : null) ?? (head.Length > 0 ? Match(Table, head, sentence) : null)
               ?? (named ? Match(Table, inIndicator, sentence) : null)
               ?? FromClause(indicator, clause, ratioClause, sentence)
               ?? (alone ? LentByLeadIn(leadIn, sentence, bareMeasure) : null);

        // 投资3亿元的箱包产业园, 中外合作产业园区, 培育2个主导产业: a park or an industry that heads the indicator is industry, before
        // the investment or cooperation its words or its clause would lend; one whose words or clause name a sector of its own
        // (农业, 物流, 文化) keeps it, and a park or industry that only qualifies the head (产业园新入驻企业, 产业链项目) is no head.
        if (named && category is null or Investment or Cooperation && HeadedByParkOrIndustry(indicator)
            && Match(Heads, inIndicator, sentence) is { } headed)
        {
            category = headed;
        }

        // 汽车产量突破45万辆, 年产30万台: the pieces a year's production turns out are industry output, whatever the
        // clause around names (合作, 项目); farm output (生猪产量) keeps its sector.
        if (unit == UnitKind.Count && category != Agriculture && OutputWords.OccursIn(indicator))
        {
            return IndustryOutput;
        }

        // 规上工业企业1000家, 营收过百亿元企业2家: a count of firms is no output; industry output is what an industry produces or earns.
        return category == IndustryOutput && unit == UnitKind.Count && FirmEndings.Any(e => indicator.EndsWith(e, StringComparison.Ordinal))
            ? TargetCategories.Other
            : category;
    }

    /// <summary>The topic the clause lends; GDP growth is one indicator, so an earlier 、-item's 生产总值增长 is not lent to a
    /// later item's target.</summary>
    private static string? FromClause(string indicator, string clause, string ratioClause, Sentence sentence)
    {
        var lent = Lent(clause);
        return lent == GdpGrowth && !ReferenceEquals(ratioClause, clause) ? Lent(ratioClause) : lent;

        string? Lent(string phrase) =>
            (indicator.Length > 0 && !phrase.Contains(indicator, StringComparison.Ordinal) ? Match(Table, indicator + "|" + phrase, sentence) : null)
            ?? Match(Table, phrase, sentence);
    }

    /// <summary>The topic the clauses leading into a lone target lend it. Money spent in an earlier clause ("投资6亿元，完成8万户煤改气改造",
    /// "聚焦金融投资等领域，新增总部企业2家") is the cost or the field of the work, not what an indicator naming a thing of its own
    /// counts, so investment is lent to a bare measure only.</summary>
    private static string? LentByLeadIn(ReadOnlySpan<char> leadIn, Sentence sentence, bool bareMeasure) =>
        Match(Table, leadIn, sentence) is { } lent && (bareMeasure || lent != Investment) ? lent : null;

    private static string? RatioOnly(string? category) => category is not null && TargetCategories.Topics.Contains(category) ? null : category;

    /// <summary>True when the indicator alone (its marked words) matches a topic of the table that lies outside the gold schema (投资, 消费, 财政收入 …).</summary>
    private static bool NamesTopicBeyondSchema(ReadOnlySpan<bool> inIndicator, Sentence sentence) =>
        Match(Table, inIndicator, sentence) is { } topic && !TargetCategories.Schema.Contains(topic);

    /// <summary>The topic category a phrase names by itself (a table's caption or section heading), or null.</summary>
    internal static string? TopicOf(string phrase)
    {
        var sentence = new Sentence();
        sentence.Reset(phrase, 0, phrase.Length);
        return Match(Table, phrase, sentence);
    }

    /// <summary>The topic an indicator names by its own words (a ratio, its head noun's topic, its words' topic), or null: what a
    /// later item of a list that shares one number ("A、B各1个") holds of its own, rather than the first item's clause.</summary>
    internal static string? OwnTopicOf(string indicator, UnitKind unit)
    {
        if (indicator.Length == 0)
        {
            return null;
        }

        var sentence = new Sentence();
        sentence.Reset(indicator, 0, indicator.Length);
        Span<bool> inIndicator = stackalloc bool[Words.Count];
        Words.Mark(indicator, inIndicator);
        var head = HeadNoun(indicator);
        var topic = Match(unit is UnitKind.Percent or UnitKind.PercentagePoint ? Ratios : AmountRatios, inIndicator, sentence)
            ?? (head.Length > 0 ? Match(Table, head, sentence) : null)
            ?? Match(Table, inIndicator, sentence);
        return topic == GdpGrowth && unit == UnitKind.Money ? TargetCategories.Other : topic;
    }

    /// <summary>True when the indicator ends in a park (园, 园区, 集中区) or an industry (产业, 产业链), a trailing 等 left aside.</summary>
    private static bool HeadedByParkOrIndustry(string indicator)
    {
        var head = indicator.AsSpan().TrimEnd('等');
        return head.EndsWith("园", StringComparison.Ordinal) || head.EndsWith("园区", StringComparison.Ordinal) || head.EndsWith("集中区", StringComparison.Ordinal)
               || head.EndsWith("产业", StringComparison.Ordinal) || head.EndsWith("产业链", StringComparison.Ordinal);
    }

    /// <summary>The words after the last 的 of an indicator (its head noun phrase), or "" when it has no 的 or too little after it.</summary>
    private static string HeadNoun(string indicator)
    {
        var de = indicator.LastIndexOf('的');
        return de > 0 && indicator.Length - de > 2 ? indicator[(de + 1)..] : "";
    }

    /// <summary>The category of the first entry of <paramref name="entries"/> that <paramref name="phrase"/> matches, or null.</summary>
    private static string? Match(CompiledEntry[] entries, ReadOnlySpan<char> phrase, Sentence sentence)
    {
        if (phrase.IsEmpty)
        {
            return null;
        }

        Span<bool> inPhrase = stackalloc bool[Words.Count];
        Words.Mark(phrase, inPhrase);
        return Match(entries, inPhrase, sentence);
    }

    /// <summary>The category of the first entry of <paramref name="entries"/> whose words <paramref name="inPhrase"/> marks, or null.</summary>
    private static string? Match(CompiledEntry[] entries, ReadOnlySpan<bool> inPhrase, Sentence sentence)
    {
        foreach (var entry in entries)
        {
            if (!AllGroups(entry.GroupIds, inPhrase))
            {
                continue;
            }

            if (entry.ContextIds is not null && !AnyOf(entry.ContextIds, sentence.Words))
            {
                continue;
            }

            return entry.Category;
        }

        return null;
    }

    private static bool AllGroups(int[][] groups, ReadOnlySpan<bool> present)
    {
        foreach (var group in groups)
        {
            if (!AnyOf(group, present))
            {
                return false;
            }
        }

        return true;
    }

    private static bool AnyOf(int[] words, ReadOnlySpan<bool> present)
    {
        foreach (var word in words)
        {
            if (present[word])
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The sentence of the draft being classified: which table words it holds is marked once, on the first entry with
    /// context words, however many phrases of the draft are matched. One instance serves a document's drafts in turn.</summary>
    private sealed class Sentence
    {
        private readonly bool[] _words = new bool[CategoryRule.Words.Count];
        private string _text = "";
        private int _start;
        private int _end;
        private bool _marked;
        private string? _value;

        public void Reset(string text, int start, int end)
        {
            _text = text;
            _start = start;
            _end = end;
            _marked = false;
            _value = null;
        }

        /// <summary>Which words of <see cref="CategoryRule.Words"/> occur in the sentence.</summary>
        public ReadOnlySpan<bool> Words
        {
            get
            {
                if (!_marked)
                {
                    Array.Clear(_words);
                    CategoryRule.Words.Mark(_text.AsSpan(_start, _end - _start), _words);
                    _marked = true;
                }

                return _words;
            }
        }

        public string Value => _value ??= _text[_start.._end];
    }

    private static CompiledEntry[] Compile(CategoryEntry[] entries) =>
        [.. entries.Select(e => new CompiledEntry(
            e.Category,
            [.. e.Groups.Select(g => g.Select(Words.IdOf).ToArray())],
            e.Context?.Select(Words.IdOf).ToArray()))];
}
