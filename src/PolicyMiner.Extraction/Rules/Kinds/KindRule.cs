using PolicyMiner.Core.Targets;
using PolicyMiner.Extraction.Lexicon;
using PolicyMiner.Extraction.Pipeline;
using PolicyMiner.Extraction.Quantities;
using PolicyMiner.Extraction.Text;

namespace PolicyMiner.Extraction.Rules.Kinds;

/// <summary>Classifies a target as level, growth (增长X%), share (占…比重), count, amount (money), increase (新增 / 增加X,
/// X个百分点) or requirement (a minimum every actor of a class must meet: 每个县…, 各级政府…应, 企业研发投入占销售收入X%).</summary>
public sealed class KindRule : ITargetRule
{
    private static readonly WordClass IncreaseVerbs = WordLexicon.Default["increase-verb"];
    private static readonly WordClass GrowthVerbs = WordLexicon.Default["growth-verb"];
    private static readonly WordClass RebuildVerbs = WordLexicon.Default["rebuild-verb"];
    private static readonly WordClass LevelVerbs = WordLexicon.Default["level-verb"];
    private static readonly WordClass ComparatorLeads = WordLexicon.Default["comparator-lead"];
    private static readonly WordClass StockNouns = WordLexicon.Default["stock-noun"];
    private static readonly WordClass RateSuffixes = WordLexicon.Default["rate-suffix"];
    private static readonly WordClass PerUnitMeasures = WordLexicon.Default["per-unit-measure"];
    private static readonly WordClass IntensiveNouns = WordLexicon.Default["intensive-noun"];
    private static readonly WordClass NormMarkers = WordLexicon.Default["norm-marker"];
    private static readonly WordClass NewCompounds = WordLexicon.Default["new-compound"];
    private static readonly WordClass DirectiveVerbs = WordLexicon.Default["directive-verb"];
    private static readonly WordClass RateUnits = WordLexicon.Default["rate-unit"];
    private static readonly WordClass InvestmentWords = WordLexicon.Default["investment-word"];
    private static readonly WordClass ShareWords = WordLexicon.Default["share-word"];
    private static readonly WordClass DeadlineUnits = WordLexicon.Default["deadline-unit"];
    private static readonly WordClass FoundingVerbs = WordLexicon.Default["founding-verb"];
    private static readonly WordClass CollectiveEach = WordLexicon.Default["collective-each"];
    private static readonly WordClass QuotaMinimums = WordLexicon.Default["quota-minimum"];
    private static readonly WordClass SubsetOpenings = WordLexicon.Default["subset-opening"];
    private static readonly WordClass DensityWords = WordLexicon.Default["density-word"];
    private static readonly string[] PerActorStarts = [.. WordLexicon.Default["per-actor-opening"].Words];
    private static readonly string[] PersonClasses = [.. WordLexicon.Default["person-class"].Words];
    private static readonly string[] ActivityUnits = [.. WordLexicon.Default["activity-unit"].Words];
    private static readonly string[] RatioRequirement = [.. WordLexicon.Default["ratio-base"].Words];

    public string Name => "kind";

    public void Apply(ExtractionContext context)
    {
        var text = context.Text;
        foreach (var draft in context.LiveDrafts)
        {
            draft.Kind = Classify(context, text, draft);
        }
    }

    /// <summary>Decides the kind of one draft: a table cell that a text rule had rejected is brought back after this rule ran.</summary>
    internal static void Decide(ExtractionContext context, TargetDraft draft) => draft.Kind = Classify(context, context.Text, draft);

