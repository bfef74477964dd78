using PolicyMiner.Core.Targets;

namespace PolicyMiner.Storage.Tests;

public sealed class PolicyStoreTests : IDisposable
{
    private const string Text2018 = "一、主要目标。到2020年，全市研发经费占地区生产总值比重达到2.5%以上。高新技术企业达到120家。";
    private readonly TempDatabase _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void SaveDocument_NewDocument_RoundTripsEveryField()
    {
        var document = TestData.Document(Text2018);
        var target = TestData.Target(document, "研发经费占地区生产总值比重达到2.5%以上", 2.5) with { ValueMax = 3.0, Comparator = Comparator.Range };
        using (var store = PolicyStore.Open(_temp.Path))
        {
            Assert.Equal(DocumentWriteResult.Added, store.SaveDocument(TestData.Extraction(document, target)));
        }

        using var reopened = PolicyStore.Open(_temp.Path);
        var stored = Assert.Single(reopened.QueryTargets(TargetQuery.All));
        Assert.Equal(target, stored.Target with { Responsible = target.Responsible });
        Assert.Equal(target.Responsible, stored.Target.Responsible);
        Assert.Equal(TestData.Extractor, stored.ExtractorVersion);
        Assert.Equal(ReviewState.Unreviewed, stored.Review.State);
        Assert.Equal(document.ContentHash, stored.Document.Id);
        Assert.Equal(document.Metadata, stored.Document.Metadata);
        Assert.Equal(1, stored.Document.TargetCount);

        var full = reopened.GetDocument(document.ContentHash);
        Assert.NotNull(full);
        Assert.Equal(Text2018, full.Text);
        Assert.Equal(document.Sections, full.Sections);
        Assert.Equal(document.Diagnostics, full.Diagnostics);
        Assert.Equal(Path.GetFullPath(document.SourcePath!), full.Summary.SourcePath);
    }

    [Fact]
    public void SaveDocument_EmptyUnitAndPaddedQuote_KeptExactly()
    {
        var text = "新增 省级创新平台 5个";
        var document = TestData.Document(text);
        var target = TestData.Target(document, " 省级创新平台 ", 5, unit: "");
        using var store = PolicyStore.Open(_temp.Path);
        store.SaveDocument(TestData.Extraction(document, target));

        var stored = Assert.Single(store.QueryTargets(TargetQuery.All)).Target;
        Assert.Equal("", stored.Unit);
        Assert.Equal(" 省级创新平台 ", stored.Quote);
    }

    [Fact]
    public void SaveDocument_SameContentSameExtractor_IsUnchangedAndAddsNothing()
    {
        var document = TestData.Document(Text2018);
        var extraction = TestData.Extraction(document, TestData.Target(document, "达到2.5%以上", 2.5));
        using var store = PolicyStore.Open(_temp.Path);
        store.SaveDocument(extraction);

        Assert.Equal(DocumentWriteResult.Unchanged, store.SaveDocument(extraction));
        Assert.Equal(1, store.DocumentCount);
        Assert.Equal(1, store.TargetCount);
    }

    [Fact]
    public void SaveDocument_ChangedFileAtSamePath_ReplacesUnreviewedTargetsAndKeepsReviewedOnes()
    {
        var first = TestData.Document(Text2018);
        using var store = PolicyStore.Open(_temp.Path);
        store.SaveDocument(TestData.Extraction(first,
            TestData.Target(first, "达到2.5%以上", 2.5),
            TestData.Target(first, "高新技术企业达到120家", 120, unit: "家", category: "high_tech_enterprises")));
        var accepted = store.QueryTargets(TargetQuery.All).Single(t => t.Target.Unit == "家");
        Assert.True(store.Review(accepted.Id, new TargetReview(ReviewState.Accepted, "审核员甲", Note: "核对无误")));

        // The file is edited in place: new text at the same path, so a new hash.
        var edited = TestData.Document("前言。" + Text2018.Replace("2.5%", "2.8%", StringComparison.Ordinal));
        var result = store.SaveDocument(TestData.Extraction(edited,
            TestData.Target(edited, "达到2.8%以上", 2.8),
            TestData.Target(edited, "高新技术企业达到120家", 120, unit: "家", category: "high_tech_enterprises")));

        Assert.Equal(DocumentWriteResult.Updated, result);
        Assert.Equal(1, store.DocumentCount);
        Assert.Null(store.GetDocument(first.ContentHash));
        var targets = store.QueryTargets(TargetQuery.All);
        Assert.Equal(2, targets.Count);
        Assert.DoesNotContain(targets, t => t.Target.Value.Equals(2.5));
        var kept = Assert.Single(targets, t => t.Review.State == ReviewState.Accepted);
        Assert.Equal(accepted.Id, kept.Id);
        Assert.Equal("审核员甲", kept.Review.Reviewer);
        Assert.Equal(edited.ContentHash, kept.Document.Id);
        Assert.Equal("高新技术企业达到120家", edited.Text[kept.Target.Start..kept.Target.End]);
        Assert.False(kept.Stale);
    }

