using LiteDB;
using PolicyMiner.Storage.Reviewing;
using PolicyMiner.Storage.Schema;

namespace PolicyMiner.Storage.Tests;

public sealed class ReviewTests : IDisposable
{
    private const string Text = "到2020年，全社会研发经费占地区生产总值比重达到2.5%以上，高新技术企业达到120家，技术合同成交额达到30亿元。";

    private readonly TempDatabase _temp = new();

    public void Dispose() => _temp.Dispose();

    private (PolicyStore Store, Core.Documents.PolicyDocument Document) Seeded()
    {
        var store = PolicyStore.Open(_temp.Path);
        var document = TestData.Document(Text);
        store.SaveDocument(TestData.Extraction(document,
            TestData.Target(document, "达到2.5%以上", 2.5),
            TestData.Target(document, "高新技术企业达到120家", 120, unit: "家", category: "high_tech_enterprises") with { Confidence = 0.4 }));
        return (store, document);
    }

    private static StoredTarget ByUnit(PolicyStore store, string unit) =>
        store.QueryTargets(TargetQuery.All with { IncludeRejected = true }).Single(t => t.Target.Unit == unit);

    [Fact]
    public void Correct_TwoFields_SavesValuesBumpsVersionAndAuditsEachField()
    {
        var (store, _) = Seeded();
        using var _ = store;
        var target = ByUnit(store, "%");

        var outcome = store.Correct(target.Id, target.Version, "编辑甲", new Dictionary<string, string> { ["value"] = "2.8", ["year"] = "2021" });

        Assert.Equal(ReviewStatus.Saved, outcome.Status);
        var saved = ByUnit(store, "%");
        Assert.Equal(2.8, saved.Target.Value);
        Assert.Equal(2021, saved.Target.Year);
        Assert.Equal(ReviewState.Corrected, saved.Review.State);
        Assert.Equal("编辑甲", saved.Review.Reviewer);
        Assert.Equal(target.Version + 1, saved.Version);
        Assert.Equal(["value", "year"], saved.ReviewedFields.Order());
        var audit = store.AuditOf(target.Id);
        Assert.Contains(audit, e => e is { Field: "value", Before: "2.5", After: "2.8", User: "编辑甲", Action: "correct" });
        Assert.Contains(audit, e => e is { Field: "year", Before: "2020", After: "2021" });
        Assert.Contains(audit, e => e is { Field: "review_state", Before: "unreviewed", After: "corrected" });
    }

    [Fact]
    public void Correct_InvalidValue_RefusedAndNothingSaved()
    {
        var (store, _) = Seeded();
        using var _ = store;
        var target = ByUnit(store, "%");

        var outcome = store.Correct(target.Id, target.Version, "编辑甲", new Dictionary<string, string> { ["value"] = "两点五" });
        var unknown = store.Correct(target.Id, target.Version, "编辑甲", new Dictionary<string, string> { ["colour"] = "red" });

        Assert.Equal(ReviewStatus.Invalid, outcome.Status);
        Assert.Contains("not a number", outcome.Message, StringComparison.Ordinal);
        Assert.Equal(ReviewStatus.Invalid, unknown.Status);
        Assert.Equal(2.5, ByUnit(store, "%").Target.Value);
        Assert.Empty(store.AuditOf(target.Id));
    }

    [Fact]
    public void Correct_StaleVersion_ConflictCarriesTheOtherEditAndKeepsIt()
    {
        var (store, _) = Seeded();
        using var _ = store;
        var target = ByUnit(store, "%");
        Assert.True(store.Correct(target.Id, target.Version, "编辑甲", new Dictionary<string, string> { ["value"] = "2.8" }).Saved);

        var second = store.Correct(target.Id, target.Version, "编辑乙", new Dictionary<string, string> { ["value"] = "3" });

        Assert.Equal(ReviewStatus.Conflict, second.Status);
        Assert.Contains("编辑甲", second.Message, StringComparison.Ordinal);
        Assert.Contains(second.OtherEdits, e => e is { Field: "value", After: "2.8", User: "编辑甲" });
        Assert.Equal(2.8, second.Target!.Target.Value);
        Assert.Equal(2.8, ByUnit(store, "%").Target.Value);
    }

