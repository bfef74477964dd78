using System.Text;
using System.Text.RegularExpressions;
using MiniExcelLibs;
using PolicyMiner.Core.Indicators;
using PolicyMiner.Core.Targets;
using PolicyMiner.Reports.Comparison;
using PolicyMiner.Reports.Export;

namespace PolicyMiner.Reports.Tests.Comparison;

public sealed partial class ComparisonReportTests
{
    private static ComparisonReport Build(Action<ComparisonReportBuilder>? configure = null)
    {
        var (documents, rows) = SampleRows.Corpus();
        var builder = new ComparisonReportBuilder(IndicatorTaxonomy.Default).AddDocuments(documents).AddRows(rows);
        configure?.Invoke(builder);
        return builder.Build();
    }

    private static string Html(ComparisonReport report)
    {
        using var stream = new MemoryStream();
        report.WriteHtml(stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static string SectionHtml(string html, string indicatorId)
    {
        var start = html.IndexOf($"id=\"ind-{indicatorId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no section for {indicatorId}");
        return html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)];
    }

    [Fact]
    public void Build_RdIntensityWordedDifferently_OneSectionWithEveryRegionAndYear()
    {
        var section = Build().Section("rd_intensity");

        Assert.NotNull(section);
        Assert.Equal(5, section.Targets.Count);
        Assert.Equal(["云岭县", "星桥市", "青川市"], section.Places.Order(StringComparer.Ordinal));
        Assert.Equal([2019, 2020, 2022, 2025], section.DueYears.Select(y => y!.Value));
        Assert.Equal(4, section.Plans.Count);
    }

    [Fact]
    public void WriteHtml_RdIntensity_RegionsAndYearsSideBySideInOneTable()
    {
        var section = SectionHtml(Html(Build()), "rd_intensity");

        Assert.Equal(1, Regex.Count(section, "<table"));
        foreach (var expected in new[] { "青川市 · 2018年", "青川市 · 2021年", "云岭县 · 2019年", "星桥市 · 2020年", "<th>2020</th>", "<th>2025</th>" })
        {
            Assert.Contains(expected, section, StringComparison.Ordinal);
        }

        Assert.Contains("≥2.5%", section, StringComparison.Ordinal);
        Assert.Contains("≥1.8%", section, StringComparison.Ordinal);
        Assert.Contains("约2%", section, StringComparison.Ordinal);
        // 个百分点 is an increment of the share, shown apart from the % levels.
        Assert.Contains("+0.2个百分点", System.Net.WebUtility.HtmlDecode(section), StringComparison.Ordinal);
        // The 2020 column holds both regions' targets for that year.
        var row2018 = Regex.Match(section, "<tr><th>青川市 · 2018年</th>(.*?)</tr>").Groups[1].Value;
        var row2019 = Regex.Match(section, "<tr><th>云岭县 · 2019年</th>(.*?)</tr>").Groups[1].Value;
        var column2020 = Array.IndexOf(Regex.Matches(section, "<th>(\\d{4}|年份未定)</th>").Select(m => m.Groups[1].Value).ToArray(), "2020");
        Assert.Contains("≥2.5%", Cells(row2018)[column2020], StringComparison.Ordinal);
        Assert.Contains("≥1.8%", Cells(row2019)[column2020], StringComparison.Ordinal);
    }

    private static string[] Cells(string row) => [.. Regex.Matches(row, "<td>(.*?)</td>").Select(m => m.Groups[1].Value)];

