using PolicyMiner.Extraction.Pipeline;

namespace PolicyMiner.Extraction.Tests;

public sealed class TargetExtractorTests
{
    [Theory]
    [InlineData("")]
    [InlineData("（）“”《》")]
    [InlineData("1.\n2.\n(一)\n")]
    [InlineData("到年底到到到年年年内内")]
    [InlineData("\ud800\udc00\ud800 3家 \u0000 5%")]
    [InlineData("(责任领导:,责任部门:)牵头负责")]
    public void Extract_OddText_NeverThrows(string text)
    {
        var document = PlainTextDocument.Create("odd.txt", text, 2018);

        var targets = TargetExtractor.Default.Extract(document);

        Assert.All(targets, t => Assert.Equal(text[t.Start..t.End], t.Quote));
    }

    [Fact]
    public void Extract_LongTextWithoutPunctuation_Completes()
    {
        var text = string.Concat(Enumerable.Repeat("新增高新技术企业40家年内力争建成孵化器3个", 20000));
        var document = PlainTextDocument.Create("long.txt", text, 2018);

        var targets = TargetExtractor.Default.Extract(document);

        Assert.Equal(40000, targets.Count);
    }

    [Theory]
    [InlineData("示范县人民政府关于示范县数字经济总体规划（2021—2030年）的批复", 2030)]
    [InlineData("示范县人民政府关于印发示范县“十四五”数字经济规划的通知", 2025)]
    [InlineData("示范市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要", 2025)]
    [InlineData("示范县2021年数字经济工作要点", 2021)]
    [InlineData("Action Plan for the Digital Economy of Sample County (2021 - 2023)", 2023)]
    [InlineData("Sample County Digital Economy Plan（2021—2024）", 2024)]
    [InlineData("Interpretation of the 14th Five - Year Plan for the Digital Economy of Sample County", 2025)]
    [InlineData("Several Measures to Accelerate the Digital Economy of Sample County", 2021)]
    public void Extract_UntimedTarget_IsDueAtTheEndOfThePlanPeriodItsTitleNames(string title, int due)
    {
        var plain = PlainTextDocument.Create("plan.txt", "全县数字经济核心产业增加值占比达到10%。", 2021);
        var document = plain with { Metadata = plain.Metadata with { Title = title } };

        var target = Assert.Single(TargetExtractor.Default.Extract(document));

        Assert.Equal(due, target.Year);
        Assert.Null(target.YearText);
    }

    [Fact]
    public void Extract_NumberedHeadingCutInsideItsQuotedPeriod_DatesItsOwnSectionOnly()
    {
        // "二、“" / "十五五" / "”时期…": the period the heading names over the lines that close its quote is its section's deadline;
        // neither it nor a phrase cut out mid-sentence ("…统筹发力，" / "促消" / "费…") is a heading of its own reaching further.
        const string Text = "一、云岭县2025年回望\n全县新增城镇就业0.9万人。\n二、“\n十五五\n”时期的主要任务\n坚持扩内需，统筹发力，\n促消\n"
                            + "费和扩投资并举。全县新增城镇就业5万人。\n三、云岭县2026年重点工作\n全县新增城镇就业1万人。\n";
        var read = new PolicyMiner.Ingest.DocumentReader().Read(System.Text.Encoding.UTF8.GetBytes(Text), "report.txt", PolicyMiner.Core.Documents.DocumentFormat.Txt);
        Assert.True(read.Succeeded, read.Message);
        var document = read.Document with { Metadata = read.Document.Metadata with { Year = 2026 } };

        var targets = TargetExtractor.Default.Extract(document);

        Assert.Equal(2030, Assert.Single(targets, t => t.Value == 5).Year);
        Assert.Equal(2026, Assert.Single(targets, t => t.Value == 1).Year);
    }

    [Theory]
    [InlineData("青川市人民政府办公室关于两起道路交通事故调查处理情况的通报", "")]
    [InlineData("青川市人民政府办公室关于加强道路交通安全工作的意见", "2名")]
    public void Extract_DocumentOfAReportingGenre_SetsNoTargetWhereItsSentenceSetsNothing(string title, string expected)
    {
        const string Text = "“3·26”事故负有直接责任的两名驾驶人已在事故中身亡，不再追究责任。各地要在年内完成隐患排查。";
        var plain = PlainTextDocument.Create("notice.txt", Text, 2004);
        var document = plain with { Metadata = plain.Metadata with { Title = title } };

        var targets = TargetExtractor.Default.Extract(document);

        Assert.Equal(expected, string.Concat(targets.Select(t => $"{t.Value}{t.Unit}")));
    }

    [Fact]
    public void Extract_SameExtractorManyThreads_GivesSameResults()
    {
        var document = PlainTextDocument.Create("t.txt", "年内新增高新技术企业40家，力争建成孵化器3个。（责任部门:市科技局）", 2018);
        var expected = TargetExtractor.Default.Extract(document);

        var results = Enumerable.Range(0, 16).AsParallel().Select(_ => TargetExtractor.Default.Extract(document)).ToList();

        Assert.All(results, r => Assert.Equal(expected, r, (a, b) => a.Quote == b.Quote && a.Value == b.Value && a.Responsible.SequenceEqual(b.Responsible)));
    }

    [Fact]
    public void Builder_WithoutResponsibility_LeavesResponsibleEmpty()
    {
        var pipeline = new ExtractionPipelineBuilder().UseQuantities().UseNonTargets().UseComparators().UseIndicators().Build();
        var extractor = new TargetExtractor(pipeline);
        var document = PlainTextDocument.Create("t.txt", "新增高新技术企业40家。（责任部门:市科技局）", 2018);

        var target = Assert.Single(extractor.Extract(document));

        Assert.Empty(target.Responsible);
        Assert.Equal("高新技术企业", target.Indicator);
    }

    [Fact]
    public void Trace_RejectedMention_CarriesTheReason()
    {
        var document = PlainTextDocument.Create("t.txt", "推进“五个100”工程。", 2018);

        var context = TargetExtractor.Default.Trace(document);

        Assert.Contains(context.Drafts, d => d.RejectedBecause == RejectionReason.QuotedName);
    }

    [Theory]
    [InlineData("到2020年，全市研究与开发经费支出占地区生产总值的比重达到2.5%。")]
    [InlineData("力争全社会R&D经费投入占GDP的比重达到2%。")]
    public void Extract_RdIntensityWordings_ShareOneCanonicalIndicator(string text)
    {
        var document = PlainTextDocument.Create("rd.txt", text, 2018);

        var target = Assert.Single(TargetExtractor.Default.Extract(document));

        Assert.Equal("rd_intensity", target.Category);
        Assert.Equal("rd_intensity", target.IndicatorId);
    }

    [Theory]
    [InlineData("今年全县地区生产总值增长6%左右。", "gdp_growth")]
    [InlineData("“十四五”时期全县地区生产总值年均增长6.8%左右。", "gdp_growth_average")]
    [InlineData("全社会研发经费投入增长12%以上。", "rd_expenditure_growth")]
    public void Extract_WordsBetweenIndicatorAndNumber_DecideTheCanonicalIndicator(string text, string expected)
    {
        // The indicator leaves the growth phrase out (as annotators write it); the canonical id still reads it, so a
        // five-year average is not compared with a year's growth, nor spending growth with research intensity.
        var document = PlainTextDocument.Create("growth.txt", text, 2021);

        var target = Assert.Single(TargetExtractor.Default.Extract(document));

        Assert.DoesNotContain("增长", target.Indicator, StringComparison.Ordinal);
        Assert.Equal(expected, target.IndicatorId);
    }
}
