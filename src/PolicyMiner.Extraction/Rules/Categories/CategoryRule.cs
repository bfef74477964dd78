using PolicyMiner.Core.Targets;
using PolicyMiner.Core.Text;
using PolicyMiner.Extraction.Pipeline;
using PolicyMiner.Extraction.Quantities;
using PolicyMiner.Extraction.Text;

namespace PolicyMiner.Extraction.Rules.Categories;

/// <summary>Assigns one of the schema's categories from keywords: ratios (R&amp;D intensity, enterprise R&amp;D ratio, fiscal S&amp;T
/// spending) are read from the whole clause; everything else from the indicator, then the clause, then the sentence. The first
/// matching entry of an ordered table wins, specific entries before general ones.</summary>
public sealed class CategoryRule : ITargetRule
{
    /// <summary>An entry matches when every keyword group has a keyword in the phrase and, if given, the sentence has one of
    /// <c>Context</c>.</summary>
    private sealed record Entry(string Category, string[][] Groups, string[]? Context = null)
    {
        /// <summary>The groups' and the context's words as ids of <see cref="Words"/>, set once when the tables are compiled.</summary>
        public int[][] GroupIds { get; set; } = [];

        public int[]? ContextIds { get; set; }
    }

    private static readonly Entry[] Ratios =
    [
        new("enterprise_rd_ratio", [["销售收入", "营业收入", "业务收入"], ["企业", "研发", "技术开发", "研究开发"]]),
        new("enterprise_rd_ratio", [["企业"], ["研发", "研究开发", "技术开发", "科技投入", "R&D"], ["全社会研发", "科技投入", "比上年", "研发投入", "研发经费"]]),
        new("rd_intensity", [["研发投入强度", "研发强度", "R&D投入强度", "研发经费投入强度", "R&D强度"]]),
        new("rd_intensity", [["研发", "研究与开发", "研究开发", "R&D", "科技投入", "科技活动经费"], ["GDP", "生产总值"]]),
        new("other", [["高校", "科研院所", "政府"], ["全社会研发"]]),
        // The make-up of R&D spending (基础研究经费占研发经费比重) and the reach of R&D among firms (研发活动覆盖率) have no category.
        new("other", [["占研发经费", "占研发投入", "占全社会研发"]]),
        new("other", [["研发活动"], ["占比", "覆盖率", "比例", "比重"]]),
        new("fiscal_st_spending", [["财政", "资金用于", "资金中用于", "科技经费", "科技支出", "本级"], ["支出", "投入", "经费", "资金", "预算", "拨款"]]),
    ];

    /// <summary>The ratio entries that also hold for amounts and counts: an enterprise R&amp;D ratio or an intensity is always a percentage.</summary>
    private static readonly Entry[] AmountRatios = [.. Ratios.Where(e => e.Category is not ("enterprise_rd_ratio" or "rd_intensity"))];