    [Fact]
    public void WriteHtml_TargetLink_LeadsToItsQuoteAsTextWithItsDocument()
    {
        var (_, rows) = SampleRows.Corpus();
        var html = Html(Build());

        var link = Regex.Match(html, "<a class=\"t firm\" data-i=\"(\\d+)\" href=\"#q\\1\">≥2.5%");
        Assert.True(link.Success);
        // The quote is on the page as text (no hover needed), once, with a link to its document in the index.
        var item = Regex.Match(html, $"<li id=\"q{link.Groups[1].Value}\" data-i=\"\\d+\">(.*?)</li>");
        Assert.True(item.Success);
        Assert.Contains($"<span class=\"q\">{rows[0].Target.Quote}</span>", item.Groups[1].Value, StringComparison.Ordinal);
        Assert.Equal(1, Regex.Count(html, Regex.Escape(rows[0].Target.Quote)));
        var document = Regex.Match(item.Groups[1].Value, "href=\"#d(\\d+)\"").Groups[1].Value;
        Assert.Contains($"<tr id=\"d{document}\"><td>{int.Parse(document, System.Globalization.CultureInfo.InvariantCulture) + 1}</td><td>qingchuan-2018.txt", html, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteHtml_Always_SelfContained()
    {
        var html = Html(Build());

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(ExternalReference(), html);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script src", html, StringComparison.OrdinalIgnoreCase);
        // ECharts is inline: the page draws its charts without network access.
        Assert.Contains("Apache ECharts", html, StringComparison.Ordinal);
        Assert.Contains("echarts.init(", html, StringComparison.Ordinal);
        Assert.Contains("<div class=\"chart\" id=\"c0\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteHtml_Provenance_StatesTimeVersionDatabaseAndDocuments()
    {
        var at = new DateTimeOffset(2026, 3, 1, 8, 30, 0, TimeSpan.Zero);
        var html = Html(Build(b => b.Provenance = new ReportProvenance(at, "9.8.7", "/data/policyminer.db")));

        Assert.Contains("生成于 2026-03-01 08:30 UTC · PolicyMiner 9.8.7 · 数据库 /data/policyminer.db · 5 份文件", html, StringComparison.Ordinal);
    }

    [GeneratedRegex("""(src|href)\s*=\s*["']?\s*(https?:)?//|url\(\s*["']?(https?:)?//""", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalReference();

    [Fact]
    public void Build_MoneyInYiAndWan_NormalisedToOneUnit()
    {
        var section = Build().Section("tech_contract_turnover");

        Assert.NotNull(section);
        Assert.All(section.Targets, t => Assert.Equal("亿元", t.DisplayUnit));
        Assert.Equal([30.0, 0.5], section.Targets.Select(t => t.DisplayValue));
    }

    [Fact]
    public void Build_SmallMoney_ShownInWan()
    {
        var document = SampleRows.Document("a.txt", "青川市", 2020);
        var report = new ComparisonReportBuilder(IndicatorTaxonomy.Default)
            .AddRows([
                SampleRows.Row(document, "争取上级科技资金", "st_funding", 500, "万元", 2020),
                SampleRows.Row(document, "争取上级科技资金", "st_funding", 0.1, "亿元", 2021),
            ])
            .Build();

        var section = report.Section("st_funding_obtained");
        Assert.NotNull(section);
        Assert.Equal(["≥500万元", "≥1000万元"], section.Targets.Select(t => t.Label));
    }

    [Fact]
    public void Build_RangeTarget_LabelShowsBothEnds()
    {
        var section = Build().Section("makerspaces");

        Assert.NotNull(section);
        Assert.Equal("3–5家", Assert.Single(section.Targets).Label);
    }

    [Fact]
    public void Build_DocumentWithoutTargets_ListedAsSuch()
    {
        var report = Build();

        var empty = Assert.Single(report.DocumentsWithoutTargets);
        Assert.Equal("notice-2020.txt", empty.Name);
        var html = Html(report);
        var list = html[html.IndexOf("id=\"no-targets\"", StringComparison.Ordinal)..html.IndexOf("id=\"documents\"", StringComparison.Ordinal)];
        Assert.Contains("notice-2020.txt", list, StringComparison.Ordinal);
        Assert.DoesNotContain("qingchuan-2018.txt", list, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_TargetOfNoIndicator_ListedAsUnmatched()
    {
        var report = Build();

        var unmatched = Assert.Single(report.Unmatched);
        Assert.Equal("other", unmatched.Target.Category);
        Assert.Contains("金点子", Html(report), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_CategoryFilter_OnlyThatCategory()
    {
        var report = Build(b => b.Categories.Add("rd_intensity"));

        Assert.Equal(["rd_intensity"], report.Sections.Select(s => s.Indicator.Id));
        Assert.Empty(report.Unmatched);
    }

    [Fact]
    public void Build_IndicatorFilter_OnlyThatIndicator()
    {
        var report = Build(b => b.IndicatorIds.Add("high_tech_enterprises"));

        var section = Assert.Single(report.Sections);
        Assert.Equal(2, section.Targets.Count);
    }

    [Fact]
    public void Build_Charts_OneChartPerKindAndUnitWithEveryRegion()
    {
        var section = Build().Section("rd_intensity");

        Assert.NotNull(section);
        // % shares and 个百分点 increments never share an axis.
        Assert.Equal([(TargetKind.Share, "%", 4), (TargetKind.Increase, "个百分点", 1)], section.Charts.Select(c => (c.Kind, c.Unit, c.Marks.Count)));
        Assert.Equal(["云岭县", "星桥市", "青川市"], section.Charts[0].Marks.Select(m => m.Target.Plan.Place).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Build_NoCharts_HtmlWithoutCharts()
    {
        var report = Build(b => b.IncludeCharts = false);

        Assert.All(report.Sections, s => Assert.Empty(s.Charts));
        Assert.DoesNotContain("data-chart=", Html(report), StringComparison.Ordinal);
    }

    [Fact]
    public void WriteHtml_Overview_IndicatorsDownPlanYearsAcrossCountingRegions()
    {
        var html = Html(Build());
        var start = html.IndexOf("id=\"overview\"", StringComparison.Ordinal);
        var overview = html[start..html.IndexOf("</table>", start, StringComparison.Ordinal)];

        Assert.Equal(["2018", "2019", "2020", "2021"], Regex.Matches(overview, "<th class=\"y\">(.*?)</th>").Select(m => m.Groups[1].Value));
        var row = Regex.Match(overview, "研发经费投入强度.*?</th>(.*?)</tr>").Groups[1].Value;
        Assert.Equal(["1", "1", "1", "1"], Regex.Matches(row, "<td[^>]*>(\\d*)</td>").Select(m => m.Groups[1].Value));
        // One region per (indicator, plan year): rd_intensity 4, contract turnover 2, high-tech enterprises 1, makerspaces 1.
        Assert.Equal(4 + 2 + 1 + 1, Regex.Matches(overview, "<td class=\"h\\d\"[^>]*>(\\d+)</td>").Sum(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.DoesNotContain("class=\"scroll\"", html[start..html.IndexOf("</table>", start, StringComparison.Ordinal)], StringComparison.Ordinal);
    }

    [Fact]
    public void WriteHtml_TwiceFromOneReport_SameBytes()
    {
        var report = Build();
        Assert.Equal(Html(report), Html(report));
    }

    [Fact]
    public void WriteXlsx_AllTargetsSheetThenOneSheetPerIndicatorNamedInChinese()
    {
        var report = Build();
        using var stream = new MemoryStream();

        report.WriteXlsx(stream);

        stream.Position = 0;
        var sheets = MiniExcel.GetSheetNames(stream);
        Assert.Equal(["全部目标", .. report.Sections.Select(s => SpreadsheetLayout.SheetName(s.Indicator.Name, []))], sheets);
        Assert.Contains("研发经费投入强度(R&D经费占GDP比重)", sheets);
        var all = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "全部目标").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(SampleRows.Corpus().Rows.Count, all.Count);
        var rd = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "研发经费投入强度(R&D经费占GDP比重)").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(5, rd.Count);
        Assert.Equal(["云岭县", "云岭县", "星桥市", "青川市", "青川市"], rd.Select(r => (string)r["region"]!));
        Assert.Contains(rd, r => Equals(r["unit"], "个百分点"));
        // The document's title and region come first; no 64-digit id leads the row.
        Assert.Equal(["title", "region"], rd[0].Keys.Take(2));
        var contractSheet = SpreadsheetLayout.SheetName(report.Section("tech_contract_turnover")!.Indicator.Name, []);
        var contracts = MiniExcel.Query(stream, useHeaderRow: true, sheetName: contractSheet).Cast<IDictionary<string, object?>>().ToList();
        Assert.All(contracts, r => Assert.Equal("亿元", r["unit"]));
    }

    [Fact]
    public void WriteXlsx_EverySheet_ColumnWidthsAndFrozenHeader()
    {
        using var stream = new MemoryStream();
        Build().WriteXlsx(stream);

        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(stream.ToArray()));
        var sheets = zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/sheet", StringComparison.Ordinal)).ToList();
        Assert.True(sheets.Count > 2);
        foreach (var entry in sheets)
        {
            using var reader = new StreamReader(entry.Open());
            var xml = reader.ReadToEnd();
            // The quote column is wide (70 characters and MiniExcel's padding); the title column too.
            Assert.Matches("<(x:)?col [^>]*width=\"70(\\.\\d+)?\"", xml);
            Assert.Matches("<(x:)?col min=\"1\" max=\"1\" width=\"44(\\.\\d+)?\"", xml);
            Assert.Matches("<(x:)?pane [^>]*ySplit=\"1\"[^>]*state=\"frozen\"", xml);
        }
    }

    [Theory]
    [InlineData("研发经费投入强度(R&D经费占GDP比重)", "研发经费投入强度(R&D经费占GDP比重)")]
    [InlineData("高新技术产业增加值占GDP(规模工业增加值)比重", "高新技术产业增加值占GDP(规模工业增加值)比重")]
    [InlineData("a/b:c*d?e[f]g\\h", "a_b_c_d_e_f_g_h")]
    [InlineData("'引号'", "引号")]
    public void SheetName_IndicatorName_ForbiddenCharactersReplaced(string name, string expected)
    {
        Assert.Equal(expected, SpreadsheetLayout.SheetName(name, []));
    }

    [Fact]
    public void SheetName_LongOrTakenName_CutToExcelLimitAndUniqueIgnoringCase()
    {
        var longName = "规模以上工业企业研究与试验发展经费支出占主营业务收入比重（按照新口径统计）";
        var taken = new List<string> { SpreadsheetLayout.SheetName(longName, []) };

        var second = SpreadsheetLayout.SheetName(longName, taken);
        var latin = SpreadsheetLayout.SheetName("RD", ["rd"]);

        Assert.Equal(31, taken[0].Length);
        Assert.True(second.Length <= 31);
        Assert.EndsWith("~2", second, StringComparison.Ordinal);
        Assert.Equal("RD~2", latin);
    }
}
