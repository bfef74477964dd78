using System.Collections.Frozen;
using PolicyMiner.Core.Documents;
using PolicyMiner.Core.Text;
using PolicyMiner.Extraction.Lexicon;
using PolicyMiner.Extraction.Pipeline;
using PolicyMiner.Extraction.Quantities;
using PolicyMiner.Extraction.Scopes;
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
    private static readonly string[] LeadingWords = [.. WordLexicon.Default["indicator-lead-word"].Words];

    private static readonly string[] TrailingWords = [.. WordLexicon.Default["indicator-tail-word"].Words];

    // "单位GDP能耗下降3.5%", "空置率、利用率分别提升8%": a verb of a fall or a rise ending the phrase before the number names the
    // change, not the measure (as 增长 and 提高 do). Not a trailing word: ending the phrase before a count it still says the noun
    // after the number is what is counted ("生态质量提升六类修复工程").
    private static readonly string[] ChangeVerbs = [.. WordLexicon.Default["indicator-change-verb"].Words];

    // Word lists indexed by their first (leading) or last (trailing) character, longest first, so each strip step is one lookup.
    private static readonly FrozenDictionary<char, string[]> LeadingByFirst = LeadingWords
        .GroupBy(w => w[0]).ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(w => w.Length).ToArray());

    private static readonly FrozenDictionary<char, string[]> TrailingByLast = TrailingWords
        .GroupBy(w => w[^1]).ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(w => w.Length).ToArray());

    private static readonly WordClass BoundAdverbs = WordLexicon.Default["bound-adverb"];
    private static readonly WordClass MeasureNouns = WordLexicon.Default["measure-noun"];
    private static readonly WordClass ModifierAdverbs = WordLexicon.Default["modifier-adverb"];
    private static readonly WordClass ThresholdEnds = WordLexicon.Default["threshold-end"];
    private static readonly WordClass HedgeAdverbs = WordLexicon.Default["hedge-adverb"];
    private static readonly WordClass PredicateAdverbs = WordLexicon.Default["predicate-adverb"];
    private static readonly WordClass PerActorOpenings = WordLexicon.Default["per-actor-opening"];
    private static readonly WordClass PredicatePrepositions = WordLexicon.Default["predicate-preposition"];
    private static readonly WordClass CrossReferences = WordLexicon.Default["cross-reference"];
    private static readonly WordClass WholeRegions = WordLexicon.Default["whole-region"];
    private static readonly WordClass LevelWords = WordLexicon.Default["level-word"];
    private static readonly WordClass GroupPredicates = WordLexicon.Default["group-predicate"];
    private static readonly WordClass FrequencyWords = WordLexicon.Default["frequency-word"];
    private static readonly WordClass LeadVerbs = WordLexicon.Default["lead-verb"];
    private static readonly WordClass IncreaseVerbs = WordLexicon.Default["increase-verb"];
    private static readonly WordClass ProjectStatuses = WordLexicon.Default["project-status"];
    private static readonly WordClass RebuildVerbs = WordLexicon.Default["rebuild-verb"];
    private static readonly WordClass RenovationVerbs = WordLexicon.Default["renovation-verb"];
    private static readonly WordClass InvestmentWords = WordLexicon.Default["investment-word"];
    private static readonly WordClass AttributiveParticles = WordLexicon.Default["attributive-particle"];
    private static readonly WordClass ResultComplements = WordLexicon.Default["result-complement"];
    private static readonly WordClass LevelVerbs = WordLexicon.Default["level-verb"];
    private static readonly WordClass RateSuffixes = WordLexicon.Default["rate-suffix"];
    private static readonly WordClass GenericHeads = WordLexicon.Default["generic-head"];
    private static readonly WordClass GenericModifiers = WordLexicon.Default["generic-modifier"];
    private static readonly WordClass PlanSuffixes = WordLexicon.Default["plan-suffix"];
    private static readonly WordClass CampaignNouns = WordLexicon.Default["campaign-noun"];
    private static readonly WordClass ShareWords = WordLexicon.Default["share-word"];
    private static readonly WordClass DirectiveVerbs = WordLexicon.Default["directive-verb"];
    private static readonly WordClass ThresholdVerbs = WordLexicon.Default["threshold-verb"];
    private static readonly WordClass PerUnitMeasures = WordLexicon.Default["per-unit-measure"];
    private static readonly WordClass JointWords = WordLexicon.Default["joint-word"];
    private static readonly WordClass AreaParts = WordLexicon.Default["area-part"];
    private static readonly WordClass TimeLimitOrigins = WordLexicon.Default["time-limit-origin"];
    private static readonly WordClass QuotaWords = WordLexicon.Default["comparator-at-least-quota"];
    private static readonly WordClass EachWords = WordLexicon.Default["distributive-each"];
    private static readonly WordClass BareLevels = WordLexicon.Default["bare-level"];
    private static readonly WordClass LevelPrepositions = WordLexicon.Default["level-preposition"];
    private static readonly WordClass ContractedVerbs = WordLexicon.Default["contracted-verb"];
    private static readonly WordClass RoleVerbs = WordLexicon.Default["role-verb"];
    private static readonly WordClass PhraseTails = WordLexicon.Default["phrase-tail"];
    private static readonly WordClass HoldVerbs = WordLexicon.Default["hold-verb"];
    private static readonly WordClass SelectVerbs = WordLexicon.Default["select-verb"];
    private static readonly WordClass PilotNouns = WordLexicon.Default["pilot-noun"];
    private static readonly WordClass SubstanceNames = WordLexicon.Default["substance-name"];
    private static readonly WordClass ActivityUnits = WordLexicon.Default["activity-unit"];
    private static readonly WordClass ChangeWords = WordLexicon.Default["change-verb"];

    // A comparator between a measure and a base ("不少于从业人员总数的5%") makes the value a share of that base.
    private static readonly WordClass[] BaseComparators =
    [
        WordLexicon.Default["comparator-at-least"], WordLexicon.Default["comparator-greater"],
        WordLexicon.Default["comparator-at-most"], WordLexicon.Default["comparator-less"],
    ];

    private static readonly string[] ReachVerbs = [.. WordLexicon.Default["reach-verb"].Words];

    private static readonly string[] GenericNouns = [.. WordLexicon.Default["generic-noun"].Words];

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
            if (prev.Mention.Span.End <= exprStart && (!prev.IsRejected || prev.RejectedBecause == RejectionReason.BaselineOfNext
                                                       || prev.RejectedBecause!.Value.IsPast()))
            {
                segStart = Math.Max(segStart, prev.IsRejected ? prev.Mention.Span.End : prev.ExpressionEnd);
                // "1个领军型人才、2个…": the previous target's noun after its number is not ours.
                if (!prev.IsRejected && prev.IndicatorSpan is { } used && used.Start >= prev.ExpressionEnd && used.End <= exprStart)
                {
                    segStart = Math.Max(segStart, used.End);
                }
                else if (!prev.IsRejected && prev.IndicatorSpan is null && prev.Quote.End > prev.ExpressionEnd && prev.Quote.End <= exprStart)
                {
                    // "新改建2处A中心、5处B中心": nor is the noun after it that the previous indicator took in with words before its number.
                    segStart = Math.Max(segStart, prev.Quote.End);
                }
                else if (!prev.IsRejected && prev.IndicatorSpan is null && segStart < exprStart
                         && LevelWords.MatchAtStart(text.AsSpan(segStart, exprStart - segStart)) is > 0 and var level
                         && IsListJoint(text.AsSpan(segStart + level, exprStart - segStart - level)))
                {
                    // "3家国家级、12家省级示范企业": the previous item's level word (its noun is this item's) is not ours either.
                    segStart += level;
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
        // "③投资800万元，…": a numbered item starts afresh; what it spends is not the previous item's.
        var numberedItem = quoteStart > segStart && FootnoteMarks.IsEnclosedNumeral(text[quoteStart - 1]);

        // Pre-number indicator.
        var (preStart, preEnd) = Strip(context, quoteStart, preLimit);
        // "聚焦甲、乙等领域打造消费场景100个": a reference scope that a making verb ends says where the work is done, not what is counted
        // (only before a count: "依托企业建设比重不低于80%" measures a share of the scope).
        if (draft.Mention.Quantity.Kind == UnitKind.Count && preEnd > preStart && ReferenceScope.End(text.AsSpan(preStart, preEnd - preStart)) is > 0 and var scopeEnd && scopeEnd < preEnd - preStart)
        {
            (preStart, preEnd) = Strip(context, preStart + scopeEnd, preEnd);
        }

        // "打通“断头路”12条", "新改建“口袋公园”20个": verbs before a quoted name say what is done to the thing it names. Not before
        // an area: "推广种植“甲稻1号”2万亩" measures the land the work covers, which the quoted variety alone does not name.
        if (draft.Mention.Quantity.Kind != UnitKind.Area && preEnd > preStart && QuotedNameAfterVerbs(context, preStart, preEnd) is > 0 and var named)
        {
            preStart = named;
        }

        // Post-number indicator.
        var (postStart, postEnd) = PostPhrase(context, draft);
        var postText = postEnd > postStart ? text[postStart..postEnd] : "";
        // "260元/吨左右": a slash after the unit goes on with the unit, so no noun follows the number.
        var usePost = postText.Length > 0 && postText[0] is not ('/' or '／')
                      && (!StartsWithAny(postText, GenericNouns) || IsRelativeNounPhrase(postText) || GenericNounInWord(context, postStart)
                          || SizeClass(postText));

        string indicator;
        TextSpan? span = null;
        var quoteEnd = draft.ExpressionEnd;
        // "到2025年，建成…": a deadline alone before the number names nothing.
        if (preEnd > preStart && SpansAll(context.YearsIn(preStart, preEnd), preStart, preEnd))
        {
            preEnd = preStart;
        }

        // "…比例提升至80%": when the phrase before took the measure and left only the verb of the level, that verb names nothing.
        if (preEnd > preStart && LevelVerbs.MatchAtEnd(text.AsSpan(preStart, preEnd - preStart)) == preEnd - preStart)
        {
            preEnd = preStart;
        }

        // "…美丽庭院\n\n4.2万户": a line wrapped inside the clause (PDF text, page breaks) leaves the number at the start of a line;
        // the clause goes on from the end of the line before.
        if (preEnd <= preStart && quoteStart == exprStart && WrappedLineStart(text, exprStart) is > 0 and var lineBreak)
        {
            var lineClause = ClauseText.ClauseStart(text, lineBreak);
            // "美丽乡村80个、美丽庭院\n3.5万户": the previous target of the wrapped clause ends this one's phrase, as on one line.
            for (var i = draft.Index - 1; i >= 0 && context.Drafts[i].Mention.Span.End > lineClause; i--)
            {
                if (!context.Drafts[i].IsRejected && context.Drafts[i].ExpressionEnd <= lineBreak)
                {
                    lineClause = context.Drafts[i].ExpressionEnd;
                    break;
                }
            }

            (preStart, preEnd) = Strip(context, SkipItemMarker(text, lineClause, lineBreak), lineBreak);
            quoteStart = preEnd > preStart ? preStart : quoteStart;
        }

        // "实施A、B等23个危旧房改造项目": the names before 等 are examples of the things the noun after the number counts.
        // "每周完成两次全域集中清扫": a verb of reaching (stripped from the phrase before) right before the number takes the noun after it.
        // "建成甲类园区和12个乙类园区": a joint right before the number opens the next conjunct, whose noun follows the number.
        var nounAfter = usePost && (preEnd <= preStart || IsVerbOnly(text, preStart, preEnd) || text[preEnd - 1] == '等'
                                    || EndsInJoint(context, preStart, preEnd) || EndsInVerbOrPlace(context, preStart, preEnd) || VerbChain(context, preStart, preEnd) is not null || EndsInVerbAndResult(context, preStart, preEnd) || EndsWithAny(text.AsSpan(quoteStart, preLimit - quoteStart).TrimEnd(), ReachVerbs)
                                    || RestatesList(context, draft, preStart, preEnd) || EndsInOrdinal(text, preStart, preEnd)
                                    || CostDescribesCounted(context, draft, quoteStart) || SumNamesNounAfter(context, draft, quoteStart));
        // "计划开工和续建的6条干线公路", "营业收入超10亿元的6家龙头企业": a phrase (opening at a word) closed by 的 right before a count
        // modifies the noun after it (a class or a description of the things counted), so it stays before that noun.
        var modifierEnd = usePost && !nounAfter && draft.Mention.Quantity.Kind == UnitKind.Count && context.Words.IsBoundary(preStart)
            ? ModifierEnd(text, preStart, preEnd, exprStart)
            : -1;
        modifierEnd = modifierEnd > 0 && context.Words.IsBoundary(modifierEnd - 1) ? modifierEnd : -1;
        if (nounAfter || modifierEnd > 0)
        {
            (postStart, postEnd) = TrimPost(text, postStart, postEnd);
            indicator = text[postStart..postEnd];
            span = new TextSpan(postStart, postEnd);
            quoteEnd = Math.Max(quoteEnd, postEnd);
            // "县级216项审批事项": a level word alone before the number qualifies the noun after it.
            if (preEnd > preStart && LevelWords.MatchAtStart(text.AsSpan(preStart, preEnd - preStart)) == preEnd - preStart)
            {
                indicator = text[preStart..preEnd] + indicator;
                span = null;
                quoteStart = Math.Min(quoteStart, preStart);
            }
            else if (modifierEnd > 0)
            {
                indicator = text[preStart..modifierEnd] + indicator;
                span = null;
                quoteStart = Math.Min(quoteStart, preStart);
            }
            else if (IsRenovationChain(context, preStart, preEnd) && text[postStart] != '“')
            {
                // "改造提升15条道路", "新建、改建0.8万户厕所": a verb of renovation names the work counted, as it does standing before
                // the noun ("改造老旧小区31个"), so the verbs before the number stay with the noun after it.
                indicator = text[preStart..preEnd] + indicator;
                span = null;
                quoteStart = Math.Min(quoteStart, preStart);
            }
            else if (SharedTrailingHead(context, draft, new TextSpan(postStart, postEnd)) is { } trailing)
            {
                // "3家国家级、12家省级示范企业": a level word alone after the number qualifies the noun the run ends in.
                indicator = trailing;
                span = null;
            }
        }
        else if (preEnd > preStart)
        {
            // Before a count or an area the verb names the works counted ("背街小巷改造提升85个", "林地质量提升6万亩") and stays.
            if (preEnd - preStart > 2 && draft.Mention.Quantity.Kind is not (UnitKind.Count or UnitKind.Area)
                && Array.Find(ChangeVerbs, verb => ClauseText.EndsAt(text, preEnd, verb)) is { } change
                && context.Words.IsBoundary(preEnd - change.Length))
            {
                (preStart, preEnd) = Strip(context, preStart, preEnd - change.Length);
            }

            // "资产过300亿元": with no noun after the number, a threshold verb right before it bounds the measure (超过) and is
            // no part of it; before a noun ("过8亿元项目") it sets the size of the things counted instead.
            if (postText.Length == 0 && preEnd == exprStart && ThresholdVerbs.MatchAtEnd(text.AsSpan(preStart, preEnd - preStart)) is > 0 and var bound
                && preEnd - preStart - bound >= 2 && context.Words.IsBoundary(preEnd - bound))
            {
                preEnd -= bound;
            }

            // "创新举办特色展销活动50场", "组织企业参加海外推介会60场": a count of activities held counts the object of the verb of
            // holding; the actor, partner or manner before the verb is no part of what is counted.
            if (HeldActivityStart(context, draft, preStart, preEnd) is > 0 and var held)
            {
                preStart = held;
            }

            indicator = text[preStart..preEnd];
            span = new TextSpan(preStart, preEnd);
            quoteStart = Math.Min(quoteStart, preStart);
            // "推进甲乙都市圈80项重点项目", "提高残疾人两项补贴标准": a count whose classifier goes on to a noun counts that noun;
            // the noun phrase before the number (a place, a group, a program) qualifies it, so the indicator is both.
            if (usePost && draft.Mention.Quantity.Kind == UnitKind.Count && draft.ExpressionEnd == postStart && preEnd == exprStart
                && EndsInNounPhrase(context, preStart, preEnd) && IsNounStart(context, postStart))
            {
                var (nounStart, nounEnd) = TrimPost(text, postStart, postEnd);
                nounEnd = CountedNounEnd(context, nounStart, nounEnd);
                if (nounStart == postStart && nounEnd - nounStart >= 2)
                {
                    indicator += text[nounStart..nounEnd];
                    span = null;
                    quoteEnd = Math.Max(quoteEnd, nounEnd);
                }
            }
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

        // "引导甲类机构逐步将平均费率降至1%": the object of the disposal 将 is what is measured, of the actor before it.
        if (span is { } disposal && disposal.End <= exprStart && Disposal(context, disposal) is { } disposed)
        {
            indicator = disposed.Indicator;
            span = disposed.Span;
        }

        // "实施“甲类企业倍增计划”，确保新增450家": a lone increase verb counts the things the quoted plan before it names.
        if (span is { } lone && LeadVerbs.MatchAtStart(indicator) == indicator.Length && indicator.Length > 0
            && QuotedPlanTopic(context, draft, clauseStart) is { } planned)
        {
            indicator = planned;
            span = null;
            quoteStart = Math.Min(quoteStart, lone.Start);
        }

        // Elided subject: "力争100亿元", "同比增长28%", "占全部工业投入27%", "其中三分之一用于…", "总数达到60家".
        if (Array.IndexOf(ElidedGrowthWords, indicator) >= 0 || (indicator.Length > 0 && BoundAdverbs.MatchAtStart(indicator) == indicator.Length)
            || (indicator.Length > 0 && WholeRegions.MatchAtStart(indicator) == indicator.Length))
        {
            // "…一所三级医院、全市达到30家": a region as a whole says where the count is kept; the thing counted is elided.
            // "并保持年均增长15%", "最长不超过15个工作日": only the growth phrase or the bound is left, so the subject is elided.
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
        else if (span is { } bare && ListItemSubject(context, draft, bare) is { } listSubject)
        {
            // "甲类项目开工180个、竣工100个", "粮食播种面积…、产量…": a bare verb or measure in a list is of the previous item's subject.
            indicator = listSubject + indicator;
            span = null;
        }
        else if (span is { } subset && SubsetQualifier(context, draft, subset) is { } qualifier)
        {
            // "新签约亿元以上项目不少于1000个，其中工业项目不少于700个": the threshold bounds the subsets too.
            indicator = qualifier + indicator;
            span = null;
        }
        else if (indicator is "面积" or "新增面积" or "总面积" or "建筑面积" or "使用面积"
                 && context.PreviousLive(draft, ClauseText.SentenceStart(text, exprStart)) is { Indicator.Length: > 1 } owner
                 && !owner.Indicator.EndsWith("面积", StringComparison.Ordinal))
        {
            // "新增孵化器2家，新增面积5万平方米": a bare area belongs to the previous target's things.
            indicator = WithoutIncreaseWords(owner.Indicator) + indicator;
            span = null;
        }
        else if ((indicator is "投入" or "支出" or "完成投资" || InvestmentWords.Contains(indicator)) && span is { } spent && !numberedItem
                 && context.PreviousLive(draft, ClauseText.SentenceStart(text, exprStart)) is { Indicator.Length: > 1 } spender
                 && WithoutSpendingWords(WithoutGrowthWords(spender.Indicator)) is { Length: > 1 } projects)
        {
            // "财政科技支出年均增长10%，期间累计投入60亿元": a bare spending verb spends the previous target's money.
            // "新建城建项目270个，完成投资406亿元": 累计 and 完成 say which spending is meant.
            // "实施甲类项目20个、总投资300亿元、年度投资80亿元": a bare investment word (investment-word) after one names the same
            // projects' other sum, not a sum of that sum.
            var cumulative = ClauseText.EndsAt(text, spent.Start, "累计") ? "累计" : ClauseText.EndsAt(text, spent.Start, "完成") ? "完成" : "";
            indicator = projects + cumulative + indicator;
            span = null;
        }
        else if (span is { } repeated && (IsGenericHead(indicator) || IsGenericSpan(context, repeated))
                 && AntecedentTopic(context, draft, indicator, repeated) is { } antecedent)
        {
            // "做强国家级工业互联网平台，培育100家以上省级平台", "扩大内地西藏初中班招生规模，…达到2000名的招生规模": a generic head
            // mentioned earlier in the sentence with nouns before it is the thing those nouns name.
            indicator = indicator[..antecedent.At] + antecedent.Topic + indicator[antecedent.At..];
            span = null;
        }
        else if (span is { } measure && (MeasureNouns.MatchAtStart(indicator) is > 0 and var measureLength
                                             && (measureLength == indicator.Length || ShareWords.MatchAtStart(indicator.AsSpan(measureLength)) == indicator.Length - measureLength)
                                         || BareRateStem(context, measure) is not null || IsGenericHead(indicator) && !AfterExamples(text, draft))
                 && PreviousClauseTopic(context, draft, clauseStart, measure) is { } topicSpan)
        {
            var topic = text[topicSpan.Start..topicSpan.End];
            draft.IndicatorTopic = new ScopeTopic(topicSpan, topic, ScopeSource.Clause);
            // "做大做强甲乙供应链平台，力争营收突破200亿元": a bare measure opening its clause measures the previous clause's object.
            // "建设甲乙接入区，接入能力10000M以上", "拓宽甲渣综合利用场景，确保综合利用率不低于60%": so does a rate or capacity
            // with only verbs before it; an object that goes on from the rate's verb to a head noun of its own (综合利用|场景) is
            // the thing up to that verb. A measure's share ("营收占比") is bare too. "加快打造甲乙交通枢纽，实施重大项目85个": a generic head (重大项目, 省级示范基地) names no
            // topic either.
            var done = ClauseText.EndsAt(text, measure.Start, "完成") && indicator == "投资" ? "完成" : "";
            indicator = TopicBeforeStem(context, topic, BareRateStem(context, measure)) + done + indicator;
            span = null;
            // "高标准高质量建设雄安新区。…推进东西轴线、R1线等重大项目，完成投资2000亿元": a clause topic that is itself a generic head
            // still takes the topic its paragraph or section states.
            if (IsGenericHead(topic) && ScopeTopicOf(context, draft, topic) is { } outer)
            {
                indicator = outer.Topic + indicator;
            }
        }
        else if (span is { } generic && (IsGenericHead(indicator) || IsGenericSpan(context, generic))
                 && ScopeTopicOf(context, draft, indicator) is { } scoped)
        {
            // "加快宜荆荆都市圈一体化发展。…推进62个重点项目建设": a generic head with no clause topic is of the topic its paragraph's
            // run-in title or its section's title states.
            indicator = indicator[..scoped.At] + scoped.Topic + indicator[scoped.At..];
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
        else if (span is { } scopeOnly && scopeOnly.End <= exprStart && postText.Length == 0 && IsScopeOnly(indicator)
                 && context.PreviousLive(draft, ClauseText.SentenceStart(text, exprStart)) is { } measured
                 && ScopedMeasure(indicator, measured.Indicator) is { } rescoped)
        {
            // "城镇居民参保率达到95%，农村达到90%", "省级事项网上可办率不低于90%，市、县级不低于70%": a part of the region or a level
            // standing alone measures the previous target's measure there.
            indicator = rescoped;
            span = null;
        }

        // "营收过百亿元企业2家、过五十亿元2家": a later item that is only a threshold names the previous item's thing at that threshold.
        if (span is { } bareThreshold && bareThreshold.End <= exprStart && ElidedThresholdItem(context, draft, indicator) is { } thresholded)
        {
            indicator = thresholded;
            span = null;
        }

        if (span is { } leveled && leveled.End <= exprStart && postText.Length == 0 && SharedListHead(context, draft, leveled) is { } headed)
        {
            // "清理市级51项、县级216项审批事项": items that are only levels share the noun after the last number.
            indicator = headed;
            span = null;
        }
        else if (span is { } laterItem && laterItem.End <= exprStart && LevelPrefix(context, draft, laterItem) is { } level)
        {
            // "创建省级生态示范乡镇5个、示范村80个": the level and topic of the first item qualify the later items too.
            indicator = level + indicator;
            span = null;
        }

        // "例会一般每月召开两次": a count of times with no noun after it counts the subject's occurrences, not the verb.
        if (span is { } occurring && occurring.End <= exprStart && postText.Length == 0 && draft.Mention.Quantity.Unit == "次"
            && RecurringSubject(context, occurring) is { } subjectSpan)
        {
            span = subjectSpan;
            indicator = text[subjectSpan.Start..subjectSpan.End];
        }

        // "法制人员不少于执法人员总数的5%": a share compared against a base is the measure's share of that base.
        if (draft.Mention.Quantity.Kind == UnitKind.Percent && span is { } compared && BaseShare(context, draft, compared, clauseStart) is { } share)
        {
            indicator = share;
            span = null;
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

        // "A、B、C的覆盖率分别达到90%、85%、80%": the k-th value measures the k-th item of the list before 分别.
        var distributed = false;
        if (Distributive(context, draft, clauseStart) is { } item)
        {
            distributed = true;
            indicator = item.Indicator;
            span = item.Span;
            quoteStart = Math.Min(quoteStart, item.QuoteStart);
        }

        // "90%的市和70%的县达到三星级以上": a percentage of a group is the share of its members that meet the predicate.
        if (draft.Mention.Quantity.Kind == UnitKind.Percent && ShareOfGroup(context, draft) is { } group)
        {
            indicator = group.Indicator;
            span = null;
            quoteEnd = Math.Max(quoteEnd, group.End);
        }

        // "甲中心于5个工作日内完成复核": a time limit measures how long the action after it may take.
        if (TimeLimit(context, draft, quoteStart) is { } limit)
        {
            indicator = limit.Indicator;
            span = null;
            quoteEnd = Math.Max(quoteEnd, limit.End);
        }
        else if (BracketedLimit(context, draft) is { } bracketed)
        {
            // "立即向甲部门上报有关情况（最迟不超过4个小时）": the limit of the action the bracket follows.
            indicator = bracketed.Indicator;
            span = null;
            quoteStart = Math.Min(quoteStart, bracketed.Start);
        }

        if (span is { } own && WholeWords(context, own, quoteStart,
                own.End <= exprStart ? exprStart : ClauseText.ClauseEnd(text, own.End), draft) is var whole && whole != own)
        {
            span = whole;
            indicator = text[whole.Start..whole.End];
            quoteStart = Math.Min(quoteStart, whole.Start);
            quoteEnd = Math.Max(quoteEnd, whole.End);
        }

        // "60%以上示范村集体经济收入达到30万元": a phrase that ends where a number of its own begins (a share of a group before it)
        // may still end in the verb that reaches the level; the verb names no part of the measure. Only when a noun phrase remains:
        // stripping 突破 from "加快突破" would leave a bare verb.
        if (span is { } reached && LevelVerbs.MatchAtEnd(text.AsSpan(reached.Start, reached.Length)) is > 0 and var reach
            && reached.Length - reach >= 2 && context.Words.IsBoundary(reached.End - reach)
            && EndsInNounPhrase(context, reached.Start, reached.End - reach))
        {
            span = new TextSpan(reached.Start, reached.End - reach);
            indicator = text[reached.Start..(reached.End - reach)];
        }

        // "每个园区至少预留用地600亩", "甲医生应每季度至少回访1次": the quota word inside the phrase (and the modal and frequency
        // before it) stands between the actor and its act; neither is part of what is measured.
        if (span is { } quota && quota.End <= exprStart && WithoutQuota(context, quota) is { } unbounded)
        {
            indicator = unbounded;
            span = null;
        }

        // "A、B均达到45%": one value set for each item of the list.
        // (Not for an item of a distributive list: the list's other items stand between it and the number.)
        // "A、B分别增长6%": 分别 before a lone value (no other value joined to it by a list joint) sets it for each item, as 均 does.
        if (span is { } listed && !distributed && listed.End <= exprStart
            && SharedItems(context, listed, exprStart, LoneValue(context, draft)) is { Count: > 1 } shared)
        {
            indicator = shared[0];
            span = null;
            draft.SharedWith = shared[1..];
        }

        // "选择8个左右有条件的城市，在全市开展甲类改革试点": places chosen for a pilot named later in the sentence count as its sites.
        if (draft.Mention.Quantity.Kind == UnitKind.Count && !distributed && PilotSites(context, draft, clauseStart) is { } sites)
        {
            indicator = sites;
            span = null;
        }

        // A topic a later step replaced (a distributive item, a share of a group) gave the indicator nothing.
        if (draft.IndicatorTopic is { } given && !indicator.Contains(given.Text.AsSpan(0, Math.Min(2, given.Text.Length)), StringComparison.Ordinal))
        {
            draft.IndicatorTopic = null;
        }

        // "“三防”（7）护栏": a note mark inside the phrase is dropped from the indicator (its span keeps the text as it stands).
        indicator = FootnoteMarks.Remove(indicator);
        // "新增 甲类平台": a space a line break or a spaced-out layout leaves at either edge names nothing; the span loses it too.
        if (indicator.Trim() is var trimmed && trimmed.Length < indicator.Length && trimmed.Length > 0)
        {
            if (span is { } spaced && text.AsSpan(spaced.Start, spaced.Length).SequenceEqual(indicator))
            {
                span = new TextSpan(spaced.Start + indicator.Length - indicator.TrimStart().Length, spaced.End - (indicator.Length - indicator.TrimEnd().Length));
            }

            indicator = trimmed;
        }

        draft.Indicator = indicator;
        draft.IndicatorSpan = span;
        draft.Quote = new TextSpan(Math.Min(quoteStart, draft.ExpressionStart), Math.Max(quoteEnd, draft.ExpressionEnd));
    }

    /// <summary>Where the object of the last verb of holding (`hold-verb`: 举办, 开展, 组织 …) inside [<paramref name="start"/>,
    /// <paramref name="end"/>) opens, when the number counts activities held (`activity-unit`: 场, 次 …), the verb stands at word
    /// boundaries as a verb (jieba tag v), no coordination, 的 or second verb follows it and two characters or more are left; else 0.</summary>
    private static int HeldActivityStart(ExtractionContext context, TargetDraft draft, int start, int end)
    {
        if (!ActivityUnits.Words.Contains(draft.Mention.Quantity.Unit))
        {
            return 0;
        }

        var text = context.Text;
        var words = context.Words;
        var objectStart = 0;
        for (var at = start; at < end - 2; at++)
        {
            if (words.WordStartingAt(at) is { } verb && verb.End <= end - 2 && HoldVerbs.MatchAtStart(text.AsSpan(verb.Start, verb.Length)) == verb.Length
                && words.TagAt(verb.Start) is ['v', ..] && !IsCoordinationAt(text, verb.End) && text[verb.End] != '的'
                && words.TagAt(verb.End) is not ['v', ..] && OpensActivity(context, start, verb.Start))
            {
                objectStart = verb.End;
            }
        }

        return objectStart;
    }

    /// <summary>True when a verb of holding at <paramref name="verbStart"/> opens the phrase from <paramref name="start"/>, follows a
    /// list comma ("加大…力度、举办…"), or follows a single word of manner ("创新举办"); an actor or a frequency before it ("市县政府每月召开
    /// 推进会", "每个产业链举办") names whose meetings are counted, as "甲委员会例会" names the body whose meetings they are.</summary>
    private static bool OpensActivity(ExtractionContext context, int start, int verbStart) =>
        verbStart == start || context.Text[verbStart - 1] is '、' or '，'
        || (context.Words.WordStartingAt(start) is { } manner && manner.End == verbStart && FrequencyWords.MatchAtStart(context.Text.AsSpan(manner.Start, manner.Length)) == 0);

    /// <summary>The phrase without a quota word inside it ("每个园区至少预留用地" gives "园区预留用地"): the actor before it loses 每个 and
    /// the modal, hedge and frequency words next to the quota word; null unless an act of two characters or more remains.</summary>
    private static string? WithoutQuota(ExtractionContext context, TextSpan span)
    {
        var text = context.Text;
        for (var at = span.Start; at < span.End - 1; at++)
        {
            if (!context.Words.IsBoundary(at) || QuotaWords.MatchAtStart(text.AsSpan(at, span.End - at)) is not (> 0 and var length)
                || !context.Words.IsBoundary(at + length) || at + length >= span.End)
            {
                continue;
            }

            var actor = text[span.Start..at];
            actor = actor[EachWords.MatchAtStart(actor)..];
            for (var trimmed = true; trimmed && actor.Length > 0;)
            {
                var cut = Math.Max(Math.Max(FrequencyWords.MatchAtEnd(actor), HedgeAdverbs.MatchAtEnd(actor)), TimeLimitOrigins.MatchAtEnd(actor));
                trimmed = cut > 0;
                actor = trimmed ? actor[..^cut] : actor;
            }

            // "每季度至少回访", "(县财政每年)至少统筹安排": with nothing but a frequency before the quota word, the act alone is left.
            var act = text[(at + length)..span.End];
            return act.Length >= 2 ? actor + act : null;
        }

        return null;
    }

    /// <summary>"打通甲街、乙路南延、丙路3处“断头路”": a count of things that at most restates the list of names right before it
    /// (no 等) counts what the noun after it names; the names are the instances.</summary>
    private static bool RestatesList(ExtractionContext context, TargetDraft draft, int start, int end)
    {
        var quantity = draft.Mention.Quantity;
        // "收支两条线", "三位一体": a numeral inside a word counts nothing the noun after it names.
        if (end <= start || end != draft.ExpressionStart || !context.Words.IsBoundary(draft.ExpressionEnd)
            || quantity.Kind != UnitKind.Count || quantity.Value is < 2 or > 9
            || quantity.Value != Math.Floor(quantity.Value) || quantity.ValueMax is not null)
        {
            return false;
        }

        return SplitItems(context, start, end) is { Count: >= 2 } items && quantity.Value <= items.Count;
    }

    /// <summary>True when <paramref name="phrase"/> is only parts of a region or administrative levels ("农村", "市、县级",
    /// "城市和农村"): a bare administrative name (市) counts only before a level word that ends the run.</summary>
    private static bool IsScopeOnly(string phrase)
    {
        var parts = phrase.Split(['、', '和', '及', '与']);
        if (parts.Length == 0 || parts[^1].Length == 0)
        {
            return false;
        }

        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            var whole = part.Length > 0 && (AreaParts.MatchAtStart(part) == part.Length || LevelWords.MatchAtStart(part) == part.Length);
            var bareLevel = i < parts.Length - 1 && part.Length > 0 && BareLevels.MatchAtStart(part) == part.Length
                            && LevelWords.MatchAtStart(parts[^1]) == parts[^1].Length;
            if (!whole && !bareLevel)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The previous measure with its own region part or level replaced by <paramref name="scope"/> ("城镇居民参保率" and "农村"
    /// give "农村居民参保率"), or prefixed when it opens with none; null when what remains is too short to name a measure, or the
    /// previous one bounds a class from a level up (县级以上平台: a subset, which the level branch reads).</summary>
    private static string? ScopedMeasure(string scope, string measure)
    {
        var own = Math.Max(Math.Max(AreaParts.MatchAtStart(measure), LevelWords.MatchAtStart(measure)), WholeRegions.MatchAtStart(measure));
        var rest = measure[own..];
        if (rest.Length < 2 || ThresholdEnds.MatchAtStart(rest) > 0 || rest.StartsWith(scope, StringComparison.Ordinal))
        {
            return null;
        }

        return scope + rest;
    }

    /// <summary>"甲中心于5个工作日内完成复核", "在决定作出之日起12个工作日内，向社会公示…": a time limit (a duration bounded by 内)
    /// measures how long the action after it may take, named with the subject before the limit's origin ("甲中心完成复核的时限");
    /// null unless the phrase before the number opens an origin (办理时间压减至3个工作日内 names its own measure) and an action follows.</summary>
    private static (string Indicator, int End)? TimeLimit(ExtractionContext context, TargetDraft draft, int quoteStart)
    {
        var text = context.Text;
        var number = draft.Mention.Span;
        var exprStart = draft.ExpressionStart;
        if (draft.Mention.Quantity.Kind != UnitKind.Duration || quoteStart > exprStart
            || ClauseText.AtAcrossLayout(text, number.End, "内") is not (> 0 and var inside))
        {
            return null;
        }

        // The subject ends where the origin opens (于, 在…之日起) or at the modal before it; "复核后" with neither is an origin of its own.
        var subjectEnd = -1;
        for (var i = quoteStart; i < exprStart && subjectEnd < 0; i++)
        {
            if (context.Words.IsBoundary(i) && TimeLimitOrigins.MatchAtStart(text.AsSpan(i, exprStart - i)) is > 0 and var length
                && context.Words.IsBoundary(i + length)
                && !Array.Exists(TrailingWords, word => word.Length > length && ClauseText.EndsAt(text, i + length, word)))
            {
                subjectEnd = i;
            }
        }

        var before = text.AsSpan(quoteStart, exprStart - quoteStart).Trim();
        if (subjectEnd < 0)
        {
            if (before.Length > 0 && before[^1] is not ('后' or '起'))
            {
                return null;
            }

            subjectEnd = quoteStart;
        }

        // "…之日起12个工作日内，向社会公示…": the action may open the next clause.
        var start = number.End + inside;
        if (start < text.Length && text[start] is '，' or ',')
        {
            start++;
        }

        var end = ClauseText.ClauseEnd(text, start);
        if (end - start < 2 || !context.Words.IsBoundary(start))
        {
            return null;
        }

        var (subjectStart, subjectStop) = subjectEnd > quoteStart ? Strip(context, quoteStart, subjectEnd) : (quoteStart, quoteStart);
        return (text[subjectStart..subjectStop] + WithoutExamples(context, start, end) + "的时限", end);
    }

    /// <summary>"向社会公布甲类、乙类、丙类等信息": in the action a time limit bounds, a list closed by 等 gives examples of the noun
    /// after it, and the action names its object by that noun ("向社会公布信息"). The first item is taken as long as the second (the
    /// items of such a list are alike); the action as it stands when that start is no word boundary.</summary>
    private static string WithoutExamples(ExtractionContext context, int start, int end)
    {
        var text = context.Text;
        var first = text.IndexOf('、', start, end - start);
        var second = first < 0 ? -1 : text.IndexOf('、', first + 1, end - first - 1);
        var deng = first < 0 ? -1 : text.IndexOf('等', first, end - first);
        if (first < 0 || deng < 0 || deng + 3 > end || text.IndexOf('、', deng, end - deng) >= 0
            || !context.Words.IsBoundary(deng) || !context.Words.IsBoundary(deng + 1) || !IsNounStart(context, deng + 1))
        {
            return text[start..end];
        }

        var itemLength = (second < 0 ? deng : second) - first - 1;
        var listStart = first - itemLength;
        return itemLength >= 2 && listStart > start && context.Words.IsBoundary(listStart)
            ? text[start..listStart] + text[(deng + 1)..end]
            : text[start..end];
    }

    /// <summary>"立即向甲部门上报有关情况（最迟不超过4个小时）": a duration in a bracket that opens right after an action and states its
    /// bound (a `bound-adverb` such as 最迟, or 内 after the number) is the time limit of that action, named by the clause before the
    /// bracket without the modals and predicate adverbs that open it ("向甲部门上报有关情况的时限"); null for any other bracket.</summary>
    private static (string Indicator, int Start)? BracketedLimit(ExtractionContext context, TargetDraft draft)
    {
        var text = context.Text;
        var exprStart = draft.ExpressionStart;
        if (draft.Mention.Quantity.Kind != UnitKind.Duration)
        {
            return null;
        }

        var open = ClauseText.ClauseStart(text, exprStart) - 1;
        if (open < 1 || text[open] is not ('（' or '(') || exprStart - open > 8
            || ClauseText.FindCloser(text, open, Math.Min(text.Length, draft.ExpressionEnd + 4)) < 0)
        {
            return null;
        }

        var bound = text.AsSpan(open + 1, exprStart - open - 1);
        if (BoundAdverbs.MatchAtStart(bound) == 0 && !(bound.Length == 0 && ClauseText.AtAcrossLayout(text, draft.Mention.Span.End, "内") > 0))
        {
            return null;
        }

        // The action: the clause before the bracket, after its last modal, without the adverbs opening the predicate (立即, 及时).
        var start = ClauseText.ClauseStart(text, open);
        foreach (var modal in context.ModalsIn(start, open))
        {
            start = Math.Max(start, modal.Span.End);
        }

        while (start < open && PredicateAdverbs.MatchAtStart(text.AsSpan(start, open - start)) is > 0 and var adverb
               && context.Words.IsBoundary(start + adverb))
        {
            start += adverb;
        }

        return open - start >= 2 && context.Words.IsBoundary(start) ? (text[start..open] + "的时限", start) : null;
    }

    /// <summary>"选择8个左右有条件、有基础的城市，在全市域开展甲类改革试点", "选择东城、西城3个城市，…，丙类采购试点": a count right
    /// after a choosing verb (`select-verb`, or before the list of names the count restates) whose clause ends in the noun counted,
    /// followed in the same sentence by a clause ending in a pilot (`pilot-noun`: 试点), counts that pilot's sites ("甲类改革试点城市"):
    /// the criteria before the noun (…的) or the names say which places are chosen, the pilot what they are counted as. The pilot
    /// opens after the last verb of holding in its clause (`hold-verb`: 开展). Null for any other count; a pilot in the count's own
    /// clause (选择10个县开展…试点) already follows the noun.</summary>
    private static string? PilotSites(ExtractionContext context, TargetDraft draft, int clauseStart)
    {
        var text = context.Text;
        var words = context.Words;
        var exprStart = draft.ExpressionStart;
        var selectEnd = -1;
        for (var i = clauseStart; i < exprStart; i++)
        {
            if (words.IsBoundary(i) && SelectVerbs.MatchAtStart(text.AsSpan(i, exprStart - i)) is > 0 and var length && words.IsBoundary(i + length))
            {
                selectEnd = i + length;
            }
        }

        var names = selectEnd < 0 ? default : text.AsSpan(selectEnd, exprStart - selectEnd);
        if (selectEnd < 0 || (names.Length > 0 && (names.IndexOf('、') < 0 || names.IndexOfAnyInRange('0', '9') >= 0 || names.IndexOf('等') >= 0)))
        {
            return null;
        }

        // The counted noun ends the clause; criteria before it end in 的.
        var clauseEnd = ClauseText.ClauseEnd(text, draft.ExpressionEnd);
        var head = text.LastIndexOf('的', clauseEnd - 1, clauseEnd - draft.ExpressionEnd) is var de and >= 0 ? de + 1 : draft.ExpressionEnd;
        if (clauseEnd - head is < 1 or > 6 || clauseEnd >= text.Length || text[clauseEnd] is not ('，' or ',') || !IsNounStart(context, head)
            || PilotNouns.OccursIn(text.AsSpan(draft.ExpressionEnd, clauseEnd - draft.ExpressionEnd)))
        {
            return null;
        }

        var sentenceEnd = ClauseText.SentenceEnd(text, clauseEnd);
        for (var start = clauseEnd + 1; start < sentenceEnd;)
        {
            var end = ClauseText.ClauseEnd(text, start);
            if (end <= start)
            {
                return null;
            }

            if (PilotNouns.MatchEndingAt(text, end) > 0)
            {
                var topic = start;
                for (var i = start; i < end; i++)
                {
                    if (words.WordStartingAt(i) is { } verb && HoldVerbs.Contains(text.AsSpan(verb.Start, verb.Length)))
                    {
                        topic = verb.End;
                    }
                }

                return end - topic >= 4 ? text[topic..end] + text[head..clauseEnd] : null;
            }

            start = end + 1;
        }

        return null;
    }

    private sealed record DistributedItem(string Indicator, TextSpan? Span, int QuoteStart);

    /// <summary>The item a value of a distributive list measures: "A、B、C的覆盖率分别达到90%、85%、80%" gives the k-th value the k-th
    /// item with the shared tail (A的覆盖率); "新签约亿元以上工业项目、外贸项目分别不少于" gives later items the first item's shared
    /// head (新签约亿元以上外贸项目). Null unless the clause has exactly as many items as values.</summary>
    private static DistributedItem? Distributive(ExtractionContext context, TargetDraft draft, int clauseStart)
    {
        var text = context.Text;

        // The values: consecutive numbers joined by 、 和 及 与 (and a final 以上/左右 of the previous one).
        var first = draft.Index;
        while (first > 0 && context.Drafts[first - 1] is var prev && prev.Mention.Span.Start >= clauseStart && IsListJoint(text, prev.ExpressionEnd, context.Drafts[first].ExpressionStart))
        {
            first--;
        }

        var last = draft.Index;
        while (last + 1 < context.Drafts.Count && IsListJoint(text, context.Drafts[last].ExpressionEnd, context.Drafts[last + 1].ExpressionStart))
        {
            last++;
        }

        var count = last - first + 1;
        if (count < 2)
        {
            return null;
        }

        // 分别 shortly before the first value, with only a verb or comparator between.
        var listStart = context.Drafts[first].ExpressionStart;
        var window = Math.Min(8, listStart - clauseStart);
        var fenbie = window >= 2 ? text.LastIndexOf("分别", listStart - 1, window, StringComparison.Ordinal) : -1;
        // "甲、乙参保率达94%、98%": without 分别, a list right before as many values (only verbs and comparators between) pairs
        // with them in order too, when no item holds a number or is a single character (中、省: a bound morpheme) and no 分别
        // further back says where the list ends.
        var implicitPairs = fenbie < 0;
        var listEnd = implicitPairs ? listStart : fenbie;
        var (phraseStart, phraseEnd) = Strip(context, SkipItemMarker(text, clauseStart, listEnd), listEnd);
        var phrase = text.AsSpan(phraseStart, phraseEnd - phraseStart);
        var holdsNumber = phrase.IndexOfAnyInRange('0', '9') >= 0;
        var items = SplitItems(context, phraseStart, phraseEnd);
        if (implicitPairs && (items.Count != count || holdsNumber || items.Exists(item => item.End - item.Start < 2)
                              || !OnlyTrailingWords(context, phraseEnd, listStart) || phrase.Contains("分别", StringComparison.Ordinal)))
        {
            return null;
        }

        if (items.Count != count)
        {
            // "软件和信息服务业、电子制造业规模分别达到60亿元和20亿元": a 和 inside an item joins the words of one name.
            // Items holding a number are no names ("生产总值增长9%、甲和乙分别增长…").
            items = SplitItems(context, phraseStart, phraseEnd, commasOnly: true);
            if (items.Count != count || holdsNumber)
            {
                return null;
            }
        }

        var k = draft.Index - first;
        var (itemStart, itemEnd) = items[k];
        var lastItem = items[^1];

        // A shared tail after 的 in the last item: "A、B、C的覆盖率".
        var de = text.IndexOf('的', lastItem.Start, lastItem.End - lastItem.Start);
        if (de > lastItem.Start && k < count - 1)
        {
            return new DistributedItem(text[itemStart..itemEnd] + text[de..lastItem.End], null, itemStart);
        }

        if (k < count - 1 && de > lastItem.Start)
        {
            return null;
        }

        if (k == count - 1 && de > lastItem.Start)
        {
            return new DistributedItem(text[itemStart..itemEnd], new TextSpan(itemStart, itemEnd), itemStart);
        }

        // "国、省考断面水质优良率", "一、二、三产增加值": items of one character are bound morphemes (a level, an ordinal) standing for
        // the last item's first character, so each takes the rest of the last item ("市、县两级…": past the tally of the levels). A
        // character left over from a word the strip cut into ("在职" less 在) is no item of its own.
        if (k < count - 1 && lastItem.End - lastItem.Start >= 2
            && items.Take(count - 1).All(item => item.End - item.Start == 1 && context.Words.IsBoundary(item.Start)))
        {
            return new DistributedItem(text[itemStart..itemEnd] + WithoutTally(text[(lastItem.Start + 1)..lastItem.End]), null, itemStart);
        }

        // "A、B排放量分别下降3%、4%": the last item's head word is shared by the earlier items that end in no head of their own
        // (A排放量); an item ending like the head ("问题解决率、办理满意率") names its own measure.
        // A substance named with 量 ("化学需氧量": `substance-name`) is no measure of its own: "化学需氧量、氨氮排放量" share 排放量.
        var substance = SubstanceNames.MatchAtEnd(text.AsSpan(itemStart, itemEnd - itemStart)) > 0;
        if (k < count - 1 && itemEnd - itemStart >= 2 && (substance || !NamesOwnMeasure(text, itemEnd)) && SharedTail(context, items) is { Length: > 0 } tail
            && (substance ? NamesOwnMeasure(tail, tail.Length) : text[itemEnd - 1] != tail[^1]))
        {
            return new DistributedItem(text[itemStart..itemEnd] + tail, null, itemStart);
        }

        // "甲作物播种面积和产量稳定在X、Y": a later item that is only a measure measures the first item's topic (the first item
        // less its own measure), as a bare measure after a list item does without the list.
        var (firstStart, firstEnd) = items[0];
        var length = itemEnd - itemStart;
        if (k > 0 && MeasureNouns.MatchAtStart(text.AsSpan(itemStart, length)) == length
            && MeasureNouns.MatchAtEnd(text.AsSpan(firstStart, firstEnd - firstStart)) is > 0 and var firstMeasure
            && firstEnd - firstMeasure - firstStart >= 2 && context.Words.IsBoundary(firstEnd - firstMeasure))
        {
            return new DistributedItem(text[firstStart..(firstEnd - firstMeasure)] + text[itemStart..itemEnd], null, itemStart);
        }

        // A shared head in the first item: a later item parallel to the first's tail (same last two characters, a word boundary between).
        if (k > 0 && firstEnd - firstStart >= length + 2 && length >= 2
            && text.AsSpan(firstEnd - 2, 2).SequenceEqual(text.AsSpan(itemEnd - 2, 2))
            && context.Words.IsBoundary(firstEnd - length))
        {
            return new DistributedItem(text[firstStart..(firstEnd - length)] + text[itemStart..itemEnd], null, itemStart);
        }

        return new DistributedItem(text[itemStart..itemEnd], new TextSpan(itemStart, itemEnd), itemStart);
    }

    /// <summary>The words the last item of a distributive list shares with the earlier ones: from its 占 ("A、B占C比重"), else
    /// past a leading level word ("国家级、省级|专精特新企业") or past the first item's length where the items run parallel
    /// ("城镇、农村|居民人均可支配收入", also where jieba reads 农村居民 as one word and 城镇居民 is a word too), else its head word ("甘蔗、水果|产量"); "" when that head is a verb ("新签约、新竣工").</summary>
    private static string SharedTail(ExtractionContext context, List<(int Start, int End)> items)
    {
        var text = context.Text;
        var words = context.Words;
        var (lastStart, lastEnd) = items[^1];
        var zhan = text.IndexOf('占', lastStart, lastEnd - lastStart);
        if (zhan > lastStart && words.IsBoundary(zhan))
        {
            return text[zhan..lastEnd];
        }

        var level = LevelWords.MatchAtStart(text.AsSpan(lastStart, lastEnd - lastStart));
        var firstLength = items[0].End - items[0].Start;
        // Items run parallel only when every item before the last is as long as the first ("轴承、汽车零部件和农业机械装备…" do not).
        var parallel = items.Take(items.Count - 1).All(item => item.End - item.Start == firstLength) ? lastStart + firstLength : -1;
        // "城镇、农村居民人均可支配收入": where the parallel cut falls inside the last item's first word, the cut is after that word.
        var parallelWord = parallel > lastStart && words.WordAt(parallel) is { } counterpart && counterpart.Start == lastStart ? counterpart.End : -1;
        // "城镇、农村居民…": unless the first item with the rest of that word is a word too (城镇居民), which it then shares.
        var inWord = parallelWord > parallel
                     && words.IsDictionaryWord(string.Concat(text.AsSpan(items[0].Start, firstLength), text.AsSpan(parallel, parallelWord - parallel)))
            ? parallel
            : -1;
        foreach (var cut in (int[])[level > 0 ? lastStart + level : -1, inWord, parallel, parallelWord])
        {
            if (cut > lastStart && cut <= lastEnd - 2 && (cut == inWord || words.IsBoundary(cut)) && ClauseText.IsHan(text[cut]))
            {
                return WithoutTally(text[cut..lastEnd]);
            }
        }

        return words.WordEndingAt(lastEnd) is { } head && head.Start > lastStart && head.Length >= 2
               && (words.TagAt(head.Start) is not ['v', ..] || MeasureNouns.MatchAtEnd(text.AsSpan(head.Start, head.Length)) == head.Length)
            ? text[head.Start..lastEnd]
            : "";
    }

    /// <summary>The tail without a leading tally of the items ("两大产业集群营收" → "产业集群营收", "两级财政科技支出" → "财政科技支出").</summary>
    private static string WithoutTally(string tail) =>
        tail.Length > 4 && ChineseNumber.DigitValue(tail[0]) > 0 && tail[1] is '大' or '级' ? tail[2..] : tail;

    /// <summary>True when the item ends in a measure of its own (总额, 人次, 产量, 利用率): it shares no head with the items after it.</summary>
    private static bool NamesOwnMeasure(string text, int itemEnd) =>
        "额数量次率值".Contains(text[itemEnd - 1]) || MeasureNouns.MatchAtEnd(text.AsSpan(0, itemEnd)) > 0;

    /// <summary>The items of an indicator list followed by 均 or 都 before the value ("问题解决率、办理满意率均达到"), each completed
    /// with the shared tail after 的 in the last item or the last item's head ("数字产业化和产业数字化产业规模"); null otherwise.</summary>
    private static List<string>? SharedItems(ExtractionContext context, TextSpan span, int exprStart, bool lone)
    {
        var text = context.Text;
        var between = text.AsSpan(span.End, exprStart - span.End);
        var all = EachWordIn(context, span.End, between);
        var respectively = lone ? between.IndexOf("分别") : -1;
        if (all < 0 && respectively >= 0)
        {
            if (!context.Words.IsBoundary(span.End + respectively) || !context.Words.IsBoundary(span.End + respectively + 2))
            {
                return null;
            }

            all = respectively;
        }
        // jieba's HMM may glue 均 to the character before it ("集聚度均" → 集聚/度均: EachWordIn takes it); a word missing from the
        // dictionary is no reason to read 均 as part of a word.
        // "落地率、开工率均达70%": jieba may glue 均 to the level verb after it (均达); the verb still starts a word of its own.
        else if (all < 0 || !(context.Words.IsBoundary(span.End + all + 1)
                              || LevelVerbs.MatchAtStart(between[(all + 1)..]) is > 0 and var reach
                              && context.Words.WordStartingAt(span.End + all) is { } glued && glued.End <= span.End + all + 1 + reach))
        {
            return null;
        }

        // One value for every item: a joint before a later 、 stands inside an item ("甲业、乙及丙产业、丁业产值均增长"). (A list of
        // values, one per item, may group items with a joint; the values' count decides there.)
        var items = SplitItems(context, span.Start, span.End, lastJointOnly: true);
        if (items.Count < 2 || items.Exists(item => item.End - item.Start < 2))
        {
            return null;
        }

        var (lastStart, lastEnd) = items[^1];
        var de = text.IndexOf('的', lastStart, lastEnd - lastStart);
        var tail = "";
        // "A、B各300个": each item names its own thing; only a shared 的-tail completes the others.
        var each = between[all] == '各';
        if (de > lastStart)
        {
            tail = text[de..lastEnd];
        }
        else if (!each && lastStart + (items[0].End - items[0].Start) is var cut && cut <= lastEnd - 2 && context.Words.IsBoundary(cut))
        {
            // Parallel items: the last one's words past the first item's length are the shared head ("智慧农业|产业规模").
            tail = text[cut..lastEnd];
        }
        else if (!each && context.Words.WordEndingAt(lastEnd) is { } head && head.Start > lastStart && head.Length >= 2)
        {
            tail = text[head.Start..lastEnd];
        }

        var result = new List<string>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var item = text[items[i].Start..items[i].End];
            // An item already ending like the tail ("解决率" / "满意率") names its own measure; so does one ending in a measure of
            // its own ("游客人数、旅游收入均增长": 人数 takes no 收入).
            var complete = i == items.Count - 1 || tail.Length == 0 || item[^1] == tail[^1] || NamesOwnMeasure(text, items[i].End);
            result.Add(complete ? item : item + tail[SharedOverlap(item, tail)..]);
        }

        return result;
    }

    /// <summary>How many characters (two or more) the item ends with that the tail starts with: a parallel cut by length may leave
    /// the last item's own head noun on the tail ("甲类贷款、乙丙类贷款增速" → 贷款增速), which the item then already has.</summary>
    private static int SharedOverlap(string item, string tail)
    {
        for (var k = Math.Min(item.Length, tail.Length - 1); k >= 2; k--)
        {
            if (item.AsSpan(item.Length - k).SequenceEqual(tail.AsSpan(0, k)))
            {
                return k;
            }
        }

        return 0;
    }

    /// <summary>Where 均, 都 or 各 stands in <paramref name="between"/> (which starts at <paramref name="from"/>) as a word of its own
    /// or glued by jieba's HMM to the character before it ("集聚度均" → 集聚/度均); -1 when none. One inside a dictionary word that
    /// starts before it (年均, 平均) is a mean, not "each": "A、B年均分别增长8%" still sets the value for each item through 分别.</summary>
    private static int EachWordIn(ExtractionContext context, int from, ReadOnlySpan<char> between)
    {
        for (var at = between.IndexOfAny('均', '都', '各'); at >= 0;)
        {
            if (context.Words.IsBoundary(from + at) || context.Words.TagAt(from + at) is null)
            {
                return at;
            }

            var next = between[(at + 1)..].IndexOfAny('均', '都', '各');
            at = next < 0 ? -1 : at + 1 + next;
        }

        return -1;
    }

    /// <summary>True when no live value before or after the draft's is joined to it by a list joint ("分别增长6%", not "分别增长6%、8%").</summary>
    private static bool LoneValue(ExtractionContext context, TargetDraft draft)
    {
        var drafts = context.Drafts;
        var text = context.Text;
        // "分别达62家、27 家": a list of values goes on even where the next one was read as no number of its own.
        if (draft.ExpressionEnd + 1 < text.Length && text[draft.ExpressionEnd] is '、' or '和' && ChineseNumber.IsDigit(text[draft.ExpressionEnd + 1]))
        {
            return false;
        }

        if (draft.Index + 1 < drafts.Count && drafts[draft.Index + 1] is { IsRejected: false } next
            && IsListJoint(text, draft.ExpressionEnd, next.ExpressionStart))
        {
            return false;
        }

        return !(draft.Index > 0 && drafts[draft.Index - 1] is { IsRejected: false } previous
                 && IsListJoint(text, previous.ExpressionEnd, draft.ExpressionStart));
    }

    /// <summary>True when only a list joint (、 和 及 与, after an optional 以上 or 左右) separates two values.</summary>
    private static bool IsListJoint(string text, int end, int nextStart)
    {
        if (nextStart <= end || nextStart - end > 3)
        {
            return false;
        }

        var between = text.AsSpan(end, nextStart - end);
        foreach (var tail in (string[])["以上", "左右"])
        {
            if (between.StartsWith(tail))
            {
                between = between[tail.Length..];
            }
        }

        return between is "、" or "和" or "及" or "与";
    }

    /// <summary>The items of "A、B和C" outside brackets and quotes (of "A、B" only, with <paramref name="commasOnly"/>).</summary>
    private static List<(int Start, int End)> SplitItems(ExtractionContext context, int start, int end, bool commasOnly = false, bool lastJointOnly = false)
    {
        var text = context.Text;
        var items = new List<(int Start, int End)>();
        var depth = 0;
        var itemStart = start;
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            if (ClauseText.IsOpener(c))
            {
                depth++;
            }
            else if (ClauseText.IsCloser(c))
            {
                depth = Math.Max(0, depth - 1);
            }
            // "县级及以上城市": a joint before a threshold bound (以上, 以下) joins a grade to the grades past it, inside one item.
            else if (depth == 0 && i > itemStart && (c == '、' || (!commasOnly && c is '和' or '及' or '与' && context.Words.IsBoundary(i) && context.Words.IsBoundary(i + 1)
                                                                 && ThresholdEnds.MatchAtStart(text.AsSpan(i + 1, Math.Min(3, end - i - 1))) == 0
                                                                 && !(lastJointOnly && CommaListGoesOn(text, i + 1, end)))))
            {
                items.Add((itemStart, i));
                itemStart = i + 1;
            }
        }

        if (end > itemStart)
        {
            items.Add((itemStart, end));
        }

        return items;
    }

    /// <summary>"甲业、乙及丙产业、丁业": a 、 at bracket depth 0 after a joint in [<paramref name="from"/>, <paramref name="end"/>) shows the
    /// joint stands inside an item, since a 、-list joins its last item only with 和/及/与.</summary>
    private static bool CommaListGoesOn(string text, int from, int end)
    {
        var depth = 0;
        for (var i = from; i < end; i++)
        {
            if (ClauseText.IsOpener(text[i]))
            {
                depth++;
            }
            else if (ClauseText.IsCloser(text[i]))
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (depth == 0 && text[i] == '、')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The span widened to whole words ("…总体平" → "…总体平均水平"), never past [floor, ceiling). An edge next to the number
    /// stays (the quantity reader set it); an end whose word goes on into a comparator or verb stays too.</summary>
    private static TextSpan WholeWords(ExtractionContext context, TextSpan span, int floor, int ceiling, TargetDraft draft)
    {
        var words = context.Words;
        var text = context.Text;
        var start = span.Start;
        var end = span.End;
        // "确保全社会物流投入": jieba joins a modal with the first character of the noun (确保全|社会); a start the strip put right
        // after a leading word of two or more characters stays (one character such as 有 may open a word: 有效).
        if (start != draft.ExpressionEnd && !words.IsBoundary(start) && words.WordAt(start) is { } first
            && !IsLeadingWord(text.AsSpan(first.Start, start - first.Start)))
        {
            start = first.Start >= floor ? first.Start : first.End;
        }

        if (end != draft.ExpressionStart && !words.IsBoundary(end) && words.WordAt(end) is { } last && !StartsStripWord(text, end))
        {
            end = last.End <= ceiling ? last.End : last.Start;
        }

        return end > start ? new TextSpan(start, end) : span;
    }

    private static bool IsLeadingWord(ReadOnlySpan<char> cut)
    {
        if (cut.Length < 2)
        {
            return false;
        }

        foreach (var word in LeadingByFirst.GetValueOrDefault(cut[0], []))
        {
            if (cut.SequenceEqual(word))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when the phrase <paramref name="start"/>..<paramref name="end"/> ends in a word that can head a measure: not a verb
    /// (a verbal noun such as 收入 counts), preposition, adverb or conjunction, and not a change verb's 至/到/为/在 either; a share
    /// word, a measure noun or a rate suffix at the end always heads one.
    /// </summary>
    private static bool EndsInNounPhrase(ExtractionContext context, int start, int end)
    {
        var text = context.Text;
        if (LevelPrepositions.MatchAtEnd(text.AsSpan(0, end)) > 0 || LevelVerbs.MatchAtEnd(text.AsSpan(start, end - start)) > 0)
        {
            return false;
        }

        // 占比 is tagged a verb and 率 may stand as a word of its own, yet each ends a measure.
        var phrase = text.AsSpan(start, end - start);
        if (ShareWords.MatchAtEnd(phrase) > 0 || MeasureNouns.MatchAtEnd(phrase) > 0 || RateSuffixes.MatchAtEnd(phrase) > 0)
        {
            return true;
        }

        return context.Words.WordEndingAt(end) is not { } last
            || context.Words.TagAt(last.Start) is not { } tag
            || tag == "vn" || tag[0] is not ('v' or 'p' or 'd' or 'c');
    }

    /// <summary>True when the word at <paramref name="start"/> can open a noun phrase to jieba (a noun, tag n…; a verbal or
    /// adjectival noun, vn, an; an attribute, a, b; an abbreviation, j; a Latin word, eng): the phrase after a classifier then
    /// names what is counted. A verb, adverb or set phrase (l, i: "100人左右|深入基层…") opens the predicate instead.</summary>
    private static bool IsNounStart(ExtractionContext context, int start) =>
        context.Words.WordStartingAt(start) is { } first && first.Start == start && context.Words.TagAt(start) is { } tag
        && (tag[0] == 'n' || tag is "vn" or "an" or "a" or "b" or "j" or "eng");

    /// <summary>The end of the noun phrase a classifier counts in [<paramref name="start"/>, <paramref name="end"/>): a list comma
    /// ends it ("24项甲类技术攻关|、积极争创…" opens another clause); <paramref name="start"/> when only verbal nouns (jieba tag vn)
    /// stand there ("1840套|建设": the work on the things before the number, which name them already). A verb inside is kept:
    /// jieba tags the verb of many compound nouns v ("创新中心", "健身设施").</summary>
    private static int CountedNounEnd(ExtractionContext context, int start, int end)
    {
        var words = context.Words;
        var nounLike = false;
        for (var i = start; i < end;)
        {
            if (context.Text[i] == '、')
            {
                return nounLike ? i : start;
            }

            if (words.WordStartingAt(i) is not { } word || word.Start != i)
            {
                i++;
                nounLike = true;
                continue;
            }

            nounLike |= words.TagAt(i) != "vn";
            i = word.End;
        }

        return nounLike ? end : start;
    }

    /// <summary>
    /// True when the generic noun opening the phrase at <paramref name="start"/> is only the head of a longer word
    /// ("2万家规模以上企业": 规模以上 is one word), so it does not stand for the measure of the number before it.
    /// </summary>
    private static bool GenericNounInWord(ExtractionContext context, int start) =>
        context.Words.WordStartingAt(start) is { } first
        && Array.Find(GenericNouns, noun => context.Text.AsSpan(start).StartsWith(noun)) is { } generic
        && first.Length > generic.Length;

    /// <summary>
    /// True when the phrase after the number opens with a generic noun bounded by a threshold word and goes on to a head noun
    /// ("3000家规模以上工业企业"): the pair names a size class of the things counted, not a measure of the number before it
    /// (a bare "500亿元规模以上" still does).
    /// </summary>
    private static bool SizeClass(string phrase)
    {
        var generic = Array.Find(GenericNouns, noun => phrase.StartsWith(noun, StringComparison.Ordinal));
        if (generic is null)
        {
            return false;
        }

        var bound = ThresholdEnds.MatchAtStart(phrase.AsSpan(generic.Length));
        var head = phrase.AsSpan(generic.Length + bound);
        return bound > 0 && head.Length >= 2 && ClauseText.IsHan(head[0]) && ClauseText.IsHan(head[1]);
    }

    private static bool StartsStripWord(string text, int at)
    {
        foreach (var word in TrailingWords)
        {
            if (ClauseText.At(text, at, word))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly string[] ElidedGrowthWords = [.. WordLexicon.Default["elided-growth"].Words];

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

    /// <summary>The projects a spending indicator ("甲类项目完成投资", "甲类项目总投资") is of: it without its investment word and the
    /// 完成 / 累计 before it; empty when the indicator is a bare sum that names no projects itself.</summary>
    private static string WithoutSpendingWords(string subject)
    {
        var invested = InvestmentWords.MatchAtEnd(subject);
        if (invested == 0)
        {
            return subject;
        }

        var rest = subject[..^invested];
        rest = rest.EndsWith("完成", StringComparison.Ordinal) || rest.EndsWith("累计", StringComparison.Ordinal) ? rest[..^2] : rest;
        return rest;
    }

    private static string WithoutIncreaseWords(string subject)
    {
        foreach (var word in (string[])["净增", "新增", "增加"])
        {
            subject = subject.Replace(word, "", StringComparison.Ordinal);
        }

        return subject;
    }

    private static readonly string[] ActorNouns = [.. WordLexicon.Default["actor-noun"].Words];

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
            return MeasureHeadingAbove(context, draft.Mention.Span.Start) ?? "";
        }

        var prevStart = ClauseText.ClauseStart(text, clauseStart - 1);
        var (s1, e1) = Strip(context, SkipItemMarker(text, prevStart, clauseStart - 1), clauseStart - 1);
        if (e1 <= s1 || ComparesWithEarlier(text.AsSpan(s1, e1 - s1)))
        {
            // "较上年提高，力争2026年达到75%": a comparison with an earlier year is no subject.
            return e1 <= s1 ? "" : MeasureHeadingAbove(context, draft.Mention.Span.Start) ?? "";
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

    // 比上年, 较上一年, 比去年同期: a comparison with an earlier time.
    private static bool ComparesWithEarlier(ReadOnlySpan<char> phrase) =>
        phrase.Length >= 3 && phrase[0] is '比' or '较' && phrase[1] is '上' or '去' or '前';

    /// <summary>The measure a heading line right above the target's line names, when the target's line opens with no subject of
    /// its own: an indicator table laid out as text ("1.重点人群签约率" over "较上年增加，2025年达到80%"). Null unless that heading
    /// ends in a rate or measure word (率, 量, 比重 …) and holds no number.</summary>
    private static string? MeasureHeadingAbove(ExtractionContext context, int position)
    {
        var lines = context.Scopes.Tree.Lines;
        var index = context.Scopes.Tree.LineIndexAt(position);
        if (index <= 0 || lines[index - 1] is not { Kind: BlockKind.Heading } heading)
        {
            return null;
        }

        var text = context.Text;
        var start = SkipItemMarker(text, heading.Span.Start, heading.Span.End);
        var end = heading.Span.End;
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        var title = text.AsSpan(start, end - start);
        return title.Length >= 2 && title.IndexOfAnyInRange('0', '9') < 0
               && (RateSuffixes.MatchAtEnd(title) > 0 || MeasureNouns.MatchAtEnd(title) > 0 || ShareWords.MatchAtEnd(title) > 0)
            ? title.ToString()
            : null;
    }

    /// <summary>Strips leading item markers, time words, modals, adverbs and verbs, and trailing comparators and verbs.</summary>
    private static (int Start, int End) Strip(ExtractionContext context, int start, int end)
    {
        var cut = StripOnce(context, start, end, cutAtTimeWords: true);
        // "每万人发明专利拥有量在明年达到4.5件": nothing after the time word, so the phrase before it is the indicator.
        if (cut.End <= cut.Start)
        {
            return StripOnce(context, start, end, cutAtTimeWords: false);
        }

        // "近视率每年降低1个百分点", "区财政每年安排5亿元": when a time word cut off the subject and only verbs are left after it,
        // the subject names the measure, as before a modal followed only by trailing words. A subject sharing a quota out among
        // actors (`per-actor-opening`: 各县每年…) names who meets it, not what is measured.
        if (TimeWordBefore(context, start, cut.Start) is > 0 and var timeStart && OnlyVerbs(context, cut.Start, cut.End)
            && PerActorOpenings.MatchAtStart(context.Text.AsSpan(start, end - start)) == 0
            && StripOnce(context, start, end, cutAtTimeWords: false) is var kept && kept.End - kept.Start >= 2 && kept.End <= timeStart)
        {
            return kept;
        }

        return cut;
    }

    /// <summary>
    /// The start of a time word near the phrase start (with at least two characters before it) that ends at or before
    /// <paramref name="cutStart"/>, or -1.
    /// </summary>
    private static int TimeWordBefore(ExtractionContext context, int start, int cutStart)
    {
        foreach (var year in context.YearsIn(start, cutStart))
        {
            if (year.Kind is not (YearMentionKind.Past or YearMentionKind.Date) && !year.InName && year.Span.End <= cutStart
                && year.Span.Start - start is >= 2 and <= 8)
            {
                return year.Span.Start;
            }
        }

        return -1;
    }

    /// <summary>
    /// True when [start, end) is nothing but verbs (jieba tag v or vn: 安排, 出资, 完成投资) and trailing words: a predicate without
    /// its subject.
    /// </summary>
    private static bool OnlyVerbs(ExtractionContext context, int start, int end)
    {
        if (OnlyTrailingWords(context, start, end))
        {
            return true;
        }

        var text = context.Text;
        var i = start;
        while (i < end)
        {
            if (context.Words.WordStartingAt(i) is not { } word || word.End > end
                || (context.Words.TagAt(i) is not ("v" or "vn") && Array.IndexOf(TrailingWords, text[i..word.End]) < 0))
            {
                return false;
            }

            i = word.End;
        }

        return i == end;
    }

    private static (int Start, int End) StripOnce(ExtractionContext context, int start, int end, bool cutAtTimeWords)
    {
        var text = context.Text;
        var origin = start;
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
        foreach (var year in cutAtTimeWords ? context.YearsIn(start, end) : ReadOnlySpan<YearMention>.Empty)
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
            // "全部财政收入力争达到", "全社会投资要增长": a modal followed only by the verbs and comparators the strip drops comes
            // after the subject, which is the indicator.
            if (modal.Span.End < end - 1 && !OnlyTrailingWords(context, modal.Span.End, end))
            {
                start = Math.Max(start, modal.Span.End);
            }
        }

        var phraseEnd = end;
        bool changed;
        do
        {
            changed = false;
            while (start < end && text[start] is ' ' or '\u3000' or '，' or ',' or '、' or '”' or ')' or '）')
            {
                start++;
                changed = true;
            }

            // "水质达标比例比2019年提高6个百分点": the base year the time words cut off leaves its 比 or 较, no part of the measure.
            if (end - start >= 3 && text[end - 1] is '比' or '较' && end + 4 < text.Length && char.IsAsciiDigit(text[end])
                && char.IsAsciiDigit(text[end + 3]) && text[end + 4] == '年')
            {
                end--;
                changed = true;
            }

            // "③完成…", "…示范企业㉜": an item or note mark names nothing measured.
            if (FootnoteMarks.LengthAt(text, start, end) is > 0 and var leadingMark)
            {
                start += leadingMark;
                changed = true;
            }

            if (FootnoteMarks.LengthEndingAt(text, start, end) is > 0 and var trailingMark)
            {
                end -= trailingMark;
                changed = true;
            }

            foreach (var word in start < end ? LeadingByFirst.GetValueOrDefault(text[start], []) : [])
            {
                // A leading word is stripped only whole: "建设用地" keeps its 建设 when jieba reads one word; a verb joined to the
                // next one ("新建、续建城建项目") names a pair of works and stays.
                if (end - start > word.Length - 1 && ClauseText.At(text, start, word)
                    && (word.Length == 1 || (context.Words.IsBoundary(start + word.Length) && !IsCoordinationAt(text, start + word.Length)))
                    && !(ModifierAdverbs.MatchAtStart(word) == word.Length && context.Words.TagAt(start + word.Length) is not "v"
                         && start + word.Length < end && !ChineseNumber.IsDigit(text[start + word.Length])))
                {
                    start += word.Length;
                    changed = true;
                    break;
                }
            }

            // "…经费人均达到10元": a trailing word that only ends a per-unit measure (人均, 亩均: `per-unit-measure`) stays, the
            // measure being per head or per mu.
            foreach (var word in end > start ? TrailingByLast.GetValueOrDefault(text[end - 1], []) : [])
            {
                if (end - start >= word.Length && ClauseText.EndsAt(text, end, word)
                    && (word.Length == 1 || context.Words.IsBoundary(end - word.Length))
                    && PerUnitMeasures.MatchEndingAt(text, end) <= word.Length)
                {
                    end -= word.Length;
                    changed = true;
                    break;
                }
            }

            if (end - start >= 4 && text[end - 1] is '至' or '到' && LevelReachLength(context, start, end) is > 0 and var reach)
            {
                end -= reach;
                changed = true;
            }

            // "森林覆盖率逐步提高到", "村级集体经济收入稳步提升至": an adverb opening the predicate (`predicate-adverb`), with at most a
            // verb of change (`change-verb`) between it and the preposition of the level, ends the measure as the bare verb does.
            if (GradualReachStart(context, start, end) is > 0 and var gradual)
            {
                end = gradual;
                changed = true;
            }

            // "村级集体经济收入稳步(提升至)": once the verb of the level is off, a predicate adverb left at the end goes too.
            if (end < phraseEnd && PredicateAdverbs.MatchAtEnd(text.AsSpan(start, end - start)) is >= 2 and var left && end - left - start >= 2
                && context.Words.IsBoundary(end - left))
            {
                end -= left;
                changed = true;
            }

            // "逐步扩大公交线路覆盖率到": a verb of change (`change-verb`) opening the phrase moves the measure between it and the
            // preposition of the level; neither is part of it.
            if (ChangedObject(context, start, end) is { } changedObject)
            {
                (start, end) = changedObject;
                changed = true;
            }

            if (HedgeAdverbs.MatchAtEnd(text.AsSpan(start, end - start)) is > 0 and var hedge && end - hedge > start
                && context.Words.IsBoundary(end - hedge))
            {
                end -= hedge;
                changed = true;
            }

            while (end > start && text[end - 1] is ' ' or '\u3000' or '，' or ',' or '、' or '“' or '(' or '（')
            {
                end--;
                changed = true;
            }
        }
        while (changed && end > start);

        // "新增学位8600个", "实施技改项目5000项": the verb says what is done to the thing counted; it goes last (so "新增建设用地指标"
        // keeps its 建设) when a noun of two or more characters follows, the verb is no first part of a coordinated pair
        // ("新建和改扩建学校" names both works) and what follows is no bare measure ("新增面积" is the measure of the thing before).
        if (start < end && LeadVerbs.MatchAtStart(text.AsSpan(start, end - start)) is > 0 and var lead && end - start - lead >= 2
            && context.Words.IsBoundary(start + lead) && !IsCoordinationAt(text, start + lead)
            && MeasureNouns.MatchAtStart(text.AsSpan(start + lead, end - start - lead)) != end - start - lead)
        {
            start += lead;
        }

        // "推进实施农田水利项目", "新建改造乡村公厕", "支持引育青年骨干": a verb the strip took off, or a directive verb, right before a
        // second verb is a serial verb; both say what is done and the noun after them is what is counted.
        if (SerialVerbEnd(context, origin, start, end) is > 0 and var serialEnd)
        {
            start = serialEnd;
        }

        // "新建（改）农村公路", "新增（晋星）省级园区": a bracketed alternative of the verb the strip took off goes with that verb.
        if (start > origin && start < end && ClauseText.IsHan(text[start - 1]) && VerbAlternativeEnd(text, start, end) is > 0 and var alternative)
        {
            start = alternative;
        }

        return (start, Math.Max(start, end));
    }

    /// <summary>The end of a bracketed group of one to three Han characters at <paramref name="start"/> ("（改）", "(晋级)") that at
    /// least two characters follow before <paramref name="end"/>, or 0.</summary>
    private static int VerbAlternativeEnd(string text, int start, int end)
    {
        if (text[start] is not ('（' or '('))
        {
            return 0;
        }

        var i = start + 1;
        while (i < end && i - start <= 3 && ClauseText.IsHan(text[i]))
        {
            i++;
        }

        return i > start + 1 && i < end && text[i] is '）' or ')' && end - i - 1 >= 2 ? i + 1 : 0;
    }

    /// <summary>The end of the verbs of a serial verb opening [<paramref name="start"/>, <paramref name="end"/>), or 0. The first verb
    /// is the verb the strip took off right before <paramref name="start"/> or a directive verb at the start; each later one is a
    /// lead or rebuild verb (closed classes: 实施, 推进, 改造, 提升 …) at word boundaries that no coordination or 的 follows, and a noun
    /// of two or more characters that is no bare measure is left.</summary>
    private static int SerialVerbEnd(ExtractionContext context, int origin, int start, int end)
    {
        var text = context.Text;
        var words = context.Words;
        int at;
        if (start > origin && words.WordEndingAt(start) is { Length: >= 2 } taken && taken.Start >= origin
            && context.ModalsIn(taken.Start, start).IsEmpty && (words.TagAt(taken.Start) is "v" || IsWorkVerb(text.AsSpan(taken.Start, taken.Length))))
        {
            at = start;
        }
        else if (DirectiveVerbs.MatchAtStart(text.AsSpan(start, end - start)) is > 0 and var directive && words.IsBoundary(start + directive))
        {
            at = start + directive;
        }
        else if (words.WordStartingAt(start) is { Length: >= 2 } manner && words.TagAt(start) is "v" or "vd" or "d" or "ad"
                 && !IsWorkVerb(text.AsSpan(manner.Start, manner.Length)) && RenovationVerbs.MatchAtStart(text.AsSpan(manner.Start, manner.Length)) == 0
                 && words.WordStartingAt(manner.End) is { Length: >= 2 } work && LeadVerbs.MatchAtStart(text.AsSpan(work.Start, work.Length)) == work.Length)
        {
            // "统筹推进…项目", "稳步推进…", "滚动实施…": a verb or adverb of manner right before a lead verb (实施, 推进) opens the
            // serial verb; neither names what is counted. Before a rebuild verb ("改造提升", "巩固提升") the pair names the works
            // counted and stays.
            at = manner.End;
        }
        else
        {
            return 0;
        }

        var serialEnd = 0;
        while (words.WordStartingAt(at) is { Length: >= 2 } verb && verb.End + 2 <= end && IsSerialVerb(text.AsSpan(verb.Start, verb.Length))
               && words.IsBoundary(verb.End) && !IsCoordinationAt(text, verb.End) && text[verb.End] != '的' && !ChineseNumber.IsDigit(text[verb.End])
               && MeasureNouns.MatchAtStart(text.AsSpan(verb.End, end - verb.End)) != end - verb.End)
        {
            serialEnd = at = verb.End;
        }

        // "实施提质改造41公里": only verbs are left, so the works they name are what is counted.
        return serialEnd > 0 && words.WordStartingAt(serialEnd) is { } next && IsWorkVerb(text.AsSpan(next.Start, next.Length)) ? 0 : serialEnd;
    }

    /// <summary>A verb of the works a target counts: a lead verb (实施, 推进), an increase verb (新建, 引进) or a rebuild verb (改造, 提升).</summary>
    private static bool IsWorkVerb(ReadOnlySpan<char> word) =>
        IsSerialVerb(word) || IncreaseVerbs.MatchAtStart(word) == word.Length;

    /// <summary>A verb that a serial verb drops after the first: a lead verb or a rebuild verb (净增 and 新认定 stay, as after a lead
    /// verb), or 引育 (引进培育), which jieba reads as one word outside its dictionary.</summary>
    private static bool IsSerialVerb(ReadOnlySpan<char> word) =>
        LeadVerbs.MatchAtStart(word) == word.Length || RebuildVerbs.MatchAtStart(word) == word.Length || ContractedVerbs.MatchAtStart(word) == word.Length;

    /// <summary>Where the measure ends when [<paramref name="start"/>, <paramref name="end"/>) ends in a predicate adverb, an
    /// optional verb of change and 至 or 到 ("逐步提高到", "稳步提升至"); 0 otherwise. At least two characters stay. 向 stays: "集群加速向
    /// 300亿级迈进" sets a class of size, which the distributive of a list reads with the verb.</summary>
    private static int GradualReachStart(ExtractionContext context, int start, int end)
    {
        var text = context.Text;
        if (end - start < 4 || text[end - 1] is not ('至' or '到'))
        {
            return 0;
        }

        for (var gap = 0; gap <= 2; gap++)
        {
            var verbStart = end - 1 - gap;
            if (verbStart - start < 3)
            {
                break;
            }

            if (gap > 0 && !ChangeWords.Contains(text.AsSpan(verbStart, gap)))
            {
                continue;
            }

            if (PredicateAdverbs.MatchAtEnd(text.AsSpan(start, verbStart - start)) is > 0 and var adverb && verbStart - adverb - start >= 2
                && context.Words.IsBoundary(verbStart - adverb))
            {
                return verbStart - adverb;
            }
        }

        return 0;
    }

    /// <summary>The measure of a phrase that opens with a verb of change (after an optional predicate adverb) and ends in a bare 至
    /// or 到 after a noun ("逐步扩大公交线路覆盖率到", "提高低保标准至"): the words between; null otherwise. At least two characters stay.</summary>
    private static (int Start, int End)? ChangedObject(ExtractionContext context, int start, int end)
    {
        var text = context.Text;
        if (end - start < 5 || text[end - 1] is not ('至' or '到') || !context.Words.IsBoundary(end - 1)
            || context.Words.WordEndingAt(end - 1) is not { } before || context.Words.TagAt(before.Start) is { } beforeTag && beforeTag.StartsWith('v'))
        {
            return null;
        }

        var at = start + PredicateAdverbs.MatchAt(text, start);
        if (at > start && !context.Words.IsBoundary(at))
        {
            return null;
        }

        return ChangeWords.MatchAt(text, at) is >= 2 and var verb && context.Words.IsBoundary(at + verb) && !IsCoordinationAt(text, at + verb)
               && end - 1 - (at + verb) >= 2
            ? (at + verb, end - 1)
            : null;
    }

    /// <summary>"城镇化率提升至45%", "企业发展到500家", "占比扩大到30%": any verb (jieba tag v…) followed by 至 or 到 names the level
    /// the measure is brought to, as 提高到 does; the length to strip from <paramref name="end"/>, or 0. At least two characters of
    /// the phrase stay.</summary>
    private static int LevelReachLength(ExtractionContext context, int start, int end)
    {
        var words = context.Words;
        if (words.WordEndingAt(end) is { Length: >= 3 } joined && words.TagAt(joined.Start) is { } joinedTag && joinedTag.StartsWith('v')
            && joined.Start - start >= 2)
        {
            return joined.Length;
        }

        if (words.IsBoundary(end - 1) && words.WordEndingAt(end - 1) is { Length: >= 2 } verb && words.TagAt(verb.Start) is { } tag
            && tag.StartsWith('v') && verb.Start - start >= 2)
        {
            return verb.Length + 1;
        }

        return 0;
    }

    /// <summary>Where the line before ends when <paramref name="position"/> opens a line (after line breaks and spaces) and that line
    /// ends inside a clause (on a Han character, a letter or a digit, not on punctuation); else -1.</summary>
    private static int WrappedLineStart(string text, int position)
    {
        var i = position - 1;
        while (i >= 0 && text[i] is ' ' or '\u3000' or '\t' or '\r')
        {
            i--;
        }

        if (i < 0 || text[i] != '\n')
        {
            return -1;
        }

        while (i >= 0 && text[i] is '\n' or '\r' or ' ' or '\u3000' or '\t')
        {
            i--;
        }

        return i >= 0 && (ClauseText.IsHan(text[i]) || char.IsAsciiLetterOrDigit(text[i])) ? i + 1 : -1;
    }

    /// <summary>True when [start, end) is nothing but trailing words (comparators, verbs of reaching, growing or falling).</summary>
    private static bool OnlyTrailingWords(ExtractionContext context, int start, int end)
    {
        var text = context.Text;
        var stripped = true;
        while (end > start && stripped)
        {
            stripped = false;
            foreach (var word in TrailingByLast.GetValueOrDefault(text[end - 1], []).Concat(ChangeVerbs))
            {
                if (end - start >= word.Length && ClauseText.EndsAt(text, end, word))
                {
                    end -= word.Length;
                    stripped = true;
                    break;
                }
            }
        }

        return end <= start;
    }

    /// <summary>True when a verb ending at <paramref name="at"/> is coordinated with the next one by 、, 和, 及 or 与.</summary>
    private static bool IsCoordinationAt(string text, int at) => at < text.Length && text[at] is '、' or '和' or '及' or '与';

    /// <summary>The noun phrase after the number ("…3-4家拥有核心技术的领军企业"), up to the clause end or the next list item.</summary>
    private static (int Start, int End) PostPhrase(ExtractionContext context, TargetDraft draft)
    {
        var text = context.Text;
        var i = draft.ExpressionEnd;
        if (ClauseText.At(text, i, "的"))
        {
            i++;
        }

        // "2家5万平方米以上的市级加速器": skip a following target to reach the noun; a following number that is no target of its
        // own ("500项亿元以上技术改造项目", "1000个亿元级项目") qualifies the noun and belongs to the phrase.
        var qualifierEnd = -1;
        if (draft.Index + 1 < context.Drafts.Count && context.Drafts[draft.Index + 1] is var next && next.Mention.Span.Start == i)
        {
            if (next.IsRejected)
            {
                qualifierEnd = next.Mention.Span.End;
            }
            else
            {
                i = next.ExpressionEnd;
                if (ClauseText.At(text, i, "的"))
                {
                    i++;
                }
            }
        }

        var start = i;
        // "工业项目不少于700个、外贸项目不少于300个": after a list joint comes the next item, not this number's noun.
        if (i < text.Length && text[i] is '、' or '；' or ';')
        {
            return (start, start);
        }

        // "11条（段）市政路": a bracketed alternative of the unit is not the noun.
        if (i < text.Length && text[i] is '(' or '（' && ClauseText.FindCloser(text, i, Math.Min(text.Length, i + 5)) is var unitClose and > 0)
        {
            start = i = unitClose + 1;
        }

        var limit = Math.Min(text.Length, start + 40);
        i = Math.Max(i, qualifierEnd);
        var quoted = false;
        while (i < limit)
        {
            var c = text[i];
            quoted = c switch { '“' => true, '”' => false, _ => quoted };
            // "行业（产品）垂直电商平台", "数据训练集（算法模型）": a bracket that glosses the noun belongs to it; one that names who is
            // responsible or holds a number does not.
            if (c is '(' or '（' && i > start && NounGloss(context, i, limit) is > 0 and var glossEnd)
            {
                i = glossEnd;
                continue;
            }

            if (ClauseText.IsClauseEnd(c) || c is '(' or '（' or ')' or '）' or '。')
            {
                break;
            }

            // "74项“跨省通办”事项全面落地": an adverb opening the predicate ends the noun.
            if (i - start >= 2 && !quoted && context.Words.IsBoundary(i) && PredicateAdverbs.MatchAtStart(text.AsSpan(i, limit - i)) is > 0 and var adverb
                && context.Words.IsBoundary(i + adverb))
            {
                break;
            }

            // "2名工作人员对申请单位进行核查", "100项技术难题向全球发布": a preposition of the predicate (`predicate-preposition`, a
            // word of its own to jieba: tag p) after the noun opens the predicate, unless a 的 later in the clause makes it part of a
            // relative clause before the noun ("对全市有贡献的企业"). 与 and 同 stay: they join nouns as often as they open a predicate.
            if (i - start >= 2 && !quoted && context.Words.IsBoundary(i) && context.Words.TagAt(i) == "p"
                && PredicatePrepositions.MatchAtStart(text.AsSpan(i, limit - i)) is > 0 and var preposition
                && context.Words.IsBoundary(i + preposition)
                && text.AsSpan(i, ClauseText.ClauseEnd(text, i) - i).IndexOf('的') < 0)
            {
                break;
            }

            if (c is '、' or '和' or '及' or '与' && i + 1 < text.Length && (ChineseNumber.IsDigit(text[i + 1]) || ChineseNumber.IsNumeralChar(text[i + 1])))
            {
                break;
            }

            if (c == '以' && i + 2 < text.Length && text[i + 1] == '及' && (ChineseNumber.IsDigit(text[i + 2]) || ChineseNumber.IsNumeralChar(text[i + 2])))
            {
                break;
            }

            // "一所三级医院、全市达到30家": a 、 whose next item holds a number of its own ends this noun.
            if (c == '、' && !quoted && NextItemHasNumber(context, draft.Index + 1, i + 1))
            {
                break;
            }

            // A digit in quotes (“15分钟生活圈”) or before a Latin letter (5G基站) is part of a name.
            if (ChineseNumber.IsDigit(c) && !quoted && !(i + 1 < text.Length && char.IsAsciiLetter(text[i + 1])))
            {
                // "5个以上收入过200亿元的软件产业集群": a number that is no target of its own (a threshold) qualifies the noun.
                if (QualifierNumberAt(context, draft.Index + 1, i) is { } qualifier)
                {
                    i = qualifier;
                    continue;
                }

                break;
            }

            i++;
        }

        // "达到600万箱以上 。": a blank before the clause mark is no noun.
        return text.AsSpan(start, i - start).Trim(" \u3000\t").IsEmpty ? (start, start) : (start, i);
    }

    /// <summary>"清理规范市级51项、县级216项审批事项": for an item ending in a level word with no noun after its number, the level
    /// with the noun after the last number of the run of level items; null otherwise.</summary>
    private static string? SharedListHead(ExtractionContext context, TargetDraft draft, TextSpan own)
    {
        var text = context.Text;
        var words = context.Words;
        var levelLength = LevelWords.MatchAtEnd(text.AsSpan(own.Start, own.Length));
        if (levelLength == 0 || !words.IsBoundary(own.End - levelLength))
        {
            return null;
        }

        var level = text[(own.End - levelLength)..own.End];
        var end = draft.ExpressionEnd;
        for (var k = draft.Index + 1; k < context.Drafts.Count; k++)
        {
            var next = context.Drafts[k];
            var between = text.AsSpan(end, Math.Max(0, next.ExpressionStart - end));
            if (between.StartsWith("以上") || between.StartsWith("左右"))
            {
                between = between[2..];
            }

            // Only 、 and a level word stand between two items of the run.
            if (next.IsRejected || between.Length < 3 || between[0] != '、' || LevelWords.MatchAtStart(between[1..]) != between.Length - 1)
            {
                return null;
            }

            var (headStart, headEnd) = PostPhrase(context, next);
            (headStart, headEnd) = headEnd > headStart ? TrimPost(text, headStart, headEnd) : (headStart, headEnd);
            if (headEnd - headStart >= 2)
            {
                return level + text[headStart..headEnd];
            }

            end = next.ExpressionEnd;
        }

        return null;
    }

    /// <summary>What may stand between two items of a run sharing one head: 、 or a conjunction, and nothing else.</summary>
    private static bool IsListJoint(ReadOnlySpan<char> between) => between is "、" or "和" or "及" or "与" or "以及";

    /// <summary>"5个国家级和9个省级改革试点", "3家国家级、12家省级示范企业": for an item whose phrase after the number is only a
    /// level word, that level with the noun after the level word of the first later item of the run that has one; null
    /// otherwise. Only a list joint stands between two items of the run.</summary>
    private static string? SharedTrailingHead(ExtractionContext context, TargetDraft draft, TextSpan own)
    {
        var text = context.Text;
        var words = context.Words;
        if (own.Length < 2 || LevelWords.MatchAtStart(text.AsSpan(own.Start, own.Length)) != own.Length)
        {
            return null;
        }

        var end = own.End;
        for (var k = draft.Index + 1; k < context.Drafts.Count; k++)
        {
            var next = context.Drafts[k];
            var between = text.AsSpan(end, Math.Max(0, next.ExpressionStart - end));
            if (next.IsRejected || !IsListJoint(between))
            {
                return null;
            }

            var (headStart, headEnd) = PostPhrase(context, next);
            (headStart, headEnd) = headEnd > headStart ? TrimPost(text, headStart, headEnd) : (headStart, headEnd);
            var levelLength = LevelWords.MatchAtStart(text.AsSpan(headStart, headEnd - headStart));
            if (levelLength == 0 || !words.IsBoundary(headStart + levelLength))
            {
                return null;
            }

            if (headEnd - headStart - levelLength >= 2)
            {
                return text[own.Start..own.End] + text[(headStart + levelLength)..headEnd];
            }

            end = headEnd;
        }

        return null;
    }

    /// <summary>"省级生态示范乡镇5个、示范村80个": for a later 、-item whose first word recurs after the level word that opens the
    /// previous item, the previous item's words before it; null otherwise.</summary>
    private static string? LevelPrefix(ExtractionContext context, TargetDraft draft, TextSpan own)
    {
        var text = context.Text;
        var words = context.Words;
        if (context.PreviousLive(draft, ClauseText.SentenceStart(text, draft.ExpressionStart)) is not { IndicatorSpan: { } previous } prev
            || prev.ExpressionEnd >= own.Start || previous.End > prev.ExpressionStart)
        {
            return null;
        }

        var joint = text.IndexOf('、', prev.ExpressionEnd, own.Start - prev.ExpressionEnd);
        if (joint < 0 || !IsListTail(text, prev.ExpressionEnd, joint) || joint + 1 != own.Start)
        {
            return null;
        }

        var levelLength = LevelWords.MatchAtStart(text.AsSpan(previous.Start, previous.Length));
        if (levelLength == 0 || LevelWords.MatchAtStart(text.AsSpan(own.Start, own.Length)) > 0)
        {
            return null;
        }

        // The longest opening of the item (two characters or more, short of the whole) that recurs in the previous item at a word start.
        var rest = text.AsSpan(previous.Start + levelLength, previous.Length - levelLength);
        for (var length = own.Length - 1; length >= 2; length--)
        {
            var at = rest.IndexOf(text.AsSpan(own.Start, length), StringComparison.Ordinal);
            if (at >= 0 && words.IsBoundary(previous.Start + levelLength + at))
            {
                return text[previous.Start..(previous.Start + levelLength + at)];
            }
        }

        return null;
    }

    /// <summary>"法制人员不少于执法人员总数的5%": "[measure]占[base]的比例" for a percentage whose phrase holds a comparator followed
    /// by a base and 的 (an elided measure is the previous clause's subject); null otherwise.</summary>
    private static string? BaseShare(ExtractionContext context, TargetDraft draft, TextSpan own, int clauseStart)
    {
        var text = context.Text;
        var words = context.Words;
        if (own.End >= draft.ExpressionStart || text[own.End] != '的' || own.End + 1 != draft.ExpressionStart)
        {
            return null;
        }

        for (var at = own.Start; at < own.End - 2; at++)
        {
            var length = 0;
            foreach (var comparators in BaseComparators)
            {
                length = Math.Max(length, comparators.MatchAtStart(text.AsSpan(at, own.End - at)));
            }

            // A comparator of three or more characters (不少于) is a word whatever jieba makes of its end ("不少|于本|单位").
            if (length == 0 || !words.IsBoundary(at) || (length < 3 && !words.IsBoundary(at + length)) || own.End - (at + length) < 2)
            {
                continue;
            }

            var baseText = text[(at + length)..own.End];
            var (subjectStart, subjectEnd) = Strip(context, own.Start, at);
            var subject = subjectEnd > subjectStart ? text[subjectStart..subjectEnd] : ClauseSubject(context, draft, clauseStart);
            return subject.Length >= 2 ? subject + "占" + baseText + "的比例" : null;
        }

        return null;
    }

    /// <summary>The subject of the clause before <paramref name="clauseStart"/> when no live target stands between it and this one
    /// ("A类收费，原则上不高于…"); else the subject inherited from the previous target.</summary>
    private static string ClauseSubject(ExtractionContext context, TargetDraft draft, int clauseStart)
    {
        var text = context.Text;
        var sentenceStart = ClauseText.SentenceStart(text, draft.ExpressionStart);
        if (clauseStart - 1 > sentenceStart && ClauseText.ClauseStart(text, clauseStart - 1) is var prevStart
            && (context.PreviousLive(draft, sentenceStart) is not { } previous || previous.ExpressionEnd <= prevStart))
        {
            var (start, end) = Strip(context, SkipItemMarker(text, prevStart, clauseStart - 1), clauseStart - 1);
            if (end - start >= 2)
            {
                return text[start..end];
            }
        }

        return InheritedSubject(context, draft, clauseStart, cutAtZhan: true);
    }

    /// <summary>The object that ends the clause before a measure that opens its own clause ("加快甲乙片区建设，完成投资…" → 甲乙片区):
    /// the words back from the clause end past trailing verbs and adjectives, up to a verb, preposition or conjunction; null when a
    /// target stands in either clause, the clauses are in different sentences or no noun is found.</summary>
    private static TextSpan? PreviousClauseTopic(ExtractionContext context, TargetDraft draft, int clauseStart, TextSpan measure)
    {
        var text = context.Text;
        var words = context.Words;
        var sentenceStart = ClauseText.SentenceStart(text, draft.ExpressionStart);
        if (clauseStart - 1 <= sentenceStart || text[clauseStart - 1] is not ('，' or ','))
        {
            return null;
        }

        var prevStart = ClauseText.ClauseStart(text, clauseStart - 1);
        // The measure opens its clause, or the number does and the measure is the noun after it ("打造30个省级示范基地").
        var opens = measure.Start >= draft.ExpressionEnd
            ? Strip(context, clauseStart, draft.ExpressionStart) is var (lead, leadEnd) && lead == leadEnd
            : Strip(context, clauseStart, measure.End).Start == measure.Start;
        if (!opens || context.PreviousLive(draft, prevStart) is not null)
        {
            return null;
        }

        var end = clauseStart - 1;
        // Trailing verbs and adjectives ("…建设", "…做大做强") say what is done to the object.
        while (words.WordEndingAt(end) is { } last && last.Start >= prevStart && words.TagAt(last.Start) is "v" or "vn" or "a" or "ad" or "d")
        {
            end = last.Start;
        }

        var start = end;
        var hasNoun = false;
        var compound = false;
        while (words.WordEndingAt(start) is { } word && word.Start >= prevStart)
        {
            var tag = words.TagAt(word.Start);
            // A verb, preposition or conjunction opens the object; so does an adjective right after a verb ("做大|做强"), and a 等
            // after examples ("甲、乙等八大产业链": the object is the class after it). A one-character noun ending the object after
            // verbs is the suffix of a compound noun ("互连|接入|区"): those verbs belong to the object.
            compound = tag is "v" && ((end - start == 1 && hasNoun) || compound);
            if (!compound && (tag is "v" or "p" or "c" or "m" or "t" or "r" || (tag is "a" && words.WordEndingAt(word.Start) is { } before
                                                                                        && words.TagAt(before.Start) is "v")
                              || (word.Length == 1 && text[word.Start] == '等')))
            {
                break;
            }

            hasNoun |= tag is ['n', ..];
            start = word.Start;
        }

        // A campaign or frame word ending the object ("开发区|能级", "企业发展|新格局": jieba fuses a one-character modifier with it)
        // names how the work is waged or the tier it reaches, never what is measured: the nouns before it are the thing, if any are
        // left once its modifiers go.
        if (hasNoun && words.WordEndingAt(end) is { } frame && frame.Start >= start
            && CampaignNouns.MatchAtEnd(text.AsSpan(frame.Start, frame.Length)) is > 0 and var campaign && frame.Length - campaign <= 1)
        {
            end = frame.Start;
            while (end > start && words.WordEndingAt(end) is { } modifier && modifier.Start >= start
                   && words.TagAt(modifier.Start) is "v" or "vn" or "a" or "ad" or "d")
            {
                end = modifier.Start;
            }

            hasNoun = end > start && words.WordEndingAt(end) is { } head && head.Start >= start && words.TagAt(head.Start) is ['n', ..];
        }

        // A plan's own word left alone ("实施园区倍增|计划": the walk stops at the verb before it) names no thing either.
        hasNoun &= PlanSuffixes.MatchAtStart(text.AsSpan(start, end - start)) != end - start;

        // A verb noun the walk keeps ("建设|区域物流枢纽": 建设 is tagged vn) still opens the object when it is a leading verb.
        (start, end) = hasNoun ? Strip(context, start, end) : (start, end);
        return hasNoun && end - start is >= 2 and <= 20 ? new TextSpan(start, end) : null;
    }

    /// <summary>For an indicator that is only a threshold ("过五十亿元": a threshold verb, a numeral, a unit), the previous target's
    /// indicator of the sentence with its own threshold ("营收过百亿元企业") replaced by this one; null otherwise.</summary>
    private static string? ElidedThresholdItem(ExtractionContext context, TargetDraft draft, string indicator)
    {
        var verb = ThresholdVerbs.MatchAtStart(indicator);
        var numeralEnd = verb;
        while (numeralEnd < indicator.Length && (ChineseNumber.IsDigit(indicator[numeralEnd]) || ChineseNumber.IsNumeralChar(indicator[numeralEnd])
                                                 || indicator[numeralEnd] == '.'))
        {
            numeralEnd++;
        }

        var unit = indicator.AsSpan(numeralEnd);
        if (verb == 0 || numeralEnd == verb || unit.Length is 0 or > 2
            || context.PreviousLive(draft, ClauseText.SentenceStart(context.Text, draft.ExpressionStart)) is not { } previous)
        {
            return null;
        }

        var prior = previous.Indicator;
        var at = prior.IndexOf(indicator[..verb], StringComparison.Ordinal);
        if (at < 0 || at + verb >= prior.Length || !(ChineseNumber.IsDigit(prior[at + verb]) || ChineseNumber.IsNumeralChar(prior[at + verb])))
        {
            return null;
        }

        var unitAt = prior.AsSpan(at + verb).IndexOf(unit, StringComparison.Ordinal);
        var headAt = unitAt < 0 ? -1 : at + verb + unitAt + unit.Length;
        return headAt > 0 && headAt < prior.Length ? prior[..at] + indicator + prior[headAt..] : null;
    }

    /// <summary>"引导甲类机构逐步将平均费率降至": the object after a one-character word 将 (two or more characters), led by the actor
    /// before 将 without a directive verb (引导, 支持 …) or trailing adverbs; the object alone (with its span) when no actor is named;
    /// null when the phrase holds no such 将.</summary>
    private static (string Indicator, TextSpan? Span)? Disposal(ExtractionContext context, TextSpan phrase)
    {
        var text = context.Text;
        var words = context.Words;
        var jiang = text.IndexOf('将', phrase.Start, phrase.End - phrase.Start);
        if (jiang < 0 || phrase.End - jiang - 1 < 2 || words.WordAt(jiang) is not { Length: 1 })
        {
            return null;
        }

        var objectSpan = new TextSpan(jiang + 1, phrase.End);
        var (actorStart, actorEnd) = Strip(context, phrase.Start, jiang);
        if (DirectiveVerbs.MatchAtStart(text.AsSpan(actorStart, actorEnd - actorStart)) is > 0 and var directive && words.IsBoundary(actorStart + directive))
        {
            actorStart += directive;
        }

        while (words.WordEndingAt(actorEnd) is { } adverb && adverb.Start >= actorStart && words.TagAt(adverb.Start) is "d" or "ad")
        {
            actorEnd = adverb.Start;
        }

        return actorEnd - actorStart >= 2
            ? (text[actorStart..actorEnd] + text[objectSpan.Start..objectSpan.End], null)
            : (text[objectSpan.Start..objectSpan.End], objectSpan);
    }

    /// <summary>"实施“甲类企业倍增计划”，新增…": the quoted name ending the previous clause of the sentence without its plan word
    /// (the plan-suffix class: 倍增计划, 行动 …); null when that clause holds a target or ends in no quoted name.</summary>
    private static string? QuotedPlanTopic(ExtractionContext context, TargetDraft draft, int clauseStart)
    {
        var text = context.Text;
        var sentenceStart = ClauseText.SentenceStart(text, draft.ExpressionStart);
        if (clauseStart - 2 <= sentenceStart || text[clauseStart - 1] is not ('，' or ',') || text[clauseStart - 2] != '”')
        {
            return null;
        }

        var prevStart = ClauseText.ClauseStart(text, clauseStart - 1);
        var open = text.LastIndexOf('“', clauseStart - 2, clauseStart - 2 - prevStart);
        if (open < prevStart || context.PreviousLive(draft, prevStart) is not null)
        {
            return null;
        }

        var name = text.AsSpan(open + 1, clauseStart - 3 - open);
        var plan = PlanSuffixes.MatchAtEnd(name);
        return plan > 0 && name.Length - plan >= 2 ? name[..^plan].ToString() : null;
    }

    /// <summary>For a generic head ("省级平台", "招生规模") mentioned earlier in its sentence with nouns before it ("做强…工业互联网平台，"),
    /// those nouns and where in the phrase they go (before the repeated tail); recorded on the draft for <c>extract --explain</c>. Null
    /// when there is no such mention, or its nouns are generic or already in the phrase.</summary>
    private static (string Topic, int At)? AntecedentTopic(ExtractionContext context, TargetDraft draft, string phrase, TextSpan own)
    {
        var text = context.Text;
        var sentenceStart = ClauseText.SentenceStart(text, draft.ExpressionStart);
        if (!text.AsSpan(own.Start, own.Length).SequenceEqual(phrase) || Antecedent(context, own, sentenceStart) is not var (qualifier, at))
        {
            return null;
        }

        var topic = text[qualifier.Start..qualifier.End];
        // "甲园等7个项目竣工，…乙园等9个项目开工": the earlier mention's count is no topic of this one's.
        if (IsGenericHead(topic) || phrase.Contains(topic, StringComparison.Ordinal)
            || context.Drafts.Any(other => other.Mention.Span.Start < qualifier.End && other.Mention.Span.End > qualifier.Start))
        {
            return null;
        }

        draft.IndicatorTopic = new ScopeTopic(qualifier, topic, ScopeSource.Sentence);
        return (topic, at - own.Start);
    }

    /// <summary>For a generic head ("重点项目", "省级平台"), the topic the nearest titled scope of the target states (its paragraph's
    /// run-in title, else its section's title) and where in the phrase it goes (first, or after a leading level word); recorded on the
    /// draft for <c>extract --explain</c>. Null when no scope states a topic, or the topic is itself generic, already in the phrase or
    /// holds a generic head word.</summary>
    private static (string Topic, int At)? ScopeTopicOf(ExtractionContext context, TargetDraft draft, string phrase)
    {
        if (context.Scopes.At(draft.Mention.Span.Start).Topic is not { } scoped || AfterExamples(context.Text, draft)
            || scoped.Span.End > ClauseText.SentenceStart(context.Text, draft.ExpressionStart) || IsGenericHead(scoped.Text)
            || phrase.Contains(scoped.Text, StringComparison.Ordinal) || GenericHeads.OccursIn(scoped.Text))
        {
            return null;
        }

        draft.IndicatorTopic = scoped;
        var level = LevelWords.MatchAtStart(phrase);
        level += level > 0 && phrase.AsSpan(level).StartsWith("以上") ? 2 : 0;
        return (scoped.Text, level < phrase.Length ? level : 0);
    }

    /// <summary>The nearest earlier mention in the sentence of the span or of a word-boundary tail of it that ends in its head
    /// ("省级|平台" → 平台), with the nouns that qualify it there; the qualifier and where the tail starts in the span. Null when no
    /// such mention stands in the sentence, or the nearest one has no noun right before it.</summary>
    private static (TextSpan Qualifier, int At)? Antecedent(ExtractionContext context, TextSpan span, int sentenceStart)
    {
        var text = context.Text;
        var words = context.Words;
        if (span.Start - sentenceStart < 4)
        {
            return null;
        }

        for (var at = span.Start; at < span.End - 1; at = words.WordAt(at) is { } word ? word.End : span.End)
        {
            if (!words.IsBoundary(at))
            {
                continue;
            }

            var tail = text.AsSpan(at, span.End - at);
            var earlier = text.AsSpan(sentenceStart, span.Start - sentenceStart).LastIndexOf(tail, StringComparison.Ordinal);
            while (earlier >= 0 && !(words.IsBoundary(sentenceStart + earlier) && words.IsBoundary(sentenceStart + earlier + tail.Length)))
            {
                earlier = earlier == 0 ? -1 : text.AsSpan(sentenceStart, earlier).LastIndexOf(tail, StringComparison.Ordinal);
            }

            if (earlier < 0)
            {
                continue;
            }

            // "建设行业或区域综合型二级节点": nouns after a conjunction are one item of a coordination, not the topic.
            var mention = sentenceStart + earlier;
            return ScopeTopics.QualifierBefore(context, ClauseText.ClauseStart(text, mention), mention) is { } qualifier
                   && !(qualifier.Start > sentenceStart && IsCoordinationAt(text, qualifier.Start - 1) || ClauseText.EndsAt(text, qualifier.Start, "或"))
                ? (qualifier, at)
                : null;
        }

        return null;
    }

    /// <summary>True for a span ending in a generic head word whose words before it are only levels, generic modifiers, verbs and
    /// distinguishing words ("应用示范|项目", "二级|节点"): no noun before the head names a topic.</summary>
    private static bool IsGenericSpan(ExtractionContext context, TextSpan span)
    {
        var words = context.Words;
        var text = context.Text;
        // "优秀解决方案、应用场景": a list is generic when every item is.
        if (text.IndexOf('、', span.Start, span.Length) is var joint and > 0)
        {
            return joint > span.Start && IsGenericSpan(context, new TextSpan(span.Start, joint)) && IsGenericSpan(context, new TextSpan(joint + 1, span.End));
        }

        if (words.WordEndingAt(span.End) is not { } head || head.Start < span.Start || !words.IsBoundary(span.Start)
            || GenericHeads.MatchAtStart(text.AsSpan(head.Start, head.Length)) != head.Length)
        {
            return false;
        }

        for (var at = span.Start; at < head.Start;)
        {
            if (words.WordAt(at) is not { } word)
            {
                return false;
            }

            var part = text.AsSpan(word.Start, word.Length);
            if (LevelWords.MatchAtStart(part) != word.Length && GenericModifiers.MatchAtStart(part) != word.Length
                && words.TagAt(word.Start) is not ("v" or "vn" or "b" or "a"))
            {
                return false;
            }

            at = word.End;
        }

        return true;
    }

    /// <summary>True when the count comes right after 等 closing a list of examples ("甲路、乙桥等53个项目"): the named examples
    /// say which the counted things are, so no topic of a title or an earlier clause is put before a generic head.</summary>
    private static bool AfterExamples(string text, TargetDraft draft) =>
        draft.ExpressionStart > 1 && text[draft.ExpressionStart - 1] == '等'
        && !ClauseText.IsClauseEnd(text[draft.ExpressionStart - 2]) && text[draft.ExpressionStart - 2] != '、';

    /// <summary>True for a container noun with only a level or a size word before it ("重大项目", "省级示范基地", "平台"): it names no
    /// topic of its own.</summary>
    private static bool IsGenericHead(string indicator)
    {
        var at = LevelWords.MatchAtStart(indicator);
        at += at > 0 && indicator.AsSpan(at).StartsWith("以上") ? 2 : 0;
        while (at < indicator.Length && GenericModifiers.MatchAtStart(indicator.AsSpan(at)) is > 0 and var modifier)
        {
            at += modifier;
        }

        return at < indicator.Length && GenericHeads.MatchAtStart(indicator.AsSpan(at)) == indicator.Length - at;
    }

    /// <summary>For a rate or capacity with only verbs, adjectives or adverbs before it ("综合|利用率", "接入|能力", "达标率"), the
    /// text before the rate word's suffix (综合利用, 接入, 达标); null when the span names a thing of its own (a noun before the
    /// rate word: "森林覆盖率") or ends in no rate word.</summary>
    private static string? BareRateStem(ExtractionContext context, TextSpan span)
    {
        var words = context.Words;
        if (words.WordEndingAt(span.End) is not { } last || last.Start < span.Start || !words.IsBoundary(span.Start)
            || RateSuffixes.MatchAtEnd(context.Text.AsSpan(last.Start, last.Length)) is not (> 0 and var suffix)
            || words.TagAt(last.Start) is not ['n', ..])
        {
            return null;
        }

        for (var at = span.Start; at < last.Start;)
        {
            if (words.WordAt(at) is not { } word || words.TagAt(at) is not ("v" or "vn" or "a" or "ad" or "d" or "l"))
            {
                return null;
            }

            at = word.End;
        }

        var stemEnd = last.End - suffix;
        return stemEnd - span.Start >= 2 ? context.Text[span.Start..stemEnd] : null;
    }

    /// <summary>"磷渣综合利用场景" with the stem 综合利用 → "磷渣": the object up to the rate's own verb when a head noun of two or
    /// more characters follows the verb; the whole object otherwise ("互连接入区" keeps its one-character head).</summary>
    private static string TopicBeforeStem(ExtractionContext context, string topic, string? stem)
    {
        if (stem is null || topic.IndexOf(stem, StringComparison.Ordinal) is not (>= 2 and var at))
        {
            return topic;
        }

        var rest = topic.Length - at - stem.Length;
        return rest >= 2 ? topic[..at] : topic;
    }

    /// <summary>"90%的市和70%的县（市、区）达到省级三星级以上": for a percentage followed by 的 and a group, "[predicate]的[group]的比例"
    /// with the predicate (a group-predicate verb and what follows it to the clause end) after the last group of the list; null
    /// otherwise.</summary>
    private static (string Indicator, int End)? ShareOfGroup(ExtractionContext context, TargetDraft draft)
    {
        var text = context.Text;
        var words = context.Words;
        var i = draft.ExpressionEnd;
        foreach (var tail in (string[])["以上", "以下", "左右"])
        {
            if (ClauseText.At(text, i, tail))
            {
                i += tail.Length;
                break;
            }
        }

        if (!ClauseText.At(text, i, "的"))
        {
            return null;
        }

        var groupStart = i + 1;
        var clauseEnd = Math.Min(ClauseText.ClauseEnd(text, groupStart), groupStart + 40);
        var groupEnd = -1;
        var depth = 0;
        for (var k = groupStart; k < clauseEnd; k++)
        {
            var c = text[k];
            depth = ClauseText.IsOpener(c) ? depth + 1 : ClauseText.IsCloser(c) ? Math.Max(0, depth - 1) : depth;
            if (depth > 0)
            {
                continue;
            }

            // The group ends at a list joint before the next percentage, or at the predicate.
            if (groupEnd < 0 && c is '和' or '、' or '及' && k + 1 < text.Length && ChineseNumber.IsDigit(text[k + 1]))
            {
                groupEnd = k;
                continue;
            }

            if (k > groupStart && words.IsBoundary(k) && GroupPredicates.MatchAtStart(text.AsSpan(k, clauseEnd - k)) is > 0 and var verb
                && words.IsBoundary(k + verb))
            {
                groupEnd = groupEnd < 0 ? k : groupEnd;
                var predicateEnd = clauseEnd;
                while (predicateEnd > k && text[predicateEnd - 1] is '。' or ' ' or '　')
                {
                    predicateEnd--;
                }

                var group = text[groupStart..groupEnd];
                return predicateEnd - k is > 2 and <= 24 && group.Length is >= 1 and <= 12
                    ? (text[k..predicateEnd] + "的" + group + "的比例", predicateEnd)
                    : null;
            }
        }

        return null;
    }

    /// <summary>"例会一般每月召开": the subject before a frequency word and an object verb at the end of the span (hedges dropped);
    /// null unless both are there.</summary>
    private static TextSpan? RecurringSubject(ExtractionContext context, TextSpan span)
    {
        var text = context.Text;
        var end = span.End;
        var verb = Array.Find(ObjectVerbs, v => ClauseText.EndsAt(text, end, v) && end - v.Length > span.Start);
        if (verb is null || !context.Words.IsBoundary(end - verb.Length))
        {
            return null;
        }

        end -= verb.Length;
        var frequency = FrequencyWords.MatchAtEnd(text.AsSpan(span.Start, end - span.Start));
        if (frequency == 0)
        {
            return null;
        }

        end -= frequency;
        end -= HedgeAdverbs.MatchAtEnd(text.AsSpan(span.Start, end - span.Start));
        return end - span.Start >= 2 ? new TextSpan(span.Start, end) : null;
    }

    /// <summary>True when a live number starts within a short item after <paramref name="from"/> (no clause end, 、 or digit before it).</summary>
    private static bool NextItemHasNumber(ExtractionContext context, int firstDraft, int from)
    {
        var text = context.Text;
        for (var k = firstDraft; k < context.Drafts.Count; k++)
        {
            var start = context.Drafts[k].Mention.Span.Start;
            if (start < from)
            {
                continue;
            }

            if (start - from > 8 || context.Drafts[k].IsRejected)
            {
                return false;
            }

            for (var j = from; j < start; j++)
            {
                if (ClauseText.IsClauseEnd(text[j]) || text[j] is '、' or '。' || ChineseNumber.IsDigit(text[j]))
                {
                    return false;
                }
            }

            return start > from;
        }

        return false;
    }

    /// <summary>The end of a number starting at <paramref name="position"/> (searched from draft <paramref name="from"/> on) that
    /// qualifies the noun after it: one that is no target of its own (a threshold, "亿元以上"), or a target of its own followed by
    /// 的 ("收入过200亿元的软件产业集群"); null otherwise.</summary>
    private static int? QualifierNumberAt(ExtractionContext context, int from, int position)
    {
        var text = context.Text;
        for (var k = from; k < context.Drafts.Count && context.Drafts[k].Mention.Span.Start <= position; k++)
        {
            var other = context.Drafts[k];
            if (other.Mention.Span.Start != position)
            {
                continue;
            }

            if (other.IsRejected)
            {
                return other.RejectedBecause == RejectionReason.BaselineOfNext || other.RejectedBecause!.Value.IsPast()
                    ? null
                    : other.Mention.Span.End;
            }

            var end = other.ExpressionEnd;
            end = ClauseText.At(text, end, "以上") || ClauseText.At(text, end, "以下") ? end + 2 : end;
            return ClauseText.At(text, end, "的") ? end + 1 : null;
        }

        return null;
    }

    /// <summary>The end (past the closer) of a bracket at <paramref name="open"/> that glosses the noun before it: short, no digit,
    /// no responsibility marker inside; 0 otherwise.</summary>
    private static int NounGloss(ExtractionContext context, int open, int limit)
    {
        var text = context.Text;
        var close = ClauseText.FindCloser(text, open, Math.Min(text.Length, open + 24));
        if (close <= open + 1 || close >= limit || CrossReferences.MatchAtStart(text.AsSpan(open + 1, close - open - 1)) > 0)
        {
            return 0;
        }

        for (var k = open + 1; k < close; k++)
        {
            if (ChineseNumber.IsDigit(text[k]) || text[k] is '：' or ':')
            {
                return 0;
            }
        }

        return (context.NextResponsibility(open) is { } block && block.Span.Start < close) || !context.LeadsIn(open, close).IsEmpty ? 0 : close + 1;
    }

    private static (int Start, int End) TrimPost(string text, int start, int end)
    {
        while (start < end && text[start] is ' ' or '\u3000')
        {
            start++;
        }

        foreach (var verb in RoleVerbs.WordSpan)
        {
            var at = text.IndexOf(verb, start, end - start, StringComparison.Ordinal);
            if (at > start && at + verb.Length < end)
            {
                start = at + verb.Length;
            }
        }

        // "…10个乙类园区以及": a joint ending the phrase links it to the next item.
        foreach (var tail in PhraseTails.WordSpan)
        {
            if (end - start > tail.Length + 1 && ClauseText.EndsAt(text, end, tail))
            {
                end -= tail.Length;
            }
        }

        // "12个老旧小区〔71〕": the phrase stops at the digits of a note mark, which leave its opening bracket behind (or at its
        // end, after an enclosed numeral: "…项目㊳"); the mark names nothing measured, its bracket no more than its number.
        if (end - start > 1 && FootnoteMarks.LengthAt(text, end - 1, text.Length) > 0)
        {
            end--;
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

    /// <summary>The subject a bare list item ("竣工", "完成分配", "产量") takes from the previous item of its 、-list: the previous
    /// indicator up to its last noun for a verb ("甲类项目开工" → 甲类项目), its topic before its measure noun for a measure noun
    /// ("粮食播种面积" → 粮食); null when the item names its own thing or no list item precedes it.</summary>
    private static string? ListItemSubject(ExtractionContext context, TargetDraft draft, TextSpan own)
    {
        var text = context.Text;
        var words = context.Words;
        // Between the list joint and the item only words the indicator stripped may stand ("、完成分配3000套").
        if (own.End > draft.ExpressionStart
            || context.PreviousLive(draft, ClauseText.SentenceStart(text, draft.ExpressionStart)) is not { IndicatorSpan: { } previous } prev
            || prev.ExpressionEnd >= own.Start)
        {
            return null;
        }

        var ownText = text[own.Start..own.End];
        var bareMeasure = MeasureNouns.MatchAtStart(ownText) == ownText.Length;
        var joint = text.IndexOf('、', prev.ExpressionEnd, own.Start - prev.ExpressionEnd);
        if (joint < 0 && bareMeasure)
        {
            // "甲作物播种面积稳定在40万亩以上，产量15万吨以上": a bare measure goes on with the topic across a comma too.
            joint = text.IndexOfAny(['，', ','], prev.ExpressionEnd, own.Start - prev.ExpressionEnd);
        }

        if (joint < 0 || !IsListTail(text, prev.ExpressionEnd, joint))
        {
            return null;
        }

        if (bareMeasure)
        {
            var prevText = text[previous.Start..previous.End];
            var measure = MeasureNouns.MatchAtEnd(prevText);
            return measure > 0 && prevText.Length - measure >= 2 && !prevText.EndsWith(ownText, StringComparison.Ordinal)
                   && words.IsBoundary(previous.End - measure)
                ? prevText[..^measure]
                : null;
        }

        // "接待游客X万人次、实现旅游综合收入Y亿元": an item ending in a measure noun (measure-noun) after words of its own names what
        // it measures, though jieba tags every word of it a verb (旅游|综合|收入); only a lead or increase verb before the measure
        // ("新增投资") leaves it bare.
        var ownMeasure = MeasureNouns.MatchAtEnd(ownText);
        if (ownMeasure > 0 && ownText.Length - ownMeasure >= 2 && words.IsBoundary(own.End - ownMeasure)
            && LeadVerbs.MatchAtStart(ownText) == 0 && IncreaseVerbs.MatchAtStart(ownText) == 0)
        {
            return null;
        }

        // Every word of the item a verb (新 may open it: 新竣工) or a project stage (project-status: 开工, which jieba tags a noun);
        // the subject ends with the previous indicator's last noun that is no stage ("新开工30个、竣工投产24个": 新开工 names no
        // subject) and opens after the verb that adds it ("新引进项目50个、新开工30个": the projects, not their being brought in).
        for (var at = own.Start; at < own.End;)
        {
            if (words.WordAt(at) is not { } word || word.End > own.End
                || !(words.TagAt(at) is "v" or "vn" || (word.Length == 1 && text[at] == '新') || ProjectStatuses.Contains(text.AsSpan(at, word.Length))))
            {
                return null;
            }

            at = word.End;
        }

        for (var end = previous.End; end > previous.Start; end--)
        {
            if (words.WordEndingAt(end) is { } word && word.Start >= previous.Start && words.TagAt(word.Start) is ['n', ..]
                && !ProjectStatuses.Contains(text.AsSpan(word.Start, word.Length)))
            {
                var start = previous.Start + IncreaseVerbs.MatchAtStart(text.AsSpan(previous.Start, end - previous.Start));
                start = words.IsBoundary(start) && end - start >= 2 ? start : previous.Start;
                return end - start >= 2 ? text[start..end] : null;
            }
        }

        return null;
    }

    /// <summary>True when only a comparator tail (以上, 左右) and a list joint stand between a value and the next item.</summary>
    private static bool IsListTail(string text, int end, int joint)
    {
        if (joint < end || joint - end > 2)
        {
            return false;
        }

        var between = text.AsSpan(end, joint - end);
        return between is "" or "以上" or "左右" or "以下" or "以内";
    }

    /// <summary>"其中工业项目不少于700个" under "新签约亿元以上项目不少于1000个": the parent's words before the shared head noun when
    /// they end in a size threshold (亿元以上); null otherwise.</summary>
    private static string? SubsetQualifier(ExtractionContext context, TargetDraft draft, TextSpan own)
    {
        var text = context.Text;
        // The subsets of one 其中 run to the end of its sentence or the next semicolon.
        var sentenceStart = ClauseText.SentenceStart(text, draft.ExpressionStart);
        if (own.Start - sentenceStart < 2)
        {
            return null;
        }

        sentenceStart = Math.Max(sentenceStart, text.LastIndexOfAny(['；', ';'], own.Start - 1, own.Start - sentenceStart) + 1);
        var among = own.Start - sentenceStart >= 2 ? text.LastIndexOf("其中", own.Start - 1, own.Start - sentenceStart, StringComparison.Ordinal) : -1;
        if (among < 0)
        {
            return null;
        }

        for (var i = draft.Index - 1; i >= 0 && context.Drafts[i].Mention.Span.Start >= sentenceStart; i--)
        {
            var parent = context.Drafts[i];
            if (parent.IsRejected || parent.ExpressionEnd > among)
            {
                continue;
            }

            // The shared head: the parent's last word, which the subset's name ends with ("…以上项目" / "工业项目").
            if (parent.IndicatorSpan is not { } parentSpan || context.Words.WordEndingAt(parentSpan.End) is not { } head
                || head.Start <= parentSpan.Start || !text.AsSpan(own.Start, own.Length).EndsWith(text.AsSpan(head.Start, head.Length))
                || own.Length <= head.Length)
            {
                return null;
            }

            var qualifier = text[parentSpan.Start..head.Start];
            return ThresholdEnds.MatchAtEnd(qualifier) > 0 && !text.AsSpan(own.Start, own.Length).StartsWith(qualifier, StringComparison.Ordinal)
                ? qualifier
                : null;
        }

        return null;
    }

    /// <summary>"推进甲县第三批15个示范点建设": an ordinal (第, numerals, one measure word) right before the number says which batch
    /// or round the things counted belong to; the noun after the number names them.</summary>
    private static bool EndsInOrdinal(string text, int start, int end)
    {
        var i = end - 2;
        while (i > start && (ChineseNumber.IsNumeralChar(text[i]) || ChineseNumber.IsDigit(text[i])))
        {
            i--;
        }

        return i < end - 2 && i >= start && text[i] == '第' && !ChineseNumber.IsNumeralChar(text[end - 1]) && !ChineseNumber.IsDigit(text[end - 1]);
    }

    /// <summary>"推进总投资36亿元的18个重点项目": an exact sum an <c>investment-word</c> gives, closed by 的 right before the count,
    /// says what the things counted cost; it describes the noun after the number and names nothing counted.</summary>
    private static bool CostDescribesCounted(ExtractionContext context, TargetDraft draft, int quoteStart)
    {
        var text = context.Text;
        var before = text.AsSpan(quoteStart, Math.Max(0, draft.ExpressionStart - quoteStart)).TrimEnd();
        var particle = AttributiveParticles.MatchAtEnd(before);
        if (particle == 0 || draft.Index == 0 || context.Drafts[draft.Index - 1] is not { Mention: var sum }
            || sum.Quantity.Kind != UnitKind.Money || sum.Span.End != quoteStart + before.Length - particle || sum.Span.Start <= quoteStart)
        {
            return false;
        }

        return InvestmentWords.MatchAtEnd(text.AsSpan(quoteStart, sum.Span.Start - quoteStart)) > 0;
    }

    /// <summary>"全力推进总投资126亿元的甲乙园区", "开工总投资9亿元的甲厂、总投资5亿元的乙厂": an exact sum an <c>investment-word</c> gives,
    /// closed by 的 (no bound: 10亿元以上的 sizes a class), is what the noun after it costs, whatever verbs or earlier items stand
    /// before the investment word, so that noun is what the sum is of.</summary>
    private static bool SumNamesNounAfter(ExtractionContext context, TargetDraft draft, int quoteStart)
    {
        var text = context.Text;
        if (draft.Mention.Quantity.Kind != UnitKind.Money || draft.Mention.Span.End != draft.ExpressionEnd
            || AttributiveParticles.MatchAt(text, draft.ExpressionEnd) == 0 || draft.ExpressionStart <= quoteStart)
        {
            return false;
        }

        return InvestmentWords.MatchAtEnd(text.AsSpan(quoteStart, draft.ExpressionStart - quoteStart).TrimEnd()) > 0;
    }

    /// <summary>The end of the <c>attributive-particle</c> (的) that closes the phrase [<paramref name="start"/>, <paramref name="end"/>)
    /// right before the number at <paramref name="number"/>, when only spaces stand between them; -1 when none does.</summary>
    private static int ModifierEnd(string text, int start, int end, int number)
    {
        if (end <= start)
        {
            return -1;
        }

        var before = text.AsSpan(end, Math.Max(0, number - end)).TrimEnd();
        var particle = AttributiveParticles.MatchAtEnd(before);
        return particle > 0 && before.Length == particle ? end + before.Length : -1;
    }

    /// <summary>True when the words of the phrase before the number are verbs and joints only ("新建、改建", "改造提升", "新改扩建")
    /// and one of them is a <c>renovation-verb</c>: work on what exists, which the count measures.</summary>
    private static bool IsRenovationChain(ExtractionContext context, int start, int end) =>
        VerbChain(context, start, end) is { Renovation: true };

    /// <summary>Whether the words of [<paramref name="start"/>, <paramref name="end"/>) are verbs and joints only ("新建、改扩建",
    /// "改造提升", "打通"), and whether one of them is a <c>renovation-verb</c>; null when a word of another kind stands there or
    /// the span is empty.</summary>
    private static (bool Renovation, int Words)? VerbChain(ExtractionContext context, int start, int end)
    {
        var words = context.Words;
        var renovation = false;
        var count = 0;
        for (var i = start; i < end;)
        {
            if (context.Text[i] == '、')
            {
                i++;
                continue;
            }

            if (words.WordStartingAt(i) is not { } word || word.Start != i || word.End > end)
            {
                return null;
            }

            var piece = context.Text.AsSpan(word.Start, word.Length);
            if (RenovationVerbs.Contains(piece))
            {
                renovation = true;
            }
            else if (!(piece is "新" || JointWords.Contains(piece) || RebuildVerbs.Contains(piece) || IncreaseVerbs.Contains(piece)
                       || words.TagAt(word.Start) is "v"))
            {
                return null;
            }

            count++;
            i = word.End;
        }

        return count > 0 ? (renovation, count) : null;
    }

    /// <summary>"打通“断头路”12条", "新改建“口袋公园”20个": where the quoted name opens when only verbs (and joints) stand before it
    /// in [<paramref name="start"/>, <paramref name="end"/>): a quoted name is what the thing counted is called, so the verbs
    /// say what is done to it and are no part of it; -1 when something else stands before the quote, the quote is not closed
    /// inside the phrase or a 的 after it makes the verbs part of a relative clause ("开展“甲类”试点的城市").</summary>
    private static int QuotedNameAfterVerbs(ExtractionContext context, int start, int end)
    {
        var text = context.Text;
        var open = text.IndexOf('“', start, end - start);
        if (open <= start || text.IndexOf('”', open, end - open) < 0 || text.IndexOf('的', open, end - open) >= 0
            || !context.Words.IsBoundary(open) || VerbChain(context, start, open) is null)
        {
            return -1;
        }

        return open;
    }

    /// <summary>True when the pre-number text ends in a coordinating joint of its own (和, 及, 以及, 与: "…示范村和"), with words
    /// before it. Not 或: an alternative ("路径或3人制球场") more often runs into a number inside a name.</summary>
    private static bool EndsInJoint(ExtractionContext context, int start, int end) =>
        end - start >= 3 && context.Words.WordEndingAt(end) is { } last && last.Start > start
        && JointWords.MatchAtStart(context.Text.AsSpan(last.Start, last.Length)) == last.Length;

    /// <summary>True when the pre-number text ends in a verb or a place word (jieba tag v or f: "分批次发布", "河流沿线"): the
    /// verb's object or the thing at the place is the noun after the number. A verb with a joint subject ("甲局与乙台合建") names
    /// who does it, which the text before the number then keeps.</summary>
    private static bool EndsInVerbOrPlace(ExtractionContext context, int start, int end)
    {
        if (context.Words.WordEndingAt(end) is not { } last || last.Start < start || context.Words.TagAt(last.Start) is not ("v" or "f"))
        {
            return false;
        }

        for (var i = start + 1; i < last.Start; i++)
        {
            if (context.Text[i] is '与' or '同' && context.Words.WordAt(i) is { Length: 1 })
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>"精心组织实施好十项甲乙工程": a verb with its <c>result-complement</c> (好, 出) right before the number takes the noun
    /// after it as its object, as the bare verb does.</summary>
    private static bool EndsInVerbAndResult(ExtractionContext context, int start, int end)
    {
        var complement = ResultComplements.MatchAtEnd(context.Text.AsSpan(start, end - start));
        return complement > 0 && end - complement > start && context.Words.IsBoundary(end - complement)
               && EndsInVerbOrPlace(context, start, end - complement);
    }

    /// <summary>"规模达到1000亿元以上的创新型产业集群": a phrase opening with a generic noun that goes on to a 的 and a head noun is a
    /// relative clause on that head, not a generic measure ("100亿元规模").</summary>
    private static bool IsRelativeNounPhrase(string phrase) => phrase.LastIndexOf('的') is var de and > 0 && phrase.Length - de > 2;

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

    /// <summary>Skips "1." "3、" "(二)" "一是" "②" at the start of an item.</summary>
    private static int SkipItemMarker(string text, int start, int end)
    {
        var i = start;
        while (i < end && text[i] is ' ' or '\u3000' or '\t')
        {
            i++;
        }

        if (i < end && FootnoteMarks.IsEnclosedNumeral(text[i]))
        {
            return i + 1;
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

    private static bool EndsWithAny(ReadOnlySpan<char> s, string[] words)
    {
        foreach (var word in words)
        {
            if (s.EndsWith(word, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when one of <paramref name="years"/> covers [<paramref name="start"/>, <paramref name="end"/>) but for a character at either side.</summary>
    private static bool SpansAll(ReadOnlySpan<YearMention> years, int start, int end)
    {
        foreach (var year in years)
        {
            if (year.Span.Start <= start + 1 && year.Span.End >= end - 1)
            {
                return true;
            }
        }

        return false;
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