    [Fact]
    public void SaveDocument_ChangedFileAtSamePathInALaterSession_ReplacesTheVersionStoredBefore()
    {
        // The writer skips its lookups for ids and paths it has not stored; what it knows must include what is on disk.
        var first = TestData.Document(Text2018);
        var other = TestData.Document("一、主要目标。到2025年，全县森林覆盖率达到61%。", path: "/samples/青川县-2021.txt", region: "青川县", year: 2021);
        using (var store = PolicyStore.Open(_temp.Path))
        {
            store.SaveDocument(TestData.Extraction(first, TestData.Target(first, "达到2.5%以上", 2.5)));
        }

        var edited = TestData.Document(Text2018.Replace("2.5%", "2.8%", StringComparison.Ordinal));
        using var reopened = PolicyStore.Open(_temp.Path);
        Assert.Equal(DocumentWriteResult.Added, reopened.SaveDocument(TestData.Extraction(other, TestData.Target(other, "达到61%", 61))));
        Assert.Equal(DocumentWriteResult.Unchanged, reopened.SaveDocument(TestData.Extraction(first, TestData.Target(first, "达到2.5%以上", 2.5))));
        Assert.Equal(DocumentWriteResult.Updated, reopened.SaveDocument(TestData.Extraction(edited, TestData.Target(edited, "达到2.8%以上", 2.8))));

        Assert.Equal(2, reopened.DocumentCount);
        Assert.Null(reopened.GetDocument(first.ContentHash));
        Assert.Equal([2.8, 61], reopened.QueryTargets(TargetQuery.All).Select(t => t.Target.Value).Order());
    }

    [Fact]
    public void SaveDocument_NewExtractorVersion_ReExtractsAndKeepsRejection()
    {
        var document = TestData.Document(Text2018);
        using var store = PolicyStore.Open(_temp.Path);
        store.SaveDocument(TestData.Extraction(document, TestData.Target(document, "达到2.5%以上", 2.5)));
        var target = Assert.Single(store.QueryTargets(TargetQuery.All));
        store.Review(target.Id, new TargetReview(ReviewState.Rejected, "审核员乙"));

        var again = new DocumentExtraction(document, [TestData.Target(document, "达到2.5%以上", 2.5), TestData.Target(document, "达到120家", 120, unit: "家")], "test-extractor/2");
        Assert.Equal(DocumentWriteResult.Updated, store.SaveDocument(again));

        Assert.Equal(2, store.TargetCount);
        var visible = Assert.Single(store.QueryTargets(TargetQuery.All));
        Assert.Equal(120, visible.Target.Value);
        Assert.Equal("test-extractor/2", visible.ExtractorVersion);
        var rejected = Assert.Single(store.QueryTargets(TargetQuery.All with { IncludeRejected = true }), t => t.Review.State == ReviewState.Rejected);
        Assert.Equal(target.Id, rejected.Id);
        // Every field was pinned by the verdict, so it is still the first extraction's record, and says so.
        Assert.Equal((TestData.Extractor, target.ExtractedAt), (rejected.ExtractorVersion, rejected.ExtractedAt));
    }

