using PolicyMiner.Ingest.Structure;

namespace PolicyMiner.Ingest.Tests;

public sealed class StructureParserTests
{
    private const string Plan = "青川市科技工作要点\n一、工作目标\n全年新增企业20家。\n二、重点任务\n（一）培育主体\n1.建设平台。新增中心3家；培育团队2个。\n2.引进人才\n（1）引进博士10名\n（2）培训500人次\n（二）优化环境\n①完善政策；②加强服务\n三、保障措施\n加强领导。";

    [Fact]
    public void Sections_NumberingStyles_NestByFirstAppearance()
    {
        var sections = StructureParser.Sections(Plan);

        Assert.Equal(
            ["1 一 工作目标", "1 二 重点任务", "2 （一） 培育主体", "3 1 建设平台", "3 2 引进人才", "4 （1） 引进博士10名", "4 （2） 培训500人次", "2 （二） 优化环境", "3 ① 完善政策", "1 三 保障措施"],
            sections.Select(s => $"{s.Level} {s.Number} {s.Heading}"));
    }

    [Fact]
    public void Sections_Span_RunsToTheNextHeadingOfSameOrOuterLevel()
    {
        var sections = StructureParser.Sections(Plan);
        var second = sections[1];

        Assert.Equal(Plan.IndexOf("二、", StringComparison.Ordinal), second.Span.Start);
        Assert.Equal(Plan.IndexOf("\n三、", StringComparison.Ordinal), second.Span.End);
        Assert.Equal(Plan.Length, sections[^1].Span.End);
    }

    [Theory]
    [InlineData("第一章 总则", HeadingStyle.Chapter, "第一", "总则")]
    [InlineData("第十二条 本办法自发布之日起施行。", HeadingStyle.Article, "第十二", "本办法自发布之日起施行")]
    [InlineData("第二节 建设物流网", HeadingStyle.Section, "第二", "建设物流网")]
    [InlineData("一、指导思想", HeadingStyle.ChineseNumeral, "一", "指导思想")]
    [InlineData("(三)加强领导", HeadingStyle.ParenthesisedChineseNumeral, "(三)", "加强领导")]
    [InlineData("10.全社会研发经费占比确保1.9%。", HeadingStyle.ArabicDot, "10", "全社会研发经费占比确保1.9%")]
    [InlineData("3、培训农民", HeadingStyle.ArabicComma, "3", "培训农民")]
    [InlineData("（2）培训500人次", HeadingStyle.ParenthesisedArabic, "（2）", "培训500人次")]
    [InlineData("②加强服务", HeadingStyle.Circled, "②", "加强服务")]
    public void TryHeading_NumberedLine_ReadsStyleNumberAndHeading(string line, HeadingStyle style, string number, string heading)
    {
        Assert.True(StructureParser.TryHeading(line, out var actualStyle, out var actualNumber, out var actualHeading));
        Assert.Equal((style, number, heading), (actualStyle, actualNumber, actualHeading));
    }

    [Theory]
    [InlineData("1.9%的增长来自新兴产业。")]
    [InlineData("2018年全市高新技术企业达到200家。")]
    [InlineData("十佳科技创新企业")]
    [InlineData("一是推进体制创新。")]
    public void TryHeading_OrdinaryLine_IsNotAHeading(string line)
    {
        Assert.False(StructureParser.TryHeading(line, out _, out _, out _));
    }

    [Fact]
    public void Sentences_SplitOnTerminatorsLinesAndListItems()
    {
        const string text = "主要目标：（1）新增企业20家；（2）培训500人次。他说：“确保完成！”下一句？\n标题行\n①完善政策②加强服务";

        var sentences = StructureParser.Sentences(text).Select(s => text[s.Start..s.End]);

        Assert.Equal(["主要目标：", "（1）新增企业20家；", "（2）培训500人次。", "他说：“确保完成！”", "下一句？", "标题行", "①完善政策", "②加强服务"], sentences);
    }
}