    private static readonly Entry[] Table =
    [
        // Energy use and emissions are measured on industry and enterprises but are neither output nor firms; loans likewise.
        new("environment", [["能耗", "排放", "PM2.5", "细颗粒物", "空气质量", "优良天数", "森林覆盖率", "水质", "污水", "垃圾", "黑臭水体", "治水", "河道", "水生态"]]),
        new("other", [["贷款"]]),
        new("gdp_growth", [["GDP", "生产总值"], ["增长", "增速"]]),
        // Topics of work reports beyond science policy, before the science entries whose words they share (投资, 项目, 收入).
        new("consumption", [["社会消费品零售", "社零", "消费品零售"]]),
        new("fiscal", [["一般公共预算收入", "财政收入", "地方级收入", "税收收入", "财政总收入"]]),
        new("income", [["可支配收入", "人均纯收入", "居民收入", "农民收入"]]),
        new("employment", [["新增就业", "就业", "失业率", "技能培训"]]),
        new("high_tech_share", [["高新技术产业", "高新技术产品", "高新技术产值", "高技术产业"], ["占"]]),
        new("high_tech_output", [["高新技术产业", "高新技术产值", "高技术产业", "高新技术产品产值"], ["产值", "增加值", "投资", "收入", "产业"]]),
        new("trade", [["进出口", "外贸", "使用外资", "利用外资", "到位外资", "外商投资"]]),
        new("investment", [["固定资产投资", "固投", "有效投资", "民间投资", "工业投资", "基础设施投资", "重大项目", "重点项目", "产业项目", "招商引资", "签约项目", "开工项目", "投资项目", "项目投资"]]),
        // Projects counted by their investment (亿元以上项目, 百亿级项目) or by construction stage are investment projects.
        new("investment", [["项目"], ["亿元以上", "亿元级", "亿级", "亿元", "工业", "服务业", "城建", "外资", "外贸", "新开工", "竣工", "续建", "开工建设"]]),
        new("tech_contracts", [["技术合同", "技术交易", "技术市场"]]),
        new("patents", [["专利", "知识产权", "商标"]]),
        new("governance", [["逾期率", "办理率", "办结率", "办理时限", "拨付时限", "评审周期"]]),
        new("science_popularization", [["科普", "科学普及", "科学素质", "科技下乡", "科技活动周", "科技周"]]),
        new("cooperation", [["产学研", "校企", "校地", "技术难题", "请进来", "走出去", "对接", "合作项目", "共建"]]),
        // Firms counted by what they do (有研发活动的企业, 研发投入超过1亿元的企业), before the platforms and activities they name.
        new("tech_enterprises", [["研发活动的企业", "研发机构的企业", "专精特新", "示范企业"]]),
        new("tech_enterprises", [["研发", "创新"], ["的企业"]]),
        new("incubators", [["孵化", "众创空间", "创业园", "软件园", "科技城", "星创天地", "加速器"]]),
        new("rd_platforms", [["院士工作站", "院士专家工作站"]], ["研发平台", "创新平台", "各级平台"]),
        new("rd_platforms", [["研究中心", "研发平台", "重点实验室", "实验室", "技术中心", "研发中心", "工程中心", "联盟", "各级平台", "创新平台", "研究院", "研发机构"]]),
        new("agriculture", [["农业科技特派员", "农村科技特派员", "农业专家", "农技人员"]]),
        new("talent", [["人才", "团队", "院士", "专家", "科研人员", "博士", "个人", "技术人员", "科技人员", "特派员"]]),
        new("high_tech_enterprises", [["高新技术企业", "高新技术领域企业", "高新技术产品生产企业", "高企"]]),
        // Rural roads, housing and tourism are infrastructure and services, not agriculture.
        new("education", [["学位", "幼儿园", "中小学", "义务教育", "教育", "托位", "学校"]]),
        new("health", [["床位", "医院", "医疗", "卫生", "健康", "疾病"]]),
        new("social_security", [["养老", "参保", "医保", "低保", "社会保障", "救助"]]),
        new("housing", [["保障性住房", "保障房", "安置房", "棚户区", "老旧小区", "住房", "危房"]]),
        new("transport", [["公路", "高速", "铁路", "地铁", "轨道交通", "机场", "港口", "航线"]]),
        new("culture_tourism", [["游客", "旅游", "景区"]]),
        new("agriculture", [["农业", "农村", "示范村", "示范乡", "合作社", "特派员", "种植", "养殖", "乡村", "农民", "粮食", "高标准农田", "耕地"]]),
        // 园区新引进科技型项目: the head noun 项目 outweighs the 科技型 that qualifies it.
        new("st_projects", [["科技型项目", "研发项目", "创新项目"]]),
        new("tech_enterprises", [["科技型", "科技企业", "创新型企业", "领军企业", "上市", "科技创新企业", "小巨人", "瞪羚", "龙头企业"]]),
        new("industry_output", [["新产品产值", "新产品销售收入"]]),
        new("st_achievements", [["科技成果", "成果", "科技进步奖", "新产品", "高新技术产品", "奖"]]),
        new("st_funding", [["拨款", "科技经费", "科技资金", "经费", "资金"]]),
        new("st_projects", [["项目", "立项", "专项"]]),
        new("cooperation", [["合作", "交流", "活动"]]),
        new("industry_output", [["工业总产值", "工业增加值", "规模以上工业", "主营业务收入", "产业规模", "总产值", "数字经济", "营收", "亩均"]]),
        new("governance", [["学习", "党", "组织生活", "联系点", "重点工作", "亮点工作", "专题研究", "重点领域", "考核", "督查", "会议", "培训"]]),
    ];

