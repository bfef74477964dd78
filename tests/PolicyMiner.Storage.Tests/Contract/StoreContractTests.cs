using PolicyMiner.Core.Documents;
using PolicyMiner.Core.Text;
using PolicyMiner.Storage.Reviewing;
using PolicyMiner.Tests.Shared;

namespace PolicyMiner.Storage.Tests.Contract;

/// <summary>
/// The store contract: every <see cref="IPolicyStore"/> keeps the same documents, targets, review states, audit trail and
/// report inputs. Run once per implementation (see the subclasses at the end of this file).
/// </summary>
public abstract class StoreContractTests
{
    private const string PlanText = "到2020年，全社会研发经费占地区生产总值比重达到2.5%以上，高新技术企业达到120家，技术合同成交额达到30亿元。";
    private const string OtherText = "云岭县到2022年，规模以上工业增加值年均增长8%左右，森林覆盖率保持在60%以上。";

    /// <summary>A new, empty store of the implementation under test.</summary>
    protected abstract IPolicyStore NewStore();

    private static PolicyDocument Plan(string text = PlanText, string path = "/samples/青川市-2018.txt") =>
        TestData.Document(text, path) with { Fingerprint = TextFingerprint.Of(text) };

    private static PolicyDocument Other() =>
        TestData.Document(OtherText, "/samples/云岭县-2021.txt", region: "云岭县", year: 2021) with { Fingerprint = TextFingerprint.Of(OtherText) };

    /// <summary>Two documents: a plan with a share and a count target, another region's plan with a growth and a share target.</summary>
    private static (IPolicyStore Store, PolicyDocument Plan, PolicyDocument Other) Seed(IPolicyStore store)
    {
        var plan = Plan();
        var other = Other();
        var written = store.SaveDocuments(
        [
            TestData.Extraction(plan,
                TestData.Target(plan, "达到2.5%以上", 2.5),
                TestData.Target(plan, "高新技术企业达到120家", 120, unit: "家", category: "high_tech_enterprises") with { Confidence = 0.4, IndicatorId = "high_tech_firms" }),
            TestData.Extraction(other,
                TestData.Target(other, "年均增长8%左右", 8, category: "industry", year: 2022) with { Confidence = 0.7, IndicatorId = "industry_growth" },
                TestData.Target(other, "保持在60%以上", 60, category: "ecology", year: 2022) with { Confidence = 0.95, IndicatorId = "forest_cover" }),
        ]);
        Assert.Equal([DocumentWriteResult.Added, DocumentWriteResult.Added], written.Select(w => w.Result));
        return (store, plan, other);
    }

    private static StoredTarget ByQuote(IPolicyStore store, string quote) =>
        store.QueryTargets(TargetQuery.All with { IncludeRejected = true }).Single(t => t.Target.Quote == quote);

    [SkippableFact]
    public void SaveDocuments_TwoDocuments_KeepsTextMetadataSectionsAndCounts()
    {
        var (store, plan, _) = Seed(NewStore());
        using var _ = store;

        Assert.Equal(2, store.DocumentCount);
        Assert.Equal(4, store.TargetCount);
        var stored = store.GetDocument(plan.ContentHash)!;
        Assert.Equal(PlanText, stored.Text);
        Assert.Equal(plan.Metadata, stored.Summary.Metadata);
        Assert.Equal(Path.GetFullPath(plan.SourcePath!), stored.Summary.SourcePath);
        Assert.Equal(2, stored.Summary.TargetCount);
        Assert.Equal(plan.Sections, stored.Sections);
        Assert.Equal(plan.Diagnostics, stored.Diagnostics);
        Assert.Null(store.GetDocument("0000000000000000"));
        Assert.Equal(["云岭县", "青川市"], store.Documents().Select(d => d.Metadata.Region));
        Assert.Equal(TestData.Extractor, store.KnownDocuments()[plan.ContentHash]);
    }

    [SkippableFact]
    public void SaveDocuments_SameContentAgain_Unchanged()
    {
        var (store, plan, _) = Seed(NewStore());
        using var _ = store;

        Assert.Equal(DocumentWriteResult.Unchanged, store.SaveDocument(TestData.Extraction(plan, TestData.Target(plan, "达到2.5%以上", 2.5))));
        Assert.Equal(4, store.TargetCount);
    }

