using PolicyMiner.Core.Documents;
using PolicyMiner.Core.Indicators;
using PolicyMiner.Core.Targets;
using PolicyMiner.Storage;
using PolicyMiner.Tests.Shared;

namespace PolicyMiner.Reports.Tests;

public sealed class ReportBundleTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "pm-bundle-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Write_StoreWithTargets_AllFourFilesAndCounts()
    {
        Directory.CreateDirectory(_folder);
        using var store = PolicyStore.Open(Path.Combine(_folder, "t.db"));
        var document = Document("样例：到2020年，青川市研发投入强度达到2.5%。", "/samples/qingchuan.txt");
        store.SaveDocument(new DocumentExtraction(document, [RdIntensity(document)], "test/1"));

        var result = ReportBundle.Write(store, Path.Combine(_folder, "out"), IndicatorTaxonomy.Default);

        Assert.Equal(["report.html", "report.xlsx", "targets.csv", "targets.jsonl"], result.Files.Select(Path.GetFileName));
        Assert.All(result.Files, f => Assert.True(new FileInfo(f).Length > 0));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(_folder, "out"), "*.tmp"));
        Assert.Equal((1, 1, 1, 0, 0), (result.Documents, result.Targets, result.Indicators, result.Unmatched, result.DocumentsWithoutTargets));
        Assert.Contains("青川市 · 2018年", File.ReadAllText(result.Files[0]), StringComparison.Ordinal);
    }

    [Fact]
    public void Write_DocumentWithAFoldedDuplicate_NamesItInTheIndexAndTheExportsAndCountsItOnce()
    {
        Directory.CreateDirectory(_folder);
        using var store = PolicyStore.Open(Path.Combine(_folder, "t.db"));
        const string text = "样例：到2020年，青川市研发投入强度达到2.5%。高新技术企业达到120家，技术合同成交额达到30亿元。";
        var txt = Document(text, "/samples/qingchuan.txt");
        var target = RdIntensity(txt);
        store.SaveDocument(new DocumentExtraction(txt, [target], "test/1"));
        var page = Document(text + "\n", "/samples/web/qingchuan.html");
        Assert.Equal(DocumentWriteResult.Duplicate, store.SaveDocument(new DocumentExtraction(page, [target with { Doc = page.SourceName }], "test/1")));

        var result = ReportBundle.Write(store, Path.Combine(_folder, "out"), IndicatorTaxonomy.Default);

        Assert.Equal((1, 1), (result.Documents, result.Targets));
        var html = File.ReadAllText(result.Files[0]);
        Assert.Contains("<th>其他来源</th>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"sources\"><span title=\"/samples/web/qingchuan.html\">qingchuan.html</span></td>", html, StringComparison.Ordinal);
        Assert.Contains("1 份文件（另有 <a href=\"#documents\">1 个重复文件</a>并入同一文件，只计一次）", html, StringComparison.Ordinal);
        var csv = File.ReadAllLines(result.Files[2]);
        var header = csv[0].TrimStart('\uFEFF').Split(',');
        var column = Array.IndexOf(header, "other_sources");
        Assert.True(column > 0, "targets.csv has no other_sources column");
        Assert.Equal("/samples/web/qingchuan.html", csv[1].Split(',')[column]);
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadLines(result.Files[3]).First());
        Assert.Equal("/samples/web/qingchuan.html", json.RootElement.GetProperty("other_sources").GetString());
    }

    private static PolicyDocument Document(string text, string path) =>
        SampleDocuments.Document(text, path, new DocumentMetadata("青川市科技工作要点(样例)", Region: "青川市", Year: 2018)).WithFingerprint();

    private static PolicyTarget RdIntensity(PolicyDocument document) =>
        SampleDocuments.Target(document, "研发投入强度达到2.5%", 2.5) with { Indicator = "研发投入强度", Category = "rd_intensity", Unit = "%", Year = 2020 };

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
