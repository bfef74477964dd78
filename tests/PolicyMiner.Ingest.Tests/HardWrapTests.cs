using PolicyMiner.Ingest.Cleaning;

namespace PolicyMiner.Ingest.Tests;

/// <summary>Text saved from a PDF comes wrapped at the page width; its paragraphs join again, its headings and items do not.</summary>
public sealed class HardWrapTests
{
    // Invented filler, cut into lines of one page width (24 ideographs).
    private const string Filler = "云岭县围绕产业链部署创新链推动企业研发机构建设加快培育新兴产业集群完善成果转化服务体系优化营商环境";
    private const int PageWidth = 24;

    private static IEnumerable<string> FullLines(int count)
    {
        var text = string.Concat(Enumerable.Repeat(Filler, count * PageWidth / Filler.Length + 1));
        for (var n = 0; n < count; n++)
        {
            yield return text.Substring(n * PageWidth, PageWidth);
        }
    }

    private static string Page(params string[] tail) => string.Join('\n', FullLines(24).Append("建设。").Concat(tail));

    [Fact]
    public void Clean_WrappedText_JoinsTheHalvesOfADeadlineAndAComparator()
    {
        var cleaned = ChromeFilter.Clean(Page(
            "二、主要目标",
            "加快实施科技企业培育工程，推动创新主体量质齐升。到",
            "2030 年，全县高新技术企业占规上企业比重达到45%以",
            "上，技术合同成交额达到12亿元。"));

        Assert.Contains("到 2030 年，", cleaned.Text);
        Assert.Contains("达到45%以上，技术合同", cleaned.Text);
        Assert.Contains("\n二、主要目标\n加快实施", cleaned.Text);
    }

    [Fact]
    public void Clean_WrappedText_KeepsTheBreakAfterASentenceEndAndBeforeAnItem()
    {
        var cleaned = ChromeFilter.Clean(Page(
            "加快实施科技企业培育工程，推动创新主体量质齐升，全县",
            "（一）壮大云岭县科技企业梯队",
            "支持龙头企业建设研发中心，力争新增省级研发平台8个。",
            "全面落实云岭县研发奖补办法，鼓励企业增加投入。"));

        Assert.Contains("全县\n（一）壮大", cleaned.Text);
        Assert.Contains("8个。\n全面落实", cleaned.Text);
        Assert.StartsWith(FullLines(2).First() + FullLines(2).Last(), cleaned.Text);
    }

    [Fact]
    public void Clean_PageNumberBetweenTheHalvesOfAParagraph_IsDropped()
    {
        var cleaned = ChromeFilter.Clean(Page(
            "加快实施科技企业培育工程，推动创新主体量质齐升，全县",
            "17",
            "科技型中小企业达到300家。"));

        Assert.Contains("全县科技型中小企业达到300家。", cleaned.Text);
        Assert.DoesNotContain("17", cleaned.Text);
    }

    [Fact]
    public void Clean_ParagraphsOfEveryWidth_KeepTheirBreaks()
    {
        var paragraphs = Enumerable.Range(0, 30).Select(n => Filler[..(10 + n * 7 % 40)]).ToArray();
        var source = string.Join('\n', paragraphs);

        Assert.Equal(source, ChromeFilter.Clean(source).Text);
    }

    [Fact]
    public void Clean_DecimalCarriedOverAWrap_JoinsButAHeadingNumberDoesNot()
    {
        var cleaned = ChromeFilter.Clean(Page(
            "加快实施科技企业培育工程，全县地区生产总值从上年的",
            "2.69 亿元增加到3.87亿元，推动创新主体量质齐升，全县",
            "4.4.1 壮大云岭县科技企业梯队"));

        Assert.Contains("上年的 2.69 亿元", cleaned.Text);
        Assert.Contains("全县\n4.4.1 壮大", cleaned.Text);
    }

    [Fact]
    public void Clean_PageFooterBetweenTheHalvesOfAParagraph_IsDropped()
    {
        var cleaned = ChromeFilter.Clean(Page(
            "加快实施科技企业培育工程，推动创新主体量质齐升，全县",
            "— 17 —",
            "科技型中小企业达到300家。"));

        Assert.Contains("全县科技型中小企业达到300家。", cleaned.Text);
        Assert.DoesNotContain("17", cleaned.Text);
    }

    [Fact]
    public void Clean_PageNumbersGluedToTheFirstLineOfEachPage_AreDropped()
    {
        // Six pages of 22 lines, numbered 3 to 8, each number glued to the first ideograph of its page.
        const int PageLines = 22;
        var lines = FullLines(6 * PageLines).ToArray();
        var numbered = lines.Select((line, n) => n % PageLines == 0 ? $"{n / PageLines + 3}{line}" : line);
        var cleaned = ChromeFilter.Clean(string.Join('\n', numbered.Append("建设。")));

        Assert.Equal(string.Concat(lines) + "建设。", cleaned.Text);
    }

    [Fact]
    public void Clean_CountsOpeningLinesAtNoSteadyPace_StayText()
    {
        // Numbers that count up but open lines 3, 5 and 30 lines apart are text, not a page numbering.
        var lines = FullLines(120).ToArray();
        foreach (var (line, number) in new[] { (10, 3), (13, 4), (18, 5), (48, 6), (51, 7), (90, 8) })
        {
            lines[line] = $"{number}{lines[line]}";
        }

        var cleaned = ChromeFilter.Clean(string.Join('\n', lines.Append("建设。")));

        Assert.Contains("5" + FullLines(120).ElementAt(18), cleaned.Text);
        Assert.Contains("8" + FullLines(120).ElementAt(90), cleaned.Text);
    }
}
