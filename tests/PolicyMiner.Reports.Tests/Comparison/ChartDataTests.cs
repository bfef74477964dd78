using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using PolicyMiner.Core.Indicators;
using PolicyMiner.Core.Targets;
using PolicyMiner.Reports.Comparison;
using PolicyMiner.Reports.Comparison.Charts;
using PolicyMiner.Reports.Samples;

namespace PolicyMiner.Reports.Tests.Comparison;

/// <summary>The chart data a reader's browser draws: every mark a stated value, one kind and unit per chart, subordinate floors apart.</summary>
public sealed partial class ChartDataTests
{
    private static readonly ReportDocument Plan2021 = SampleRows.Document("qingchuan-2021.txt", "青川市", 2021);

    private static ReportRow Share(string quote, double value, Commitment commitment, TargetKind kind = TargetKind.Share, Comparator comparator = Comparator.Equal) =>
        SampleRows.Row(Plan2021, "财政科技支出占财政支出比重", "fiscal_st_spending", value, "%", 2025, comparator, commitment, kind) is var row
            ? row with { Target = row.Target with { Quote = quote, IndicatorId = "fiscal_st_spending_share" } }
            : throw new InvalidOperationException();

    private static IndicatorSection Section(params ReportRow[] rows) =>
        new ComparisonReportBuilder(IndicatorTaxonomy.Default).AddRows(rows).Build().Section("fiscal_st_spending_share")
        ?? throw new InvalidOperationException("no section");

    [Fact]
    public void Plan_TwoValuesOfOneRegionAndYear_TwoMarksAndNoMean()
    {
        var section = Section(
            Share("到2025年，财政科技支出占财政支出比重确保2.3%", 2.3, Commitment.Firm),
            Share("力争达到2.4%", 2.4, Commitment.Aspirational));

        var chart = Assert.Single(section.Charts);
        Assert.Equal([2.3, 2.4], chart.Marks.Select(m => m.Value).Order());
        Assert.DoesNotContain(chart.Marks, m => Math.Abs(m.Value - 2.35) < 1e-9);
        Assert.Equal([Commitment.Firm, Commitment.Aspirational], chart.Marks.Select(m => m.Target.Target.Commitment).Order());
    }

    [Fact]
    public void Plan_SharesAndGrowthRatesOfOneIndicator_SeparateCharts()
    {
        var section = Section(
            Share("财政科技支出占财政支出比重不低于2%", 2, Commitment.Plain, comparator: Comparator.AtLeast),
            Share("财政科技支出年均增长15%以上", 15, Commitment.Plain, TargetKind.Growth, Comparator.AtLeast),
            Share("财政科技支出增长不低于10%", 10, Commitment.Plain, TargetKind.Growth, Comparator.AtLeast));

        Assert.Equal([(TargetKind.Growth, 2), (TargetKind.Share, 1)], section.Charts.Select(c => (c.Kind, c.Marks.Count)));
        Assert.DoesNotContain(section.Charts.SelectMany(c => c.Marks), m => Math.Abs(m.Value - 8.5) < 1e-9);
    }

    [Theory]
    [InlineData("到2025年，各县（市、区）财政科技支出占财政支出比重不低于1.5%")]
    [InlineData("到2025年各县(市、区)财政科技支出占比不低于1.5%")]
    [InlineData("各高校财政科技支出占比不低于1.5%")]
    public void Plan_FloorOfSubordinateUnits_ApartFromTheRegionsOwn(string quote)
    {
        var section = Section(
            Share("到2025年，全市财政科技支出占财政支出比重达到2.5%", 2.5, Commitment.Firm),
            Share(quote, 1.5, Commitment.Plain, comparator: Comparator.AtLeast));

        Assert.Equal([(TargetScope.Region, 2.5), (TargetScope.Subordinate, 1.5)], section.Charts.Select(c => (c.Scope, Assert.Single(c.Marks).Value)));
    }

    [Fact]
    public void Plan_RangeTarget_OneMarkSpanningBothEnds()
    {
        var section = Section(Share("比重达到2%-3%", 2, Commitment.Plain, comparator: Comparator.Range) is var row
            ? row with { Target = row.Target with { ValueMax = 3 } } : throw new InvalidOperationException());

        var mark = Assert.Single(Assert.Single(section.Charts).Marks);
        Assert.Equal((2.0, 3.0), (mark.Value, mark.ValueMax!.Value));
    }

    /// <summary>Over a generated corpus, read from the JSON the page carries: each dated target is one mark at its own stated value, so no mean can appear.</summary>
    [Fact]
    public void WriteHtml_GeneratedCorpus_EveryMarkIsItsTargetsStatedValueOfTheChartsKindAndUnit()
    {
        var (documents, rows) = GeneratedReportCorpus.Create(200, 12);
        var report = new ComparisonReportBuilder(IndicatorTaxonomy.Default).AddDocuments(documents).AddRows(rows).Build();
        using var stream = new MemoryStream();
        report.WriteHtml(stream);
        var html = Encoding.UTF8.GetString(stream.ToArray());

        using var json = JsonDocument.Parse(DataScript().Match(html).Groups[1].Value);
        var targets = report.Sections.SelectMany(s => s.Targets).ToArray();
        var charts = json.RootElement.GetProperty("charts").EnumerateArray().ToArray();
        Assert.Equal(report.Sections.Sum(s => s.Charts.Count), charts.Length);
        Assert.True(charts.Length > 10, $"only {charts.Length} charts");
        var plotted = new HashSet<int>();
        foreach (var chart in charts)
        {
            var kind = (TargetKind)chart.GetProperty("kind").GetInt32();
            var unit = chart.GetProperty("unit").GetString();
            var scope = (TargetScope)chart.GetProperty("scope").GetInt32();
            foreach (var mark in chart.GetProperty("marks").EnumerateArray())
            {
                var target = targets[mark[0].GetInt32()];
                Assert.Equal(target.Target.Year, mark[1].GetInt32());
                Assert.Equal(target.DisplayValue, mark[2].GetDouble());
                Assert.Equal((kind, unit, scope), (target.Target.Kind, target.DisplayUnit, target.Scope));
                Assert.True(plotted.Add(mark[0].GetInt32()), "a target plotted twice");
            }
        }

        // Every dated target of a section is exactly one mark: nothing merged or averaged away.
        Assert.Equal(targets.Count(t => t.Target.Year is not null), plotted.Count);
    }

    [GeneratedRegex("<script type=\"application/json\" id=\"pm-data\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex DataScript();
}
