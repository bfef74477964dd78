using PolicyMiner.Core.Targets;
using PolicyMiner.Extraction.Pipeline;
using PolicyMiner.Extraction.Text;

namespace PolicyMiner.Extraction.Rules.Categories;

/// <summary>Assigns one of the schema's categories from keywords of the indicator, then of the clause, then of the paragraph's
/// heading; the first matching entry of an ordered table wins, specific entries before general ones.</summary>
public sealed class CategoryRule : ITargetRule
{
    /// <summary>Ordered (category, all-of keyword groups): an entry matches when every group has one keyword in the text.</summary>
    private static readonly (string Category, string[][] Groups)[] Table =
    [
        ("enterprise_rd_ratio", [["企业"], ["研发", "研究开发", "技术开发", "科技投入", "R&D"], ["销售收入", "营业收入", "全社会研发", "科技投入", "比上年"]]),
        ("rd_intensity", [["研发", "研究与开发", "研究开发", "R&D", "科技投入"], ["GDP", "生产总值", "国内生产总值"]]),
        ("other", [["高校", "科研院所"], ["全社会研发"]]),
        ("fiscal_st_spending", [["财政", "资金用于", "科技经费"], ["支出", "投入", "经费", "资金", "预算"]]),
        ("gdp_growth", [["GDP", "生产总值"], ["增长", "增速"]]),
        ("high_tech_share", [["高新技术产业", "高新技术产品", "高新技术产值"], ["占"]]),
        ("high_tech_output", [["高新技术产业", "高新技术产值", "高技术产业"], ["产值", "增加值", "投资", "收入", "产业"]]),
        ("tech_contracts", [["技术合同", "技术交易", "技术市场"]]),
        ("patents", [["专利", "知识产权", "商标"]]),
        ("science_popularization", [["科普"]]),
        ("incubators", [["孵化", "众创空间", "创业园", "软件园", "科技城", "星创天地", "加速器"]]),
        ("rd_platforms", [["研究中心", "研发平台", "重点实验室", "实验室", "技术中心", "研发中心", "工程中心", "联盟", "各级平台", "创新平台"]]),
        ("rd_platforms", [["院士工作站"], ["平台", "其中"]]),
        ("talent", [["人才", "团队", "院士", "专家", "科研人员", "博士", "个人", "技术人员"]]),
        ("high_tech_enterprises", [["高新技术企业", "高新技术领域企业", "高新技术产品生产企业", "高企"]]),
        ("agriculture", [["农业", "农村", "示范村", "示范乡", "合作社", "特派员", "种植", "养殖", "乡村"]]),
        ("tech_enterprises", [["科技型", "科技企业", "创新型", "领军企业", "上市", "科技创新企业", "小巨人", "瞪羚"]]),
        ("st_achievements", [["科技成果", "成果", "科技进步奖", "新产品", "高新技术产品", "奖"]]),
        ("st_funding", [["拨款", "科技经费", "科技资金", "经费", "资金"]]),
        ("st_projects", [["项目", "立项", "专项"]]),
        ("cooperation", [["产学研", "合作", "对接", "技术难题", "交流", "请进来", "走出去", "校企", "活动"]]),
        ("industry_output", [["产值", "工业", "产业", "增加值", "主营业务收入"]]),
        ("governance", [["学习", "党", "组织生活", "联系点", "重点工作", "亮点工作", "专题研究", "重点领域", "考核", "督查", "会议", "培训"]]),
    ];

    public string Name => "category";

    public void Apply(ExtractionContext context)
    {
        var text = context.Text;
        foreach (var draft in context.LiveDrafts)
        {
            var clauseStart = ClauseText.ClauseStart(text, draft.ExpressionStart);
            var clause = text[clauseStart..ClauseText.ClauseEnd(text, draft.ExpressionEnd)];
            var paragraphStart = ClauseText.ParagraphStart(text, draft.ExpressionStart);
            var heading = text[paragraphStart..ClauseText.SentenceEnd(text, paragraphStart)];
            draft.Category = Classify(draft.Indicator) ?? Classify(clause) ?? Classify(heading) ?? TargetCategories.Other;
        }
    }

    /// <summary>The category whose keywords <paramref name="phrase"/> holds, or null.</summary>
    public static string? Classify(string phrase)
    {
        if (string.IsNullOrEmpty(phrase))
        {
            return null;
        }

        foreach (var (category, groups) in Table)
        {
            var all = true;
            foreach (var group in groups)
            {
                var any = false;
                foreach (var word in group)
                {
                    if (phrase.Contains(word, StringComparison.Ordinal))
                    {
                        any = true;
                        break;
                    }
                }

                if (!any)
                {
                    all = false;
                    break;
                }
            }

            if (all)
            {
                return category;
            }
        }

        return null;
    }
}
