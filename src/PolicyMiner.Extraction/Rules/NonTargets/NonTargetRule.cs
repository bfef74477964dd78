using System.Buffers;
using PolicyMiner.Core.Documents;
using PolicyMiner.Extraction.Lexicon;
using PolicyMiner.Extraction.Pipeline;
using PolicyMiner.Extraction.Quantities;
using PolicyMiner.Extraction.Text;

namespace PolicyMiner.Extraction.Rules.NonTargets;

/// <summary>Rejects numbers that are not targets: names of programmes and campaigns (“三个50”, 1+5, 百名专家进企业), ordinals
/// (第三, 十九届二次全会), the article 一 (一批, 一个), codes, past statistics (已…, 累计…, 2017年20个 before the plan year) and
/// incentive amounts (给予10万元奖励).</summary>
public sealed class NonTargetRule : ITargetRule
{
    private static readonly string[] PastMarkers = [.. WordLexicon.Default["past-marker"].Words];
    private static readonly string[] PageCounters = [.. WordLexicon.Default["page-counter"].Words];
    private static readonly WordClass LinkLabels = WordLexicon.Default["link-label"];
    private static readonly WordClass ThresholdNouns = WordLexicon.Default["threshold-noun"];
    private static readonly WordClass ThresholdVerbs = WordLexicon.Default["threshold-verb"];
    private static readonly WordClass ThresholdEnds = WordLexicon.Default["threshold-end"];
    private static readonly WordClass DistributiveEach = WordLexicon.Default["distributive-each"];
    private static readonly string[] IncentiveAfter = [.. WordLexicon.Default["incentive-after"].Words];
    private static readonly WordClass Estimate = WordLexicon.Default["estimate"];
    private static readonly WordClass NumeralWords = WordLexicon.Default["numeral-word"];
    private static readonly WordClass AwardVerbs = WordLexicon.Default["award-verb"];
    private static readonly WordClass FormalDigits = WordLexicon.Default["formal-digit"];
    private static readonly WordClass PerUnit = WordLexicon.Default["per-unit"];
    private static readonly WordClass EnumerationAfter = WordLexicon.Default["enumeration-after"];
    private static readonly WordClass Calendar = WordLexicon.Default["calendar"];
    private static readonly WordClass EnumerationBefore = WordLexicon.Default["enumeration-before"];
    private static readonly WordClass EnumerationLabels = WordLexicon.Default["enumeration-label"];
    private static readonly WordClass IncreaseVerbs = WordLexicon.Default["increase-verb"];
    private static readonly WordClass PhaseCountAfter = WordLexicon.Default["phase-count-after"];
    private static readonly WordClass Penalty = WordLexicon.Default["penalty"];
    private static readonly WordClass Entitlement = WordLexicon.Default["entitlement"];
    private static readonly WordClass Definition = WordLexicon.Default["definition"];
    private static readonly WordClass IncentiveWords = WordLexicon.Default["incentive-before"];
    private static readonly WordClass IncentiveCap = WordLexicon.Default["incentive-cap"];
    private static readonly WordClass RadiusNouns = WordLexicon.Default["radius-noun"];
    private static readonly WordClass PackageNouns = WordLexicon.Default["package-noun"];
    private static readonly WordClass RankUnits = WordLexicon.Default["rank-unit"];
    private static readonly WordClass SubsetOpenings = WordLexicon.Default["subset-opening"];
    private static readonly WordClass EnumerationUnits = WordLexicon.Default["enumeration-unit"];
    private static readonly WordClass PermissionBounds = WordLexicon.Default["permission-bound"];
    private static readonly WordClass ImplementVerbs = WordLexicon.Default["implement-verb"];
    private static readonly WordClass ReviseVerbs = WordLexicon.Default["revise-verb"];
    private static readonly WordClass WithinWords = WordLexicon.Default["within-after"];
    private static readonly WordClass[] BoundsAfter =
        [WordLexicon.Default["comparator-at-least-after"], WordLexicon.Default["comparator-at-most-after"], WordLexicon.Default["comparator-approximately-after"]];
    private static readonly WordClass ReportVerbs = WordLexicon.Default["report-verb"];
    private static readonly WordClass Composition = WordLexicon.Default["composition"];
    private static readonly WordClass InspectionVerbs = WordLexicon.Default["inspection-verb"];
    private static readonly WordClass InspectionTeams = WordLexicon.Default["inspection-team"];
    private static readonly WordClass ActivityUnits = WordLexicon.Default["activity-unit"];
    private static readonly WordClass SubjectPredicate = WordLexicon.Default["subject-predicate"];
    private static readonly WordClass SelectVerbs = WordLexicon.Default["select-verb"];
    private static readonly WordClass CollectiveNouns = WordLexicon.Default["collective-noun"];
    private static readonly WordClass ActorVerbs = WordLexicon.Default["actor-verb"];
    private static readonly WordClass RequestVerbs = WordLexicon.Default["request-verb"];
    private static readonly WordClass PendingStatus = WordLexicon.Default["pending-status"];
    private static readonly WordClass Demonstratives = WordLexicon.Default["demonstrative"];
    private static readonly WordClass StockVerbs = WordLexicon.Default["existing-stock-verb"];
    private static readonly WordClass SectorNouns = WordLexicon.Default["sector-noun"];
    private static readonly WordClass ListSubjectPredicates = WordLexicon.Default["list-subject-predicate"];
    private static readonly WordClass SpanVerbs = WordLexicon.Default["span-verb"];
    private static readonly WordClass EventVerbs = WordLexicon.Default["event-verb"];
    private static readonly WordClass OfficeRoles = WordLexicon.Default["office-role"];
    private static readonly WordClass Requests = WordLexicon.Default["request"];
    private static readonly WordClass FrameGoals = WordLexicon.Default["frame-goal"];
    private static readonly WordClass YiWords = WordLexicon.Default["yi-word"];
    private static readonly WordClass Addressees = WordLexicon.Default["addressee"];
    private static readonly WordClass RestrictOne = WordLexicon.Default["restrict-one"];
    private static readonly WordClass DesignateVerbs = WordLexicon.Default["designate-verb"];
    private static readonly WordClass GrantVerbs = WordLexicon.Default["grant-verb"];
    private static readonly WordClass ReportGenres = WordLexicon.Default["report-genre"];
    private static readonly WordClass ExtentNouns = WordLexicon.Default["extent-noun"];
    private static readonly WordClass CapacityVerbs = WordLexicon.Default["capacity-verb"];
    private static readonly WordClass FirmSuffixes = WordLexicon.Default["firm-suffix"];
    private static readonly WordClass CompletionWords = WordLexicon.Default["completion-word"];
    private static readonly WordClass ConditionConsequences = WordLexicon.Default["condition-consequence"];
    private static readonly WordClass ConditionLeads = WordLexicon.Default["condition-lead"];
    private static readonly WordClass GrantPayments = WordLexicon.Default["grant-payment"];
    private static readonly WordClass ConditionRules = WordLexicon.Default["condition-rule"];
    private static readonly WordClass ComputationVerbs = WordLexicon.Default["computation-verb"];
    private static readonly WordClass FootprintNouns = WordLexicon.Default["footprint-noun"];
    private static readonly WordClass FloorNouns = WordLexicon.Default["floor-noun"];
    private static readonly WordClass FloorWorkVerbs = WordLexicon.Default["floor-work-verb"];
    private static readonly WordClass TotalWords = WordLexicon.Default["total-word"];
    private static readonly WordClass PresentStateWords = WordLexicon.Default["present-state-word"];
    private static readonly WordClass ZoneMeasureNouns = WordLexicon.Default["zone-measure-noun"];
    private static readonly WordClass MeasureNouns = WordLexicon.Default["measure-noun"];
    private static readonly WordClass WholeRegions = WordLexicon.Default["whole-region"];
    private static readonly WordClass LevelVerbs = WordLexicon.Default["level-verb"];
    private static readonly WordClass ChangeVerbs = WordLexicon.Default["change-verb"];
    private static readonly WordClass GrowthVerbs = WordLexicon.Default["growth-verb"];
    private static readonly WordClass ReachVerbs = WordLexicon.Default["reach-verb"];
    private static readonly WordClass ProjectStatus = WordLexicon.Default["project-status"];
    private static readonly WordClass PermissionVerbs = WordLexicon.Default["permission-verb"];
    private static readonly WordClass ClassThresholdComparators = WordLexicon.Default["class-threshold-comparator"];
    private static readonly WordClass ClassThresholdBounds = WordLexicon.Default["class-threshold-bound"];
    private static readonly WordClass ActorNouns = WordLexicon.Default["actor-noun"];
    private static readonly WordClass InvestmentWords = WordLexicon.Default["investment-word"];
    private static readonly WordClass CountReachVerbs = WordLexicon.Default["count-reach-verb"];
    private static readonly WordClass ObjectPrepositions = WordLexicon.Default["object-preposition"];
    private static readonly WordClass ResultComplements = WordLexicon.Default["result-complement"];
    private static readonly WordClass AttributiveParticles = WordLexicon.Default["attributive-particle"];
    private static readonly WordClass MagnitudeReachVerbs = WordLexicon.Default["magnitude-reach-verb"];
    private static readonly WordClass AtLeastAfter = WordLexicon.Default["comparator-at-least-after"];

    private const double HoursInDay = 24;

    /// <summary>How far after a count an inspection team may end (5个专项督导组: a short modifier stands between).</summary>
    private const int TeamReach = 6;

    public string Name => "non-target";

    public void Apply(ExtractionContext context)
    {
        var text = context.Text;
        var scopes = context.Scopes;
        foreach (var draft in context.Drafts)
        {
            if (draft.IsRejected)
            {
                continue;
            }

            var scope = scopes.At(draft.Mention.Span.Start);
            if (scope.Review)
            {
                draft.Reject(RejectionReason.ReviewScope);
                continue;
            }

            // 〔12〕“三个一批”：即…: a note explains a term the text used; the figures it recalls are set (or not) where the term stands.
            if (scope.Note)
            {
                draft.Reject(RejectionReason.Definition);
                continue;
            }

            if (scope.PastOpening && !SentenceStatesDue(context, text, draft))
            {
                draft.Reject(RejectionReason.Past);
                continue;
            }

            if (Check(context, text, draft) is { } reason)
            {
                draft.Reject(reason);
            }
        }

        RejectSampleBreakdowns(context, text);

        // 按照每名甲工1000元、乙工2000元、丙工5000元的标准给予补贴: the grant words follow the last item, so read the list back.
        for (var i = context.Drafts.Count - 2; i >= 0; i--)
        {
            var draft = context.Drafts[i];
            if (!draft.IsRejected && PrecedesIncentiveListItem(context, text, draft))
            {
                draft.Reject(RejectionReason.Incentive);
            }
        }
    }

    /// <summary>True when the line holding <paramref name="start"/> opens with a link label and a colon before it.</summary>
    private static bool TitlesLinkedPage(string text, int start)
    {
        var lineStart = ClauseText.ParagraphStart(text, start);
        var line = text.AsSpan(lineStart, start - lineStart).TrimStart();
        var label = LinkLabels.MatchAtStart(line);
        return label > 0 && label < line.Length && line[label] is '：' or ':';
    }

    /// <summary>True when the count right after an inspection verb names the places or actors an inspection visits (a count
    /// of times held, 巡查15次, is work done), or what it works on (对 and the count before the verb), or the count right before
    /// an inspection team staffs one.</summary>
    private static bool ArrangesInspection(ReadOnlySpan<char> clauseBefore, ReadOnlySpan<char> clauseAfter, string unit)
    {
        if (InspectionVerbs.MatchAtEnd(clauseBefore) > 0)
        {
            return !ActivityUnits.Contains(unit);
        }

        // 对64个重大项目建设进展情况进行通报: the things counted after 对 are what the inspection works on.
        if (ObjectPrepositions.MatchAtEnd(clauseBefore) > 0 && InspectionVerbs.OccursIn(clauseAfter))
        {
            return true;
        }

        return InspectionTeams.OccursIn(clauseAfter[..Math.Min(TeamReach, clauseAfter.Length)]);
    }

    /// <summary>抽查4个企业和项目，其中：2个甲类企业，1个乙类项目: the counts a 其中 list splits a sample into are the sample's
    /// parts, so they go with it. Drafts are in text order; a part is a count opening its clause in the same sentence.</summary>
    private static void RejectSampleBreakdowns(ExtractionContext context, string text)
    {
        TargetDraft? previous = null;
        var split = false;
        foreach (var draft in context.Drafts)
        {
            if (draft.RejectedBecause == RejectionReason.Inspection)
            {
                previous = draft;
                split = false;
                continue;
            }

            var start = draft.Mention.Span.Start;
            if (previous is null || draft.IsRejected
                || ClauseText.SentenceStart(text, start) != ClauseText.SentenceStart(text, previous.Mention.Span.Start))
            {
                previous = null;
                split = false;
                continue;
            }

            var clauseStart = ClauseText.ClauseStart(text, start);
            var gap = text.AsSpan(previous.Mention.Span.End, start - previous.Mention.Span.End);
            if (!text.AsSpan(clauseStart, start - clauseStart).Trim().IsEmpty || !(split || SubsetOpenings.OccursIn(gap)))
            {
                previous = null;
                split = false;
                continue;
            }

            draft.Reject(RejectionReason.Inspection);
            previous = draft;
            split = true;
        }
    }