    [Fact]
    public void SaveDocument_ReviewedQuoteGoneFromNewText_KeptAsStale()
    {
        var first = TestData.Document(Text2018);
        using var store = PolicyStore.Open(_temp.Path);
        store.SaveDocument(TestData.Extraction(first, TestData.Target(first, "达到2.5%以上", 2.5)));
        var target = Assert.Single(store.QueryTargets(TargetQuery.All));
        store.Review(target.Id, new TargetReview(ReviewState.Corrected, "审核员丙"), target.Target with { Value = 2.6 });

        var edited = TestData.Document("全部改写的文本，不再有原句。");
        store.SaveDocument(TestData.Extraction(edited));

        var kept = Assert.Single(store.QueryTargets(TargetQuery.All));
        Assert.True(kept.Stale);
        Assert.Equal(2.6, kept.Target.Value);
        Assert.Equal(ReviewState.Corrected, kept.Review.State);
        Assert.Equal(edited.ContentHash, kept.Document.Id);
    }

    [Fact]
    public void SaveDocuments_SeveralDocuments_AllStoredWithoutDuplicates()
    {
        var documents = Enumerable.Range(0, 30)
            .Select(i => TestData.Document($"到2020年，研发经费比重达到{i}.5%。", $"/samples/doc{i}.txt"))
            .ToList();
        using var store = PolicyStore.Open(_temp.Path);
        var results = store.SaveDocuments([.. documents.Select(d => TestData.Extraction(d, TestData.Target(d, "研发经费比重", 1)))]);
        store.SaveDocuments([.. documents.Take(10).Select(d => TestData.Extraction(d, TestData.Target(d, "研发经费比重", 1)))]);

        Assert.All(results, r => Assert.Equal(DocumentWriteResult.Added, r.Result));
        Assert.Equal(30, store.DocumentCount);
        Assert.Equal(30, store.TargetCount);
        Assert.Equal(30, store.KnownDocuments().Count);
        Assert.Equal(TestData.Extractor, store.KnownDocuments()[documents[0].ContentHash]);
    }

    [Fact]
    public void QueryTargets_Filters_SelectMatchingTargetsOnly()
    {
        var qingchuan = TestData.Document(Text2018);
        var yunling = TestData.Document("到2025年，全县研发经费占地区生产总值比重达到1.8%。", "/samples/云岭县-2021.html", "云岭县", 2021);
        using var store = PolicyStore.Open(_temp.Path);
        store.SaveDocument(TestData.Extraction(qingchuan,
            TestData.Target(qingchuan, "达到2.5%以上", 2.5),
            TestData.Target(qingchuan, "高新技术企业达到120家", 120, "家", "high_tech_enterprises", year: null)));
        store.SaveDocument(TestData.Extraction(yunling, TestData.Target(yunling, "达到1.8%", 1.8, year: 2025)));

        Assert.Equal(3, store.QueryTargets(TargetQuery.All).Count);
        Assert.Equal(2, store.QueryTargets(new TargetQuery(Region: "青川市")).Count);
        Assert.Equal(3, store.QueryTargets(new TargetQuery(Region: "样例省")).Count);
        Assert.Equal(1.8, Assert.Single(store.QueryTargets(new TargetQuery(Year: 2025))).Target.Value);
        Assert.Equal(1.8, Assert.Single(store.QueryTargets(new TargetQuery(PlanYear: 2021))).Target.Value);
        Assert.Equal(120, Assert.Single(store.QueryTargets(new TargetQuery(Category: "high_tech_enterprises"))).Target.Value);
        Assert.Equal(2, store.QueryTargets(new TargetQuery(IndicatorId: "rd_intensity", Category: "rd_intensity")).Count);
        Assert.Single(store.QueryTargets(new TargetQuery(Document: "云岭县-2021.html")));
        Assert.Single(store.QueryTargets(new TargetQuery(Document: yunling.ContentHash[..10])));
        Assert.Single(store.QueryTargets(new TargetQuery(Document: "/samples/云岭县-2021.html")));
        Assert.Empty(store.QueryTargets(new TargetQuery(Document: "nothing-like-this.txt")));
        Assert.Empty(store.QueryTargets(new TargetQuery(Region: "青川市", Year: 2025)));
    }

