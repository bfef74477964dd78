using System.Security.Cryptography;
using System.Text;
using PolicyMiner.Core.Documents;
using PolicyMiner.Core.Indicators;
using PolicyMiner.Core.Targets;
using PolicyMiner.Core.Text;
using PolicyMiner.Storage;

namespace PolicyMiner.Reports.Tests;

public sealed class ReportBundleTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "pm-bundle-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Write_StoreWithTargets_AllFourFilesAndCounts()
    {
        Directory.CreateDirectory(_folder);
        using var store = PolicyStore.Open(Path.Combine(_folder, "t.db"));
        const string text = "样例：到2020年，青川市研发投入强度达到2.5%。";
        var document = new PolicyDocument
        {
            SourceName = "qingchuan.txt",
            Format = DocumentFormat.Txt,
            Encoding = "utf-8",
            ContentHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))),
            SourceText = text,
            Text = text,
            OffsetMap = OffsetMap.Identity(text.Length),
            Metadata = new DocumentMetadata("青川市科技工作要点(样例)", Region: "青川市", Year: 2018),
        };
        const string quote = "研发投入强度达到2.5%";
        var start = text.IndexOf(quote, StringComparison.Ordinal);
        store.SaveDocument(new DocumentExtraction(document, [new PolicyTarget
        {
            Doc = document.SourceName, Quote = quote, Start = start, End = start + quote.Length,
            Indicator = "研发投入强度", Category = "rd_intensity", Value = 2.5, Unit = "%", Year = 2020,
        }], "test/1"));

        var result = ReportBundle.Write(store, Path.Combine(_folder, "out"), IndicatorTaxonomy.Default);

        Assert.Equal(["report.html", "report.xlsx", "targets.csv", "targets.jsonl"], result.Files.Select(Path.GetFileName));
        Assert.All(result.Files, f => Assert.True(new FileInfo(f).Length > 0));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(_folder, "out"), "*.tmp"));
        Assert.Equal((1, 1, 1, 0, 0), (result.Documents, result.Targets, result.Indicators, result.Unmatched, result.DocumentsWithoutTargets));
        Assert.Contains("青川市 · 2018年", File.ReadAllText(result.Files[0]), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