    private static RejectionReason? Check(ExtractionContext context, string text, TargetDraft draft)
    {
        var m = draft.Mention;
        var start = m.Span.Start;
        var end = m.Span.End;
        var before = start > 0 ? text[start - 1] : '\0';
        var after = end < text.Length ? text[end] : '\0';

        // “保8争9” is quoted as a slogan but states the growth target itself.
        if (ClauseText.EnclosingName(text, start) is { } name && IsName(text, name.Open, name.Close) && !PairedFigure.IsGrowthPair(text, start, end))
        {
            return RejectionReason.QuotedName;
        }

        if (before is '+' or '＋' || after is '+' or '＋')
        {
            return RejectionReason.ProgrammeLabel;
        }

        if (before == '第' || ClauseText.EndsAt(text, start, "第") || ClauseText.At(text, end, "届"))
        {
            return RejectionReason.Ordinal;
        }

        // 七届五次、六次全会: the session after a term number.
        if (before == '届' && m.Quantity.Unit == "次")
        {
            return RejectionReason.SessionOrdinal;
        }

        // 人数/总数×100%: a formula that defines a rate.
        if (before is '×' or '*' or '/' or '÷')
        {
            return RejectionReason.Formula;
        }

        // 二次污染, 两个市场, 冬季两项: the numeral belongs to a fixed expression; 陆家嘴, 伍家岗, 队伍人才: a lone formal digit whose
        // word goes on after its unit is a character of a name or word (叁家。 and 壹亿元 are still numbers).
        if (m.IsChinese && (InFixedExpression(text, start)
                            || (FormalDigits.MatchAtStart(m.ValueText) == m.ValueText.Length && m.Quantity.Kind != UnitKind.Money && ClauseText.IsHan(after))))
        {
            return RejectionReason.NumeralInWord;
        }

        // The number's clause and sentence bounds, walked once: the checks below that read them take them as arguments.
        var clauseStart = ClauseText.ClauseStart(text, start);
        var clauseBefore = text.AsSpan(clauseStart, start - clauseStart);
        var clauseEnd = ClauseText.ClauseEnd(text, end);
        var clauseAfter = text.AsSpan(end, Math.Max(0, clauseEnd - end));
        var sentenceStart = ClauseText.SentenceStart(text, start);
        var sentenceEnd = ClauseText.SentenceEnd(text, end);

        // 处10万元以下的罚款, 责令停止业务6个月: a sanction.
        if (Penalty.OccursIn(text.AsSpan(clauseStart, Math.Max(clauseEnd, end) - clauseStart)))
        {
            return RejectionReason.Penalty;
        }

        // 按照每月1000元的标准定额扣除: what a rule grants, read over the clause and its neighbours (…的城市，扣除标准为…；
        // 分摊每月2000元的扣除额度，每人…不能超过每月1000元).
        // What a rule levies (减按20%的税率征收, 登记费标准为每件80元) is read the same way; the neighbours stay inside the sentence.
        var previousClause = ClauseText.ClauseStart(text, Math.Max(sentenceStart, clauseStart - 1));
        var nextClause = clauseEnd < sentenceEnd && !ClauseText.IsSentenceEnd(text[clauseEnd]) ? ClauseText.ClauseEnd(text, clauseEnd + 1) : clauseEnd;
        if (Entitlement.OccursIn(text.AsSpan(previousClause, Math.Max(nextClause, end) - previousClause)))
        {
            return RejectionReason.Entitlement;
        }

        // 每三年可申请1次, 可将期限最长放宽至6个月: what a rule permits an applicant, a ceiling of a right nobody must reach.
        if (GrantsPermission(clauseBefore))
        {
            return RejectionReason.Entitlement;
        }

        // X是指…在1日（24小时）内…: a definition.
        if (Definition.OccursIn(text.AsSpan(sentenceStart, start - sentenceStart)))
        {
            return RejectionReason.Definition;
        }

        // 入围企业在3家及以上的，采取…: a condition that selects cases.
        if (IsCondition(text, end) || OpensConditionOfGrant(text, end, sentenceEnd))
        {
            return RejectionReason.Condition;
        }

        // 申请单位应当具备下列条件：…接收实训人员30人以上; “（一）申报条件” over “2.场地面积超过450平方米”: a list of the conditions
        // of eligibility says who qualifies; it sets nobody a figure to reach.
        if (ListsConditions(context, text, start))
        {
            return RejectionReason.Condition;
        }

        // 60%以上（含60%）: the bracket restates the bound of the number before it.
        if (start >= 2 && before == '含' && text[start - 2] is '（' or '(' && after is '）' or ')')
        {
            return RejectionReason.Gloss;
        }

        // 由区财政按最低工资标准的40%核拨补贴: the rate of a grant, its base named by 按…的 (提取30%奖励给个人 names no base: a share to pay).
        if (m.Quantity.Kind == UnitKind.Percent && IsGrantRate(clauseBefore, clauseAfter))
        {
            return RejectionReason.Incentive;
        }

        // 每认定1家高新技术企业，一次性奖励…: one of what 每 and its verb count is the unit a grant of the sentence is paid per.
        if (m.Quantity.Kind == UnitKind.Count && m.Quantity.Value == 1 && m.Quantity.ValueMax is null && CountsPerEach(clauseBefore)
            && IncentiveWords.OccursIn(text.AsSpan(sentenceStart, Math.Max(sentenceEnd, end) - sentenceStart)))
        {
            return RejectionReason.Incentive;
        }

        // 给予最长三年的租金补贴，其中第一年100%: a 其中 clause after a clause that grants splits the grant into its rates.
        if (m.Quantity.Kind == UnitKind.Percent && SplitsGrant(text, clauseBefore, sentenceStart, clauseStart))
        {
            return RejectionReason.Incentive;
        }

        // 全区现有企业320家，其中高新技术企业45家; 规划面积120平方公里，其中起步区30平方公里: a 其中 clause splits the stock or
        // extent the sentence just stated, so its parts are no targets either (unless a modal of its own sets them).
        if (SplitsStatedFact(context, draft, clauseBefore, sentenceStart, clauseStart) is { } stated)
        {
            return stated;
        }

        // 知识产权保护方面5项: a tally of measures under a heading.
        if (EnumerationBefore.MatchAtEnd(clauseBefore) > 0)
        {
            return RejectionReason.Enumeration;
        }

        // 15分钟品质文化生活圈, 农村3公里生活圈: a radius that names a kind of service area.
        if (m.Quantity.Kind is UnitKind.Duration or UnitKind.Physical && RadiusNouns.OccursIn(text.AsSpan(end, Math.Min(10, clauseEnd > end ? clauseEnd - end : 0))))
        {
            return RejectionReason.NumberedTerm;
        }

        // 24小时开放, 24小时值守: a whole day of hours says round the clock (24小时内办结 is a deadline).
        if (m.Quantity.Kind == UnitKind.Duration && m.Quantity.Unit == "小时" && m.Quantity.Value == HoursInDay && m.Quantity.ValueMax is null
            && WithinWords.MatchAtStart(text.AsSpan(end, Math.Min(2, text.Length - end))) == 0)
        {
            return RejectionReason.NumberedTerm;
        }

        // 前100名高校, 前10位的企业: a rank right before the noun it qualifies bounds a class (进入全省前10名 is a rank to reach).
        if (before == '前' && RankUnits.MatchAtStart(m.Quantity.Unit) == m.Quantity.Unit.Length && m.Quantity.Unit.Length > 0
            && ClauseText.IsHan(after) && !BoundsAfter.Any(bound => bound.MatchAtStart(text.AsSpan(end, Math.Min(3, text.Length - end))) > 0))
        {
            return RejectionReason.ClassThreshold;
        }

        // 落实支持民营经济发展30条措施, 认真执行样例行业十二条硬措施: the count of a policy package the clause implements names the
        // package (制定出台20条措施 makes one: no implementing verb); so does the count a verb of revision sets right before it
        // (将12项措施调整为15项措施: the text revises its own package and lists the items the count restates).
        if (m.Quantity.Kind == UnitKind.Count && ImplementsPackage(text, start, end))
        {
            return RejectionReason.NumberedTerm;
        }

        // 授予“…”等37项, 对…等130项经验予以通报表扬: a tally of awards granted.
        if (before == '等' && (AwardVerbs.OccursIn(clauseBefore) || AwardVerbs.OccursIn(clauseAfter)))
        {
            return RejectionReason.Award;
        }

        // 对在…中作出突出贡献的12个先进集体和30名先进个人予以表彰: the clause names, as the object of 对, whom the text itself
        // commends; the counts tally the awards it grants.
        if (m.Quantity.Kind == UnitKind.Count && ObjectPrepositions.MatchAtStart(clauseBefore.TrimStart()) > 0 && AwardVerbs.OccursIn(clauseAfter))
        {
            return RejectionReason.Award;
        }

        // 甲物、乙物等4项污染物浓度下降, 甲委等4部门联合印发: a list with its count that opens the clause is the subject of what
        // follows, so the count only labels the things listed (推进甲、乙等5个项目 and 甲路等7条道路开工 count works, targets).
        if (before == '等' && m.Quantity.Kind == UnitKind.Count
            && LabelsListSubject(context, clauseStart + ItemNumber.Length(clauseBefore), start - 1, end, clauseEnd))
        {
            return RejectionReason.Enumeration;
        }

        // 共191个项目: a total of what exists.
        if (before == '共')
        {
            return RejectionReason.Total;
        }

        // 包括甲、乙、丙三个片区，共计6个街道; 甲路3公里、乙路5公里，合计8公里: a total-word opening the clause after what the
        // sentence listed sums the list (新建道路共计18公里 sums nothing listed before it: a target).
        if (TotalWords.MatchAtEnd(clauseBefore) is var total and > 0 && clauseBefore[..^total].Trim().IsEmpty && clauseStart > sentenceStart)
        {
            return RejectionReason.Total;
        }

        // 全区现有规模以上工业企业320家, 目前全区有高新技术企业45家: a stock the text states as it stands now.
        if (StatesPresentStock(context, text, clauseStart, start))
        {
            return RejectionReason.Past;
        }

        // 规划面积12.5平方公里, 总人口260万人: the extent or population of a place the text describes (a zone it approves, a region it
        // covers), unless the sentence sets a task or a time still to come (到2025年常住人口1100万人).
        if (ZoneMeasureNouns.MatchAtEnd(WithoutCopula(clauseBefore)) > 0 && !SetsTask(context, text, start, sentenceStart, planPeriodSets: false))
        {
            return RejectionReason.Description;
        }

        // 样例项目 ⏎ 12 ⏎ 在建 ⏎ 年产5万吨…: a project list written one cell a line; the cell after a project's investment and
        // status says what the project consists of, which describes it.
        if (FollowsProjectStatusCell(text, start))
        {
            return RejectionReason.Description;
        }

        // 60万吨乙烯项目: a capacity that names a project.
        if (m.Quantity.Kind == UnitKind.Physical && NamesProject(clauseAfter))
        {
            return RejectionReason.NumberedTerm;
        }

        // 甲公司年产30万辆新能源整车项目, 5万吨/年芳烃项目: a year's capacity inside a project's name, whatever its unit and however
        // long the product named between it and 项目.
        if ((CapacityVerbs.MatchAtEnd(clauseBefore) > 0 || clauseAfter.StartsWith("/年") || CoordinatedWithCapacity(clauseBefore))
            && NamesProjectAfterProduct(clauseAfter))
        {
            return RejectionReason.NumberedTerm;
        }

        // 推进甲厂20兆瓦光伏发电、乙厂49.5兆瓦风电场等新能源项目: capacities in a list of works that closes with 等…项目 name the
        // projects listed, however many items stand between the number and 项目.
        if (m.Quantity.Kind == UnitKind.Physical && ClosesProjectList(clauseBefore, clauseAfter))
        {
            return RejectionReason.NumberedTerm;
        }

        // 甲化工有限公司12000吨乙品项目, 甲公司年产乙品200套项目: a capacity right after a firm's name (or after its year's capacity
        // 年…) and before a product ending in 项目 names the firm's project (甲公司…、乙中心11个过亿元项目 counts projects).
        if (NamedAfterFirm(clauseBefore) && NamesProjectAfterProduct(clauseAfter))
        {
            return RejectionReason.NumberedTerm;
        }

        // 建成达产后可年产700万件, 一期投产后年产值不少于6亿元: what a project turns out once built describes the project.
        if (DescribesCapacityOnceBuilt(clauseBefore))
        {
            return RejectionReason.Description;
        }

        // 每月按21个工作日计算, 按每人每月300元核算: a number 按 leads into a verb that computes with it is a rule's convention.
        if (clauseBefore.IndexOf('按') >= 0 && ComputationVerbs.MatchAtStart(clauseAfter.TrimStart()) > 0)
        {
            return RejectionReason.Formula;
        }

        // 一般两个月安排一次: the interval of a recurring event.
        if (m.Quantity.Kind == UnitKind.Duration && clauseAfter.IndexOf("一次", StringComparison.Ordinal) >= 0)
        {
            return RejectionReason.Interval;
        }

        // 点军、龙泉、小溪塔三个区域: a count that restates the items just listed, unless the clause selects them (选择A、B和C三个行业),
        // or gives each item the count (A、B企业各3家).
        if (m.Quantity.Kind == UnitKind.Count && m.Quantity.ValueMax is null && before != '各'
            && context.PreviousQuantity(draft, clauseStart + ItemNumber.Length(clauseBefore)) is null
            && ListedItems(clauseBefore) is var items and >= 2
            && m.Quantity.Value == items && !SelectVerbs.OccursIn(clauseBefore))
        {
            return RejectionReason.Enumeration;
        }

        // 物流园区总用地面积为36.28公顷, 总建筑面积约为2.5万平米: a copula giving a thing's extent describes it, unless the sentence
        // or its scope sets a task or a time still to come.
        if (m.Quantity.Kind is UnitKind.Area or UnitKind.Physical && DescribesExtent(clauseBefore) && !SetsTask(context, text, start, sentenceStart))
        {
            return RejectionReason.Description;
        }

        // 项目占地210亩, 一期占地约100亩, 总建筑面积16万平米: the land or floor a project takes, its noun right before the number
        // (园区占地面积达到10平方公里 reaches a size, 完成建筑面积25万平方米 is work done: targets).
        if (m.Quantity.Kind is UnitKind.Area or UnitKind.Physical && NamesFootprint(clauseBefore, text.AsSpan(sentenceStart, start - sentenceStart)))
        {
            return RejectionReason.Description;
        }

        // 西距集镇5公里: where a place lies.
        if (m.Quantity.Kind == UnitKind.Physical && clauseBefore.IndexOf('距') >= 0)
        {
            return RejectionReason.Description;
        }

        // 由教育部、…9个部门和单位组成; 围绕37条产业链和40个产业集群: what something consists of or refers to (a making verb
        // after the scope, 聚焦甲、乙等领域形成30个, ends it first).
        if (Composition.OccursIn(clauseAfter) || ReferenceScope.ReachesEnd(clauseBefore.TrimStart()))
        {
            return RejectionReason.Reference;
        }

        // 各抽查2-3个县, 随机抽查4个企业和项目, 分赴11个设区市, 组织5个专项督导组: what an inspection the text arranges visits and
        // how it is staffed, the government's own working arrangement; it sets nobody a figure to reach.
        if (m.Quantity.Kind == UnitKind.Count && ArrangesInspection(clauseBefore, clauseAfter, m.Quantity.Unit))
        {
            return RejectionReason.Inspection;
        }

        if (StructureCheck(text, draft, clauseBefore, clauseAfter, sentenceStart) is { } structural)
        {
            return structural;
        }

        // 713个工业项目销号率达到60%, 14家创新发展区完成营收3000亿元: a count opening its clause is the subject of the number after it.
        if (m.Quantity.Kind == UnitKind.Count && clauseBefore.Trim().IsEmpty && IsSubjectOfNext(context, draft, clauseEnd))
        {
            return RejectionReason.Subject;
        }

        // 自2004年3月8日至7月7日，…共记录到振动事件567次: a sentence opening with a date written to the month, before the
        // document was written, reports what happened (unless a modal before the number sets a task).
        if (OpensWithEarlierDate(context, text, sentenceStart, start))
        {
            return RejectionReason.Past;
        }

        // 你省请求，国家…：一是…13万公顷…: what the addressee asked for, restated by a reply.
        if (OpensWithRequest(text, sentenceStart, start))
        {
            return RejectionReason.Request;
        }

        // 据地方政府介绍，…: a sentence opening with its source reports facts.
        if (ClauseText.At(text, sentenceStart, "据") && ReportVerbs.OccursIn(text.AsSpan(sentenceStart, Math.Min(ClauseText.ClauseEnd(text, sentenceStart), start) - sentenceStart)))
        {
            return RejectionReason.Past;
        }

        // 沿线乡镇反映：…, 调查组6月2日现场查看了…: a paragraph that attributes what it says to a source or opens by
        // narrating what was done reports facts.
        if (InReportParagraph(context, text, start, sentenceStart))
        {
            return RejectionReason.Report;
        }

        // 长春市九台区, 黑龙江省七台河市, 河南省三门峡市: a numeral inside a place name right after an administrative unit (the
        // segmenter is asked only there: it tags the name ns).
        // 长春市九台区: a one-character unit straight before 区/县/镇/乡 after such a unit is a syllable of the name too.
        if (m.IsChinese && before is '省' or '市' or '县' or '区' or '州'
            && (context.Words.TagAt(start) == "ns" || (m.Quantity.Unit.Length == 1 && m.Quantity.Unit != "个" && after is '区' or '县' or '镇' or '乡')))
        {
            return RejectionReason.NumeralInWord;
        }

        // 放假共7天: calendar arithmetic.
        if (m.Quantity.Kind == UnitKind.Duration && (Calendar.MatchAtEnd(clauseBefore) > 0 || Calendar.OccursIn(clauseBefore[Math.Max(0, clauseBefore.Length - 8)..])))
        {
            return RejectionReason.Calendar;
        }

        // 抓好四个方面, 分五大方面: the parts a text is organised in.
        // 两部分组成: the unit reader took 部 of 部分.
        var unitStart = Math.Max(start, end - m.Quantity.Unit.Length);
        if (EnumerationAfter.MatchAtStart(text.AsSpan(end, Math.Min(4, text.Length - end))) > 0
            || (m.Quantity.Unit.Length == 1 && EnumerationAfter.MatchAtStart(text.AsSpan(unitStart, Math.Min(4, text.Length - unitStart))) > 0))
        {
            return RejectionReason.Enumeration;
        }

        if (IsEnumerationLabel(m, text, start, end))
        {
            return RejectionReason.Enumeration;
        }

        // 单户担保金额500万元及以下: a limit per firm or loan.
        if (m.Quantity.Kind == UnitKind.Money && PerUnit.OccursIn(clauseBefore))
        {
            return RejectionReason.ClassThreshold;
        }

        if (m.IsChinese)
        {
            // 每个县新建一所医院: after a distributive 每个, 一 is the quota each of them must meet, not an article (一批 stays vague).
            // 只开设一个账号, 明确一位负责同志: after a word that restricts or designates, 一 is the number required.
            if (m.ValueText == "一" && m.Quantity.ValueMax is null
                && !(DistributiveEach.OccursIn(clauseBefore) && m.Quantity.Unit is not ("批" or "些" or "系列"))
                && !RestrictsOne(clauseBefore)
                && !(m.Quantity.Unit is "位" or "名" && DesignateVerbs.MatchAtEnd(clauseBefore) > 0))
            {
                return RejectionReason.Article;
            }

            if (m.Quantity.Value == 0 && m.Quantity.ValueMax is null)
            {
                return RejectionReason.NumeralInWord;
            }

            // 突破千亿元 is a value; 百家企业, 千企 are slogans.
            if (m.ValueText is "百" or "千" or "万" or "亿" or "百万" or "千万" or "万亿"
                && !(m.Quantity.Kind == UnitKind.Money && MagnitudeReachVerbs.MatchAtEnd(text.AsSpan(0, start)) > 0))
            {
                return RejectionReason.Slogan;
            }

            // 二次全会 is a session's ordinal; 两 only counts (每年召开两次会议).
            if (m.Quantity.Unit == "次" && m.ValueText != "两" && (ClauseText.At(text, end, "全会") || ClauseText.At(text, end, "会议") || ClauseText.At(text, end, "全体会议") || ClauseText.At(text, end, "代表大会")
                                                             || ClauseText.At(text, end, "党代会")))
            {
                return RejectionReason.SessionOrdinal;
            }

            // 十二届二次、三次全会: a session listed after another session ordinal is one too.
            if (m.Quantity.Unit == "次" && before == '、' && draft.Index > 0 && context.Drafts[draft.Index - 1] is { RejectedBecause: RejectionReason.SessionOrdinal } previous
                && previous.Mention.Span.End == start - 1)
            {
                return RejectionReason.SessionOrdinal;
            }

            // 二次供水, 二次消费: a count of times reads 两次, so 二次 with a noun straight after it is the word "secondary".
            if (m.Quantity.Unit == "次" && m.ValueText == "二" && ClauseText.IsHan(after))
            {
                return RejectionReason.NumeralInWord;
            }

            // 医院二期, 大道三期: a construction phase; 举办三期培训班 counts sessions.
            if (m.Quantity.Unit == "期" && !(end < text.Length && PhaseCountAfter.MatchAtStart(text.AsSpan(end, Math.Min(4, text.Length - end))) > 0))
            {
                return RejectionReason.Phase;
            }

            // 稳工稳产十条举措: a numbered policy package.
            if (m.Quantity.Unit == "条" && PackageNouns.MatchAtStart(text.AsSpan(end, Math.Min(4, text.Length - end))) > 0)
            {
                return RejectionReason.NumberedTerm;
            }

            // 科技三项费用: a numbered term, not a count.
            if (m.Quantity.Kind == UnitKind.Count && (ClauseText.At(text, end, "费用") || ClauseText.At(text, end, "经费") || ClauseText.At(text, end, "资金")))
            {
                return RejectionReason.NumberedTerm;
            }

            // 四个10, 五个一批: a count of named things used as a name.
            if (m.Quantity.Unit == "个" && end < text.Length && (ChineseNumber.IsDigit(after) || ChineseNumber.IsNumeralChar(after)))
            {
                return RejectionReason.Enumeration;
            }
        }

        if (IsHeading(text, start))
        {
            return RejectionReason.Heading;
        }

        // %1!2&345’6789:2%;<=>?: a line of glyph codes a PDF's font left without a Unicode map; its digits are codes, not figures.
        if (InGlyphCodeLine(text, start))
        {
            return RejectionReason.Code;
        }

        if (after is '-' or '－' && end + 1 < text.Length && ChineseNumber.IsDigit(text[end + 1]))
        {
            return RejectionReason.Code;
        }

        // 有条件的地方可对…费率不超过1%的担保业务给予补贴: the number selects the cases a grant is for.
        if (clauseBefore.IndexOf('对') >= 0 && SelectsGrantees(clauseAfter))
        {
            return RejectionReason.Condition;
        }

        if (m.Quantity.Kind is UnitKind.Money or UnitKind.Percent && (IsIncentive(text, draft, clauseStart, sentenceStart) || ContinuesIncentiveList(context, text, draft)))
        {
            return RejectionReason.Incentive;
        }

        // 相关解读：甲省推进64个重大项目…: a served page's link to another page; the title's figures are that page's.
        if (TitlesLinkedPage(text, start))
        {
            return RejectionReason.LinkedPage;
        }

        // The counter right before the number, or before one colon or blank that follows it.
        var counterEnd = before is '：' or ':' or ' ' ? start - 1 : -1;
        foreach (var counter in PageCounters)
        {
            if (ClauseText.EndsAt(text, start, counter) || (counterEnd >= 0 && ClauseText.EndsAt(text, counterEnd, counter)))
            {
                return RejectionReason.PageCounter;
            }
        }

        // "营收过百亿元企业5家、过十亿元的8家", "…过十亿的达到8家": a size after a threshold verb, followed past 的 or a verb of reaching
        // by a number, is the class that number counts (the item elides the thing the earlier item names).
        if (m.Quantity.Kind is not (UnitKind.Count or UnitKind.Duration) && ThresholdVerbs.MatchAtEnd(text.AsSpan(0, start)) > 0 && CountFollows(text, end))
        {
            return RejectionReason.ClassThreshold;
        }

        // 培育100家年产值10亿元以上的集群: money right after a measure noun (measure-noun, 年 before it) that follows a count with
        // nothing between sizes the things counted; the count is the target, the sum sorts them into a class.
        if (m.Quantity.Kind == UnitKind.Money && SizesCountedClass(context, text, draft))
        {
            return RejectionReason.ClassThreshold;
        }

        // 20人以上的自然村, 100人以上的企业: a head count that defines a class of places or firms.
        if ((m.Quantity.Kind is not (UnitKind.Count or UnitKind.None or UnitKind.Duration) || m.Quantity.Unit is "人" or "户" or "名")
            && IsClassThreshold(text, draft))
        {
            return RejectionReason.ClassThreshold;
        }

        // 营收超10亿企业6家, 引进过30亿项目5个: a bare magnitude after a threshold verb that sizes the noun of a class right after it
        // is the class a count is of, not an amount to reach.
        if (m.Quantity.Kind == UnitKind.None && m.Quantity.Unit.Length > 0 && ThresholdVerbs.MatchAtEnd(text.AsSpan(0, start)) > 0
            && SizesClassNoun(text, end))
        {
            return RejectionReason.ClassThreshold;
        }

        // 20亿企业达到26家, 50亿以上重大项目20个: with no threshold verb, a bare magnitude (元 left out) names the class a count
        // is of when its bound (threshold-end) sizes the class noun after it, or when the class noun follows it at once and
        // the count of that class ends the item. A sum to reach keeps its 元 or has no class noun after it.
        if (m.Quantity.Kind == UnitKind.None && m.Quantity.Unit.Length > 0 && NamesCountedClass(text, end))
        {
            return RejectionReason.ClassThreshold;
        }

        // "其中约束性指标11项", "主要目标设定为23项" count indicators or goals written before their count as "40项指标" does
        // after it: the plan's own indicator set, a reference. Only a count: a land quota (建设用地指标2万亩) is an amount to secure.
        if (ClauseText.At(text, end, "指标") || ClauseText.At(text, end, "项指标")
            || (m.Quantity.Kind == UnitKind.Count && CountsOwnIndicators(text, clauseStart, start)))
        {
            return RejectionReason.IndicatorCount;
        }

        if (IsEstimate(context, text, draft, sentenceStart))
        {
            return RejectionReason.PastEstimate;
        }

        // 有31个开通了英文版, 两名责任人已经…: the clause reports a completed action after the number.
        if (CompletedAfter(text.AsSpan(end, Math.Max(0, clauseEnd - end))))
        {
            return RejectionReason.Past;
        }

        return IsPast(context, text, draft, clauseStart, sentenceStart) ? RejectionReason.Past : null;
    }