    [SkippableFact]
    public void SaveDocuments_SameTextFromAnotherFile_FoldedAsDuplicate()
    {
        var (store, _, _) = Seed(NewStore());
        using var _ = store;
        // A text copy whose path sorts after the stored one's: folded into it.
        var copy = Plan(PlanText.Replace("2020", "２０２０", StringComparison.Ordinal), "/samples/青川市-2018（副本）.txt");

        Assert.Equal(DocumentWriteResult.Duplicate, store.SaveDocument(TestData.Extraction(copy, TestData.Target(copy, "达到2.5%以上", 2.5))));
        Assert.Equal(2, store.DocumentCount);
        Assert.Equal(4, store.TargetCount);
    }

    [SkippableFact]
    public void SaveDocuments_SameTextInARicherFormat_ReplacesTheStoredCopyAndKeepsItsCorrection()
    {
        var (store, plan, _) = Seed(NewStore());
        using var _ = store;
        var share = ByQuote(store, "达到2.5%以上");
        Assert.True(store.Correct(share.Id, share.Version, "编辑甲", new Dictionary<string, string> { ["value"] = "2.6" }).Saved);
        var page = Plan(PlanText.Replace("2020", "２０２０", StringComparison.Ordinal), "/samples/web/青川市-2018.html") with { Format = DocumentFormat.Html };

        var result = store.SaveDocument(TestData.Extraction(page,
            TestData.Target(page, "达到2.5%以上", 2.5),
            TestData.Target(page, "高新技术企业达到120家", 120, unit: "家", category: "high_tech_enterprises")));

        Assert.Equal(DocumentWriteResult.Duplicate, result);
        Assert.Equal(2, store.DocumentCount);
        Assert.Null(store.GetDocument(plan.ContentHash));
        Assert.Equal(DocumentFormat.Html, store.GetDocument(page.ContentHash)!.Summary.Format);
        Assert.Equal([Path.GetFullPath(plan.SourcePath!)], store.FoldedSourcesOf(page.ContentHash));
        Assert.Equal(4, store.TargetCount);
        var carried = ByQuote(store, "达到2.5%以上");
        Assert.Equal((2.6, ReviewState.Corrected, page.ContentHash), (carried.Target.Value, carried.Review.State, carried.Document.Id));
    }