    [Fact]
    public void AcceptAndReject_SetStateCountsAndAudit()
    {
        var (store, document) = Seeded();
        using var _ = store;
        var share = ByUnit(store, "%");
        var firms = ByUnit(store, "家");

        Assert.True(store.Accept(share.Id, share.Version, "编辑甲").Saved);
        Assert.True(store.Reject(firms.Id, firms.Version, "编辑乙", "不是目标").Saved);

        Assert.Equal(ReviewState.Accepted, ByUnit(store, "%").Review.State);
        Assert.Equal(ReviewState.Rejected, ByUnit(store, "家").Review.State);
        Assert.Equal("不是目标", ByUnit(store, "家").Review.Note);
        Assert.Single(store.QueryTargets(TargetQuery.All));
        var counts = store.GetReviewDocument(document.ContentHash)!.Counts;
        Assert.Equal(new ReviewCounts(0, 1, 0, 1), counts);
        Assert.Contains(store.AuditOf(firms.Id), e => e is { Action: "reject", Field: "review_state", After: "rejected", User: "编辑乙" });
    }

    [Fact]
    public void Accept_CorrectedTarget_StaysCorrected()
    {
        var (store, _) = Seeded();
        using var _ = store;
        var target = ByUnit(store, "%");
        var corrected = store.Correct(target.Id, target.Version, "编辑甲", new Dictionary<string, string> { ["unit"] = "个百分点" });

        var accepted = store.Accept(target.Id, corrected.Target!.Version, "编辑乙");

        Assert.True(accepted.Saved);
        Assert.Equal(ReviewState.Corrected, accepted.Target!.Review.State);
        Assert.Equal(TargetFields.All.Count, accepted.Target.ReviewedFields.Count);
    }

    [Fact]
    public void AddTarget_SpanOfText_StoredAsCorrectedEditorTarget()
    {
        var (store, document) = Seeded();
        using var _ = store;
        var start = Text.IndexOf("技术合同成交额达到30亿元", StringComparison.Ordinal);
        var end = start + "技术合同成交额达到30亿元".Length;

        var outcome = store.AddTarget(document.ContentHash, start, end, "编辑甲", new Dictionary<string, string>
        {
            ["value"] = "30", ["unit"] = "亿元", ["indicator"] = "技术合同成交额", ["year"] = "2020",
        });

        Assert.True(outcome.Saved, outcome.Message);
        var added = outcome.Target!;
        Assert.True(added.AddedByEditor);
        Assert.Equal("技术合同成交额达到30亿元", added.Target.Quote);
        Assert.Equal(ReviewState.Corrected, added.Review.State);
        Assert.Equal(3, store.TargetsOf(document.ContentHash).Count);
        Assert.Equal(3, store.GetReviewDocument(document.ContentHash)!.Summary.TargetCount);
        Assert.Contains(store.AuditOf(added.Id), e => e is { Action: "add", Field: "value", After: "30" });
        Assert.Equal(ReviewStatus.Invalid, store.AddTarget(document.ContentHash, 5, 9999, "编辑甲", new Dictionary<string, string> { ["value"] = "1" }).Status);
        Assert.Equal(ReviewStatus.Invalid, store.AddTarget(document.ContentHash, 5, 9, "编辑甲", new Dictionary<string, string>()).Status);
    }

    [Fact]
    public void Split_InsideQuote_TwoTargetsCoverTheQuote()
    {
        var (store, document) = Seeded();
        using var _ = store;
        var target = ByUnit(store, "家");
        var at = target.Target.Start + "高新技术企业".Length;

        var outcome = store.Split(target.Id, target.Version, "编辑甲", at);

        Assert.True(outcome.Saved, outcome.Message);
        Assert.Equal(2, outcome.Targets.Count);
        Assert.Equal("高新技术企业", outcome.Targets[0].Target.Quote);
        Assert.Equal("达到120家", outcome.Targets[1].Target.Quote);
        Assert.Equal(at, outcome.Targets[1].Target.Start);
        Assert.Equal(3, store.TargetsOf(document.ContentHash).Count);
        Assert.Equal(ReviewStatus.Invalid, store.Split(target.Id, null, "编辑甲", target.Target.Start).Status);
    }