    /// <summary>Numbers a sentence names but does not set: the people it speaks of, a list it restates, a frame it works in,
    /// a class a rule defines by a count, the composition of a body, a request a letter answers.</summary>
    private static RejectionReason? StructureCheck(string text, TargetDraft draft, ReadOnlySpan<char> clauseBefore,
        ReadOnlySpan<char> clauseAfter, int sentenceStart)
    {
        var m = draft.Mention;
        var start = m.Span.Start;
        var end = m.Span.End;
        var before = start > 0 ? text[start - 1] : '\0';
        var after = end < text.Length ? text[end] : '\0';
        var trimmedBefore = clauseBefore.TrimEnd();

        // 紧紧依靠775万江海儿女, 让全市125万市场主体获得…: a bare number before a collective noun of people, governed by a verb
        // that relies on or moves them, counts whom the sentence speaks of (实现5万贫困人口脱贫 counts what is to be done).
        var governing = clauseBefore[Math.Max(0, clauseBefore.Length - 8)..];
        if (m.Quantity.Kind == UnitKind.None && CollectiveNouns.OccursIn(clauseAfter[..Math.Min(6, clauseAfter.Length)])
            && ActorVerbs.OccursIn(governing))
        {
            return RejectionReason.Population;
        }

        // 以三个“一号工程”为总牵引: the number inside a 以…为 frame names what the work is organised by (以…为目标 sets a goal).
        if (trimmedBefore.EndsWith("以") && !IsVerbYi(trimmedBefore) && FrameOf(clauseAfter) is var frame and >= 0
            && FrameGoals.MatchAtStart(clauseAfter[(frame + 1)..]) == 0)
        {
            return RejectionReason.Reference;
        }

        // 以推进甲区改革和三项重点任务为牵引, 以8个片区、30个社区中心为重点: a 以 opening the clause frames all up to its 为, so a
        // number further inside names the frame's object as one right after 以 does.
        if (OpensFrame(clauseBefore) && FrameOf(clauseAfter) is var inner and >= 0 && FrameGoals.MatchAtStart(clauseAfter[(inner + 1)..]) == 0)
        {
            return RejectionReason.Reference;
        }

        // 上述两个表格, 下列三种情形: a demonstrative points at things already named.
        if (Demonstratives.MatchAtEnd(trimmedBefore) > 0)
        {
            return RejectionReason.Reference;
        }

        // 对遴选出的12个项目，由…调度: the object of 对, a set a participle of choosing says was chosen before (完成票决确定的20项实事
        // is work to do: no 对).
        if (m.Quantity.Kind == UnitKind.Count && ObjectPrepositions.MatchAtStart(clauseBefore.TrimStart()) > 0 && IsChosenSet(trimmedBefore))
        {
            return RejectionReason.Reference;
        }

        // 筛选出18个候选项目, 遴选出十二类47项: 出 after a verb of choosing reports a choice made; the count is of the set it chose.
        if (m.Quantity.Kind == UnitKind.Count && WasChosen(trimmedBefore))
        {
            return RejectionReason.Reference;
        }

        // 改造提升木业、纺织等八个传统行业, 做强高端家纺等16条优势产业链: a count after 等 of the existing sectors the clause
        // strengthens (改造提升A、B等76个老旧小区 counts works, a target).
        if (before == '等' && m.Quantity.Kind == UnitKind.Count && m.Quantity.ValueMax is null && StockVerbs.OccursIn(clauseBefore)
            && SectorNouns.OccursIn(clauseAfter[..Math.Min(10, clauseAfter.Length)]))
        {
            return RejectionReason.Enumeration;
        }

        // 涉及两个以上部门, 同时在两个以上机构, 两个以上省…出现应急状态: a count with 以上 that defines the class a rule or
        // plan speaks of.
        if (m.Quantity.Kind == UnitKind.Count && AtLeastAfter.MatchAtStart(text.AsSpan(end)) > 0
            && (SpanVerbs.MatchAtEnd(trimmedBefore) > 0 || EventVerbs.OccursIn(clauseAfter)))
        {
            return RejectionReason.ClassThreshold;
        }

        // 设召集人1人、副召集人2人: the composition of a body.
        if (m.Quantity.Unit is "人" or "名" && OfficeRoles.MatchAtEnd(trimmedBefore) > 0)
        {
            return RejectionReason.Composition;
        }

        // 对你省近期上报的45个项目, 项目原估算总投资5亿元: what a request or an earlier estimate put forward, answered by a letter.
        if (Requests.MatchAtEnd(trimmedBefore) > 0 || (m.Quantity.Kind == UnitKind.Money && Requests.OccursIn(clauseBefore[Math.Max(0, clauseBefore.Length - 8)..])))
        {
            return RejectionReason.Request;
        }

        // 3.5亿元资金尚未落实: the state of things now, not a target.
        if (PendingStatus.OccursIn(clauseAfter))
        {
            return RejectionReason.Past;
        }

        // 10万吨级泊位, 百亿亿次级: a magnitude before 级 names a class of size, not a count.
        if (after == '级')
        {
            return RejectionReason.NumberedTerm;
        }

        // “十个常态化”30项措施: the size of a named package of measures.
        if (before is '”' or '》' or '"' && m.Quantity.Kind == UnitKind.Count && PackageNouns.MatchAtStart(clauseAfter) > 0)
        {
            return RejectionReason.NumberedTerm;
        }

        // "一主三次"城市发展战略: a short name in ASCII quotes, as HTML and plain-text reports write them.
        if (InAsciiQuotedName(text, sentenceStart, start, end))
        {
            return RejectionReason.QuotedName;
        }

        return null;
    }