    [SkippableTheory]
    [InlineData(1)] // each file its own commit
    [InlineData(8)] // both copies in one transaction
    public async Task Ingest_TextAndItsRicherPageInEitherOrder_SameCountsAndTargets(int documentsPerTransaction)
    {
        // The page's text is the plan's with full-width digits (the same document, nearly the same text), and the
        // extractor finds one more target in it: a run that counted the text file's targets before the page replaced it
        // would report one target fewer than it stored.
        var folder = Directory.CreateTempSubdirectory("pm-contract-copies-").FullName;
        try
        {
            var text = Path.Combine(folder, "青川市-2018.txt");
            var page = Path.Combine(folder, "青川市-2018.html");
            File.WriteAllText(text, PlanText);
            File.WriteAllText(page, PlanText.Replace("2020", "２０２０", StringComparison.Ordinal));
            var stages = new Ingestion.IngestStages(
                (path, bytes) => Ingestion.ReadOutcome.Read(Plan(System.Text.Encoding.UTF8.GetString(bytes), path) with
                {
                    Format = path.EndsWith(".html", StringComparison.Ordinal) ? DocumentFormat.Html : DocumentFormat.Txt,
                }),
                document => document.Format == DocumentFormat.Html
                    ? [TestData.Target(document, "达到2.5%以上", 2.5), TestData.Target(document, "高新技术企业达到120家", 120, unit: "家")]
                    : [TestData.Target(document, "达到2.5%以上", 2.5)],
                TestData.Extractor);
            // One reader thread hands the writer the files in the order listed.
            var options = new Ingestion.IngestOptions(Parallelism: 1, DocumentsPerTransaction: documentsPerTransaction);

            var outcomes = new List<string>();
            foreach (var order in new[] { new[] { text, page }, [page, text] })
            {
                using var store = NewStore();
                var summary = await new Ingestion.BatchIngester(store, stages, options).RunAsync(order, [folder]);
                var stored = store.QueryTargets(TargetQuery.All).Select(t => $"{t.Document.SourceName} {t.Target.Quote}");
                outcomes.Add($"{summary.Counts} {store.TargetCount}: {string.Join("; ", stored)}");
                Assert.Equal((1, 1, 2, 2), (summary.Counts.Added, summary.Counts.Duplicates, summary.Counts.Targets, store.TargetCount));
            }

            Assert.Equal(outcomes[0], outcomes[1]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [SkippableFact]
    public void SaveDocuments_ChangedFileAtSamePath_UpdatedAndReviewedTargetCarriedOver()
    {
        var (store, plan, _) = Seed(NewStore());
        using var _ = store;
        var share = ByQuote(store, "达到2.5%以上");
        Assert.True(store.Correct(share.Id, share.Version, "编辑甲", new Dictionary<string, string> { ["value"] = "2.6" }).Saved);

        var changed = Plan(PlanText.Replace("120家", "150家", StringComparison.Ordinal));
        var result = store.SaveDocument(TestData.Extraction(changed,
            TestData.Target(changed, "达到2.5%以上", 2.5, year: 2025),
            TestData.Target(changed, "高新技术企业达到150家", 150, unit: "家", category: "high_tech_enterprises")));

        Assert.Equal(DocumentWriteResult.Updated, result);
        Assert.Null(store.GetDocument(plan.ContentHash));
        var kept = ByQuote(store, "达到2.5%以上");
        Assert.Equal(share.Id, kept.Id);
        Assert.Equal(changed.ContentHash, kept.Document.Id);
        Assert.Equal(2.6, kept.Target.Value);
        Assert.Equal(2025, kept.Target.Year);
        Assert.Equal(ReviewState.Corrected, kept.Review.State);
        Assert.Equal(150, ByQuote(store, "高新技术企业达到150家").Target.Value);
        Assert.Equal(4, store.TargetCount);
    }

    [SkippableFact]
    public void QueryTargets_EachFilter_SelectsTheSameTargets()
    {
        var (store, plan, other) = Seed(NewStore());
        using var _ = store;

        string[] Quotes(TargetQuery query) => [.. store.QueryTargets(query).Select(t => t.Target.Quote)];

        Assert.Equal(["年均增长8%左右", "保持在60%以上", "达到2.5%以上", "高新技术企业达到120家"], Quotes(TargetQuery.All));
        Assert.Equal(["达到2.5%以上", "高新技术企业达到120家"], Quotes(new TargetQuery(Region: "青川市")));
        Assert.Equal(4, Quotes(new TargetQuery(Region: "样例省")).Length);
        Assert.Equal(["年均增长8%左右", "保持在60%以上"], Quotes(new TargetQuery(Year: 2022)));
        Assert.Equal(["年均增长8%左右", "保持在60%以上"], Quotes(new TargetQuery(PlanYear: 2021)));
        Assert.Equal(["高新技术企业达到120家"], Quotes(new TargetQuery(Category: "high_tech_enterprises")));
        Assert.Equal(["保持在60%以上"], Quotes(new TargetQuery(IndicatorId: "forest_cover")));
        Assert.Equal(["年均增长8%左右", "保持在60%以上"], Quotes(new TargetQuery(Document: other.ContentHash[..10])));
        Assert.Equal(["达到2.5%以上", "高新技术企业达到120家"], Quotes(new TargetQuery(Document: plan.SourceName)));
        Assert.Empty(Quotes(new TargetQuery(Document: "nothing.txt")));
    }

    [SkippableFact]
    public void ReadTargets_ReportInputs_MatchQueryTargetsAndLeaveRejectedOut()
    {
        var (store, _, _) = Seed(NewStore());
        using var _ = store;
        var growth = ByQuote(store, "年均增长8%左右");
        var forest = ByQuote(store, "保持在60%以上");
        Assert.True(store.Reject(growth.Id, growth.Version, "编辑乙", "不是目标").Saved);
        Assert.True(store.Accept(forest.Id, forest.Version, "编辑甲").Saved);

        var rows = store.ReadTargets(TargetQuery.All);
        var targets = store.QueryTargets(TargetQuery.All);

        // Records compare lists by reference: the responsible bodies are compared as text.
        Assert.Equal(
            targets.Select(t => (t.Id, t.Target with { Responsible = [] }, string.Join("；", t.Target.Responsible), t.Document)),
            rows.Select(r => (r.TargetId, r.Target with { Responsible = [] }, string.Join("；", r.Target.Responsible), r.Document)));
        Assert.DoesNotContain(rows, r => r.TargetId == growth.Id);
        Assert.Equal(ReviewState.Accepted, rows.Single(r => r.TargetId == forest.Id).Review.State);
        Assert.Equal("编辑甲", rows.Single(r => r.TargetId == forest.Id).Review.Reviewer);
        Assert.Equal([forest.Id], store.ReadTargets(TargetQuery.All with { ReviewedOnly = true }).Select(r => r.TargetId));
        Assert.Equal(4, store.ReadTargets(TargetQuery.All with { IncludeRejected = true }).Count);
    }

    [SkippableFact]
    public void Correct_TwoFields_SavedVersionBumpedAndEachFieldAudited()
    {
        var (store, _, _) = Seed(NewStore());
        using var _ = store;
        var target = ByQuote(store, "达到2.5%以上");

        var outcome = store.Correct(target.Id, target.Version, "编辑甲", new Dictionary<string, string> { ["value"] = "2.8", ["year"] = "2021" });

        Assert.Equal(ReviewStatus.Saved, outcome.Status);
        var saved = store.GetTarget(target.Id)!;
        Assert.Equal((2.8, 2021, ReviewState.Corrected, "编辑甲"), (saved.Target.Value, saved.Target.Year, saved.Review.State, saved.Review.Reviewer));
        Assert.Equal(target.Version + 1, saved.Version);
        Assert.Equal(["value", "year"], saved.ReviewedFields.Order());
        Assert.Equal(
            [("correct", "value", "2.5", "2.8"), ("correct", "year", "2020", "2021"), ("correct", "review_state", "unreviewed", "corrected")],
            store.AuditOf(target.Id).Select(e => (e.Action, e.Field, e.Before, e.After)));
        Assert.All(store.AuditOf(target.Id), e => Assert.Equal((saved.Version, "编辑甲"), (e.Version, e.User)));
        Assert.Equal(ReviewStatus.Invalid, store.Correct(target.Id, saved.Version, "编辑甲", new Dictionary<string, string> { ["value"] = "两点五" }).Status);
        Assert.Equal(ReviewStatus.NotFound, store.Correct("0123456789abcdef01234567", null, "编辑甲", new Dictionary<string, string> { ["value"] = "1" }).Status);
    }

    [SkippableFact]
    public void Correct_StaleVersion_ConflictNamesTheOtherEditAndSavesNothing()
    {
        var (store, _, _) = Seed(NewStore());
        using var _ = store;
        var target = ByQuote(store, "达到2.5%以上");
        Assert.True(store.Correct(target.Id, target.Version, "编辑甲", new Dictionary<string, string> { ["value"] = "2.8" }).Saved);

        var second = store.Correct(target.Id, target.Version, "编辑乙", new Dictionary<string, string> { ["value"] = "3" });

        Assert.Equal(ReviewStatus.Conflict, second.Status);
        Assert.Contains("编辑甲", second.Message, StringComparison.Ordinal);
        Assert.Contains(second.OtherEdits, e => e is { Field: "value", After: "2.8", User: "编辑甲" });
        Assert.Equal(2.8, store.GetTarget(target.Id)!.Target.Value);
    }

    [SkippableFact]
    public void AcceptRejectAndReview_SetStatesCountsAndQueue()
    {
        var (store, plan, other) = Seed(NewStore());
        using var _ = store;
        var share = ByQuote(store, "达到2.5%以上");
        var firms = ByQuote(store, "高新技术企业达到120家");
        var forest = ByQuote(store, "保持在60%以上");

        Assert.True(store.Accept(share.Id, share.Version, "编辑甲").Saved);
        Assert.True(store.Reject(firms.Id, firms.Version, "编辑乙", "不是目标").Saved);
        Assert.True(store.Review(forest.Id, new TargetReview(ReviewState.Corrected, "编辑丙"), forest.Target with { Value = 61 }));
        Assert.False(store.Review("0123456789abcdef01234567", new TargetReview(ReviewState.Accepted)));

        Assert.Equal("不是目标", store.GetTarget(firms.Id)!.Review.Note);
        Assert.Equal(61, store.GetTarget(forest.Id)!.Target.Value);
        Assert.Equal(new ReviewCounts(0, 1, 0, 1), store.GetReviewDocument(plan.ContentHash)!.Counts);
        Assert.Equal(new ReviewCounts(1, 0, 1, 0), store.GetReviewDocument(other.ContentHash)!.Counts);
        Assert.Equal(0.7, store.GetReviewDocument(other.ContentHash)!.MinConfidence);
        Assert.Equal(["年均增长8%左右"], store.ReviewQueue(0, 10).Select(t => t.Target.Quote));
        Assert.Contains(store.AuditOf(firms.Id), e => e is { Action: "reject", Field: "review_state", After: "rejected", User: "编辑乙" });
    }

    [SkippableFact]
    public void ReviewQueue_Unreviewed_LowestConfidenceFirstAndPaged()
    {
        var (store, _, _) = Seed(NewStore());
        using var _ = store;

        Assert.Equal(["高新技术企业达到120家", "年均增长8%左右", "达到2.5%以上", "保持在60%以上"], store.ReviewQueue(0, 10).Select(t => t.Target.Quote));
        Assert.Equal(["年均增长8%左右", "达到2.5%以上"], store.ReviewQueue(1, 2).Select(t => t.Target.Quote));
    }

    [SkippableFact]
    public void AddSplitMerge_EditorTargets_StoredWithAudit()
    {
        var (store, plan, _) = Seed(NewStore());
        using var _ = store;
        var start = PlanText.IndexOf("技术合同成交额达到30亿元", StringComparison.Ordinal);

        var added = store.AddTarget(plan.ContentHash, start, start + "技术合同成交额达到30亿元".Length, "编辑甲",
            new Dictionary<string, string> { ["value"] = "30", ["unit"] = "亿元", ["indicator"] = "技术合同成交额", ["year"] = "2020" });
        var firms = ByQuote(store, "高新技术企业达到120家");
        var split = store.Split(firms.Id, firms.Version, "编辑乙", firms.Target.Start + "高新技术企业".Length);

        Assert.True(added.Saved, added.Message);
        Assert.True(added.Target!.AddedByEditor);
        Assert.Equal((ReviewState.Corrected, 30.0, "亿元"), (added.Target.Review.State, added.Target.Target.Value, added.Target.Target.Unit));
        Assert.Contains(store.AuditOf(added.Target.Id), e => e is { Action: "add", Field: "value", After: "30" });
        Assert.True(split.Saved, split.Message);
        Assert.Equal(["高新技术企业", "达到120家"], split.Targets.Select(t => t.Target.Quote));
        Assert.Equal(4, store.TargetsOf(plan.ContentHash).Count);
        Assert.Equal(4, store.GetReviewDocument(plan.ContentHash)!.Summary.TargetCount);
        Assert.Equal(ReviewStatus.Invalid, store.AddTarget(plan.ContentHash, 5, 9999, "编辑甲", new Dictionary<string, string> { ["value"] = "1" }).Status);

        var pieces = store.TargetsOf(plan.ContentHash).Where(t => t.AddedByEditor || t.Id == firms.Id).Where(t => t.Target.Quote is "高新技术企业" or "达到120家").ToList();
        var merged = store.Merge(pieces[0].Id, pieces[0].Version, pieces[1].Id, pieces[1].Version, "编辑丙");
        Assert.True(merged.Saved, merged.Message);
        Assert.Equal(ReviewState.Rejected, store.GetTarget(pieces[1].Id)!.Review.State);
        Assert.Equal($"duplicate of {pieces[0].Id}", store.GetTarget(pieces[1].Id)!.Review.Note);
        Assert.Contains(store.AuditOf(pieces[1].Id), e => e is { Field: "merged_into" });
        Assert.Equal(ReviewStatus.Conflict, store.Merge(pieces[0].Id, pieces[0].Version, pieces[1].Id, null, "编辑丙").Status);
    }

    [SkippableFact]
    public void ListDocuments_Filters_CountAndPageTheSameDocuments()
    {
        var (store, plan, other) = Seed(NewStore());
        using var _ = store;
        var firms = ByQuote(store, "高新技术企业达到120家");
        store.Reject(firms.Id, firms.Version, "编辑乙");

        var all = store.ListDocuments(new DocumentFilter(), 0, 50);
        Assert.Equal(2, all.Total);
        Assert.Equal(new ReviewCounts(3, 0, 0, 1), all.Counts);
        Assert.Equal([other.ContentHash, plan.ContentHash], all.Documents.Select(d => d.Summary.Id));
        Assert.Equal([plan.ContentHash], store.ListDocuments(new DocumentFilter(Region: "青川市"), 0, 50).Documents.Select(d => d.Summary.Id));
        Assert.Equal([other.ContentHash], store.ListDocuments(new DocumentFilter(Year: 2021), 0, 50).Documents.Select(d => d.Summary.Id));
        Assert.Equal([plan.ContentHash], store.ListDocuments(new DocumentFilter(State: ReviewState.Rejected), 0, 50).Documents.Select(d => d.Summary.Id));
        Assert.Equal([other.ContentHash], store.ListDocuments(new DocumentFilter(Category: "ecology"), 0, 50).Documents.Select(d => d.Summary.Id));
        Assert.Equal([other.ContentHash], store.ListDocuments(new DocumentFilter(MaxConfidence: 0.8), 0, 50).Documents.Select(d => d.Summary.Id));
        var second = store.ListDocuments(new DocumentFilter(), 1, 1);
        Assert.Equal((2, 1), (second.Total, second.Documents.Count));
        Assert.Equal(plan.ContentHash, second.Documents[0].Summary.Id);
    }

    [SkippableFact]
    public void Runs_BeginCompleteAndFailures_Recorded()
    {
        using var store = NewStore();
        var run = store.BeginRun("1.0", TestData.Extractor, ["corpus/"]);
        store.RecordFailures(run.Id, [("/samples/bad.pdf", "not a PDF"), ("/samples/empty.txt", "empty file")]);
        var done = store.CompleteRun(run.Id, new IngestCounts(5, 2, 0, 1, 2, 7, 0));

        Assert.Equal(new IngestCounts(5, 2, 0, 1, 2, 7, 0), done.Counts);
        var stored = Assert.Single(store.Runs());
        Assert.Equal((run.Id, "1.0", TestData.Extractor), (stored.Id, stored.ToolVersion, stored.ExtractorVersion));
        Assert.Equal(["corpus/"], stored.Inputs);
        Assert.NotNull(stored.EndedAt);
        Assert.Equal(["/samples/bad.pdf", "/samples/empty.txt"], store.Failures(run.Id).Select(f => f.Path));
        Assert.Equal("not a PDF", store.Failures()[0].Reason);
        Assert.Empty(store.Failures(run.Id + 1));
    }
}

/// <summary>The contract on the LiteDB file store.</summary>
public sealed class LiteDbStoreContractTests : StoreContractTests, IDisposable
{
    private readonly TempDatabase _temp = new();
    private int _stores;

    protected override IPolicyStore NewStore() => PolicyStore.Open(System.IO.Path.Combine(_temp.Folder, $"contract-{++_stores}.db"));

    public void Dispose() => _temp.Dispose();
}

/// <summary>The contract on PostgreSQL (a throwaway server; see <see cref="TestPostgres"/>).</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresStoreContractTests(TestPostgres server) : StoreContractTests
{
    protected override IPolicyStore NewStore() => PolicyStores.Open(server.NewDatabase());
}