    private static TargetKind Classify(ExtractionContext context, string text, TargetDraft draft)
    {
        var q = draft.Mention.Quantity;
        var clauseStart = ClauseText.ClauseStart(text, draft.ExpressionStart);
        var sentenceStart = ClauseText.SentenceStart(text, draft.ExpressionStart);
        var previous = context.PreviousLive(draft, sentenceStart);

        // "净增15家、总数达到60家": the words of the previous item of a list are not this one's.
        var ownStart = previous is not null && previous.ExpressionEnd > clauseStart && previous.ExpressionEnd <= draft.ExpressionStart
            ? previous.ExpressionEnd : clauseStart;
        var before = text.AsSpan(ownStart, draft.ExpressionStart - ownStart);

        // A table cell's lead-in is its row's indicator: the cells left of it are other columns (a baseline, another year),
        // not words of its own, and the value beside it is no item of a list.
        if (draft.Table is { } cell && cell.IndicatorSpan.End <= draft.ExpressionStart)
        {
            before = text.AsSpan(cell.IndicatorSpan.Start, cell.IndicatorSpan.Length);
            previous = null;
        }

        // "A和B排放量分别减少8%和4%", "分别达到2.6%、2.8%": a value that follows the previous one with only a list word between
        // shares its measure and verb, so its kind.
        if (previous is not null && previous.Mention.Quantity.Kind == q.Kind && previous.ExpressionEnd <= draft.ExpressionStart
            && IsListJoint(text.AsSpan(previous.ExpressionEnd, draft.ExpressionStart - previous.ExpressionEnd)))
        {
            return previous.Kind;
        }

        // "地区生产总值增长6.5%，力争7%": a value whose own words only say how firmly it is meant restates the previous value's
        // measure at another commitment, so it shares that value's kind (its subject and verb are elided).
        if (previous is not null && draft.IndicatorInherited && previous.Mention.Quantity.Kind == q.Kind
            && previous.ExpressionEnd <= draft.ExpressionStart && OnlyModal(context, text, ownStart, draft.ExpressionStart))
        {
            return previous.Kind;
        }

        if (IsRequirement(context, text, draft, clauseStart, sentenceStart, before))
        {
            return TargetKind.Requirement;
        }

        // 带宽5000M以上, 算力100P: bandwidth and computing power are rates, a level whatever verb leads to them.
        if (q.Unit.Length > 0 && RateUnits.MatchAtStart(q.Unit) == q.Unit.Length)
        {
            return TargetKind.Level;
        }

        // A stock is measured in its own unit (头, 万千瓦, 件); a percentage of one is never the stock itself but the rate it
        // changes by (拥有量增长10%) or its part of a whole, whether the 占 frame is written out (X占Y的比重达到N%), split with its
        // share word away from the end (X比例达到N%, X渗透率N%, X占Y超N%) or left implicit (先进产能稳定在95%): it is read as any
        // other percentage, and a difference of percentages as any other (提高2个百分点).
        var percentOfStock = q.Kind is UnitKind.Percent or UnitKind.PercentagePoint;

        // 新增肉牛存栏2500头, 新增煤炭产能30万吨: what is added to a stock is an increase (the schema's 新增X).
        if (!percentOfStock && StockNouns.OccursIn(draft.Indicator) && HasIncrease(before))
        {
            return TargetKind.Increase;
        }

        // 有效发明专利拥有量, 奶牛存栏, 每万人…: a stock or a density is a level, whatever its own unit.
        if (!percentOfStock && (StockNouns.OccursIn(draft.Indicator) || DensityWords.OccursIn(draft.Indicator)))
        {
            return TargetKind.Level;
        }

        // 加快形成1650万吨接卸能力, 年加工能力10万吨: a physical measure of what the indicator's head word says a thing can do
        // (a rate suffix: 能力) is the level of a capacity, as a stock is; what a verb adds to it (新增污水处理能力) stays an increase.
        if (q.Kind == UnitKind.Physical && RateSuffixes.MatchAtEnd(draft.Indicator) > 0 && !HasIncrease(before))
        {
            return TargetKind.Level;
        }

        // 建成1家10万平方米以上的孵化器, 规模达到1000亿元以上的产业集群: a measure that defines a class of things is a level.
        if (q.Kind is UnitKind.Money or UnitKind.Area or UnitKind.Physical && DefinesClass(text, draft.ExpressionEnd)
            && !InvestsInOne(text, draft, before))
        {
            return TargetKind.Level;
        }

        switch (q.Kind)
        {
            case UnitKind.PercentagePoint:
                return TargetKind.Increase;
            case UnitKind.Percent:
                // 存款增速均达到18%, 年均增长率要达到7%: an indicator headed by a rate of change is a growth, whatever verb leads
                // from it to the number.
                return IsRateOfChange(before) || NamesRateOfChange(draft.Indicator) ? TargetKind.Growth : TargetKind.Share;
            case UnitKind.Money:
                // 新增社会融资2500亿元 is an amount like any sum of money; 亩均税收 / 保障标准 is money per unit, a level.
                // 投资2亿元建设高标准农田: 高标准 (built to a high standard) describes the work, it names no standard the money sets.
                // 总投资5亿元的标准化厂房: what one named work costs is an amount, whatever words its name holds.
                return !InvestsInOne(text, draft, before) && PerUnitMeasures.OccursIn(draft.Indicator.Replace("高标准", "", StringComparison.Ordinal))
                    ? TargetKind.Level : TargetKind.Amount;
            case UnitKind.Count:
                return HasIncrease(before) || ContinuesIncrease(draft, previous, before) || ContinuesCountFirst(text, draft, previous, before)
                    ? TargetKind.Increase : TargetKind.Count;
            case UnitKind.Area when draft.Indicator.EndsWith("面积", StringComparison.Ordinal) && !ReachesLevel(before):
                // 孵化面积不少于1万平方米: an area the plan provides is an amount, like money.
                return HasIncrease(before) ? TargetKind.Increase : TargetKind.Amount;
            case UnitKind.Area or UnitKind.Physical when q.Unit.Contains('/', StringComparison.Ordinal) || IntensiveNouns.OccursIn(draft.Indicator):
                // 年均浓度30微克/立方米, 万元增加值能耗1.2吨标准煤: a concentration or an intensity is a level.
                return TargetKind.Level;
            case UnitKind.Area or UnitKind.Physical:
                // 建成一级公路60公里, 完成营造林600万亩: work measured in a physical unit is an amount; 总动力达到10亿千瓦,
                // 播种面积稳定在1000万亩: a measure that reaches or keeps a value is a level.
                return HasIncrease(before) ? TargetKind.Increase
                    : ReachesLevel(before) ? TargetKind.Level : TargetKind.Amount;
            case UnitKind.Multiple:
                return IsRateOfChange(before) ? TargetKind.Growth : TargetKind.Level;
            case UnitKind.None when q.Unit.Length > 0 && NounFollows(text, draft.ExpressionEnd):
                // 实现5万贫困人口脱贫, 完成700万农村居民饮水置换: a bare magnitude before a noun counts the things the noun names.
                return HasIncrease(before) ? TargetKind.Increase : TargetKind.Count;
            default:
                return HasIncrease(before) ? TargetKind.Increase : TargetKind.Level;
        }
    }