    /// <summary>"自2003年7月起，…", "2004年4月和9月，…": the sentence opens (after 自 / 从 / 继 / 于) with a date written to the month
    /// that lies before the document's written date (or, without one, before its plan year), and no modal stands between the
    /// sentence start and the number.</summary>
    private static bool OpensWithEarlierDate(ExtractionContext context, string text, int sentenceStart, int start)
    {
        var i = sentenceStart;
        while (i < start && text[i] is ' ' or '\u3000' or '\n')
        {
            i++;
        }

        if (i < start && text[i] is '自' or '从' or '继' or '于')
        {
            i++;
        }

        var year = 0;
        var digits = 0;
        while (i < start && char.IsAsciiDigit(text[i]) && digits < 4)
        {
            year = (year * 10) + (text[i] - '0');
            i++;
            digits++;
        }

        if (digits != 4 || i >= start || text[i] != '年')
        {
            return false;
        }

        i++;
        var month = 0;
        var monthDigits = 0;
        while (i < start && char.IsAsciiDigit(text[i]) && monthDigits < 2)
        {
            month = (month * 10) + (text[i] - '0');
            i++;
            monthDigits++;
        }

        if (monthDigits == 0 || i >= start || text[i] != '月' || month is < 1 or > 12)
        {
            return false;
        }

        var earlier = context.Document.Metadata.Date is { } written
            ? year < written.Year || (year == written.Year && month < written.Month)
            : context.PlanYear is { } plan && year < plan.Value;
        return earlier && context.ModalsIn(sentenceStart, start).IsEmpty;
    }

    /// <summary>"…面积为", "…面积约为": the clause before the number ends in an extent noun (<c>extent-noun</c>) and the copula 为.</summary>
    private static bool DescribesExtent(ReadOnlySpan<char> clauseBefore)
    {
        var rest = clauseBefore.TrimEnd();
        if (!rest.EndsWith("为"))
        {
            return false;
        }

        rest = rest[..^1];
        rest = rest.EndsWith("约") ? rest[..^1] : rest;
        return ExtentNouns.MatchAtEnd(rest) > 0;
    }

    /// <summary>"项目占地", "总建筑面积约": the clause before the number ends in a <c>footprint-noun</c> or a <c>floor-noun</c>, with at
    /// most 约 or 为 after it, and no <c>floor-work-verb</c> before it in the sentence works on it (完成建筑面积25万平方米, 新建厂房占地
    /// 面积85亩，总建筑面积6万平方米 set the work).</summary>
    private static bool NamesFootprint(ReadOnlySpan<char> clauseBefore, ReadOnlySpan<char> sentenceBefore)
    {
        var rest = WithoutCopula(clauseBefore);
        return (FootprintNouns.MatchAtEnd(rest) > 0 || FloorNouns.MatchAtEnd(rest) > 0) && !FloorWorkVerbs.OccursIn(sentenceBefore);
    }

    /// <summary>The clause before a number without a trailing 为 or 约 (总面积为, 总人口约).</summary>
    /// <summary>True when the clause names right before the count the indicators it counts ("约束性指标11项"), or the goals or
    /// indicators a verb of setting sizes ("主要目标设定为23项"); a bare 目标为 (专利目标为100项) sets a figure and is left alone.</summary>
    private static bool CountsOwnIndicators(string text, int clauseStart, int start)
    {
        var before = text.AsSpan(clauseStart, Math.Max(0, start - clauseStart)).TrimEnd();
        if (before.EndsWith("指标"))
        {
            return true;
        }

        var head = before.EndsWith("设定为") || before.EndsWith("确定为") ? before[..^3] : [];
        return head.EndsWith("指标") || head.EndsWith("目标");
    }

    private static ReadOnlySpan<char> WithoutCopula(ReadOnlySpan<char> clauseBefore)
    {
        var rest = clauseBefore.TrimEnd();
        rest = rest.EndsWith("为") ? rest[..^1] : rest;
        return rest.EndsWith("约") ? rest[..^1] : rest;
    }

    /// <summary>True when the clause opens (after its item number, and at most a <c>whole-region</c> word) with a
    /// <c>present-state-word</c> (现有, 目前) and nothing between it and the number moves or reaches a figure (no level, change,
    /// growth, increase, reach or construction verb) and no modal sets one: "全区现有企业320家" states a stock, "推动现有企业
    /// 研发投入增长10%" (a verb opens it) and "目前已建成…" (past-marker) are read elsewhere.</summary>
    private static bool StatesPresentStock(ExtractionContext context, string text, int clauseStart, int start)
    {
        var clause = text.AsSpan(clauseStart, start - clauseStart);
        var open = clause[ItemNumber.Length(clause)..].TrimStart();
        var region = WholeRegions.MatchAtStart(open);
        var lead = PresentStateWords.MatchAtStart(open[region..]);
        if (lead == 0)
        {
            lead = PresentStateWords.MatchAtStart(open);
            region = 0;
        }

        if (lead == 0)
        {
            return false;
        }

        var rest = open[(region + lead)..];
        return !LevelVerbs.OccursIn(rest) && !ChangeVerbs.OccursIn(rest) && !GrowthVerbs.OccursIn(rest) && !IncreaseVerbs.OccursIn(rest)
               && !ReachVerbs.OccursIn(rest) && !FloorWorkVerbs.OccursIn(rest) && context.ModalsIn(clauseStart, start).IsEmpty;
    }

    /// <summary>True when the number's sentence holds a modal or a time still to come, or a deadline heads its paragraph, section or
    /// (unless <paramref name="planPeriodSets"/> is false) plan. A plan's own period does not make a zone's extent a task: a plan
    /// describes its region too.</summary>
    private static bool SetsTask(ExtractionContext context, string text, int start, int sentenceStart, bool planPeriodSets = true)
    {
        var scope = context.Scopes.At(start);
        return scope.Deadline is not null || scope.SectionDeadline is not null || (planPeriodSets && scope.PlanEnd is not null)
               || !context.ModalsIn(sentenceStart, ClauseText.SentenceEnd(text, start)).IsEmpty || StatesDue(context, text, sentenceStart, start);
    }