    [Fact]
    public void Merge_Duplicate_RejectedAsDuplicateAndBodiesJoined()
    {
        var store = PolicyStore.Open(_temp.Path);
        using var _ = store;
        var document = TestData.Document(Text);
        var first = TestData.Target(document, "达到2.5%以上", 2.5);
        store.SaveDocument(TestData.Extraction(document, first, first with { Start = first.Start + 1, Responsible = ["市发展改革委"] }));
        var targets = store.TargetsOf(document.ContentHash);

        var outcome = store.Merge(targets[0].Id, targets[0].Version, targets[1].Id, targets[1].Version, "编辑甲");

        Assert.True(outcome.Saved, outcome.Message);
        var after = store.TargetsOf(document.ContentHash);
        Assert.Equal(["市科技局", "市财政局", "市发展改革委"], after[0].Target.Responsible);
        Assert.Equal(ReviewState.Accepted, after[0].Review.State);
        Assert.Equal(ReviewState.Rejected, after[1].Review.State);
        Assert.Equal($"duplicate of {targets[0].Id}", after[1].Review.Note);
        Assert.Contains(store.AuditOf(targets[1].Id), e => e is { Field: "merged_into" });
    }

    [Fact]
    public void ReIngest_CorrectedField_KeptWhileUnreviewedFieldsFollowTheExtractor()
    {
        var (store, document) = Seeded();
        using var _ = store;
        var target = ByUnit(store, "%");
        store.Correct(target.Id, target.Version, "编辑甲", new Dictionary<string, string> { ["value"] = "2.6" });

        // A newer extractor finds the same words with a different year and indicator.
        var again = new DocumentExtraction(document,
            [TestData.Target(document, "达到2.5%以上", 2.5, year: 2025) with { Indicator = "研发投入强度" }],
            "test-extractor/2");
        store.SaveDocument(again);

        var kept = Assert.Single(store.QueryTargets(TargetQuery.All));
        Assert.Equal(target.Id, kept.Id);
        Assert.Equal(2.6, kept.Target.Value);
        Assert.Equal(2025, kept.Target.Year);
        Assert.Equal("研发投入强度", kept.Target.Indicator);
        Assert.Equal(ReviewState.Corrected, kept.Review.State);
        Assert.Equal("test-extractor/2", kept.ExtractorVersion);
    }

    [Fact]
    public void ReIngest_AcceptedTarget_KeepsEveryField()
    {
        var (store, document) = Seeded();
        using var _ = store;
        var target = ByUnit(store, "%");
        store.Accept(target.Id, target.Version, "编辑甲");

        store.SaveDocument(new DocumentExtraction(document,
            [TestData.Target(document, "达到2.5%以上", 2.5, year: 2025) with { Indicator = "研发投入强度" }],
            "test-extractor/2"));

        var kept = Assert.Single(store.QueryTargets(TargetQuery.All));
        Assert.Equal(2020, kept.Target.Year);
        Assert.Equal("研发经费占地区生产总值比重", kept.Target.Indicator);
    }