    /// <summary>Every word of the tables, found in a phrase in one pass; compiling it gives each entry its word ids.</summary>
    private static readonly WordPresence Words = Compile([.. Ratios, .. Table]);

    private static readonly string[] ActorEndings = ["企业", "单位", "机构", "学校", "高校", "人员"];

    private const string GdpGrowth = "gdp_growth";

    public string Name => "category";

    public void Apply(ExtractionContext context)
    {
        var text = context.Text;
        foreach (var draft in context.LiveDrafts)
        {
            var clauseStart = ClauseText.ClauseStart(text, draft.ExpressionStart);
            var clause = text[clauseStart..ClauseText.ClauseEnd(text, draft.ExpressionEnd)];
            var sentenceStart = ClauseText.SentenceStart(text, draft.ExpressionStart);
            var sentence = text[sentenceStart..ClauseText.SentenceEnd(text, draft.ExpressionStart)];
            var category = Classify(draft, clause, sentence, AloneInSentence(context, draft, sentenceStart, sentenceStart + sentence.Length));

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

            draft.Category = category ?? TargetCategories.Other;
        }
    }

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
    private static string? Classify(TargetDraft draft, string clause, string sentence, bool alone)
    {
        var unit = draft.Mention.Quantity.Kind;
        var indicator = draft.Indicator;
        if (unit == UnitKind.Duration && !indicator.Contains("天数", StringComparison.Ordinal))
        {
            // 办结时限 / 拨付时限 / 评审周期: service time limits.
            return "governance";
        }

        if (unit is UnitKind.Percent or UnitKind.PercentagePoint)
        {
            if (Match(Ratios, indicator + "|" + clause, sentence) is { } ratio)
            {
                return ratio;
            }

            // "民营科技企业80%": a share of a class of actors; what they must have is named elsewhere in the sentence.
            foreach (var ending in ActorEndings)
            {
                if (indicator.EndsWith(ending, StringComparison.Ordinal) && Match(Table, sentence.Replace(indicator, "", StringComparison.Ordinal), sentence) is { } shareOf)
                {
                    return shareOf;
                }
            }
        }

        var ratios = unit is UnitKind.Percent or UnitKind.PercentagePoint ? Ratios : AmountRatios;
        // "全县生产总值…，增长14.5%": the indicator names the topic and its clause the growth.
        return Match(ratios, indicator, sentence) ?? Match(Table, indicator, sentence)
               ?? (indicator.Length > 0 && !clause.Contains(indicator, StringComparison.Ordinal) ? Match(Table, indicator + "|" + clause, sentence) : null)
               ?? Match(Table, clause, sentence)
               ?? (alone ? Match(Table, sentence, sentence) : null);
    }

    /// <summary>The category of the first entry of <paramref name="entries"/> that <paramref name="phrase"/> matches, or null.</summary>
    private static string? Match(Entry[] entries, string phrase, string sentence)
    {
        if (string.IsNullOrEmpty(phrase))
        {
            return null;
        }

        Span<bool> inPhrase = stackalloc bool[Words.Count];
        Words.Mark(phrase, inPhrase);
        Span<bool> inSentence = stackalloc bool[Words.Count];
        var sentenceMarked = false;
        foreach (var entry in entries)
        {
            if (!AllGroups(entry.GroupIds, inPhrase))
            {
                continue;
            }

            if (entry.ContextIds is not null)
            {
                if (!sentenceMarked)
                {
                    Words.Mark(sentence, inSentence);
                    sentenceMarked = true;
                }

                if (!AnyOf(entry.ContextIds, inSentence))
                {
                    continue;
                }
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

    private static WordPresence Compile(Entry[] entries)
    {
        var words = new WordPresence(entries.SelectMany(e => e.Groups.SelectMany(g => g).Concat(e.Context ?? [])));
        foreach (var entry in entries)
        {
            entry.GroupIds = [.. entry.Groups.Select(g => g.Select(words.IdOf).ToArray())];
            entry.ContextIds = entry.Context?.Select(words.IdOf).ToArray();
        }

        return words;
    }
}
