namespace PolicyMiner.Extraction.Pipeline;

/// <summary>Why a quantity mention is not a target: a typed code rules can test, never a sentence they string-match.</summary>
public enum RejectionReason
{
    /// <summary>Inside a quoted name or title (《…》, “三个50”).</summary>
    QuotedName = 1,

    /// <summary>Part of a programme label (1+7).</summary>
    ProgrammeLabel,

    /// <summary>An ordinal (第三, 十九届).</summary>
    Ordinal,

    /// <summary>一 as an article (一批, 一个).</summary>
    Article,

    /// <summary>A numeral inside a word (零部件, 二次污染, 两手抓).</summary>
    NumeralInWord,

    /// <summary>A bare 百/千/万 in a slogan (百家, 千企).</summary>
    Slogan,

    /// <summary>A session ordinal (二次全会, 九届十一次).</summary>
    SessionOrdinal,

    /// <summary>A numbered term (科技三项费用).</summary>
    NumberedTerm,

    /// <summary>A count of named things used as a name (四个10), or a structural enumeration (抓好四个方面).</summary>
    Enumeration,

    /// <summary>In a section heading.</summary>
    Heading,

    /// <summary>A code or index number (3-1).</summary>
    Code,

    /// <summary>A reward or subsidy amount (给予10万元奖励, 最高300万元).</summary>
    Incentive,

    /// <summary>A page counter of a served web page.</summary>
    PageCounter,

    /// <summary>An amount that defines a class of actors (500万元以上的企业).</summary>
    ClassThreshold,

    /// <summary>A count of indicators used as a reference (20项指标).</summary>
    IndicatorCount,

    /// <summary>A statistic of the past (已…, 累计…, 2017年20个 before the plan year).</summary>
    Past,

    /// <summary>In a part of the document that reviews the past (a 回顾 section, a work report's review of last year).</summary>
    ReviewScope,

    /// <summary>An estimate of the year under review (预计全年…).</summary>
    PastEstimate,

    /// <summary>An award already granted or a tally of things done (授予…等37项).</summary>
    Award,

    /// <summary>Holiday or calendar arithmetic (共7天).</summary>
    Calendar,

    /// <summary>The starting value of the following target (由10家增加到20家).</summary>
    BaselineOfNext,

    /// <summary>Part of a formula that defines a rate (人数/总数×100%).</summary>
    Formula,

    /// <summary>A table cell outside the target columns (a baseline or an actual of a past year).</summary>
    TableCellOutsideTargets,

    /// <summary>A construction phase (医院二期, 大道三期).</summary>
    Phase,

    /// <summary>A sanction a rule sets (处10万元以下的罚款, 责令停止业务6个月).</summary>
    Penalty,

    /// <summary>An amount, rate or period a rule grants or levies (每月1000元定额扣除, 减按20%的税率, 登记费每件80元).</summary>
    Entitlement,

    /// <summary>In a sentence that defines a term (X是指…, 本办法所称…), or in a note that explains one (〔3〕三个一批：…).</summary>
    Definition,

    /// <summary>A condition that selects cases (入围企业3家及以上的，采取…).</summary>
    Condition,

    /// <summary>A total of what exists or was done (共191个).</summary>
    Total,

    /// <summary>A description of a place (西距集镇5公里).</summary>
    Description,

    /// <summary>Existing things a measure refers to (围绕37条产业链) or consists of (由9个部门组成).</summary>
    Reference,

    /// <summary>The count that opens a clause as the subject of another number (713个项目销号率达到60%).</summary>
    Subject,

    /// <summary>The interval of a recurring event (两个月安排一次).</summary>
    Interval,

    /// <summary>The people or actors a sentence speaks of, with no target of their own (依靠775万江海儿女).</summary>
    Population,

    /// <summary>The composition of a body (设召集人1人、副召集人2人).</summary>
    Composition,

    /// <summary>What a request or an earlier estimate put forward, answered by a letter (你省上报的45个项目, 原估算总投资5亿元).</summary>
    Request,

