using PolicyMiner.Core.Documents;
using PolicyMiner.Core.Targets;
using PolicyMiner.Storage;
using PolicyMiner.Tests.Shared;

namespace PolicyMiner.Web.Tests;

/// <summary>A database of invented sample documents (青川市 and 云岭县 do not exist) in a temporary folder.</summary>
internal sealed class SampleStore : IDisposable
{
    public const string PlanText = "一、主要目标\n到2020年，全市研究与开发经费占地区生产总值的比重达到2.5%以上，高新技术企业达到120家。\n二、重点任务\n技术合同成交额达到30亿元。";
    public const string XssText = "<script>alert(1)</script> 样例\"><img src=x onerror=alert(2)> 到2020年，专利授权量达到1200件。";
    public const string XssIndicator = "\"><img src=x onerror=alert(3)>";

    public SampleStore(int extraDocuments = 0)
    {
        Folder = Path.Combine(Path.GetTempPath(), "pm-web-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        using var store = PolicyStore.Open(Database);
        var plan = Document(PlanText, "qingchuan-2018.txt", "青川市", 2018).WithFingerprint();
        PlanId = plan.ContentHash;
        store.SaveDocument(new DocumentExtraction(plan, [
            Target(plan, "研究与开发经费占地区生产总值的比重达到2.5%以上", "研究与开发经费占地区生产总值的比重", "rd_intensity", 2.5, "%", 0.9),
            Target(plan, "高新技术企业达到120家", "高新技术企业", "high_tech_enterprises", 120, "家", 0.6),
        ], "sample/1"));
        // The same plan saved as a web page: folded into the plan as one more source.
        var page = Document(PlanText + "\n", FoldedName, "青川市", 2018).WithFingerprint();
        Assert.Equal(DocumentWriteResult.Duplicate, store.SaveDocument(new DocumentExtraction(page, [], "sample/1")));
        var xss = Document(XssText, "xss-2019.txt", "云岭县", 2019);
        XssId = xss.ContentHash;
        store.SaveDocument(new DocumentExtraction(xss, [
            Target(xss, "专利授权量达到1200件", XssIndicator, "patents", 1200, "件", 0.5),
        ], "sample/1"));
        for (var i = 0; i < extraDocuments; i++)
        {
            var extra = Document($"样例{i}：到2020年，全县科技馆达到{i + 1}个。", $"extra-{i:D3}.txt", "云岭县", 2019);
            store.SaveDocument(new DocumentExtraction(extra, [Target(extra, $"科技馆达到{i + 1}个", "科技馆", "other", i + 1, "个", 0.8)], "sample/1"));
        }
    }

    /// <summary>The file name of the plan's duplicate (folded into it).</summary>
    public const string FoldedName = "qingchuan-2018<b>.html";

    public string Folder { get; }

    public string Database => Path.Combine(Folder, "review.db");

    public string PlanId { get; }

    public string XssId { get; }

    public PolicyStore Open() => PolicyStore.Open(Database);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private static PolicyDocument Document(string text, string name, string region, int year) =>
        SampleDocuments.Document(text, "/samples/" + name, new DocumentMetadata($"{region}{year}年科技工作要点(样例)", Region: region, Province: "样例省", Year: year));

    private static PolicyTarget Target(PolicyDocument document, string quote, string indicator, string category, double value, string unit, double confidence) =>
        SampleDocuments.Target(document, quote, value) with
        {
            Indicator = indicator,
            Category = category,
            Unit = unit,
            Comparator = Comparator.AtLeast,
            Year = 2020,
            Confidence = confidence,
        };
}
