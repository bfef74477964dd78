using PolicyMiner.Core.Documents;
using PolicyMiner.Core.Targets;

namespace PolicyMiner.Reports.Samples;

/// <summary>A generated corpus of invented documents and targets, for benchmarks and demonstrations of the reports.</summary>
/// <remarks>The places are invented (two syllables + 市) and stand for no real region; the same arguments give the same corpus.</remarks>
public static class GeneratedReportCorpus
{
    // Invented sample places: two syllables + 市; they stand for no real region.
    private static readonly string[] First = ["青", "云", "星", "清", "白", "金", "松", "临", "安", "碧"];
    private static readonly string[] Second = ["川", "岭", "桥", "溪", "石", "湾", "原", "屿", "坪", "峦"];

    private static readonly (string Indicator, string Category, string Unit, double Low, double High, TargetKind Kind)[] Templates =
    [
        ("研究与开发经费占国内生产总值的比重", "rd_intensity", "%", 1.0, 3.5, TargetKind.Share),
        ("全社会研发经费(R&D)支出占GDP的比重", "rd_intensity", "%", 1.0, 3.5, TargetKind.Share),
        ("R&D占地区生产总值的比重", "rd_intensity", "%", 1.0, 3.5, TargetKind.Share),
        ("研发投入强度", "rd_intensity", "个百分点", 0.1, 0.5, TargetKind.Increase),
        ("财政科技支出占财政一般预算支出的比重", "fiscal_st_spending", "%", 1.0, 5.0, TargetKind.Share),
        ("高新技术企业", "high_tech_enterprises", "家", 20, 800, TargetKind.Count),
        ("新增高新技术企业", "high_tech_enterprises", "家", 5, 100, TargetKind.Increase),
        ("高新技术产业增加值占GDP比重", "high_tech_share", "%", 10, 40, TargetKind.Share),
        ("高新技术产业产值", "high_tech_output", "亿元", 50, 3000, TargetKind.Amount),
        ("技术合同成交额", "tech_contracts", "亿元", 1, 80, TargetKind.Amount),
        ("技术合同交易额", "tech_contracts", "万元", 5000, 90000, TargetKind.Amount),
        ("专利申请量", "patents", "件", 500, 20000, TargetKind.Count),
        ("每万人发明专利拥有量", "patents", "件", 1, 30, TargetKind.Level),
        ("众创空间", "incubators", "家", 2, 60, TargetKind.Count),
        ("科技企业孵化器", "incubators", "家", 1, 30, TargetKind.Count),
        ("省级以上研发平台", "rd_platforms", "个", 5, 200, TargetKind.Count),
        ("引进高层次人才", "talent", "名", 10, 500, TargetKind.Count),
        ("科技型中小企业", "tech_enterprises", "家", 50, 3000, TargetKind.Count),
        ("科技进步贡献率", "other", "%", 45, 65, TargetKind.Level),
        ("智慧社区样板点", "other", "个", 1, 20, TargetKind.Count),
    ];

    /// <summary>Deterministic invented documents: 100 places, plan years 2005–2024, values varied per document; every 50th has no target.</summary>
    public static (IReadOnlyList<ReportDocument> Documents, IReadOnlyList<ReportRow> Rows) Create(int documentCount, int perDocument)
    {
        var random = new Random(20_000);
        var documents = new List<ReportDocument>(documentCount);
        var rows = new List<ReportRow>(documentCount * perDocument);
        for (var i = 0; i < documentCount; i++)
        {
            var place = First[i % First.Length] + Second[(i / First.Length) % Second.Length] + "市";
            var year = 2005 + (i / 100 % 20);
            var name = $"sample-{i:D5}.txt";
            var document = new ReportDocument(
                $"{i:x16}",
                name,
                new DocumentMetadata($"{place}{year}年科技创新工作要点（生成样例）", $"{place}人民政府", null, place, "样例省", year, new DateOnly(year, 1 + (i % 12), 1 + (i % 28))));
            documents.Add(document);
            if (i % 50 == 49)
            {
                continue;
            }

            for (var t = 0; t < perDocument; t++)
            {
                var (indicator, category, unit, low, high, kind) = Templates[random.Next(Templates.Length)];
                var value = Math.Round(low + (random.NextDouble() * (high - low)), 2);
                var due = year + random.Next(0, 6);
                var quote = $"到{due}年，{indicator}达到{value}{unit}以上";
                rows.Add(new ReportRow(document, new PolicyTarget
                {
                    Doc = name,
                    Quote = quote,
                    Start = t * 40,
                    End = (t * 40) + quote.Length,
                    Indicator = indicator,
                    Category = category,
                    Value = value,
                    Unit = unit,
                    Comparator = (Comparator)random.Next(0, 3),
                    Commitment = (Commitment)random.Next(0, 3),
                    Kind = kind,
                    Year = due,
                    YearText = $"到{due}年",
                    Responsible = ["市科技局"],
                }));
            }
        }

        return (documents, rows);
    }
}
