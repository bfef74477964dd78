using PolicyMiner.Core.Documents;
using PolicyMiner.Core.Targets;

namespace PolicyMiner.Reports.Tests;

/// <summary>Invented sample documents and targets (regions such as 青川市 and 云岭县 do not exist).</summary>
internal static class SampleRows
{
    public static ReportDocument Document(string name, string region, int year, string? province = "江南省", string? title = null) =>
        new(
            $"hash-{name}",
            name,
            new DocumentMetadata(
                Title: title ?? $"{region}{year}年科技创新工作要点（样例）",
                Region: region,
                Province: province,
                Year: year,
                Date: new DateOnly(year, 3, 1)));

    public static ReportRow Row(
        ReportDocument document,
        string indicator,
        string category,
        double value,
        string unit,
        int? year,
        Comparator comparator = Comparator.AtLeast,
        Commitment commitment = Commitment.Firm,
        TargetKind kind = TargetKind.Share,
        double? valueMax = null)
    {
        var quote = $"到{year}年，{indicator}达到{value}{unit}以上（样例）";
        return new ReportRow(document, new PolicyTarget
        {
            Doc = document.Name,
            Quote = quote,
            Start = 10,
            End = 10 + quote.Length,
            Indicator = indicator,
            Category = category,
            Value = value,
            ValueMax = valueMax,
            Unit = unit,
            Comparator = comparator,
            Commitment = commitment,
            Kind = kind,
            Year = year,
            YearText = year is null ? null : $"到{year}年",
            Responsible = ["市科技局", "市财政局"],
        });
    }

    /// <summary>R&amp;D intensity targets of three regions and plan years, each worded differently, plus other indicators.</summary>
    public static (IReadOnlyList<ReportDocument> Documents, IReadOnlyList<ReportRow> Rows) Corpus()
    {
        var qingchuan2018 = Document("qingchuan-2018.txt", "青川市", 2018);
        var qingchuan2021 = Document("qingchuan-2021.txt", "青川市", 2021);
        var yunling2019 = Document("yunling-2019.html", "云岭县", 2019, province: "西岭省");
        var xingqiao2020 = Document("xingqiao-2020.pdf", "星桥市", 2020);
        var empty = Document("notice-2020.txt", "星桥市", 2020, title: "关于举办科技活动周的通知（样例）");
        var rows = new List<ReportRow>
        {
            Row(qingchuan2018, "研究与开发经费占国内生产总值的比重", "rd_intensity", 2.5, "%", 2020),
            Row(qingchuan2021, "全社会研发经费(R&D)支出占GDP的比重", "rd_intensity", 3.1, "%", 2025, commitment: Commitment.Aspirational),
            Row(yunling2019, "R&D占地区生产总值的比重", "rd_intensity", 1.8, "%", 2020),
            Row(yunling2019, "研发投入强度", "rd_intensity", 0.2, "个百分点", 2019, comparator: Comparator.Equal, kind: TargetKind.Increase),
            Row(xingqiao2020, "全社会研发经费投入强度", "rd_intensity", 2.0, "%", 2022, comparator: Comparator.Approximately),
            Row(qingchuan2018, "技术合同成交额", "tech_contracts", 30, "亿元", 2020, kind: TargetKind.Amount),
            Row(yunling2019, "技术合同交易额", "tech_contracts", 5000, "万元", 2020, kind: TargetKind.Amount),
            Row(xingqiao2020, "高新技术企业", "high_tech_enterprises", 100, "家", 2022, kind: TargetKind.Count),
            Row(xingqiao2020, "新增高新技术企业", "high_tech_enterprises", 20, "家", 2021, kind: TargetKind.Increase),
            Row(qingchuan2021, "众创空间", "incubators", 3, "家", 2023, comparator: Comparator.Range, kind: TargetKind.Count, valueMax: 5),
            Row(qingchuan2021, "云岭杯创新大赛“金点子”", "other", 12, "场", null, kind: TargetKind.Count),
        };
        return ([qingchuan2018, qingchuan2021, yunling2019, xingqiao2020, empty], rows);
    }
}