    /// <summary>In a paragraph that reports facts: it names its source (地方政府反映：) or opens by narrating what was done.</summary>
    Report,

    /// <summary>A bracket that restates the bound of the number before it (60%以上（含60%）).</summary>
    Gloss,

    /// <summary>How an inspection the text arranges is staffed or what it visits (组织5个督导组, 各抽查2个县, 分赴11个市): the
    /// government's own working arrangement, not a target.</summary>
    Inspection,

    /// <summary>In the title of another page a served page links to (相关解读：…).</summary>
    LinkedPage,
}

/// <summary>Readable forms of <see cref="RejectionReason"/> for traces and reports.</summary>
public static class RejectionReasonText
{
    /// <summary>True for the reasons that say the number reports the past (its indicator may still be shared).</summary>
    public static bool IsPast(this RejectionReason reason) => reason is RejectionReason.Past or RejectionReason.ReviewScope or RejectionReason.PastEstimate;

    public static string Describe(this RejectionReason reason) => reason switch
    {
        RejectionReason.QuotedName => "inside a quoted name or title",
        RejectionReason.ProgrammeLabel => "part of a programme label (1+7)",
        RejectionReason.Ordinal => "ordinal",
        RejectionReason.Article => "一 as an article (一批, 一个)",
        RejectionReason.NumeralInWord => "numeral inside a word (零部件, 二次污染)",
        RejectionReason.Slogan => "bare 百/千/万 in a slogan (百家, 千企)",
        RejectionReason.SessionOrdinal => "session ordinal (二次全会)",
        RejectionReason.NumberedTerm => "numbered term (三项费用)",
        RejectionReason.Enumeration => "enumeration or programme name (四个10, 抓好四个方面)",
        RejectionReason.Heading => "in a section heading",
        RejectionReason.Code => "code or index number",
        RejectionReason.Incentive => "incentive or subsidy amount",
        RejectionReason.PageCounter => "page counter",
        RejectionReason.ClassThreshold => "class threshold (企业 with 1亿元以上 of …)",
        RejectionReason.IndicatorCount => "count of indicators used as a reference",
        RejectionReason.Past => "past statistic",
        RejectionReason.ReviewScope => "past statistic (review of the past)",
        RejectionReason.PastEstimate => "estimate of the year under review (预计)",
        RejectionReason.Award => "award already granted",
        RejectionReason.Calendar => "calendar arithmetic (共7天)",
        RejectionReason.BaselineOfNext => "baseline of the following target",
        RejectionReason.Formula => "part of a formula (×100%)",
        RejectionReason.TableCellOutsideTargets => "table cell outside the target columns",
        RejectionReason.Phase => "construction phase (医院二期)",
        RejectionReason.Penalty => "sanction set by a rule (罚款, 责令停止)",
        RejectionReason.Entitlement => "amount, rate or period a rule grants or levies (扣除, 税率, 收费)",
        RejectionReason.Definition => "in a definition (是指, 所称) or a note explaining a term (〔3〕…：)",
        RejectionReason.Condition => "condition selecting cases (…3家及以上的，…)",
        RejectionReason.Total => "total of what exists (共191个)",
        RejectionReason.Description => "description of a place (距…5公里)",
        RejectionReason.Reference => "reference to existing things (围绕37条产业链, 由9个部门组成)",
        RejectionReason.Subject => "count of the subject of another number (713个项目…率达到60%)",
        RejectionReason.Interval => "interval of a recurring event (两个月…一次)",
        RejectionReason.Population => "people or actors spoken of (775万江海儿女)",
        RejectionReason.Composition => "composition of a body (设召集人1人)",
        RejectionReason.Request => "request or earlier estimate a letter answers (上报的45个项目)",
        RejectionReason.Report => "in a paragraph reporting facts (…反映：, a first sentence narrating what was done)",
        RejectionReason.Gloss => "gloss restating the bound before it ((含60%))",
        RejectionReason.Inspection => "arrangement of an inspection (组织5个督导组, 抽查2个县)",
        RejectionReason.LinkedPage => "title of a linked page (相关解读：…)",
        _ => reason.ToString(),
    };
}