    private const int MaxReportParagraph = 600;

    /// <summary>True when the number's paragraph reports facts and its sentence sets nothing (no modal, no time still to come):
    /// the paragraph's opening clause names its source (沿线乡镇反映：…, 据地方政府介绍，…) or its first sentence narrates a
    /// completed action (调查组6月2日现场查看了…。…), and no deadline heads the paragraph or its section.</summary>
    /// <remarks>The structural test first: it rules out almost every number without looking for modals and years.</remarks>
    private static bool InReportParagraph(ExtractionContext context, string text, int start, int sentenceStart) =>
        NarratedAt(context, text, start, sentenceStart) && !SetsTask(context, text, start, sentenceStart);

    /// <summary>True when the document is of a reporting genre, or the number's paragraph names its source or opens by narrating.</summary>
    private static bool NarratedAt(ExtractionContext context, string text, int start, int sentenceStart)
    {
        // 关于…事故调查处理情况的通报: a document of a reporting genre (its title ends in a <c>report-genre</c> word) narrates throughout.
        if (context.Document.Metadata.Title is { } title && ReportGenres.MatchAtEnd(title.AsSpan().TrimEnd()) > 0)
        {
            return true;
        }

        // Only a real paragraph: a report written as one long line has no first sentence of its own for every number.
        var paragraphStart = ClauseText.ParagraphStart(text, start);
        var paragraphEnd = ClauseText.ParagraphEnd(text, start);
        if (paragraphEnd - paragraphStart > MaxReportParagraph || (paragraphStart > 0 && text[paragraphStart - 1] != '\n'))
        {
            return false;
        }

        var open = paragraphStart + ItemNumber.Length(text.AsSpan(paragraphStart, paragraphEnd - paragraphStart));
        var openingEnd = open;
        while (openingEnd < paragraphEnd && !ClauseText.IsClauseEnd(text[openingEnd]))
        {
            openingEnd++;
        }

        var opening = text.AsSpan(open, openingEnd - open);
        if (openingEnd < start && ((text[openingEnd] is '：' or ':' && ReportVerbs.MatchAtEnd(opening) > 0)
                                   || (opening.StartsWith("据") && ReportVerbs.OccursIn(opening))))
        {
            return true;
        }

        // The first sentence narrates only when it sets nothing itself.
        var firstEnd = Math.Min(paragraphEnd, ClauseText.SentenceEnd(text, open));
        return firstEnd <= sentenceStart && CompletedAfter(text.AsSpan(open, firstEnd - open))
               && context.ModalsIn(open, firstEnd).IsEmpty && !StatesDue(context, text, open, firstEnd);
    }

    /// <summary>"你省请求，…", "你区提出…": a reply's sentence opening with its addressee (<c>addressee</c>) and what it asked for.</summary>
    private static bool OpensWithRequest(string text, int sentenceStart, int start)
    {
        var opening = text.AsSpan(sentenceStart, Math.Min(8, start - sentenceStart)).TrimStart();
        return opening.Length >= 4 && Addressees.MatchAtStart(opening) is var addressee and > 0
               && RequestVerbs.MatchAtStart(opening[addressee..]) > 0;
    }

    /// <summary>可以, 予以, 加以, 难以, 所以…: 以 ending a word (<c>yi-word</c>), not the preposition of a 以…为 frame.</summary>
    private static bool IsVerbYi(ReadOnlySpan<char> before) => YiWords.MatchAtEnd(before) > 0;

    /// <summary>True when the clause before the number opens with the preposition 以 and no 为 has closed its frame yet.</summary>
    private static bool OpensFrame(ReadOnlySpan<char> clauseBefore)
    {
        var clause = clauseBefore.TrimStart();
        return clause.Length > 1 && clause[0] == '以' && clause.IndexOf('为') < 0;
    }