    /// <summary>达到 / 稳定在 right before the number, or a level verb ending in 在 written around its measure (稳定A面积在,
    /// 保持B产量在): the same verb with its object put between its two halves keeps a level as the joined verb does.</summary>
    private static bool ReachesLevel(ReadOnlySpan<char> before)
    {
        var words = before.TrimEnd();
        if (LevelVerbs.MatchAtEnd(words) > 0)
        {
            return true;
        }

        if (words.Length < 2 || words[^1] != '在')
        {
            return false;
        }

        var measure = words[..^1];
        foreach (var verb in LevelVerbs.WordSpan)
        {
            if (verb.Length < 2 || verb[^1] != '在')
            {
                continue;
            }

            // The verb's stem (稳定, 保持) and then only the measure's own characters, no clause of its own, up to the 在.
            var at = measure.LastIndexOf(verb.AsSpan(0, verb.Length - 1), StringComparison.Ordinal);
            var after = at + verb.Length - 1;
            if (at >= 0 && after < measure.Length && ClauseText.IsAllHan(measure[after..]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when a Chinese word other than a particle, a comparator or a scale (的, 以上, 左右, 多, 余, 亿级) follows the expression.</summary>
    private static bool NounFollows(string text, int expressionEnd) =>
        expressionEnd < text.Length && ClauseText.IsHan(text[expressionEnd]) && "的以左多余及级".IndexOf(text[expressionEnd]) < 0;

    /// <summary>True when the number's expression is followed by 的 (10万平方米以上的孵化器): the number qualifies the noun after it.</summary>
    private static bool DefinesClass(string text, int expressionEnd)
    {
        var rest = text.AsSpan(expressionEnd);
        foreach (var bound in (string[])["及以上", "及以下", "以上", "以下"])
        {
            if (rest.StartsWith(bound, StringComparison.Ordinal))
            {
                rest = rest[bound.Length..];
                break;
            }
        }

        return rest.Length > 1 && rest[0] == '的';
    }

    /// <summary>"总投资9.5亿元的A管线", "投资3亿元的B产业园": an exact sum invested straight before 的 is what one project costs (an
    /// amount), not a size that defines a class of projects (总投资10亿元以上的项目 keeps its bound).</summary>
    private static bool InvestsInOne(string text, TargetDraft draft, ReadOnlySpan<char> before) =>
        draft.Mention.Quantity.Kind == UnitKind.Money && draft.ExpressionEnd < text.Length && text[draft.ExpressionEnd] == '的'
        && (InvestmentWords.MatchAtEnd(Trimmed(before)) > 0 || FoundsOne(Trimmed(before)));

    /// <summary>"组建20亿元的A基金", "设立规模不低于50亿元的B基金": a sum that a founding verb gives the one fund it sets up is
    /// that fund's size (an amount), not a size that defines a class of funds.</summary>
    private static bool FoundsOne(ReadOnlySpan<char> before)
    {
        foreach (var size in (string[])["总规模", "规模"])
        {
            if (before.EndsWith(size, StringComparison.Ordinal))
            {
                before = before[..^size.Length];
                break;
            }
        }

        return FoundingVerbs.MatchAtEnd(before) > 0;
    }

    /// <summary>增长8%, 下降3%, 涨幅控制在3%, 年均增速保持在20%: a rate-of-change word ends the words before the number.</summary>
    private static bool IsRateOfChange(ReadOnlySpan<char> before) => GrowthVerbs.MatchAtEnd(Trimmed(before)) > 0;

    /// <summary>True when the indicator ends in a noun of change (增速, 增长率, 上涨幅度): a growth word whose last character names
    /// a rate (速, 幅, 率, 度), not a verb that an indicator span may end on before 到 (提高到 sets a level).</summary>
    private static bool NamesRateOfChange(string indicator) =>
        indicator.Length > 0 && "速幅率度".Contains(indicator[^1], StringComparison.Ordinal) && GrowthVerbs.MatchAtEnd(indicator) > 0;

    private static bool IsRequirement(ExtractionContext context, string text, TargetDraft draft, int clauseStart, int sentenceStart, ReadOnlySpan<char> before)
    {
        // 每个乡镇（街道）培育2-3个…, 各级政府每季度…应不少于1次, 每名班子成员联系1个…: the subject leading the sentence or clause.
        // 每… distributes over the whole sentence ("每位党组成员办1个联系点，到联系点讲党课1次以上"); 各… binds the clause it opens
        // only: in "各级担保机构要坚守主业，…，确保支小支农业务占比达到80%" the later clause states the sector's figure.
        // 支持各市打造…: a directive verb before the clause's subject hands the quota to every actor it names.
        var sentence = text.AsSpan(sentenceStart, draft.ExpressionStart - sentenceStart);
        var item = sentence[SkipMarker(sentence)..];
        var clause = SkipLeadingTime(before.TrimStart());
        var subject = SkipBenefactive(SkipDirective(SkipLeadingModal(context, text, draft, clause)));
        foreach (var start in PerActorStarts)
        {
            if ((item.StartsWith(start, StringComparison.Ordinal) && (start[0] == '每' || OneClause(item))) || subject.StartsWith(start, StringComparison.Ordinal))
            {
                return true;
            }
        }

        // 各社区至少配备2名网格员, 各医院均不少于…: 各 before any class of actors shares the quota out among them, when a minimum
        // word binds it; 各类企业达到500家 (every kind of) and 各项指标 count one whole.
        if ((EachActor(item) && OneClause(item)) || EachActor(subject))
        {
            var lead = text.AsSpan(draft.ExpressionStart - before.Length, Math.Max(0, draft.Mention.Span.Start - (draft.ExpressionStart - before.Length)));
            if (QuotaMinimums.OccursIn(lead))
            {
                return true;
            }
        }

        // 党员干部带头参加…: a class of people as the subject. Not where the people are what the number measures
        // (培养全科医生100人, 乡村教师工作室1个, 家庭医生签约服务覆盖率85%): a class named inside the indicator is no subject,
        // unless the indicator goes on to share the number out among them (县领导每人包联3家) or the number is a time limit they
        // must keep (经家庭医生评估…最长放宽至3个月).
        var head = clause.Length > 8 ? clause[..8] : clause;
        foreach (var person in PersonClasses)
        {
            if (head.IndexOf(person, StringComparison.Ordinal) > 0
                && (draft.Mention.Quantity.Kind == UnitKind.Duration || !Measures(draft.Indicator, person)))
            {
                return true;
            }
        }

        // 原则上不超过1%, 不得低于50%, 一般不少于5日: a norm the actors it names must keep; its word may open the comparator itself.
        // A number of times an act is held (协调小组原则上每年召开两次会议) counts activities of one body, however firmly meant.
        // 自受理之日起5个工作日内作出决定, 24小时内响应: a deadline counted in days or hours binds whoever handles each case.
        var q0 = draft.Mention.Quantity;
        if (q0.Kind == UnitKind.Duration && DeadlineUnits.MatchAtStart(q0.Unit) == q0.Unit.Length
            && draft.Mention.Span.End < text.Length && text[draft.Mention.Span.End] == '内')
        {
            return true;
        }

        var ownStart = draft.ExpressionStart - before.Length;
        if (!ActivityUnits.Contains(draft.Mention.Quantity.Unit)
            && NormMarkers.OccursIn(text.AsSpan(ownStart, Math.Max(0, draft.Mention.Span.Start - ownStart))))
        {
            return true;
        }

        // 企业研发投入占销售收入3%: a ratio every firm must spend; but 营业收入增长5% is a growth and 占主营业务收入的比重,
        // 新兴产业营业收入占比 a share.
        var q = draft.Mention.Quantity;
        if (q.Kind == UnitKind.Percent && !IsRateOfChange(before) && !ShareWords.OccursIn(before))
        {
            var wide = text.AsSpan(clauseStart, Math.Min(text.Length, draft.ExpressionEnd + 8) - clauseStart);
            if (ContainsAny(wide, RatioRequirement))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the words open with 各 before a class of actors (各社区, 各医院), not a collective 各类 / 各项.</summary>
    private static bool EachActor(ReadOnlySpan<char> words) =>
        words.Length > 2 && words[0] == '各' && ClauseText.IsHan(words[1]) && CollectiveEach.MatchAtStart(words) == 0;

    /// <summary>True when the indicator names the class of people as what it measures, not followed by a distributive 每.</summary>
    private static bool Measures(string indicator, string person)
    {
        var at = indicator.IndexOf(person, StringComparison.Ordinal);
        var after = at + person.Length;
        return at >= 0 && (after >= indicator.Length || indicator[after] != '每');
    }

    /// <summary>新增 / 新建 / 增加 …, but not 增加值 (value added) or 增加到 (a level reached).</summary>
    private static bool HasIncrease(ReadOnlySpan<char> before)
    {
        var from = 0;
        while (from < before.Length)
        {
            var rel = IncreaseVerbs.IndexIn(before[from..]);
            if (rel < 0)
            {
                return false;
            }

            var at = from + rel;
            var after = at + Math.Max(1, IncreaseVerbs.MatchAtStart(before[at..]));
            // 创新发展区: the 新 of 新发展 ends the word 创新, so no increase verb starts there.
            var insideWord = before[at] == '新' && NewCompounds.MatchAtEnd(before[..(at + 1)]) > 0;
            if (!insideWord && (after >= before.Length || !(before[after] is '值' or '到' or '至' || RebuildsToo(before[after..]))))
            {
                return true;
            }

            from = after;
        }

        return false;
    }

    /// <summary>新建、改扩建 / 新建和改造提升: the new verb is coordinated with a verb of work on what exists, so the number counts
    /// both and is no addition to the stock. 新建（改造） / 新建（改）: the same alternative in brackets, its verb written out or cut
    /// to the character that opens it.</summary>
    private static bool RebuildsToo(ReadOnlySpan<char> afterVerb)
    {
        if (afterVerb.Length > 0 && afterVerb[0] is '（' or '(')
        {
            var close = afterVerb.IndexOfAny('）', ')');
            var inside = close > 1 ? afterVerb[1..close] : [];
            return inside.Length > 0 && (RebuildVerbs.MatchAtStart(inside) == inside.Length || (inside.Length == 1 && RebuildVerbs.HasWordOpeningWith(inside[0])));
        }

        if (afterVerb.Length > 0 && afterVerb[0] is '、' or '和' or '或' or '及' or '与')
        {
            afterVerb = afterVerb[1..];
        }

        return RebuildVerbs.MatchAtStart(afterVerb) > 0;
    }

    /// <summary>"新建A10个，B40个", "新建…30个，其中国家级平台3个": a bare noun phrase after an increase carries on that increase.</summary>
    private static bool ContinuesIncrease(TargetDraft draft, TargetDraft? previous, ReadOnlySpan<char> before)
    {
        if (previous is not { Kind: TargetKind.Increase } || draft.IndicatorInherited || draft.Indicator.Length == 0
            || previous.Mention.Quantity.Kind != UnitKind.Count)
        {
            return false;
        }

        var own = before.Trim().TrimStart("、和及与").TrimStart();
        own = own[SubsetOpenings.MatchAtStart(own)..];

        // "新建学校3所、改扩建学校5所", "新增企业10家，支持青年创业500人": an item that opens with a verb of work on what exists
        // or a directive verb states an act of its own, no addition, even where the indicator rule took the verb into the indicator;
        // so does one whose verb of work comes after an adverb of manner (数字化改造中小企业300家).
        if (RebuildVerbs.IndexIn(own) >= 0 || DirectiveVerbs.MatchAtStart(own) > 0)
        {
            return false;
        }

        // The noun phrase must open the item: any verb or time word before it starts a target of its own. An indicator the
        // indicator rule composed ("过五十亿元" → "营收过五十亿元企业") holds the item's opening instead.
        return (own.StartsWith(draft.Indicator.AsSpan(0, Math.Min(draft.Indicator.Length, 2)), StringComparison.Ordinal)
                || (draft.IndicatorSpan is null && own.Length >= 2 && draft.Indicator.AsSpan().IndexOf(own[..2], StringComparison.Ordinal) > 0))
               && own.IndexOf("总", StringComparison.Ordinal) < 0
               // "新培育A企业3000家、B企业达到10家": a level verb closing the item states a total, not an addition.
               && LevelVerbs.MatchAtEnd(own) == 0;
    }

    /// <summary>"新增2家A、3家B", "新建1个国家级、6个省级C": where the increase verb governs a count that comes before its noun, a
    /// next count that follows the previous item's noun with only a list word between is another object of the same verb.
    /// "新建5个A、改造3个B" has a verb of its own before the number, so it stays apart.</summary>
    private static bool ContinuesCountFirst(string text, TargetDraft draft, TargetDraft? previous, ReadOnlySpan<char> before)
    {
        if (previous is not { Kind: TargetKind.Increase } || previous.Mention.Quantity.Kind != UnitKind.Count
            || draft.ExpressionStart - before.Length != previous.ExpressionEnd)
        {
            return false;
        }

        // The previous count stood right after the verb (新增2家) or after a list word that carried the verb on to it.
        var lead = text.AsSpan(0, previous.ExpressionStart).TrimEnd();
        if (IncreaseVerbs.MatchAtEnd(lead) == 0 && !(lead.Length > 0 && lead[^1] is '、' or '和' or '及' or '与'))
        {
            return false;
        }

        // Between the two counts: the previous count's noun, then the list word, nothing else (no clause break, no number).
        var own = before.TrimEnd();
        if (own.Length < 2 || own[^1] is not ('、' or '和' or '及' or '与'))
        {
            return false;
        }

        foreach (var c in own[..^1])
        {
            if (!(ClauseText.IsHan(c) || c is '“' or '”' or '（' or '）' or '(' or ')' or '"'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>"到2023年底各县…", "五年内每个县…", "年内各乡镇…": a time phrase opening the clause stands before its subject.</summary>
    private static ReadOnlySpan<char> SkipLeadingTime(ReadOnlySpan<char> clause)
    {
        var i = clause.Length > 0 && clause[0] is '到' or '至' ? 1 : 0;
        var digits = i;
        while (i < clause.Length && (ChineseNumber.IsDigit(clause[i]) || ChineseNumber.IsNumeralChar(clause[i])))
        {
            i++;
        }

        if (i < clause.Length && clause[i] == '年' && (i > digits || clause[i..].StartsWith("年内", StringComparison.Ordinal)))
        {
            i++;
        }
        else if (clause.StartsWith("今年", StringComparison.Ordinal) || clause.StartsWith("明年", StringComparison.Ordinal))
        {
            i = 2;
        }
        else
        {
            return clause;
        }

        if (clause[i..].StartsWith("以内", StringComparison.Ordinal))
        {
            i += 2;
        }
        else if (i < clause.Length && clause[i] is '内' or '底' or '末' or '前')
        {
            i++;
        }

        return clause[i..].TrimStart("，, ");
    }

    /// <summary>True when no comma or semicolon ends a clause between the sentence's start and the number.</summary>
    private static bool OneClause(ReadOnlySpan<char> item) => item.IndexOfAny('，', '；') < 0;

    /// <summary>"确保每个设区市培育一家…", "力争各县建成…": the clause after a modal opening it, which says how firmly the quota is
    /// meant and leaves its subject (every actor of a class) where a clause without it has it. Only where the clause ends at
    /// the number (a table cell's lead-in is its row's indicator, elsewhere in the text).</summary>
    private static ReadOnlySpan<char> SkipLeadingModal(ExtractionContext context, string text, TargetDraft draft, ReadOnlySpan<char> clause)
    {
        var offset = draft.ExpressionStart - clause.Length;
        if (clause.IsEmpty || offset < 0 || !text.AsSpan(offset, clause.Length).SequenceEqual(clause))
        {
            return clause;
        }

        var modals = context.ModalsIn(offset, offset + 1);
        return modals.IsEmpty ? clause : clause[Math.Min(clause.Length, modals[0].Span.Length)..];
    }

    /// <summary>"为各区至少培育1家…": the benefactive 为 before every actor of a class (各…, 每…) hands the quota to each of them, as a
    /// directive verb does.</summary>
    private static ReadOnlySpan<char> SkipBenefactive(ReadOnlySpan<char> clause) =>
        clause.Length > 1 && clause[0] == '为' && clause[1] is '各' or '每' ? clause[1..] : clause;

    /// <summary>"支持各市…": the subject after a directive verb.</summary>
    private static ReadOnlySpan<char> SkipDirective(ReadOnlySpan<char> clause) => clause[DirectiveVerbs.MatchAtStart(clause)..];

    /// <summary>True when the words from <paramref name="start"/> to the number are a modal (力争, 确保) and at most a level verb or
    /// comparator after it, with only list punctuation before it.</summary>
    private static bool OnlyModal(ExtractionContext context, string text, int start, int end)
    {
        var modals = context.ModalsIn(start, end);
        var modal = modals.IsEmpty ? null : modals[^1];
        return modal is not null
               && text.AsSpan(start, modal.Span.Start - start).Trim(" 　，,、；;") is { IsEmpty: true }
               && Trimmed(text.AsSpan(modal.Span.End, end - modal.Span.End)).IsEmpty;
    }

    /// <summary>True when only a list word (、, 和, 及, 与, 或, 以及) joins two values.</summary>
    private static bool IsListJoint(ReadOnlySpan<char> between) =>
        between.Trim() is "、" or "和" or "及" or "与" or "或" or "以及";

    private static int SkipMarker(ReadOnlySpan<char> s)
    {
        var i = 0;
        while (i < s.Length && (ChineseNumber.IsDigit(s[i]) || s[i] is ' '))
        {
            i++;
        }

        return i > 0 && i < s.Length && s[i] is '.' or '、' or '．' ? i + 1 : 0;
    }

    /// <summary>The words before a number without the level verb or comparator word that leads into it (达到, 控制在, 不低于).</summary>
    private static ReadOnlySpan<char> Trimmed(ReadOnlySpan<char> s)
    {
        s = s.TrimEnd();
        var lead = Math.Max(LevelVerbs.MatchAtEnd(s), ComparatorLeads.MatchAtEnd(s));
        return s[..^lead];
    }

    private static bool EndsWithAny(ReadOnlySpan<char> s, string[] words)
    {
        foreach (var w in words)
        {
            if (s.EndsWith(w, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ContainsAny(ReadOnlySpan<char> s, string[] words)
    {
        foreach (var w in words)
        {
            if (s.IndexOf(w, StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }

        return false;
    }
}
