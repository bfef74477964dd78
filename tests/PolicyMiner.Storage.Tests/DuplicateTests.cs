using PolicyMiner.Core.Documents;
using PolicyMiner.Core.Text;

namespace PolicyMiner.Storage.Tests;

/// <summary>The same text arriving in several files is stored once, with every file as a source.</summary>
public sealed class DuplicateTests : IDisposable
{
    private const string Plan = "一、主要目标。到2020年，全市研发经费占地区生产总值比重达到2.5%以上。高新技术企业达到120家。二、保障措施。市财政每年安排科技专项资金5000万元，重点支持企业研发平台建设和科技成果转化。三、组织实施。各县市区人民政府要结合本地实际制定具体实施方案，明确责任分工和时间节点，建立健全工作推进机制，定期调度工作进展，确保各项任务落到实处。市科技局会同有关部门加强督促检查，对工作成效突出的单位给予通报表扬。";
    private readonly TempDatabase _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void SaveDocument_SameTextInAnotherFormat_IsFoldedIntoTheStoredDocument()
    {
        var txt = WithFingerprint(TestData.Document(Plan, "/samples/plan.txt"));
        // The PDF of the same plan: other bytes, other spacing and full-width digits, same words.
        var pdfText = Plan.Replace("2020", "２０２０", StringComparison.Ordinal).Replace("。", "。\n", StringComparison.Ordinal);
        var pdf = WithFingerprint(TestData.Document(pdfText, "/samples/plan.pdf"));
        using var store = PolicyStore.Open(_temp.Path);

        Assert.Equal(DocumentWriteResult.Added, store.SaveDocument(TestData.Extraction(txt, TestData.Target(txt, "达到2.5%以上", 2.5))));
        Assert.Equal(DocumentWriteResult.Duplicate, store.SaveDocument(TestData.Extraction(pdf, TestData.Target(pdf, "达到2.5%以上", 2.5))));

        Assert.Equal(1, store.DocumentCount);
        Assert.Equal(1, store.TargetCount);
    }

    [Fact]
    public void FoldedSources_AfterFolding_NameTheOtherFilesOfThatDocumentOnly()
    {
        var txt = WithFingerprint(TestData.Document(Plan, "/samples/plan.txt"));
        var html = WithFingerprint(TestData.Document("首页 > 政务公开\n" + Plan, "/samples/plan.html")) with { Format = DocumentFormat.Html };
        var copy = WithFingerprint(TestData.Document(Plan + "\n", "/samples/copy/plan.txt"));
        var other = WithFingerprint(TestData.Document("到2025年，全市技术合同成交额达到30亿元。", "/samples/other.txt"));
        using var store = PolicyStore.Open(_temp.Path);

        store.SaveDocuments([TestData.Extraction(txt), TestData.Extraction(html), TestData.Extraction(copy), TestData.Extraction(other)]);

        // The HTML copy is stored (the richer format), the text files are its sources in ordinal order.
        var folded = store.FoldedSources();
        Assert.Equal([html.ContentHash], folded.Keys);
        Assert.Equal(["/samples/copy/plan.txt", "/samples/plan.txt"], folded[html.ContentHash]);
        Assert.Equal(["/samples/copy/plan.txt", "/samples/plan.txt"], store.FoldedSourcesOf(html.ContentHash));
        Assert.Empty(store.FoldedSourcesOf(other.ContentHash));
        Assert.Empty(store.FoldedSourcesOf("no-such-document"));
    }