    [Fact]
    public void ReadTargets_EveryFilter_SameTargetsAndOrderAsQueryTargets()
    {
        var qingchuan = TestData.Document(Text2018);
        var yunling = TestData.Document("到2025年，全县研发经费占地区生产总值比重达到1.8%。", "/samples/云岭县-2021.html", "云岭县", 2021);
        using var store = PolicyStore.Open(_temp.Path);
        store.SaveDocument(TestData.Extraction(qingchuan,
            TestData.Target(qingchuan, "高新技术企业达到120家", 120, "家", "high_tech_enterprises", year: null)
                with { ValueStd = null, UnitStd = null, Baseline = null, IndicatorId = null, Responsible = [], Comparator = Comparator.Range, ValueMax = 150 },
            TestData.Target(qingchuan, "达到2.5%以上", 2.5)));
        store.SaveDocument(TestData.Extraction(yunling,
            TestData.Target(yunling, "达到1.8%", 1.8, year: 2025),
            TestData.Target(yunling, "研发经费", 7, unit: "亿元")));
        var rejected = store.QueryTargets(TargetQuery.All).Single(t => t.Target.Quote == "研发经费");
        store.Review(rejected.Id, new TargetReview(ReviewState.Rejected, "审核员甲"));

        TargetQuery[] queries =
        [
            TargetQuery.All,
            TargetQuery.All with { IncludeRejected = true },
            new(Region: "青川市"),
            new(Region: "样例省"),
            new(Year: 2025),
            new(PlanYear: 2021),
            new(Category: "high_tech_enterprises"),
            new(IndicatorId: "rd_intensity", Category: "rd_intensity"),
            new(Document: "云岭县-2021.html", IncludeRejected: true),
            new(Document: "nothing-like-this.txt"),
        ];
        foreach (var query in queries)
        {
            var expected = store.QueryTargets(query);
            var lean = store.ReadTargets(query);
            Assert.Equal(expected.Select(t => t.Target.Quote), lean.Select(t => t.Target.Quote));
            for (var i = 0; i < expected.Count; i++)
            {
                Assert.Equal(expected[i].Target with { Responsible = [] }, lean[i].Target with { Responsible = [] });
                Assert.Equal(expected[i].Target.Responsible, lean[i].Target.Responsible);
                Assert.Equal(expected[i].Document, lean[i].Document);
            }
        }

        Assert.Equal(3, store.ReadTargets(TargetQuery.All).Count);
        Assert.Equal(4, store.ReadTargets(TargetQuery.All with { IncludeRejected = true }).Count);
    }

    [Fact]
    public void Documents_ListsSummariesWithTargetCounts()
    {
        var withTargets = TestData.Document(Text2018);
        var withoutTargets = TestData.Document("本文件没有量化目标。", "/samples/empty.txt", "云岭县", 2012);
        using var store = PolicyStore.Open(_temp.Path);
        store.SaveDocument(TestData.Extraction(withTargets, TestData.Target(withTargets, "达到2.5%以上", 2.5)));
        store.SaveDocument(TestData.Extraction(withoutTargets));

        var documents = store.Documents();
        Assert.Equal(["云岭县", "青川市"], documents.Select(d => d.Metadata.Region));
        Assert.Equal([0, 1], documents.Select(d => d.TargetCount));
    }

    [Fact]
    public void Runs_BeginAndComplete_RecordCountsAndFailures()
    {
        using var store = PolicyStore.Open(_temp.Path);
        var run = store.BeginRun("1.0", TestData.Extractor, ["corpus/"]);
        store.RecordFailures(run.Id, [("/samples/bad.pdf", "no text layer (scanned document); OCR needed")]);
        Assert.Null(Assert.Single(store.Runs()).EndedAt);

        store.CompleteRun(run.Id, new IngestCounts(5, 3, 0, 1, 1, 12));

        var completed = Assert.Single(store.Runs());
        Assert.NotNull(completed.EndedAt);
        Assert.Equal(new IngestCounts(5, 3, 0, 1, 1, 12), completed.Counts);
        Assert.Equal(["corpus/"], completed.Inputs);
        var failure = Assert.Single(store.Failures(run.Id));
        Assert.Equal("/samples/bad.pdf", failure.Path);
        Assert.Empty(store.Failures(run.Id + 1));
    }

    [Fact]
    public void Review_UnknownId_ReturnsFalse()
    {
        using var store = PolicyStore.Open(_temp.Path);
        Assert.False(store.Review("not-an-id", new TargetReview(ReviewState.Accepted)));
        Assert.False(store.Review("0123456789abcdef01234567", new TargetReview(ReviewState.Accepted)));
    }
}
