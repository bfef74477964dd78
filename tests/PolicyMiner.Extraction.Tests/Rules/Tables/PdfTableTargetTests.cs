using PolicyMiner.Ingest;
using PolicyMiner.Ingest.External;

namespace PolicyMiner.Extraction.Tests.Rules.Tables;

/// <summary>A table printed to PDF by LibreOffice (the way most plans reach the web), read and extracted end to end: the
/// reader finds the columns by their aligned left edges, joins the header cells a centred layout wrapped over two lines
/// ("2020年实" over "绩"), and every target cell gets its row's indicator, its column's year, the baseline and the lead body.
/// Skips, visibly, without LibreOffice.</summary>
public sealed class PdfTableTargetTests
{
    private static readonly ExternalTool Soffice = new("soffice", "libreoffice-writer-nogui");

    private const string Html = """
        <html><head><meta charset="utf-8"></head><body>
        <p>示例县2021年印发（样例文件，地区与数据均为虚构），主要指标如下表。</p>
        <table border="1">
        <tr><td>指标</td><td>单位</td><td>2020年实绩</td><td>2023年目标</td><td>2025年目标</td><td>牵头单位</td></tr>
        <tr><td>森林覆盖率</td><td>%</td><td>40</td><td>41</td><td>43</td><td>县林业局</td></tr>
        <tr><td>城镇新增就业人数</td><td>万人</td><td>1.2</td><td>1.4</td><td>1.5</td><td>县人社局</td></tr>
        </table>
        <p>各乡镇要按照上表要求抓好落实。</p></body></html>
        """;

    [SkippableFact]
    public void Extract_TablePrintedToPdf_GivesEachTargetCellItsRowColumnAndLeadBody()
    {
        Skip.IfNot(Soffice.IsAvailable, "soffice is not installed (Debian libreoffice-writer-nogui)");
        var read = new DocumentReader().Read(PrintToPdf(Html), "indicators.pdf", Core.Documents.DocumentFormat.Pdf);
        Assert.True(read.Succeeded, read.Message);
        var document = read.Document!;

        var table = Assert.Single(document.Tables);
        Assert.Equal(["指标", "单位", "2020年实绩", "2023年目标", "2025年目标", "牵头单位"],
            table.Rows[0].Cells.Select(c => document.Text[c.Span.Start..c.Span.End]));
        Assert.Contains("各乡镇要按照上表要求抓好落实。", document.Text, StringComparison.Ordinal);

        var targets = TargetExtractor.Default.Extract(document);

        Assert.Equal(
            [("森林覆盖率", 2023, 41.0, "%", 40.0, "县林业局"), ("森林覆盖率", 2025, 43.0, "%", 40.0, "县林业局"),
             ("城镇新增就业人数", 2023, 1.4, "万人", 1.2, "县人社局"), ("城镇新增就业人数", 2025, 1.5, "万人", 1.2, "县人社局")],
            targets.Select(t => (t.Indicator, t.Year ?? 0, t.Value, t.Unit, t.Baseline ?? 0, string.Join("、", t.Responsible))));
    }

    private static byte[] PrintToPdf(string html)
    {
        var folder = Directory.CreateTempSubdirectory("pm-pdf-table-");
        try
        {
            var input = Path.Combine(folder.FullName, "table.html");
            File.WriteAllText(input, html);
            var profile = new Uri(Path.Combine(folder.FullName, "profile")).AbsoluteUri;
            var run = Soffice.Run(["--headless", "--norestore", $"-env:UserInstallation={profile}", "--convert-to", "pdf:writer_web_pdf_Export", "--outdir", folder.FullName, input],
                TimeSpan.FromSeconds(120), folder.FullName, new Dictionary<string, string> { ["HOME"] = folder.FullName });
            Assert.True(run.Succeeded, run.Error);
            return File.ReadAllBytes(Path.Combine(folder.FullName, "table.pdf"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