    [Fact]
    public void ListDocuments_FiltersPagesAndCounts()
    {
        using var store = PolicyStore.Open(_temp.Path);
        for (var i = 0; i < 25; i++)
        {
            var document = TestData.Document(Text + i, path: $"/samples/doc{i:D2}.txt", region: i % 2 == 0 ? "青川市" : "云岭县", year: 2018 + (i % 3));
            store.SaveDocument(TestData.Extraction(document, TestData.Target(document, "达到2.5%以上", 2.5) with { Confidence = i / 100.0 }));
        }

        var firstId = store.QueryTargets(new TargetQuery(Document: "doc00.txt")).Single().Id;
        store.Reject(firstId, null, "编辑甲");

        var page = store.ListDocuments(new DocumentFilter(), 20, 10);
        Assert.Equal(25, page.Total);
        Assert.Equal(["doc20.txt", "doc21.txt", "doc22.txt", "doc23.txt", "doc24.txt"], page.Documents.Select(d => d.Summary.SourceName));
        Assert.Equal(new ReviewCounts(24, 0, 0, 1), page.Counts);
        Assert.Equal(13, store.ListDocuments(new DocumentFilter(Region: "青川市"), 0, 5).Total);
        Assert.Equal(1, store.ListDocuments(new DocumentFilter(State: ReviewState.Rejected), 0, 5).Total);
        // Confidence 0.00–0.05: doc00–doc05, but doc00's only target is rejected and no longer counts.
        Assert.Equal(5, store.ListDocuments(new DocumentFilter(MaxConfidence: 0.05), 0, 5).Total);
        Assert.Equal(0, store.ListDocuments(new DocumentFilter(Category: "patents"), 0, 5).Total);
        Assert.Equal(25, store.ListDocuments(new DocumentFilter(Category: "rd_intensity"), 0, 5).Total);
        Assert.Equal(9, store.ListDocuments(new DocumentFilter(Year: 2018), 0, 5).Total);
    }

    [Fact]
    public void ListDocuments_CountsAfterAReviewAndAnIngest_Current()
    {
        var (store, _) = Seeded();
        using var _ = store;
        Assert.Equal(new ReviewCounts(2, 0, 0, 0), store.ListDocuments(new DocumentFilter(), 0, 10).Counts);

        store.Accept(ByUnit(store, "%").Id, null, "编辑甲");
        Assert.Equal(new ReviewCounts(1, 1, 0, 0), store.ListDocuments(new DocumentFilter(), 0, 10).Counts);

        var other = TestData.Document("云岭县：到2020年，达到2.5%以上。", path: "/samples/云岭县-2019.txt", region: "云岭县");
        store.SaveDocument(TestData.Extraction(other, TestData.Target(other, "达到2.5%以上", 2.5)));
        var page = store.ListDocuments(new DocumentFilter(), 0, 10);
        Assert.Equal(2, page.Total);
        Assert.Equal(new ReviewCounts(2, 1, 0, 0), page.Counts);
    }

    [Fact]
    public void ReviewQueue_PendingTargetsLowestConfidenceFirst()
    {
        var (store, _) = Seeded();
        using var _ = store;
        var queue = store.ReviewQueue(0, 10);
        Assert.Equal([0.4, 0.9], queue.Select(t => t.Target.Confidence));

        store.Accept(queue[0].Id, queue[0].Version, "编辑甲");

        Assert.Equal([0.9], store.ReviewQueue(0, 10).Select(t => t.Target.Confidence));
    }

    [Fact]
    public void ReviewQueue_ManyDocuments_EveryPageInConfidenceOrderAcrossDocuments()
    {
        // Targets of one document are one pack: the queue must still interleave documents by confidence, page by page.
        using var store = PolicyStore.Open(_temp.Path);
        var random = new Random(7);
        var confidences = new List<double>();
        for (var d = 0; d < 12; d++)
        {
            var text = string.Concat(Enumerable.Range(0, 6).Select(k => $"第{d}项指标{k}达到{k + 10}%以上。"));
            var document = TestData.Document(text, $"/samples/青川市-{d}.txt");
            var targets = Enumerable.Range(0, 6).Select(k => TestData.Target(document, $"第{d}项指标{k}达到{k + 10}%以上", k + 10) with { Confidence = Math.Round(random.NextDouble(), 3) }).ToList();
            confidences.AddRange(targets.Select(t => t.Confidence));
            store.SaveDocument(TestData.Extraction(document, [.. targets]));
        }

        var rejected = store.ReviewQueue(0, 1).Single();
        Assert.True(store.Reject(rejected.Id, rejected.Version, "编辑甲").Saved);
        confidences.Remove(rejected.Target.Confidence);

        var paged = Enumerable.Range(0, 8).SelectMany(page => store.ReviewQueue(page * 10, 10)).Select(t => t.Target.Confidence).ToList();
        Assert.Equal(confidences.Order(), paged);
        Assert.Equal(71, store.ReviewQueue(0, 500).Select(t => t.Id).Distinct().Count());
    }