    [Fact]
    public void KnownDocuments_AfterFolding_HoldTheFoldedFileWithItsDocumentsVersion()
    {
        var txt = WithFingerprint(TestData.Document(Plan, "/samples/plan.txt"));
        var copy = WithFingerprint(TestData.Document(Plan + "\n", "/samples/copy/plan.txt"));
        using var store = PolicyStore.Open(_temp.Path);

        store.SaveDocuments([new DocumentExtraction(txt, [], "v7"), new DocumentExtraction(copy, [], "v7")]);

        var known = store.KnownDocuments();
        Assert.Equal("v7", known[txt.ContentHash]);
        Assert.Equal("v7", known[copy.ContentHash]);
        Assert.Equal(2, known.Count);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void SaveDocuments_SameDocumentAsTextAndHtml_StoresTheHtmlWhicheverArrivesFirst(bool htmlFirst)
    {
        var (txt, html) = TextAndHtml();
        using var store = PolicyStore.Open(_temp.Path);

        store.SaveDocuments(htmlFirst ? [html, txt] : [txt, html]);

        AssertHtmlStoredWithTextAsSource(store, txt.Document, html.Document);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void SaveDocument_SameDocumentAsTextAndHtmlInSeparateTransactions_StoresTheHtml(bool htmlFirst)
    {
        var (txt, html) = TextAndHtml();
        using var store = PolicyStore.Open(_temp.Path);

        var first = store.SaveDocument(htmlFirst ? html : txt);
        var second = store.SaveDocument(htmlFirst ? txt : html);

        // Reported alike in either order: one file added, the other folded (the HTML replacing the stored text copy).
        Assert.Equal(DocumentWriteResult.Added, first);
        Assert.Equal(DocumentWriteResult.Duplicate, second);
        AssertHtmlStoredWithTextAsSource(store, txt.Document, html.Document);
        Assert.Equal(2, store.KnownDocuments().Count);
    }

    [Fact]
    public void SaveDocument_PreferredCopyAfterTheTextWasReviewed_KeepsTheEditorsCorrection()
    {
        var (txt, html) = TextAndHtml();
        using (var first = PolicyStore.Open(_temp.Path))
        {
            first.SaveDocument(txt);
            var target = first.QueryTargets(TargetQuery.All).Single(t => t.Target.Value == 2.5);
            Assert.True(first.Correct(target.Id, target.Version, "编辑甲", new Dictionary<string, string> { ["unit"] = "个百分点" }).Saved);
        }

        // A later run meets the HTML copy of the same document.
        using var store = PolicyStore.Open(_temp.Path);
        Assert.Equal(DocumentWriteResult.Duplicate, store.SaveDocument(html));

        AssertHtmlStoredWithTextAsSource(store, txt.Document, html.Document, correctedUnit: "个百分点");
    }

    [Fact]
    public void SaveDocuments_TwoCopiesInOneFormat_StoreTheOrdinallySmallerPath()
    {
        var b = TestData.Extraction(WithFingerprint(TestData.Document(Plan, "/samples/b/plan.txt")));
        var a = TestData.Extraction(WithFingerprint(TestData.Document(Plan + "\n", "/samples/a/plan.txt")));
        using var store = PolicyStore.Open(_temp.Path);

        store.SaveDocuments([b, a]);

        var stored = Assert.Single(store.Documents());
        Assert.Equal("/samples/a/plan.txt", stored.SourcePath);
        Assert.Equal(["/samples/b/plan.txt"], store.FoldedSourcesOf(stored.Id));
    }

    /// <summary>One plan as a text file and as an HTML page whose text differs a little (a second target), so the stored
    /// targets tell which copy was kept.</summary>
    private static (DocumentExtraction Txt, DocumentExtraction Html) TextAndHtml()
    {
        var txt = WithFingerprint(TestData.Document(Plan, "/samples/plan.txt"));
        var htmlText = Plan + "四、附则。专利授权量增长12%。";
        var html = WithFingerprint(TestData.Document(htmlText, "/samples/plan.html")) with { Format = DocumentFormat.Html };
        return (TestData.Extraction(txt, TestData.Target(txt, "达到2.5%以上", 2.5)),
            TestData.Extraction(html, TestData.Target(html, "达到2.5%以上", 2.5), TestData.Target(html, "增长12%", 12)));
    }

    private static void AssertHtmlStoredWithTextAsSource(PolicyStore store, PolicyDocument txt, PolicyDocument html, string correctedUnit = "%")
    {
        var stored = Assert.Single(store.Documents());
        Assert.Equal(html.ContentHash, stored.Id);
        Assert.Equal(DocumentFormat.Html, stored.Format);
        Assert.Equal([txt.SourcePath!], store.FoldedSourcesOf(stored.Id));
        Assert.Contains(txt.ContentHash, store.KnownDocuments().Keys);
        var targets = store.QueryTargets(TargetQuery.All).OrderBy(t => t.Target.Value).ToList();
        Assert.Equal([2.5, 12.0], targets.Select(t => t.Target.Value));
        Assert.All(targets, t => Assert.Equal(html.ContentHash, t.Document.Id));
        Assert.Equal(correctedUnit, targets[0].Target.Unit);
    }

    [Fact]
    public void SaveDocument_NearCopyWithPageChrome_IsFolded()
    {
        var page = WithFingerprint(TestData.Document("首页 > 政务公开\n" + Plan + "\n打印本页 关闭窗口", "/samples/plan.html"));
        var txt = WithFingerprint(TestData.Document(Plan, "/samples/plan.txt"));
        using var store = PolicyStore.Open(_temp.Path);

        store.SaveDocument(TestData.Extraction(txt));

        Assert.Equal(DocumentWriteResult.Duplicate, store.SaveDocument(TestData.Extraction(page)));
    }

    [Fact]
    public void SaveDocument_DifferentPlanOfTheSameShape_IsNotFolded()
    {
        var first = WithFingerprint(TestData.Document(Plan, "/samples/a.txt"));
        var other = WithFingerprint(TestData.Document(Plan.Replace("研发经费占地区生产总值比重达到2.5%以上。高新技术企业达到120家", "技术合同成交额达到30亿元。专利授权量达到2000件", StringComparison.Ordinal), "/samples/b.txt"));
        using var store = PolicyStore.Open(_temp.Path);

        store.SaveDocument(TestData.Extraction(first));

        Assert.Equal(DocumentWriteResult.Added, store.SaveDocument(TestData.Extraction(other)));
        Assert.Equal(2, store.DocumentCount);
    }

    [Fact]
    public void SaveDocument_SameTemplateForAnotherRegion_IsNotFolded()
    {
        var qingchuan = WithFingerprint(TestData.Document(Plan, "/samples/qingchuan.txt", region: "青川市"));
        var yunling = WithFingerprint(TestData.Document(Plan.Replace("全市", "全县", StringComparison.Ordinal), "/samples/yunling.txt", region: "云岭县"));
        using var store = PolicyStore.Open(_temp.Path);

        store.SaveDocument(TestData.Extraction(qingchuan));

        Assert.Equal(DocumentWriteResult.Added, store.SaveDocument(TestData.Extraction(yunling)));
    }

    [Fact]
    public void SaveDocument_DuplicateAfterReopening_IsStillFound()
    {
        using (var store = PolicyStore.Open(_temp.Path))
        {
            store.SaveDocument(TestData.Extraction(WithFingerprint(TestData.Document(Plan, "/samples/plan.txt"))));
        }

        using var reopened = PolicyStore.Open(_temp.Path);
        var copy = WithFingerprint(TestData.Document(Plan + " ", "/samples/copy/plan.txt"));

        Assert.Equal(DocumentWriteResult.Duplicate, reopened.SaveDocument(TestData.Extraction(copy)));
    }

    [Fact]
    public void Similarity_OfFingerprints_SeparatesCopiesFromOtherTexts()
    {
        var plan = TextFingerprint.Of(Plan);

        Assert.Equal(1, plan.Similarity(TextFingerprint.Of(Plan.Replace("，", ", ", StringComparison.Ordinal))));
        Assert.True(plan.Similarity(TextFingerprint.Of("全市科技工作会议于今日召开，会议总结了去年工作并部署了今年任务。")) < 0.2);
    }

    private static PolicyDocument WithFingerprint(PolicyDocument document) =>
        document with { Fingerprint = TextFingerprint.Of(document.Text) };
}
