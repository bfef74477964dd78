using PolicyMiner.Ingest.Cleaning;

namespace PolicyMiner.Ingest.Tests;

public sealed class ChromeFilterTests
{
    public static TheoryData<string, string> Lines => SpecRows.Of("Chrome.md", "line", "verdict");

    [Theory]
    [MemberData(nameof(Lines))]
    public void IsChrome_SpecLine_MatchesVerdict(string line, string verdict)
    {
        Assert.True(verdict is "drop" or "keep", $"verdict '{verdict}' of '{line}' must be drop or keep");
        Assert.Equal(verdict == "drop", ChromeFilter.IsChrome(line));
    }

    [Fact]
    public void Clean_MetadataTableLines_BecomeFieldsAndLeaveTheText()
    {
        var source = "  • 索 引 号:0000-2018-00001\n  • 发布机构:测试网址\n  • 发文日期:2018-06-22\n名称：测试工作要点\n一、总体目标\n来 源:测试网址 责任编辑:某某";
        var cleaned = ChromeFilter.Clean(source);

        Assert.Equal("一、总体目标", cleaned.Text);
        Assert.Equal("0000-2018-00001", cleaned.Fields["索引号"]);
        Assert.Equal("测试网址", cleaned.Fields["发布机构"]);
        Assert.Equal("2018-06-22", cleaned.Fields["发文日期"]);
        Assert.Equal("测试工作要点", cleaned.Fields["名称"]);
        Assert.Equal("测试网址", cleaned.Fields["来源"]);
        Assert.Equal("某某", cleaned.Fields["责任编辑"]);
    }

    [Fact]
    public void Clean_EmptyFieldValues_AreLeftOut()
    {
        var cleaned = ChromeFilter.Clean("文号：\n发文日期：\n登记日期：2009-11-23\n正文第一段。");

        Assert.False(cleaned.Fields.ContainsKey("文号"));
        Assert.False(cleaned.Fields.ContainsKey("发文日期"));
        Assert.Equal("2009-11-23", cleaned.Fields["登记日期"]);
        Assert.Equal("正文第一段。", cleaned.Text);
    }

    [Fact]
    public void Clean_LeadIn_NamesTheTitle()
    {
        var cleaned = ChromeFilter.Clean("本站小编为你精心准备了云岭县科技工作意见参考范文,愿这些范文能点燃您思维的火花。\n一、指导思想");

        Assert.Equal("云岭县科技工作意见", cleaned.TitleHint);
        Assert.Equal("一、指导思想", cleaned.Text);
    }

    [Fact]
    public void Clean_SiteBannerWithHost_RecordsTheHost()
    {
        var cleaned = ChromeFilter.Clean("测试官网 kj.example.gov.cn 发布时间:2018-06-22 【字体:\n正文。");

        Assert.Contains("kj.example.gov.cn", cleaned.Domains);
    }

    [Fact]
    public void Clean_ShortLinesBelowTheFooter_AreDropped()
    {
        var body = string.Join('\n', Enumerable.Range(1, 10).Select(i => $"{i}.第{i}项工作要求，确保落实到位。"));
        var cleaned = ChromeFilter.Clean(body + "\n扫一扫在手机打开当前页\n样例链接\n承办单位：某中心");

        Assert.EndsWith("10.第10项工作要求，确保落实到位。", cleaned.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Clean_KeptText_MapsBackToTheSource()
    {
        var source = "扫一扫\r\n  一、  总体   目标  \r\n\r\n□\r\n二、任务";
        var cleaned = ChromeFilter.Clean(source);

        Assert.Equal("一、 总体 目标\n二、任务", cleaned.Text);
        Assert.Equal(source.IndexOf("一、", StringComparison.Ordinal), cleaned.Map.ToSource(0));
        Assert.Equal(source.IndexOf('二', StringComparison.Ordinal), cleaned.Map.ToSource(cleaned.Text.IndexOf('二', StringComparison.Ordinal)));
        Assert.Contains(source[cleaned.Map.ToSource(cleaned.Text.IndexOf('\n', StringComparison.Ordinal))], "\r\n");
    }
}