    [Fact]
    public void SaveDocument_Targets_OneCompressedPackPerDocumentWhoseKeyTheIdsName()
    {
        using (var store = PolicyStore.Open(_temp.Path))
        {
            var document = TestData.Document(Text);
            store.SaveDocument(TestData.Extraction(document, TestData.Target(document, "达到2.5%以上", 2.5), TestData.Target(document, "高新技术企业达到120家", 120, unit: "家")));
            var other = TestData.Document("到2022年，规模以上工业增加值增长8%左右。", "/samples/云岭县-2019.txt", "云岭县", 2019);
            store.SaveDocument(TestData.Extraction(other, TestData.Target(other, "规模以上工业增加值增长8%左右", 8)));
            Assert.Equal(3, store.TargetCount);
            Assert.All(store.QueryTargets(TargetQuery.All), t => Assert.Equal(t.Id, store.GetTarget(t.Id)!.Id));
        }

        using var raw = new LiteDatabase(new ConnectionString { Filename = _temp.Path, ReadOnly = true });
        var packs = raw.GetCollection(PolicyMiner.Storage.Entities.TargetPack.Collection).FindAll().ToList();
        Assert.Equal([1, 2], packs.Select(p => p["_id"].AsInt32).Order());
        Assert.Equal([1, 2], packs.Select(p => p["n"].AsInt32).Order());
        Assert.Equal(0, raw.GetCollection(PolicyMiner.Storage.Entities.TargetPack.Homes).Count());
        foreach (var pack in packs)
        {
            Assert.All(PolicyMiner.Storage.Entities.TargetPack.DecodeRaw(pack, textOf: null), t => Assert.Equal(pack["_id"].AsInt32, t["_id"].AsObjectId.Timestamp));
        }
    }

    [Fact]
    public void Open_Version1DatabaseWithReviewedTargets_MigratesCountsAndKeepsReviews()
    {
        // Build a v1 database: only the first migration, one accepted and one pending target.
        var document = TestData.Document(Text);
        using (var v1 = PolicyStore.Open(_temp.Path, [StoreSchema.Migrations[0]]))
        {
            v1.SaveDocument(TestData.Extraction(document,
                TestData.Target(document, "达到2.5%以上", 2.5),
                TestData.Target(document, "高新技术企业达到120家", 120, unit: "家") with { Confidence = 0.3 }));
            var id = v1.QueryTargets(TargetQuery.All).Single(t => t.Target.Unit == "%").Id;
            v1.Review(id, new TargetReview(ReviewState.Accepted, "编辑甲"));
            Assert.Equal(1, v1.SchemaVersion);
        }

        LegacySchema.LongDocumentNames(_temp.Path);
        LegacySchema.UnpackTargets(_temp.Path);
        LegacySchema.RenameTargetFieldsBack(_temp.Path);
        using (var raw = new LiteDatabase(_temp.Path))
        {
            // v1 documents had no review counts.
            var documents = raw.GetCollection("documents");
            var stored = documents.FindAll().Single();
            foreach (var field in new[] { "Pending", "Accepted", "Corrected", "Rejected", "MinConfidence" })
            {
                stored.Remove(field);
            }

            documents.Update(stored);
        }

        using var store = PolicyStore.Open(_temp.Path);

        Assert.Equal(StoreSchema.CurrentVersion, store.SchemaVersion);
        var reviewed = store.GetReviewDocument(document.ContentHash)!;
        Assert.Equal(new ReviewCounts(1, 1, 0, 0), reviewed.Counts);
        Assert.Equal(0.3, reviewed.MinConfidence);
        Assert.Equal(ReviewState.Accepted, ByUnit(store, "%").Review.State);
    }
}
