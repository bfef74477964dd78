using System.Text;
using PolicyMiner.Core.Documents;

namespace PolicyMiner.Ingest.Tests;

/// <summary>Tables from HTML and text come out as rows of cells whose spans point at their text in the normalised text.</summary>
public sealed class TableReadingTests
{
    private static readonly DocumentReader Reader = new();

    private static PolicyDocument Read(string name, string content)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(content));
        var result = Reader.Read(stream, name);
        Assert.True(result.Succeeded, result.Message);
        return result.Document!;
    }

    private static string[][] Cells(PolicyDocument document, int table) =>
        [.. document.Tables[table].Rows.Select(r => r.Cells.Select(c => document.Text[c.Span.Start..c.Span.End]).ToArray())];

    [Fact]
    public void Read_HtmlTableWithSpans_GivesAlignedCellsAndHeader()
    {
        const string html = """
            <html><body><div class="content"><p>示例县主要指标如下。</p>
            <table>
            <tr><th rowspan="2">指标</th><th rowspan="2">单位</th><th colspan="2">目标</th><th rowspan="2">牵头单位</th></tr>
            <tr><th>2023年</th><th>2025年</th></tr>
            <tr><td>森林覆盖率</td><td>%</td><td>41</td><td>43</td><td rowspan="2">县林业局</td></tr>
            <tr><td>湿地保护率</td><td>%</td><td>50</td><td>55</td></tr>
            </table></div></body></html>
            """;

        var document = Read("sample.html", html);

        var table = Assert.Single(document.Tables);
        var cells = Cells(document, 0);
        Assert.Equal(["指标", "单位", "目标", "", "牵头单位"], cells[0]);
        Assert.Equal(["指标", "单位", "2023年", "2025年", "牵头单位"], cells[1]);
        Assert.Equal(["湿地保护率", "%", "50", "55", "县林业局"], cells[3]);
        Assert.Equal([true, true, false, false], table.Rows.Select(r => r.IsHeader));
    }

    [Fact]
    public void Read_HtmlGroupTitleOverTrailingColumns_TitlesEachColumnUnderIt()
    {
        const string html = """
            <html><body><div class="content"><p>示例市各县招生计划如下。</p>
            <table>
            <tr><td rowspan="2">县</td><td rowspan="2">2019年人数</td><td colspan="2">分年度任务</td></tr>
            <tr><td>2020年</td><td>2021年</td></tr>
            <tr><td>合计</td><td>300</td><td>320</td><td>350</td></tr>
            <tr><td>甲县</td><td>100</td><td>110</td><td>120</td></tr>
            </table></div></body></html>
            """;

        var document = Read("groups.html", html);

        var table = Assert.Single(document.Tables);
        Assert.Equal("县", Cells(document, 0)[0][0]);
        Assert.Equal(["县", "2019年人数", "分年度任务2020年", "分年度任务2021年"], Enumerable.Range(0, 4).Select(c => table.HeaderText(document.Text, c)));
        Assert.Equal([true, true, false, false], table.Rows.Select(r => r.IsHeader));
    }

    [Fact]
    public void Read_LayoutTable_StaysText()
    {
        const string html = """
            <html><body><table><tr><td><p>示例县人民政府关于印发科技工作要点的通知，各乡镇人民政府、县直各单位：现将工作要点印发给你们，请认真贯彻执行。全年新认定高新技术企业10家。</p></td><td>侧栏</td></tr>
            <tr><td>附件</td><td>无</td></tr></table></body></html>
            """;

        var document = Read("layout.html", html);

        Assert.Empty(document.Tables);
        Assert.Contains("全年新认定高新技术企业10家。", document.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WordSavedGridWithAParagraphPerCell_IsADataTable()
    {
        // Word writes each cell as a <p class="MsoNormal">; a long description cell does not make the grid a page layout.
        const string description = "把分散在各部门的检测资源统一起来，实行计量、标准、认证“一站式”服务，做到检测力量集中、检测标准统一，提高服务效率，缩短办理周期。";
        const string html = "<html><body><div class=\"content\"><p>附件：改革举措推广清单（样例）</p><table class=\"MsoTableGrid\">"
            + "<tr><td><p class=\"MsoNormal\">序号</p></td><td><p class=\"MsoNormal\">改革举措</p></td><td><p class=\"MsoNormal\">主要内容</p></td><td><p class=\"MsoNormal\">推广范围</p></td></tr>"
            + "<tr><td><p class=\"MsoNormal\">1</p></td><td><p class=\"MsoNormal\">检测“一站式”服务</p></td><td><p class=\"MsoNormal\">" + description + "</p></td><td><p class=\"MsoNormal\">全国</p></td></tr>"
            + "<tr><td><p class=\"MsoNormal\">2</p></td><td><p class=\"MsoNormal\">专利保险机制</p></td><td><p class=\"MsoNormal\">" + description + "</p></td><td><p class=\"MsoNormal\">8个改革试验区域</p></td></tr>"
            + "</table></div></body></html>";

        var document = Read("grid.html", html);

        Assert.Single(document.Tables);
        Assert.Equal(["2", "专利保险机制", description, "8个改革试验区域"], Cells(document, 0)[2]);
    }

    [Fact]
    public void Read_TabSeparatedText_KeepsEmptyCells()
    {
        var document = Read("rows.txt", "主要指标\n指标\t2020年\t\t2025年\n研发投入强度（%）\t2.1\t\t2.8\n耕地保有量（万亩）\t80\t\t80\n");

        Assert.Single(document.Tables);
        var cells = Cells(document, 0);
        Assert.Equal(["研发投入强度（%）", "2.1", "", "2.8"], cells[1]);
        Assert.True(document.Tables[0].Rows[0].IsHeader);
    }

    [Fact]
    public void Read_TextTableAlignedWithSpaces_KeepsItsColumnsAndLeavesSpacedLinesAlone()
    {
        const string text = "示例县重点任务分解表\n"
            + "序号  重点任务              目标值    完成时限\n"
            + "1     新认定高新技术企业    50家      2022年底\n"
            + "2     技术合同成交额        30亿元    2022年底\n"
            + "总  则\n"
            + "示例县科技局          2022年3月2日\n";

        var document = Read("tasks.txt", text);

        var table = Assert.Single(document.Tables);
        var cells = Cells(document, 0);
        Assert.Equal(["序号", "重点任务", "目标值", "完成时限"], cells[0]);
        Assert.Equal(["2", "技术合同成交额", "30亿元", "2022年底"], cells[2]);
        Assert.Equal(3, table.Rows.Count);
        Assert.Contains("总 则\n示例县科技局 2022年3月2日", document.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_CaptionOfTheNextTable_EndsTheTableAbove()
    {
        const string text = "指标\t单位\t2025年目标\n森林覆盖率\t%\t64\n附表2 各乡镇配备计划表\n单位：人\n乡镇\t2025年目标\n甲乡\t60\n";

        var document = Read("two.txt", text);

        Assert.Equal(2, document.Tables.Count);
        Assert.Equal(["甲乡", "60"], Cells(document, 1)[^1]);
    }
}