    /// <summary>The index of 为 that closes a 以…为 frame within a few characters, or -1.</summary>
    private static int FrameOf(ReadOnlySpan<char> after)
    {
        var limit = Math.Min(after.Length, 16);
        for (var i = 0; i < limit; i++)
        {
            if (after[i] == '为')
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>True when <paramref name="start"/> lies between a pair of ASCII double quotes of its sentence that enclose a
    /// short name without a clause break.</summary>
    private static bool InAsciiQuotedName(string text, int sentenceStart, int start, int end)
    {
        // Vectorised count first: most sentences hold no ASCII quote, and then nothing else is read.
        var before = text.AsSpan(sentenceStart, start - sentenceStart);
        if (before.Count('"') % 2 == 0)
        {
            return false;
        }

        var open = sentenceStart + before.LastIndexOf('"');

        for (var i = end; i < text.Length && i - open <= 13; i++)
        {
            if (text[i] == '"')
            {
                return true;
            }

            if (text[i] is '，' or ',' or '；' or ';' or '。' or '、' or '\n')
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>A short line opening with a section number ("三、实施七项科技行动") and no sentence punctuation is a heading.</summary>
    private static bool IsHeading(string text, int position)
    {
        // Cheap test first: a heading line is short, so its start is near.
        var near = Math.Max(0, position - 33);
        if (text.AsSpan(near, position - near).IndexOf('\n') < 0 && near > 0)
        {
            return false;
        }

        var lineStart = ClauseText.ParagraphStart(text, position);
        var lineEnd = ClauseText.ParagraphEnd(text, position);
        if (lineEnd - lineStart > 32)
        {
            return false;
        }

        var i = lineStart;
        while (i < lineEnd && text[i] is ' ' or '\u3000' or '\t')
        {
            i++;
        }

        var numberStart = i;
        if (i < lineEnd && text[i] is '(' or '（')
        {
            i++;
        }

        while (i < lineEnd && (ChineseNumber.DigitValue(text[i]) >= 0 || text[i] == '十' || text[i] == '第'))
        {
            i++;
        }

        if (i == numberStart || i >= lineEnd || !(text[i] is '、' or ')' or '）' or '章' or '节' or '部'))
        {
            return false;
        }

        for (var j = i; j < lineEnd; j++)
        {
            if (text[j] is '。' or '，' or ',' or '；' or ';' or '：' or ':')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>《…》 is always a title; “…” is a name when short and not a list (“三个50”, “百名专家进企业”), whereas a quoted
    /// standard such as “骨干企业全覆盖、中小企业60%” still states targets.</summary>
    private static bool IsName(string text, int open, int close)
    {
        if (text[open] is '《' or '〈')
        {
            return true;
        }

        var end = close < 0 ? Math.Min(text.Length, open + 40) : close;
        if (end - open - 1 <= 12)
        {
            return true;
        }

        for (var i = open + 1; i < end; i++)
        {
            if (text[i] is '、' or '，' or ',' or '；' or ';')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>"研发投入超过1亿元的企业", "年销售收入500万元以上的企业": an amount that defines a class of actors.</summary>
    private static bool IsClassThreshold(string text, TargetDraft draft)
    {
        var i = draft.Mention.Span.End;
        // Money thresholds read as classes with or without a comparator; other units only with one (低于1%的县).
        var explicitComparator = ClassThresholdComparators.MatchAtEnd(text.AsSpan(0, draft.Mention.Span.Start)) > 0;

        var suffix = ClassThresholdBounds.MatchAtStart(text.AsSpan(i));
        if (suffix > 0)
        {
            i += suffix;
            explicitComparator = true;
        }

        var hasComparator = explicitComparator || draft.Mention.Quantity.Kind == UnitKind.Money;

        if (!hasComparator)
        {
            return false;
        }

        // 超过800人规模的学校: a number with its comparator that sizes 规模的… always defines the class it heads.
        if (ClauseText.At(text, i, "规模的"))
        {
            return true;
        }

        if (ClauseText.At(text, i, "的"))
        {
            if (!explicitComparator && ListsInvestedWorks(text, draft.Mention.Span.Start, i + 1))
            {
                return false;
            }

            return ThresholdNouns.OccursIn(text.AsSpan(i + 1, Math.Min(8, text.Length - i - 1)));
        }

        if (draft.Mention.Quantity.Kind != UnitKind.Money)
        {
            // 30户以上自然村, 600人以上搬迁安置点: a head count with its bound sizes the places a few words after it, as
            // with 的; a bare 以上 then names no amount to reach.
            return suffix > 0 && draft.Mention.Quantity.Unit is "人" or "户" or "名" && HeadCountSizesPlace(text, i, draft.Mention.Quantity.Unit[0]);
        }

        // 过五十亿元2家: an amount right before a count is the class the count is of.
        if (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            return true;
        }

        // 超50亿元项目, 3亿元以上制造业项目: the amount modifies a noun of the class (a few characters of modifier between).
        // With 超 / 过 / 以上 marking the threshold the modifier may be longer (超5000万元甲乙成果转化项目); a bare sum before a noun
        // is more often what a body spends on it.
        var j = i;
        var reach = explicitComparator ? 8 : 6;
        while (j < text.Length && j - i < reach && ClauseText.IsHan(text[j]))
        {
            if (ThresholdNouns.MatchAtStart(text.AsSpan(j, Math.Min(4, text.Length - j))) > 0)
            {
                return true;
            }

            j++;
        }

        return false;
    }

    /// <summary>True when a noun of a class (<c>threshold-noun</c>) follows <paramref name="i"/> within a few Han characters of
    /// modifier and is a place, not what the head count counts: an actor (<c>actor-noun</c>: 2户以上外向型企业, 户 counts firms),
    /// a noun ending in the count's own unit (客户, 纳税人), or a place that modifies the people counted (8000人以上农村人口).</summary>
    private static bool HeadCountSizesPlace(string text, int i, char unit)
    {
        for (var j = i; j < text.Length && j - i < 8 && ClauseText.IsHan(text[j]); j++)
        {
            var noun = ThresholdNouns.MatchAtStart(text.AsSpan(j, Math.Min(4, text.Length - j)));
            if (noun == 0)
            {
                continue;
            }

            var word = text.AsSpan(j, noun);
            var next = j + noun < text.Length ? text[j + noun] : '\0';
            return !ActorNouns.OccursIn(word) && word[^1] != unit && next != unit;
        }

        return false;
    }

    /// <summary>"投资5.6亿元的A电站、投资3.9亿元的乙县B市场改造": an exact sum after an investment word (<c>investment-word</c>) that
    /// is an item of a list of such items (a list word before its investment word, or one closing its name before the next
    /// investment word) is what each named work costs, not a size that sorts projects into a class, however the name goes on
    /// (a county, 产业园, 项目).</summary>
    private static bool ListsInvestedWorks(string text, int numberStart, int nameStart)
    {
        var lead = InvestmentWords.MatchAtEnd(text.AsSpan(0, numberStart));
        if (lead == 0)
        {
            return false;
        }

        var wordStart = numberStart - lead;
        if (wordStart > 0 && text[wordStart - 1] == '、')
        {
            return true;
        }

        // The first item: its name runs to a list word that opens the next invested item, inside the clause.
        for (var j = nameStart; j < text.Length && j - nameStart <= 30; j++)
        {
            var c = text[j];
            if (c == '、')
            {
                return InvestmentWords.MatchAtStart(text.AsSpan(j + 1, Math.Min(4, text.Length - j - 1))) > 0;
            }

            if (c is '，' or '。' or '；' or ',' or ';' or '\n')
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>"100家年销售收入1亿元以上的企业", "100个年产值超过10亿元的联合体": before the amount (past a threshold comparator or
    /// verb) a measure noun, optionally opened by 年 or 年度, that starts right where a count of the same clause ends.</summary>
    private static bool SizesCountedClass(ExtractionContext context, string text, TargetDraft draft)
    {
        var p = draft.Mention.Span.Start;
        p -= Math.Max(ClassThresholdComparators.MatchAtEnd(text.AsSpan(0, p)), ThresholdVerbs.MatchAtEnd(text.AsSpan(0, p)));
        var measure = MeasureNouns.MatchAtEnd(text.AsSpan(0, p));
        if (measure == 0)
        {
            return false;
        }

        p -= measure;
        if (ClauseText.EndsAt(text, p, "年度"))
        {
            p -= 2;
        }
        else if (ClauseText.EndsAt(text, p, "年"))
        {
            p--;
        }

        for (var i = draft.Index - 1; i >= 0 && context.Drafts[i].Mention.Span.End >= p - 1; i--)
        {
            // Only a count that is a target itself sorts a class (一期投资…: a construction phase counts nothing).
            var other = context.Drafts[i].Mention;
            if (other.Span.End == p && other.Quantity.Kind == UnitKind.Count && !context.Drafts[i].IsRejected)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when a noun of a class (<c>threshold-noun</c>) follows <paramref name="i"/> within a few characters of modifier,
    /// past an optional bound (以上) and 的: 超10亿企业, 过30亿以上的重大项目.</summary>
    private static bool SizesClassNoun(string text, int i)
    {
        i += ThresholdEnds.MatchAtStart(text.AsSpan(i, Math.Min(3, text.Length - i)));
        if (i < text.Length && text[i] == '的')
        {
            i++;
        }

        for (var j = i; j < text.Length && j - i <= 4 && ClauseText.IsHan(text[j]); j++)
        {
            if (ThresholdNouns.MatchAtStart(text.AsSpan(j, Math.Min(4, text.Length - j))) > 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when a bare magnitude ending at <paramref name="i"/> is a class name: its bound (<c>threshold-end</c>)
    /// before a class noun (50亿以上重大项目), or a class noun right after it (级 may join them) whose count ends the item
    /// (20亿企业达到26家).</summary>
    private static bool NamesCountedClass(string text, int i)
    {
        if (ThresholdEnds.MatchAtStart(text.AsSpan(i, Math.Min(3, text.Length - i))) > 0)
        {
            return SizesClassNoun(text, i);
        }

        if (ClauseText.At(text, i, "级"))
        {
            i++;
        }

        var noun = ThresholdNouns.MatchAtStart(text.AsSpan(i, Math.Min(4, text.Length - i)));
        return noun > 0 && CountFollows(text, i + noun);
    }

    /// <summary>True when a count that ends its item follows <paramref name="i"/> past an optional 的 and an optional verb of
    /// reaching (达到, 超过).</summary>
    private static bool CountFollows(string text, int i)
    {
        if (ClauseText.At(text, i, "的"))
        {
            i++;
        }

        i += CountReachVerbs.MatchAtStart(text.AsSpan(i));

        if (i >= text.Length || !char.IsAsciiDigit(text[i]))
        {
            return false;
        }

        // The count ends the item (2家。, 45%以上，): one with a noun of its own after it (的22个甲项目) names its class itself.
        while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
        {
            i++;
        }

        var itemEnd = text.AsSpan(i, Math.Min(6, text.Length - i)).IndexOfAny("，。；、,;）)\n");
        return itemEnd is >= 0 and <= 4;
    }

    private static bool IsSubjectOfNext(ExtractionContext context, TargetDraft draft, int clauseEnd)
    {
        var text = context.Text;
        var drafts = context.Drafts;
        if (draft.Index + 1 >= drafts.Count)
        {
            return false;
        }

        var next = drafts[draft.Index + 1].Mention;
        if (next.Span.Start >= clauseEnd || next.Span.Start - draft.Mention.Span.End > 24)
        {
            return false;
        }

        var between = text.AsSpan(draft.Mention.Span.End, next.Span.Start - draft.Mention.Span.End);
        return SubjectPredicate.OccursIn(between);
    }

    /// <summary>"…在3家及以上的，采取…": the number (with its comparator) ends a 的-phrase that closes its clause or runs straight into
    /// what the rule does (<c>condition-rule</c>: "不满1个月的按…").</summary>
    private static bool IsCondition(string text, int end)
    {
        var i = end;
        foreach (var suffix in (string[])["及以上", "及以下", "以上", "以下", "以内"])
        {
            if (ClauseText.At(text, i, suffix))
            {
                i += suffix.Length;
                break;
            }
        }

        // "不满1个月的按实际天数计算": the rule may follow the 的-phrase without a comma.
        return ClauseText.At(text, i, "的") && i + 1 < text.Length
               && (text[i + 1] is '，' or ',' or '；' or ';' or '：' or ':' || ConditionRules.MatchAtStart(text.AsSpan(i + 1, Math.Min(4, text.Length - i - 1))) > 0);
    }

    /// <summary>只开设一个, 至少一人: a restricting word (<c>restrict-one</c>) within the verb right before 一 (不仅 is no restriction).</summary>
    private static bool RestrictsOne(ReadOnlySpan<char> clauseBefore)
    {
        const int VerbReach = 4;
        var from = Math.Max(0, clauseBefore.Length - VerbReach);
        var at = RestrictOne.IndexIn(clauseBefore[from..]);
        return at >= 0 && !(from + at > 0 && clauseBefore[from + at - 1] == '不');
    }

    /// <summary>"…1%的担保业务给予补贴": after the number a 的-phrase names the cases and the clause grants them something.</summary>
    private static bool SelectsGrantees(ReadOnlySpan<char> clauseAfter)
    {
        var de = clauseAfter.IndexOf('的');
        return de >= 0 && GrantVerbs.OccursIn(clauseAfter[de..]);
    }

    private static bool IsIncentive(string text, TargetDraft draft, int clauseStart, int sentenceStart)
    {
        var start = draft.Mention.Span.Start;
        // 分别给予奖补50万元、100万元、150万元: a list item reads the whole clause before it.
        var listItem = start > 0 && text[start - 1] == '、';
        var from = listItem ? clauseStart : Math.Max(clauseStart, start - 12);
        // One search for any incentive-before word, not one search per word.
        if (IncentiveWords.OccursIn(text.AsSpan(from, start - from)))
        {
            return true;
        }

        var end = draft.Mention.Span.End;
        // 按300元/人的标准给予补贴: the unit a grant is paid per belongs to the amount.
        if (end + 1 < text.Length && text[end] == '/' && ClauseText.IsHan(text[end + 1]))
        {
            end += 2;
        }

        // 按购置额的10%给予奖补, 按合同金额的30%，给予一次性奖补: the rate of a grant.
        var afterComma = end < text.Length && text[end] is '，' or ',' ? end + 1 : end;
        foreach (var word in IncentiveAfter)
        {
            // A share is a grant's rate only before a verb that grants (给予, 予以资助); 提取30%奖励给个人 is a share to pay out, a target.
            if ((draft.Mention.Quantity.Kind == UnitKind.Money || word.EndsWith("给予", StringComparison.Ordinal) || GrantVerbs.MatchAtStart(word) > 0)
                && (ClauseText.At(text, end, word) || ClauseText.At(text, afterComma, word)))
            {
                return true;
            }
        }

        // 给予奖补，单个企业最高300万元: the cap of a grant the sentence gives.
        if (draft.Mention.Quantity.Kind == UnitKind.Money && IncentiveCap.MatchAtEnd(text.AsSpan(clauseStart, start - clauseStart)) > 0)
        {
            return IncentiveWords.OccursIn(text.AsSpan(sentenceStart, start - sentenceStart));
        }

        return false;
    }

    /// <summary>The most characters of a label (一等奖, 省级) between an item of a 、-list and the item before it.</summary>
    private const int MaxListLabel = 8;

    /// <summary>"给予特等奖120万元、一等奖40万元": an item of a 、-list whose item before it, of the same kind of unit, is a grant amount
    /// is one too (the grant verb lies further back than <see cref="IsIncentive"/> reads for an item with its own label).</summary>
    private static bool ContinuesIncentiveList(ExtractionContext context, string text, TargetDraft draft)
    {
        if (draft.Index == 0 || context.Drafts[draft.Index - 1] is not { RejectedBecause: RejectionReason.Incentive } previous
            || previous.Mention.Quantity.Kind != draft.Mention.Quantity.Kind)
        {
            return false;
        }

        return JoinedAsListItems(text, previous.Mention.Span.End, draft.Mention.Span.Start);
    }

    /// <summary>"给予甲1000元、乙2000元的奖励": an amount or rate followed, across 、 and a short label, by a grant amount or rate of the
    /// same kind is one too (<see cref="ContinuesIncentiveList"/> read backwards, for lists whose grant words come last).</summary>
    private static bool PrecedesIncentiveListItem(ExtractionContext context, string text, TargetDraft draft)
    {
        var kind = draft.Mention.Quantity.Kind;
        if (kind is not (UnitKind.Money or UnitKind.Percent) || draft.Index + 1 >= context.Drafts.Count
            || context.Drafts[draft.Index + 1] is not { RejectedBecause: RejectionReason.Incentive } next
            || next.Mention.Quantity.Kind != kind)
        {
            return false;
        }

        return JoinedAsListItems(text, draft.Mention.Span.End, next.Mention.Span.Start);
    }

    /// <summary>A 、 right after the first number and only a short Han label (<see cref="MaxListLabel"/>) before the second.</summary>
    private static bool JoinedAsListItems(string text, int from, int to)
    {
        if (to - from is < 1 or > MaxListLabel + 1 || text[from] != '、')
        {
            return false;
        }

        for (var i = from + 1; i < to; i++)
        {
            if (!ClauseText.IsHan(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>"给予最长三年的租金补贴，其中第一年100%、后两年50%": the clause of the rate opens with 其中 and the clause before it,
    /// in the same sentence, grants (<c>grant-verb</c> and an <c>incentive-before</c> word): the rates split that grant.</summary>
    private static bool SplitsGrant(string text, ReadOnlySpan<char> clauseBefore, int sentenceStart, int clauseStart)
    {
        if (SubsetOpenings.MatchAtStart(clauseBefore.TrimStart()) == 0 || clauseStart <= sentenceStart)
        {
            return false;
        }

        var previousStart = ClauseText.ClauseStart(text, clauseStart - 1);
        var previous = text.AsSpan(Math.Max(sentenceStart, previousStart), clauseStart - Math.Max(sentenceStart, previousStart));
        return GrantVerbs.OccursIn(previous) && IncentiveWords.OccursIn(previous);
    }

    /// <summary>The reason of the number before a clause opening with 其中, in the same sentence, when it was rejected as a fact
    /// that exists (past, description, total, population); null when the clause has a modal, which sets its parts anew.</summary>
    private static RejectionReason? SplitsStatedFact(ExtractionContext context, TargetDraft draft, ReadOnlySpan<char> clauseBefore, int sentenceStart, int clauseStart)
    {
        if (SubsetOpenings.MatchAtStart(clauseBefore.TrimStart()) == 0 || clauseStart <= sentenceStart || draft.Index == 0
            || !context.ModalsIn(clauseStart, draft.Mention.Span.Start).IsEmpty)
        {
            return null;
        }

        var previous = context.Drafts[draft.Index - 1];
        return previous.Mention.Span.Start >= sentenceStart && previous.Mention.Span.End <= clauseStart
               && previous.RejectedBecause is { } reason
               && (reason.IsPast() || reason is RejectionReason.Description or RejectionReason.Total or RejectionReason.Population)
            ? reason
            : null;
    }

    /// <summary>"每认定1家", "每新引进1名": the clause before the number ends in 每 and a verb of two or three Han characters.</summary>
    private static bool CountsPerEach(ReadOnlySpan<char> clauseBefore)
    {
        var each = clauseBefore.LastIndexOf('每');
        if (each < 0)
        {
            return false;
        }

        var verb = clauseBefore[(each + 1)..];
        return verb.Length is >= 2 and <= 3 && ClauseText.IsAllHan(verb);
    }

    /// <summary>The text before the number ends with a verb of choosing and its result 出, perhaps followed by the classes the
    /// choice falls into (遴选出十二类).</summary>
    private static bool WasChosen(ReadOnlySpan<char> trimmedBefore)
    {
        if (trimmedBefore.EndsWith("类"))
        {
            var i = trimmedBefore.Length - 1;
            while (i > 0 && (ChineseNumber.IsDigit(trimmedBefore[i - 1]) || ChineseNumber.IsNumeralChar(trimmedBefore[i - 1])))
            {
                i--;
            }

            trimmedBefore = i < trimmedBefore.Length - 1 ? trimmedBefore[..i] : trimmedBefore;
        }

        var complement = ResultComplements.MatchAtEnd(trimmedBefore);
        return complement > 0 && SelectVerbs.MatchAtEnd(trimmedBefore[..^complement]) > 0;
    }

    /// <summary>"对遴选出的12个项目", "对确定的5个试点县": the words before the count end in a <c>select-verb</c> (with 出 or not) and 的,
    /// a set the text chose before.</summary>
    private static bool IsChosenSet(ReadOnlySpan<char> trimmedBefore)
    {
        var particle = AttributiveParticles.MatchAtEnd(trimmedBefore);
        if (particle == 0)
        {
            return false;
        }

        var participle = trimmedBefore[..^particle];
        participle = participle[..^ResultComplements.MatchAtEnd(participle)];
        return SelectVerbs.MatchAtEnd(participle) > 0;
    }

    /// <summary>"按…的50%核拨补贴": the clause before the rate names its base with 按/按照…的 right before it, and the clause after it pays
    /// a grant (<c>grant-payment</c>).</summary>
    private static bool IsGrantRate(ReadOnlySpan<char> clauseBefore, ReadOnlySpan<char> clauseAfter) =>
        clauseBefore.EndsWith("的") && clauseBefore.IndexOf('按') >= 0 && GrantPayments.OccursIn(clauseAfter);

    /// <summary>True when the number stands in a list of conditions of eligibility: a list item under a lead-in ending in a
    /// <c>condition-lead</c> ("应当具备下列条件："), an item after such a lead-in inside the same line, or a line inside a section
    /// whose heading is one ("（一）申报条件").</summary>
    private static bool ListsConditions(ExtractionContext context, string text, int start)
    {
        var scope = context.Scopes.At(start);
        if (scope.LeadIn is { } leadIn && EndsWithConditionLead(text.AsSpan(leadIn.Start, leadIn.Length)))
        {
            return true;
        }

        var tree = context.Scopes.Tree;
        var index = tree.LineIndexAt(start);
        if (index < 0 || index >= tree.Lines.Count)
        {
            return false;
        }

        var line = tree.Lines[index];
        // The lead-in inside the line: the last colon before the number, with no sentence end between; or a run-in heading, the
        // sentence right before the number's ("1.申请对象。每年接收…30人以上…的单位。", a page that ran its lines together).
        // Only the nearest of those three marks matters, so a vectorised search finds it (a line may run a whole paragraph).
        var mark = text.AsSpan(line.Span.Start, Math.Max(0, start - line.Span.Start)).LastIndexOfAny('。', '：', ':');
        if (mark >= 0)
        {
            var i = line.Span.Start + mark;
            if (text[i] == '。' ? IsRunInConditionHeading(text, line.Span.Start, i)
                    : EndsWithConditionLead(text.AsSpan(line.Span.Start, i - line.Span.Start)))
            {
                return true;
            }
        }

        // A numbered item is a section of its own: its heading is the line itself, the conditions' heading is an ancestor's.
        for (var section = line.Parent; section is not null; section = section.Parent)
        {
            if (section.HeadingLine is { } heading && heading != line && heading.Span.Length <= BlockTree.MaxHeadingLength
                && EndsWithConditionLead(text.AsSpan(heading.Span.Start, heading.Span.Length)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Longest run-in heading read as one: an item number and a short title ("1.申请对象").</summary>
    private const int MaxRunInHeading = 12;

    /// <summary>The marks that end the sentence before a run-in heading.</summary>
    private static readonly SearchValues<char> RunInHeadingEnds = SearchValues.Create("。；：！？");

    /// <summary>True when the sentence ending at <paramref name="stop"/> (a 。 inside the line) is a numbered run-in heading whose title
    /// is a <c>condition-lead</c>: "（一）申报条件。", "1.申请对象。".</summary>
    private static bool IsRunInConditionHeading(string text, int lineStart, int stop)
    {
        // The mark before the heading, or lineStart - 1 when the line has none (LastIndexOfAny gives -1).
        var from = lineStart + text.AsSpan(lineStart, stop - lineStart).LastIndexOfAny(RunInHeadingEnds);

        var sentence = text.AsSpan(from + 1, stop - from - 1).Trim();
        var number = ItemNumber.Length(sentence);
        return number > 0 && sentence.Length - number <= MaxRunInHeading && EndsWithConditionLead(sentence[number..]);
    }

    private static bool EndsWithConditionLead(ReadOnlySpan<char> words) =>
        ConditionLeads.MatchAtEnd(words.TrimEnd(" \t：:。；;")) > 0;

    /// <summary>
    /// True when a small Chinese count labels a list rather than sets a number to reach: the items stand quoted right before it
    /// (“甲”“乙”三项工程, “甲”和“乙”两个关键), a word of <c>enumeration-label</c> follows it (种业和农机两个重点, 七项重点任务), or a
    /// short label ends at a colon that opens the list (实现三个转变：…).
    /// Such counts are written in Chinese numerals; 5个重点项目 and 建成两个示范区 stay targets.
    /// </summary>
    private static bool IsEnumerationLabel(QuantityMention m, string text, int start, int end)
    {
        if (!m.IsChinese || m.Quantity.ValueMax is not null || m.Quantity.Value is < 2 or > 12
            || !EnumerationUnits.Words.Contains(m.Quantity.Unit))
        {
            return false;
        }

        if (start > 0 && text[start - 1] is '”' or '’' or '」')
        {
            return true;
        }

        // 达到三个明显：甲、乙、丙: a short label the colon opens the list of (新建三个公园：… adds to a stock, so it counts;
        // 办好八件民生实事：… counts deeds to do, so 件 stays).
        var head = end;
        while (head < text.Length && head - end < 6 && ClauseText.IsHan(text[head]))
        {
            head++;
        }

        if (head < text.Length && text[head] is '：' or ':' && m.Quantity.Unit != "件" && !IncreaseVerbs.OccursIn(text.AsSpan(Math.Max(0, start - 4), Math.Min(4, start))))
        {
            return true;
        }

        var label = EnumerationLabels.MatchAtStart(text.AsSpan(end, Math.Min(4, text.Length - end)));
        // A two-character label needs a word boundary: 五个重点 labels, 五个重点项目 counts projects.
        return label >= 3 || (label == 2 && (end + 2 >= text.Length || !ClauseText.IsHan(text[end + 2])));
    }

    /// <summary>
    /// True when the 、-list closed by the 等 at <paramref name="closer"/> opens its clause (no verb or preposition of the segmenter
    /// governs it from before its first item) and the rest of the clause, from <paramref name="end"/>, says a state the things
    /// keep or a text they issue (<c>list-subject-predicate</c>). A subject doing works (甲路等7条道路开工) stays a target, as does
    /// a list that goes on a verb of the clause before (抓好甲等6个项目，乙等12个项目).
    /// </summary>
    private static bool LabelsListSubject(ExtractionContext context, int listStart, int closer, int end, int clauseEnd)
    {
        var words = context.Words;
        if (!words.IsAvailable || closer <= listStart || clauseEnd <= end
            || !ListSubjectPredicates.OccursIn(context.Text.AsSpan(end, clauseEnd - end)))
        {
            return false;
        }

        for (var position = listStart; position < closer;)
        {
            if (words.WordAt(position) is not { } word)
            {
                position++;
                continue;
            }

            if (words.TagAt(position) is { Length: > 0 } tag && tag[0] is 'v' or 'p')
            {
                return false;
            }

            position = Math.Max(position + 1, word.End);
        }

        return true;
    }

    /// <summary>True when a word of the <c>numeral-word</c> class covers the numeral at <paramref name="start"/> (冬季两项, 两手抓).</summary>
    private static bool InFixedExpression(string text, int start)
    {
        var from = Math.Max(0, start - 4);
        var window = text.AsSpan(from, Math.Min(text.Length, start + 8) - from);
        for (var i = 0; i <= start - from; i++)
        {
            var length = NumeralWords.MatchAtStart(window[i..]);
            if (length > 0 && from + i + length > start)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>How many items a 、-list right before the number names ("A、B和C" → 3), or 0 when the number does not follow a list
    /// (the caller checks that no quantity stands in the clause before it).
    /// A leading item number (一、, （二）, 3.) opens the clause, not the list; glosses in brackets (广东（珠三角）) are no items.</summary>
    private static int ListedItems(ReadOnlySpan<char> clauseBefore)
    {
        var trimmed = clauseBefore.EndsWith("等") ? clauseBefore[..^1] : clauseBefore;
        trimmed = trimmed[ItemNumber.Length(trimmed)..];
        // 抓住“甲、乙、丙”三个环节: a quoted list names its items as a bare one does.
        if (trimmed.Length > 2 && trimmed[^1] is '”' or '"' && trimmed[..^1].LastIndexOfAny('“', '"') is var open and >= 0)
        {
            trimmed = trimmed[(open + 1)..^1];
        }

        if (trimmed.IsEmpty || !(ClauseText.IsHan(trimmed[^1]) || trimmed[^1] is '）' or ')'))
        {
            return 0;
        }

        // Names, not quantities (1个A、2个B和3个C: the caller saw no quantity in the clause; a digit still ends it) or item numbers
        // (一、…); glosses in brackets are skipped. A numeral inside a name (四川, 双月例会) is no quantity.
        var commas = 0;
        var depth = 0;
        foreach (var c in trimmed)
        {
            if (c is '（' or '(')
            {
                depth++;
            }
            else if (c is '）' or ')')
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (depth > 0)
            {
                continue;
            }
            else if (c == '、')
            {
                commas++;
            }
            else if (char.IsAsciiDigit(c))
            {
                return 0;
            }
        }

        if (commas == 0)
        {
            return 0;
        }

        // 在A、B等地举办两次活动: a 等 inside the last item closed the list; what follows it is the predicate, not an item.
        // "A、B和C": the last stretch holds two items when a conjunction joins them, each as short as an item.
        var last = trimmed[(trimmed.LastIndexOf('、') + 1)..];
        const int MaxItem = 12;
        var conjunction = last.IndexOfAny('和', '及', '与');
        var longest = conjunction >= 0 ? Math.Max(conjunction, last.Length - conjunction - 1) : last.Length;
        return longest > MaxItem || last.IndexOf('等') >= 0 ? 0 : commas + 1 + (conjunction >= 0 ? 1 : 0);
    }

    /// <summary>What the condition-of-grant walk acts on: a clause break that ends it, and 的 that may close a condition.</summary>
    private static readonly SearchValues<char> GrantConditionStops = SearchValues.Create("；;：:的");

    /// <summary>"面积超过450平方米（含）的，给予…", "营收首次达到4500万元、9000万元的，分别给予…", "接收人员超过50人，留用率达到
    /// 60%以上的，可申请…": the number sits in the conditions of a sentence whose first "…的，" is followed by what a rule then
    /// grants or permits (`condition-consequence`), however many clauses the conditions take.</summary>
    private static bool OpensConditionOfGrant(string text, int end, int sentenceEnd)
    {
        const int MaxSelectedNoun = 8;
        for (var i = end; i + 1 < sentenceEnd; i++)
        {
            // Only these five characters act here: jump to the next of them.
            var stop = text.AsSpan(i, sentenceEnd - 1 - i).IndexOfAny(GrantConditionStops);
            if (stop < 0)
            {
                break;
            }

            i += stop;
            if (text[i] != '的')
            {
                return false;
            }

            // "…的，给予…", and "对营收首次突破10亿元、5亿元的样例企业，分别给予…": the 的-phrase may close on the short noun it selects.
            var comma = i + 1;
            while (comma < sentenceEnd && comma - i <= MaxSelectedNoun && ClauseText.IsHan(text[comma]))
            {
                comma++;
            }

            if (comma < sentenceEnd && text[comma] is '，' or ',')
            {
                var grants = ConditionConsequences.MatchAtStart(text.AsSpan(comma + 1, Math.Max(0, sentenceEnd - comma - 1))) > 0;
                if (grants || comma == i + 1)
                {
                    return grants;
                }
            }
        }

        return false;
    }

    /// <summary>A verb that implements stands in the clause before the number, or a verb of revision ends right before it, and a
    /// policy package's noun closes the name the number opens (八个常态化20项样例措施: brackets and a second count may stand
    /// between).</summary>
    private static bool ImplementsPackage(string text, int start, int end)
    {
        // Long enough for a package's name after its count (样例县域结对帮扶十二条措施).
        const int MaxPackageName = 16;
        var from = start;
        while (from > 0 && start - from < MaxPackageName * 3 && !ClauseText.IsClauseEnd(text[from - 1]))
        {
            from--;
        }

        var to = end;
        while (to < text.Length && to - end < MaxPackageName && !ClauseText.IsClauseEnd(text[to]))
        {
            to++;
        }

        var before = text.AsSpan(from, start - from);
        return (ImplementVerbs.OccursIn(before) || ReviseVerbs.MatchAtEnd(before) > 0) && PackageNouns.OccursIn(text.AsSpan(end, to - end));
    }

    private const int GlyphWindow = 160;

    /// <summary>The ASCII signs a PDF font without a Unicode map turns digits and letters into.</summary>
    private static readonly SearchValues<char> GlyphSigns = SearchValues.Create("!\"#$&;<=>?@[\\]^_`{}~+");

    /// <summary>The line holding <paramref name="position"/> has more rare ASCII signs (the ones listed below, at least six) than
    /// Han characters: glyph codes, not text. The signs of tables, numbers and formulas (bar, percent, brackets, stops, commas,
    /// hyphens, slashes, colons, asterisks) are not counted, so a table row or a rate's formula never reads as codes. Only
    /// <see cref="GlyphWindow"/> characters each side are read: a garbled cover line is short, and a page of text without line
    /// breaks must not be scanned whole for each of its numbers.</summary>
    private static bool InGlyphCodeLine(string text, int position)
    {
        const int MinSigns = 6;
        var from = Math.Max(0, position - GlyphWindow);
        var lineStart = position == 0 ? 0 : text.LastIndexOf('\n', position - 1, position - from) + 1;
        lineStart = Math.Max(lineStart, from);
        var lineEnd = text.IndexOf('\n', position, Math.Min(GlyphWindow, text.Length - position));
        if (lineEnd < 0)
        {
            lineEnd = Math.Min(text.Length, position + GlyphWindow);
        }

        // Cheap test first (a vectorised search per sign): almost every line holds fewer than MinSigns signs, and then the Han
        // characters need no count.
        var line = text.AsSpan(lineStart, lineEnd - lineStart);
        var signs = 0;
        for (var rest = line; signs < MinSigns && rest.IndexOfAny(GlyphSigns) is >= 0 and var at; rest = rest[(at + 1)..])
        {
            signs++;
        }

        if (signs < MinSigns)
        {
            return false;
        }

        var han = 0;
        signs = 0;
        foreach (var c in line)
        {
            if (ClauseText.IsHan(c))
            {
                han++;
            }
            else if (GlyphSigns.Contains(c))
            {
                signs++;
            }
        }

        return signs > han;
    }

    /// <summary>The number follows a firm's name directly or through the firm's year's capacity (甲有限公司年产乙品…).</summary>
    private static bool NamedAfterFirm(ReadOnlySpan<char> clauseBefore)
    {
        // The capacity phrase between the firm and its number is short and all Han (年精深加工, 年产乙品).
        const int MaxCapacityPhrase = 8;
        for (var i = clauseBefore.Length; i >= Math.Max(0, clauseBefore.Length - MaxCapacityPhrase - 2); i--)
        {
            if (FirmSuffixes.MatchAtEnd(clauseBefore[..i]) > 0)
            {
                var between = clauseBefore[i..];
                return between.IsEmpty || (between[0] == '年' && ClauseText.IsAllHan(between));
            }
        }

        return false;
    }

    /// <summary>"60万吨乙烯项目": a few characters of product, then 项目, with no break.</summary>
    private static bool NamesProject(ReadOnlySpan<char> after)
    {
        for (var i = 0; i < after.Length && i <= 6; i++)
        {
            if (after[i..].StartsWith("项目", StringComparison.Ordinal))
            {
                return true;
            }

            if (!ClauseText.IsHan(after[i]))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>"年产2000万套LED照明产品项目": the product named after a capacity (Han, Latin letters, digits, 及/和, no break),
    /// then 项目.</summary>
    private static bool NamesProjectAfterProduct(ReadOnlySpan<char> after)
    {
        // Long enough for a list of projects ("年产400万套汽车玻璃、年产120万平方米电子薄膜等项目").
        const int MaxProduct = 40;
        // 年产1500万台（套）电机项目: a bracketed second unit right after the number glosses it.
        if (after.Length > 2 && after[0] is '（' or '(' && after[..Math.Min(after.Length, 4)].IndexOfAny('）', ')') is var close and > 0)
        {
            after = after[(close + 1)..];
        }

        var project = after.IndexOf("项目", StringComparison.Ordinal);
        return project >= 0 && project <= MaxProduct && IsProductText(after[..project]);
    }

    /// <summary>"每三年可申请", "可将期限最长放宽至": the clause ends in a <c>permission-verb</c> after 可 or 可以 (directly, or
    /// with a 将-object between), with at most bound words (最高, 最长, 不超过, 至) between the verb and the number.</summary>
    private static bool GrantsPermission(ReadOnlySpan<char> clauseBefore)
    {
        var rest = clauseBefore.TrimEnd();
        while (!rest.IsEmpty && PermissionBounds.MatchAtEnd(rest[^1..]) > 0)
        {
            rest = rest[..^1];
        }

        var verb = PermissionVerbs.MatchAtEnd(rest);
        if (verb == 0)
        {
            return false;
        }

        var modal = rest[..^verb];
        return modal.EndsWith("可") || modal.EndsWith("可以") || modal.IndexOf("可将", StringComparison.Ordinal) >= 0
            || modal.IndexOf("可以将", StringComparison.Ordinal) >= 0;
    }

    /// <summary>The number's line follows a short line that is a <c>project-status</c> cell (在建, 新开工), itself after a line
    /// holding only a figure (the project's investment): the content cell of a project list written one cell a line.</summary>
    private static bool FollowsProjectStatusCell(string text, int start)
    {
        const int MaxStatusCell = 12;
        var lineStart = start == 0 ? 0 : text.LastIndexOf('\n', start - 1) + 1;
        if (lineStart < 2)
        {
            return false;
        }

        var statusStart = text.LastIndexOf('\n', lineStart - 2) + 1;
        var status = text.AsSpan(statusStart, lineStart - 1 - statusStart).Trim();
        if (status.IsEmpty || status.Length > MaxStatusCell || ProjectStatus.MatchAtEnd(status) == 0 || status.IndexOfAnyInRange('0', '9') >= 0
            || statusStart < 2)
        {
            return false;
        }

        var figureStart = text.LastIndexOf('\n', statusStart - 2) + 1;
        var figure = text.AsSpan(figureStart, statusStart - 1 - figureStart).Trim();
        if (figure.IsEmpty)
        {
            return false;
        }

        foreach (var c in figure)
        {
            if (!(char.IsAsciiDigit(c) || c == '.'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>"年产800万张线路板和1200万米…项目": the number is the second item a capacity verb governs.</summary>
    private static bool CoordinatedWithCapacity(ReadOnlySpan<char> clauseBefore)
    {
        if (clauseBefore.IsEmpty || clauseBefore[^1] is not ('和' or '及' or '与' or '、'))
        {
            return false;
        }

        var capacity = -1;
        foreach (var word in CapacityVerbs.WordSpan)
        {
            if (clauseBefore.LastIndexOf(word, StringComparison.Ordinal) is var at and >= 0 && at + word.Length > capacity)
            {
                capacity = at + word.Length;
            }
        }

        return capacity >= 0 && IsProductText(clauseBefore[capacity..^1]);
    }

    /// <summary>"光伏发电、乙厂49.5兆瓦风电场等新能源项目": product text (<see cref="IsProductText"/>) that closes with 等, then at most a
    /// few Han characters naming the kind of project, then 项目, the number being an item of a list (、 before or after it).</summary>
    private static bool ClosesProjectList(ReadOnlySpan<char> clauseBefore, ReadOnlySpan<char> after)
    {
        const int MaxList = 80;
        const int MaxKind = 6;
        var project = after.IndexOf("项目", StringComparison.Ordinal);
        if (project < 0 || project > MaxList)
        {
            return false;
        }

        var list = after[..project];
        var etc = list.LastIndexOf('等');
        if (etc < 0 || project - etc - 1 > MaxKind || (list[..etc].IndexOf('、') < 0 && clauseBefore.IndexOf('、') < 0))
        {
            return false;
        }

        foreach (var c in list[(etc + 1)..])
        {
            if (!ClauseText.IsHan(c))
            {
                return false;
            }
        }

        return IsProductText(list[..etc]);
    }

    /// <summary>Product words and figures with no break of the clause: Han, Latin letters, digits, 、 between items.</summary>
    private static bool IsProductText(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!(ClauseText.IsHan(c) || char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '-' or '、'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>"建成达产后可年产", "建成投产后年产值": a completion word (达产后) before a year's capacity or output in the
    /// clause.</summary>
    private static bool DescribesCapacityOnceBuilt(ReadOnlySpan<char> clauseBefore)
    {
        foreach (var word in CompletionWords.WordSpan)
        {
            var at = clauseBefore.IndexOf(word, StringComparison.Ordinal);
            if (at >= 0 && clauseBefore[(at + word.Length)..].IndexOf("年产", StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"近5年来，…", "三年来，…": a sentence opening with the years up to now reports them.</summary>
    private static bool OpensWithYearsSince(ReadOnlySpan<char> opening)
    {
        var i = opening.StartsWith("近") ? 1 : 0;
        var digits = i;
        while (i < opening.Length && (char.IsAsciiDigit(opening[i]) || ChineseNumber.IsNumeralChar(opening[i])))
        {
            i++;
        }

        if (i == digits)
        {
            return false;
        }

        var rest = opening[i..];
        return rest.StartsWith("年来") || rest.StartsWith("年以来") || rest.StartsWith("个月来");
    }

    private static bool CompletedAfter(ReadOnlySpan<char> rest)
    {
        if (rest.IndexOf("已经", StringComparison.Ordinal) >= 0)
        {
            return true;
        }

        for (var i = rest.IndexOf('了'); i >= 0 && i < rest.Length; i = rest[(i + 1)..].IndexOf('了') is var k and >= 0 ? i + 1 + k : -1)
        {
            // 为了 / 除了 are prepositions, 了解 / 不了 are words of their own.
            var prev = i > 0 ? rest[i - 1] : '\0';
            var next = i + 1 < rest.Length ? rest[i + 1] : '\0';
            if (i > 0 && prev is not ('为' or '除' or '罢' or '不' or '得') && next is not ('解' or '结' or '如'))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"预计全年增长6%": an estimate in the clause is the year under review, unless the sentence names a later year
    /// explicitly (到2025年, 2025年); 全年 / 今年 next to 预计 are the reviewed year, not the plan year.</summary>
    private static bool IsEstimate(ExtractionContext context, string text, TargetDraft draft, int sentenceStart)
    {
        var start = draft.Mention.Span.Start;
        if (!Estimate.OccursIn(text.AsSpan(sentenceStart, start - sentenceStart)))
        {
            return false;
        }

        foreach (var year in context.YearsIn(sentenceStart, start))
        {
            if (!year.InName && year.Kind is YearMentionKind.Deadline or YearMentionKind.Within or YearMentionKind.Period or YearMentionKind.Absolute
                && (context.PlanYear is not { } plan || year.Period is not { } p || p.End.Value >= plan.Value))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when the draft's sentence, up to the number, names a time still to come (今年, 到2025年, 2024年 ≥ the plan year).</summary>
    private static bool SentenceStatesDue(ExtractionContext context, string text, TargetDraft draft)
    {
        var start = draft.Mention.Span.Start;
        return StatesDue(context, text, ClauseText.SentenceStart(text, start), start);
    }

    /// <summary>True when [<paramref name="from"/>, <paramref name="to"/>) names a time still to come (今年, 到2025年, 2024年 ≥ the plan year).</summary>
    private static bool StatesDue(ExtractionContext context, string text, int from, int to)
    {
        foreach (var year in context.YearsIn(from, to))
        {
            if (year.InName || year.Kind is YearMentionKind.Date or YearMentionKind.Past)
            {
                continue;
            }

            if (year.Kind is YearMentionKind.Absolute or YearMentionKind.Period && context.PlanYear is { } plan && year.Period is { } p && p.End.Value < plan.Value)
            {
                continue;
            }

            return true;
        }

        return false;
    }

    /// <summary>True when <paramref name="lead"/> is blank or only the number of a list item (十二、 （三） 4.): a year after it
    /// still leads its sentence (“十二、1998年全国…”).</summary>
    private static bool OnlyItemNumber(ReadOnlySpan<char> lead)
    {
        lead = lead.Trim();
        return lead[ItemNumber.Length(lead)..].Trim().IsEmpty;
    }

    private static bool IsPast(ExtractionContext context, string text, TargetDraft draft, int clauseStart, int sentenceStart)
    {
        var start = draft.Mention.Span.Start;
        var previous = context.PreviousQuantity(draft, clauseStart);
        var from = Math.Max(clauseStart, previous?.Span.End ?? 0);
        var segment = text.AsSpan(from, start - from);
        foreach (var marker in PastMarkers)
        {
            var at = segment.IndexOf(marker, StringComparison.Ordinal);
            // 比去年 / 较去年 is a comparison base, not the past.
            if (at >= 0 && !(at > 0 && segment[at - 1] is '比' or '较' or '于'))
            {
                return true;
            }
        }


        // 完成了 / 达到了 / 增长了: a completed action.
        var le = segment.LastIndexOf('了');
        if (le > 0 && !(segment[le - 1] is '为' or '除' or '罢') && !(le + 1 < segment.Length && segment[le + 1] is '解' or '结'))
        {
            return true;
        }

        // "去年全市专利申请量达到5100件", "2015年，全市…达到231家": a past year leading the sentence makes it a report of the past,
        // unless a due year (到2020年, 2016年) follows.
        var leadingPast = false;
        foreach (var year in context.YearsIn(sentenceStart, start))
        {
            if (year.InName || year.Kind == YearMentionKind.Date)
            {
                continue;
            }

            var isPast = year.Kind == YearMentionKind.Past
                         || (context.PlanYear is { } py && year.Kind is YearMentionKind.Absolute or YearMentionKind.Period
                             && year.Period is { } yp && yp.End.Value < py.Value);
            if (OnlyItemNumber(text.AsSpan(sentenceStart, year.Span.Start - sentenceStart)) && isPast)
            {
                leadingPast = true;
            }
            else if (!isPast && year.Kind is not YearMentionKind.Relative)
            {
                leadingPast = false;
            }
        }

        // 截至目前，全市累计…: a sentence opening with a cut-off date reports the past.
        var opening = text.AsSpan(sentenceStart, Math.Min(6, start - sentenceStart)).TrimStart();
        leadingPast |= opening.StartsWith("截至") || opening.StartsWith("截止目前") || opening.StartsWith("截止到") || opening.StartsWith("过去")
                       || OpensWithYearsSince(text.AsSpan(sentenceStart, Math.Min(8, start - sentenceStart)).TrimStart());

        if (leadingPast)
        {
            return true;
        }

        // 2017年20个…: a year before the plan year right before the number, or leading the clause.
        if (context.PlanYear is { } plan)
        {
            foreach (var year in context.YearsIn(from, start))
            {
                // 比2010年提高 / 较2020年增长: a comparison base, not the past.
                var b = year.Span.Start > 0 ? text[year.Span.Start - 1] : '\0';
                if (b is '比' or '较' or '同' or '与')
                {
                    continue;
                }

                if (year.Span.End <= start && year.Kind == YearMentionKind.Absolute && year.Period is { } p && p.End.Value < plan.Value && !year.InName)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
