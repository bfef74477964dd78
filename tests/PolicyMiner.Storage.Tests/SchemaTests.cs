using PolicyMiner.Core.Documents;
using PolicyMiner.Core.Targets;
using PolicyMiner.Core.Text;
using LiteDB;
using PolicyMiner.Storage.Reviewing;
using PolicyMiner.Storage.Entities;
using PolicyMiner.Storage.Schema;

namespace PolicyMiner.Storage.Tests;

public sealed class SchemaTests : IDisposable
{
    private readonly TempDatabase _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Open_NewFile_HasCurrentSchemaAndIndexes()
    {
        using (var store = PolicyStore.Open(_temp.Path))
        {
            Assert.Equal(PolicyStore.CurrentSchemaVersion, store.SchemaVersion);
        }

        using var raw = new LiteDatabase(_temp.Path);
        var indexes = raw.GetCollection("$indexes").FindAll()
            .Select(i => $"{i["collection"].AsString}.{i["name"].AsString}").ToHashSet();
        // Schema v5: a document's targets are one pack found by its key, with no index of their own; filters on the
        // document's fields go through the documents' indexes. Schema v8: the category filter reads the documents' lists.
        Assert.DoesNotContain(indexes, i => i.StartsWith("target_packs.", StringComparison.Ordinal) && i != "target_packs._id");
        Assert.False(raw.CollectionExists("targets"));
        Assert.DoesNotContain("documents.region", indexes);
        Assert.DoesNotContain("documents.SourceName", indexes);
        Assert.Contains("documents.plan_year", indexes);
        Assert.DoesNotContain("documents.categories", indexes);
        Assert.Contains("documents.path", indexes);
    }

    [Fact]
    public void Open_VersionZeroDatabaseWithDocuments_MigratesAndKeepsThem()
    {
        // A database written before the schema had a version: a bare documents collection and user version 0.
        using (var raw = new LiteDatabase(_temp.Path))
        {
            raw.GetCollection("documents").Insert(new BsonDocument
            {
                ["_id"] = "00ff",
                ["SourceName"] = "旧样例.txt",
                ["SourcePath"] = "/samples/旧样例.txt",
                ["Format"] = "txt",
                ["Metadata"] = new BsonDocument { ["Region"] = "青川市", ["Year"] = 2009 },
            });
            Assert.Equal(0, raw.UserVersion);
        }

        using var store = PolicyStore.Open(_temp.Path);

        Assert.Equal(StoreSchema.CurrentVersion, store.SchemaVersion);
        var document = Assert.Single(store.Documents());
        Assert.Equal("旧样例.txt", document.SourceName);
        Assert.Equal(2009, document.Metadata.Year);
    }

    [Fact]
    public void Open_OlderVersionWithLaterMigration_RunsOnlyTheNewSteps()
    {
        using (PolicyStore.Open(_temp.Path))
        {
        }

        var applied = new List<int>();
        StoreMigration[] migrations =
        [
            .. StoreSchema.Migrations.Select(m => m with { Apply = db => { applied.Add(m.Version); m.Apply(db); } }),
            new(StoreSchema.CurrentVersion + 1, "test step", db =>
            {
                applied.Add(StoreSchema.CurrentVersion + 1);
                db.GetCollection("targets").EnsureIndex("Unit", "$.Unit");
            }),
        ];

        using (var store = PolicyStore.Open(_temp.Path, migrations))
        {
            Assert.Equal(StoreSchema.CurrentVersion + 1, store.SchemaVersion);
        }

        using (PolicyStore.Open(_temp.Path, migrations))
        {
        }

        Assert.Equal([StoreSchema.CurrentVersion + 1], applied);
    }

    [Fact]
    public void Open_Version2DatabaseWithTargets_RenamesEveryFieldAndKeepsEveryValue()
    {
        var document = TestData.Document("到2020年，研发投入强度达到2.5%以上，由市科技局牵头。");
        var target = TestData.Target(document, "研发投入强度达到2.5%以上", 2.5) with
        {
            ValueMax = 3.0,
            ValueStd = 0.025,
            UnitStd = "ratio",
            YearText = "到2020年",
            Baseline = 1.8,
            Responsible = ["市科技局", "市发展改革委"],
            Confidence = 0.42,
        };
        string id;
        using (var v2 = PolicyStore.Open(_temp.Path, [.. StoreSchema.Migrations.Where(m => m.Version <= 2)]))
        {
            v2.SaveDocument(TestData.Extraction(document, target));
            id = v2.QueryTargets(TargetQuery.All).Single().Id;
            v2.Accept(id, 0, "编辑甲");
            Assert.Equal(2, v2.SchemaVersion);
        }

        LegacySchema.LongDocumentNames(_temp.Path);
        LegacySchema.UnpackTargets(_temp.Path);
        LegacySchema.RenameTargetFieldsBack(_temp.Path);
        using (var raw = new LiteDatabase(_temp.Path))
        {
            Assert.True(raw.GetCollection("targets").FindAll().Single().ContainsKey("DocumentId"), "the test database holds v2 field names");
        }

        using var store = PolicyStore.Open(_temp.Path);

        Assert.Equal(StoreSchema.CurrentVersion, store.SchemaVersion);
        var migrated = Assert.Single(store.QueryTargets(TargetQuery.All));
        Assert.Equal(id, migrated.Id);
        var t = migrated.Target;
        Assert.Equal(
            (target.Quote, target.Start, target.End, target.Indicator, target.IndicatorId, target.Category, target.Value, target.ValueMax, target.Unit),
            (t.Quote, t.Start, t.End, t.Indicator, t.IndicatorId, t.Category, t.Value, t.ValueMax, t.Unit));
        Assert.Equal(
            (target.ValueStd, target.UnitStd, target.Comparator, target.Kind, target.Commitment, target.Year, target.YearText, target.Baseline, target.Confidence),
            (t.ValueStd, t.UnitStd, t.Comparator, t.Kind, t.Commitment, t.Year, t.YearText, t.Baseline, t.Confidence));
        Assert.Equal(target.Responsible, t.Responsible);
        Assert.Equal(document.Metadata.Region, migrated.Document.Metadata.Region);
        Assert.Equal(ReviewState.Accepted, migrated.Review.State);
        Assert.Equal("编辑甲", migrated.Review.Reviewer);
        Assert.Equal(1, migrated.Version);
        Assert.Equal(PolicyMiner.Storage.Reviewing.TargetFields.All, migrated.ReviewedFields);
        Assert.Single(store.QueryTargets(new TargetQuery(Year: 2020)));
        Assert.Single(store.QueryTargets(new TargetQuery(Region: document.Metadata.Region)));
        using var raw2 = new LiteDatabase(new ConnectionString { Filename = _temp.Path, ReadOnly = true });
        Assert.All(TargetPack.DecodeRaw(raw2.GetCollection(TargetPack.Collection).FindAll().Single(), textOf: null).Single().Keys, name => Assert.True(name.Length <= 3, name));
    }

    [Fact]
    public void Open_Version3DatabaseWithTargets_StoresDocumentDataOnceAndReadsEverythingBack()
    {
        var first = TestData.Document("到2020年，研发投入强度达到2.5%以上，高新技术企业达到120家。");
        var second = TestData.Document("到2022年，规模以上工业增加值增长8%左右。", "/samples/云岭县-2019.txt", "云岭县", 2019);
        var rd = TestData.Target(first, "研发投入强度达到2.5%以上", 2.5);
        var firms = TestData.Target(first, "高新技术企业达到120家", 120, "家", "high_tech_firms") with { Responsible = [], Baseline = null };
        var industry = TestData.Target(second, "规模以上工业增加值增长8%左右", 8, category: "industry", year: 2022);
        IReadOnlyList<StoredTarget> before;
        using (var v3 = PolicyStore.Open(_temp.Path, [.. StoreSchema.Migrations.Where(m => m.Version <= 3)]))
        {
            v3.SaveDocument(TestData.Extraction(first, rd, firms));
            v3.SaveDocument(TestData.Extraction(second, industry));
            var id = v3.QueryTargets(TargetQuery.All).Single(t => t.Target.Category == "high_tech_firms").Id;
            Assert.True(v3.Correct(id, 0, "编辑甲", new Dictionary<string, string> { ["value"] = "150" }).Saved);
            before = v3.QueryTargets(TargetQuery.All);
            Assert.Equal(3, v3.SchemaVersion);
        }

        LegacySchema.LongDocumentNames(_temp.Path);
        LegacySchema.UnpackTargets(_temp.Path);
        LegacySchema.AddDocumentFieldsBack(_temp.Path);
        using (var raw = new LiteDatabase(_temp.Path))
        {
            Assert.All(raw.GetCollection("targets").FindAll(), t => Assert.True(t.ContainsKey("rg") && t.ContainsKey("f") && t.ContainsKey("st") && t.ContainsKey("xv"), "the test database holds v3 records"));
        }

        using (var store = PolicyStore.Open(_temp.Path))
        {
            Assert.Equal(StoreSchema.CurrentVersion, store.SchemaVersion);
            var after = store.QueryTargets(TargetQuery.All);
            Assert.Equal(before.Count, after.Count);
            foreach (var (old, now) in before.Zip(after))
            {
                Assert.Equal(old.Id, now.Id);
                Assert.Equal(old.Target with { Responsible = [] }, now.Target with { Responsible = [] });
                Assert.Equal(old.Target.Responsible, now.Target.Responsible);
                Assert.Equal((old.Document.Id, old.ExtractorVersion, old.ExtractedAt, old.Review, old.Stale, old.Version), (now.Document.Id, now.ExtractorVersion, now.ExtractedAt, now.Review, now.Stale, now.Version));
                Assert.Equal(old.ReviewedFields, now.ReviewedFields);
            }

            Assert.Equal(2, store.QueryTargets(new TargetQuery(Region: "青川市")).Count);
            Assert.Single(store.QueryTargets(new TargetQuery(PlanYear: 2019)));
            Assert.Single(store.QueryTargets(new TargetQuery(Category: "industry")));
            Assert.Single(store.QueryTargets(new TargetQuery(Year: 2022)));
            Assert.Equal(2, store.ReadTargets(new TargetQuery(Region: "青川市")).Count);
            var listed = store.ListDocuments(new DocumentFilter(Category: "high_tech_firms"), 0, 50);
            Assert.Equal(first.ContentHash, Assert.Single(listed.Documents).Summary.Id);
            Assert.Empty(store.ListDocuments(new DocumentFilter(Category: "energy"), 0, 50).Documents);
        }

        using var check = new LiteDatabase(new ConnectionString { Filename = _temp.Path, ReadOnly = true });
        var packed = check.GetCollection(TargetPack.Collection).FindAll().SelectMany(pack => TargetPack.DecodeRaw(pack, textOf: null)).ToList();
        Assert.Equal(3, packed.Count);
        Assert.All(packed, t => Assert.DoesNotContain(t.Keys, k => k is "f" or "rg" or "pv" or "py" or "st" or "xv" or "xa"));
        Assert.False(check.CollectionExists("targets"));
    }

    [Fact]
    public void Open_Version4Database_PacksTargetsKeepsEveryIdAndReviewsWorkAfterwards()
    {
        var first = TestData.Document("到2020年，研发投入强度达到2.5%以上，高新技术企业达到120家。");
        var second = TestData.Document("到2022年，规模以上工业增加值增长8%左右。", "/samples/云岭县-2019.txt", "云岭县", 2019);
        var rd = TestData.Target(first, "研发投入强度达到2.5%以上", 2.5);
        var firms = TestData.Target(first, "高新技术企业达到120家", 120, "家", "high_tech_firms");
        var industry = TestData.Target(second, "规模以上工业增加值增长8%左右", 8, category: "industry", year: 2022);
        List<string> before;
        string corrected;
        using (var v4 = PolicyStore.Open(_temp.Path, [.. StoreSchema.Migrations.Where(m => m.Version <= 4)]))
        {
            v4.SaveDocument(TestData.Extraction(first, rd, firms));
            v4.SaveDocument(TestData.Extraction(second, industry));
            corrected = v4.QueryTargets(TargetQuery.All).Single(t => t.Target.Category == "high_tech_firms").Id;
            Assert.True(v4.Correct(corrected, 0, "编辑甲", new Dictionary<string, string> { ["value"] = "150" }).Saved);
        }

        // A v4 file: one record per target with an ObjectId of its own, sections as plain lists.
        LegacySchema.LongDocumentNames(_temp.Path);
        LegacySchema.UnpackTargets(_temp.Path);
        LegacySchema.UnpackLayout(_temp.Path);
        using (var raw = new LiteDatabase(_temp.Path))
        {
            var ids = raw.GetCollection("targets").FindAll().ToList();
            foreach (var target in ids)
            {
                var renamed = new BsonDocument(target.ToDictionary(f => f.Key, f => f.Value)) { ["_id"] = ObjectId.NewObjectId() };
                raw.GetCollection("targets").Delete(target["_id"]);
                raw.GetCollection("targets").Insert(renamed);
                raw.GetCollection("review_audit").UpdateMany(
                    BsonExpression.Create("{ TargetId: @0 }", new BsonValue(renamed["_id"].AsObjectId.ToString())),
                    BsonExpression.Create("$.TargetId = @0", new BsonValue(target["_id"].AsObjectId.ToString())));
                if (target["_id"].AsObjectId.ToString() == corrected)
                {
                    corrected = renamed["_id"].AsObjectId.ToString();
                }
            }

            Assert.Equal(3, ids.Count);
            Assert.True(raw.GetCollection("contents").FindAll().All(c => c["Sections"].IsArray && !c.ContainsKey("Layout")), "the test database holds v4 contents");
        }

        using (var v4 = PolicyStore.Open(_temp.Path, [.. StoreSchema.Migrations.Where(m => m.Version <= 4)]))
        {
            Assert.Equal(4, v4.SchemaVersion);
        }

        using (var raw = new LiteDatabase(_temp.Path))
        {
            before = [.. raw.GetCollection("targets").FindAll().Select(t => t["_id"].AsObjectId.ToString())];
        }

        using (var store = PolicyStore.Open(_temp.Path))
        {
            Assert.Equal(StoreSchema.CurrentVersion, store.SchemaVersion);
            var after = store.QueryTargets(TargetQuery.All);
            Assert.Equal(before.Order(), after.Select(t => t.Id).Order());
            var fixedTarget = store.GetTarget(corrected)!;
            Assert.Equal(150, fixedTarget.Target.Value);
            Assert.Equal(ReviewState.Corrected, fixedTarget.Review.State);
            Assert.NotEmpty(store.AuditOf(corrected));
            Assert.Equal(first.Sections, store.GetDocument(first.ContentHash)!.Sections);

            // Reviews and additions go on working on the migrated targets.
            var pending = after.Single(t => t.Target.Category == "industry");
            Assert.True(store.Accept(pending.Id, pending.Version, "编辑乙").Saved);
            Assert.Equal(ReviewState.Accepted, store.GetTarget(pending.Id)!.Review.State);
            var added = store.AddTarget(first.ContentHash, 0, 6, "编辑乙", new Dictionary<string, string> { ["value"] = "2020" });
            Assert.True(added.Saved);
            Assert.Equal(4, store.TargetCount);
            Assert.NotNull(store.GetTarget(added.Targets[0].Id));

            // A new version of the file keeps the reviewed targets under their ids.
            var changed = TestData.Document("到2020年，研发投入强度达到2.6%以上，高新技术企业达到120家。");
            store.SaveDocument(TestData.Extraction(changed, TestData.Target(changed, "高新技术企业达到120家", 120, "家", "high_tech_firms")));
            Assert.Equal(150, store.GetTarget(corrected)!.Target.Value);
            Assert.Equal(changed.ContentHash, store.GetTarget(corrected)!.Document.Id);
        }

        using var check = new LiteDatabase(new ConnectionString { Filename = _temp.Path, ReadOnly = true });
        Assert.False(check.CollectionExists("targets"));
        Assert.All(check.GetCollection("contents").FindAll(), c => Assert.False(c.ContainsKey("Sections")));
        Assert.True(Safety.StoreMaintenance.Check(_temp.Path).Healthy);
    }

    [Fact]
    public void Open_Version5Database_ShortensDocumentFieldsAndEveryDocumentQueryStillWorks()
    {
        const string plan = "一、主要目标。到2020年，全市研发经费占地区生产总值比重达到2.5%以上。高新技术企业达到120家。二、保障措施。市财政每年安排科技专项资金5000万元，重点支持企业研发平台建设和科技成果转化，确保各项任务落到实处。";
        // The page is the copy kept (the richer format), so the text copies are folded into it.
        var first = TestData.Document(plan) with { Fingerprint = TextFingerprint.Of(plan), Format = DocumentFormat.Html };
        var copy = TestData.Document(plan + "\n", "/samples/copy/青川市-2018.txt") with { Fingerprint = TextFingerprint.Of(plan + "\n") };
        var second = TestData.Document("到2022年，规模以上工业增加值增长8%左右。", "/samples/云岭县-2019.txt", "云岭县", 2019);
        using (var v5 = PolicyStore.Open(_temp.Path, [.. StoreSchema.Migrations.Where(m => m.Version <= 5)]))
        {
            v5.SaveDocument(TestData.Extraction(first, TestData.Target(first, "高新技术企业达到120家", 120, "家", "high_tech_firms")));
            Assert.Equal(DocumentWriteResult.Duplicate, v5.SaveDocument(TestData.Extraction(copy)));
            v5.SaveDocument(TestData.Extraction(second, TestData.Target(second, "规模以上工业增加值增长8%左右", 8, category: "industry", year: 2022)));
            Assert.Equal(5, v5.SchemaVersion);
        }

        LegacySchema.LongDocumentNames(_temp.Path);
        using (var raw = new LiteDatabase(_temp.Path))
        {
            Assert.All(raw.GetCollection("documents").FindAll(), d => Assert.True(d.ContainsKey("SourcePath") && d["Metadata"].AsDocument.ContainsKey("Region"), "the test database holds v5 names"));
        }

        using (var store = PolicyStore.Open(_temp.Path))
        {
            Assert.Equal(StoreSchema.CurrentVersion, store.SchemaVersion);
            Assert.Equal("/samples/云岭县-2019.txt", store.ListDocuments(new DocumentFilter(Region: "云岭县"), 0, 50).Documents.Single().Summary.SourcePath);
            Assert.Equal(first.ContentHash, store.ListDocuments(new DocumentFilter(Year: 2018), 0, 50).Documents.Single().Summary.Id);
            Assert.Equal(second.ContentHash, store.ListDocuments(new DocumentFilter(Category: "industry"), 0, 50).Documents.Single().Summary.Id);
            Assert.Equal(2, store.ListDocuments(new DocumentFilter(State: ReviewState.Unreviewed), 0, 50).Total);
            Assert.Equal(["/samples/copy/青川市-2018.txt"], store.FoldedSourcesOf(first.ContentHash));
            Assert.Equal(TestData.Extractor, store.KnownDocuments()[first.ContentHash]);
            Assert.Single(store.QueryTargets(TargetQuery.All with { Region = "云岭县" }));
            var summary = store.GetDocument(first.ContentHash)!.Summary;
            Assert.Equal((first.Metadata, TestData.Extractor, "青川市-2018.txt"), (summary.Metadata, summary.ExtractorVersion, summary.SourceName));
            Assert.Single(store.QueryTargets(TargetQuery.All with { Document = "云岭县-2019.txt" }));

            // The migrated fingerprints still find near copies, and the same file again is left alone.
            var third = TestData.Document(plan + "\n\n", "/samples/third/青川市-2018.txt") with { Fingerprint = TextFingerprint.Of(plan + "\n\n") };
            Assert.Equal(DocumentWriteResult.Duplicate, store.SaveDocument(TestData.Extraction(third)));
            Assert.Equal(DocumentWriteResult.Unchanged, store.SaveDocument(TestData.Extraction(first)));
        }

        using var check = new LiteDatabase(new ConnectionString { Filename = _temp.Path, ReadOnly = true });
        var record = check.GetCollection("documents").FindById(first.ContentHash);
        Assert.False(record.ContainsKey("SourcePath"));
        Assert.True(record["fp"].IsBinary && record["mh"].IsBinary);
        Assert.False(check.GetCollection("documents").FindById(second.ContentHash).ContainsKey("s"));
        Assert.False(record.ContainsKey("n") || record.ContainsKey("sa"), "no file name the path ends in, no zero review counts");
        var indexes = check.GetCollection("$indexes").Find(BsonExpression.Create("$.collection = 'documents'")).Select(i => i["name"].AsString).Order();
        Assert.Equal(["_id", "path", "plan_year"], indexes);
        Assert.True(Safety.StoreMaintenance.Check(_temp.Path).Healthy);
    }

    [Fact]
    public void Open_Version6Database_StoresNamesAsCodesKeepsEveryIdAndReviewAndRerunsSafely()
    {
        var first = TestData.Document("到2020年，研发投入强度达到2.5%以上，高新技术企业达到120家。");
        var second = TestData.Document("到2022年，规模以上工业增加值增长8%左右。", "/samples/云岭县-2019.txt", "云岭县", 2019);
        string corrected;
        List<string> ids;
        using (var v6 = PolicyStore.Open(_temp.Path, [.. StoreSchema.Migrations.Where(m => m.Version <= 6)]))
        {
            v6.SaveDocument(TestData.Extraction(first, TestData.Target(first, "研发投入强度达到2.5%以上", 2.5), TestData.Target(first, "高新技术企业达到120家", 120, "家", "high_tech_firms")));
            v6.SaveDocument(TestData.Extraction(second, TestData.Target(second, "规模以上工业增加值增长8%左右", 8, category: "industry", year: 2022)));
            corrected = v6.QueryTargets(TargetQuery.All).Single(t => t.Target.Category == "high_tech_firms").Id;
            Assert.True(v6.Correct(corrected, 0, "编辑甲", new Dictionary<string, string> { ["value"] = "150" }).Saved);
            ids = [.. v6.QueryTargets(TargetQuery.All).Select(t => t.Id).Order()];
        }

        LegacySchema.NamesBack(_temp.Path);
        LegacySchema.SeparateLayout(_temp.Path);
        using (var raw = new LiteDatabase(_temp.Path))
        {
            Assert.All(raw.GetCollection("documents").FindAll(), d => Assert.True(d["xv"].IsString && d["c"].AsArray.All(c => c.IsString), "the test database holds v6 names"));
            Assert.False(raw.CollectionExists("names"));
            Assert.All(raw.GetCollection("contents").FindAll(), c => Assert.True(c["Layout"].IsBinary && !c.ContainsKey("tb"), "the test database holds v6 contents"));
        }

        // A kill inside the migration rolls its transaction back: the file is v6 again and the migration runs once more.
        var failing = StoreSchema.Migrations.Select(m => m.Version == 7
            ? new StoreMigration(7, m.Description, db => { m.Apply(db); throw new IOException("killed"); })
            : m).ToList();
        Assert.Throws<IOException>(() => PolicyStore.Open(_temp.Path, failing).Dispose());
        using (var raw = new LiteDatabase(_temp.Path))
        {
            Assert.Equal(6, raw.UserVersion);
            Assert.All(raw.GetCollection("documents").FindAll(), d => Assert.True(d["xv"].IsString, "rolled back"));
        }

        using (var store = PolicyStore.Open(_temp.Path))
        {
            Assert.Equal(StoreSchema.CurrentVersion, store.SchemaVersion);
            Assert.Equal(ids, store.QueryTargets(TargetQuery.All).Select(t => t.Id).Order());
            Assert.Equal(150, store.GetTarget(corrected)!.Target.Value);
            Assert.Equal(ReviewState.Corrected, store.GetTarget(corrected)!.Review.State);
            Assert.NotEmpty(store.AuditOf(corrected));
            Assert.Equal(second.ContentHash, store.ListDocuments(new DocumentFilter(Category: "industry"), 0, 50).Documents.Single().Summary.Id);
            Assert.Equal(first.ContentHash, store.ListDocuments(new DocumentFilter(Category: "high_tech_firms"), 0, 50).Documents.Single().Summary.Id);
            Assert.Empty(store.ListDocuments(new DocumentFilter(Category: "no_such_category"), 0, 50).Documents);
            Assert.Equal(TestData.Extractor, store.KnownDocuments()[first.ContentHash]);
            Assert.Equal(TestData.Extractor, store.GetDocument(second.ContentHash)!.Summary.ExtractorVersion);
            Assert.Equal(DocumentWriteResult.Unchanged, store.SaveDocument(TestData.Extraction(first)));

            // Contents of v6 (text and layout in streams of their own) read as they are; new ones keep both in one stream.
            Assert.Equal(first.Text, store.GetDocument(first.ContentHash)!.Text);
            Assert.Equal(first.Sections, store.GetDocument(first.ContentHash)!.Sections);
            Assert.Equal(first.Diagnostics, store.GetDocument(first.ContentHash)!.Diagnostics);

            // A new category written after the migration gets a code of its own and is found by the filter.
            var third = TestData.Document("到2025年，森林覆盖率达到45%。", "/samples/third.txt");
            store.SaveDocument(TestData.Extraction(third, TestData.Target(third, "森林覆盖率达到45%", 45, category: "environment", year: 2025)));
            Assert.Equal(third.ContentHash, store.ListDocuments(new DocumentFilter(Category: "environment"), 0, 50).Documents.Single().Summary.Id);
            Assert.Equal(third.Text, store.GetDocument(third.ContentHash)!.Text);
            Assert.Equal(third.Sections, store.GetDocument(third.ContentHash)!.Sections);
            Assert.Equal(third.Diagnostics, store.GetDocument(third.ContentHash)!.Diagnostics);
        }

        using var check = new LiteDatabase(new ConnectionString { Filename = _temp.Path, ReadOnly = true });
        var names = check.GetCollection("names").FindAll().ToList();
        Assert.Equal(names.Count, names.Select(n => (n["t"].AsString, n["v"].AsString)).Distinct().Count());
        Assert.Equal(4, names.Count(n => n["t"].AsString == "c"));
        Assert.Single(names, n => n["t"].AsString == "x");
        Assert.All(check.GetCollection("documents").FindAll(), d => Assert.True(d["xv"].IsNumber && d["c"].AsArray.All(c => c.IsNumber)));
        var written = check.GetCollection("contents").FindById(TestData.Document("到2025年，森林覆盖率达到45%。", "/samples/third.txt").ContentHash);
        Assert.True(written["tb"].IsNumber && !written.ContainsKey("Layout") && !written.ContainsKey("Text") && !written.ContainsKey("Chunks"));
        Assert.True(Safety.StoreMaintenance.Check(_temp.Path).Healthy);
    }

    [Fact]
    public void Open_Version7Database_ReadsPacksWithTheirQuotesAndDropsTheCategoryIndex()
    {
        var first = TestData.Document("到2020年，研发投入强度达到2.5%以上，高新技术企业达到120家。");
        var second = TestData.Document("到2022年，云岭县工业增加值年均增长7.5%左右。", "/samples/云岭县-2019.txt", "云岭县", 2019);
        string corrected;
        List<(string Id, string Quote, double Value, int Start)> before;
        using (var v7 = PolicyStore.Open(_temp.Path, [.. StoreSchema.Migrations.Where(m => m.Version <= 7)]))
        {
            v7.SaveDocument(TestData.Extraction(first, TestData.Target(first, "研发投入强度达到2.5%以上", 2.5), TestData.Target(first, "高新技术企业达到120家", 120, "家", "high_tech_firms")));
            v7.SaveDocument(TestData.Extraction(second, TestData.Target(second, "工业增加值年均增长7.5%左右", 7.5, category: "industry", year: 2022)));
            corrected = v7.QueryTargets(TargetQuery.All).Single(t => t.Target.Category == "high_tech_firms").Id;
            Assert.True(v7.Correct(corrected, 0, "编辑甲", new Dictionary<string, string> { ["value"] = "150" }).Saved);
            before = [.. v7.QueryTargets(TargetQuery.All).Select(t => (t.Id, t.Target.Quote, t.Target.Value, t.Target.Start))];
        }

        LegacySchema.QuotesBack(_temp.Path);
        using (var raw = new LiteDatabase(_temp.Path))
        {
            Assert.Equal(7, raw.UserVersion);
            Assert.All(
                raw.GetCollection(TargetPack.Collection).FindAll().SelectMany(pack => TargetPack.DecodeRaw(pack, textOf: null)),
                t => Assert.True(t[TargetBson.Quote].IsString && t[TargetBson.Quote].AsString.Length > 0, "the test database holds v7 packs, every quote in them"));
            Assert.Contains("categories", raw.GetCollection("$indexes").FindAll().Select(i => i["name"].AsString));
        }

        using (var store = PolicyStore.Open(_temp.Path))
        {
            Assert.Equal(StoreSchema.CurrentVersion, store.SchemaVersion);
            Assert.Equal(before, store.QueryTargets(TargetQuery.All).Select(t => (t.Id, t.Target.Quote, t.Target.Value, t.Target.Start)));
            Assert.Equal(before.Select(t => t.Quote), store.ReadTargets(TargetQuery.All).Select(t => t.Target.Quote));
            Assert.Equal(150, store.GetTarget(corrected)!.Target.Value);
            Assert.Equal("高新技术企业达到120家", store.GetTarget(corrected)!.Target.Quote);
            Assert.Equal(first.ContentHash, store.ListDocuments(new DocumentFilter(Category: "high_tech_firms"), 0, 50).Documents.Single().Summary.Id);
            Assert.Equal(second.ContentHash, store.ListDocuments(new DocumentFilter(Category: "industry"), 0, 50).Documents.Single().Summary.Id);

            // A review rewrites its pack in the new form; a new document is written so from the start.
            Assert.True(store.Accept(corrected, 1, "编辑乙").Saved);
            var third = TestData.Document("到2025年，森林覆盖率达到45%。", "/samples/third.txt");
            store.SaveDocument(TestData.Extraction(third, TestData.Target(third, "森林覆盖率达到45%", 45, category: "environment", year: 2025)));
            Assert.Equal("森林覆盖率达到45%", store.QueryTargets(new TargetQuery(Category: "environment")).Single().Target.Quote);
            Assert.Equal(before.Select(t => t.Quote).Append("森林覆盖率达到45%").Order(), store.QueryTargets(TargetQuery.All).Select(t => t.Target.Quote).Order());
        }

        using var check = new LiteDatabase(new ConnectionString { Filename = _temp.Path, ReadOnly = true });
        Assert.DoesNotContain("categories", check.GetCollection("$indexes").FindAll().Select(i => i["name"].AsString));
        var quoted = check.GetCollection(TargetPack.Collection).FindAll()
            .ToDictionary(pack => pack[TargetPack.DocumentId].AsString, pack => TargetPack.DecodeRaw(pack, textOf: null).Count(t => t.ContainsKey(TargetBson.Quote)));
        Assert.Equal(0, quoted[first.ContentHash]);
        Assert.Equal(1, quoted[second.ContentHash]);
        Assert.Equal(0, quoted[TestData.Document("到2025年，森林覆盖率达到45%。", "/samples/third.txt").ContentHash]);
        Assert.True(Safety.StoreMaintenance.Check(_temp.Path).Healthy);
    }

    [Fact]
    public void Open_NewerSchema_RefusesWithClearMessage()
    {
        using (var raw = new LiteDatabase(_temp.Path))
        {
            raw.UserVersion = StoreSchema.CurrentVersion + 5;
        }

        var error = Assert.Throws<StoreException>(() => PolicyStore.Open(_temp.Path));
        Assert.Contains("newer than this PolicyMiner", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_FileThatIsNotADatabase_ThrowsStoreException()
    {
        File.WriteAllText(_temp.Path, new string('x', 20000));

        var error = Assert.Throws<StoreException>(() => PolicyStore.Open(_temp.Path));
        Assert.Contains("not a PolicyMiner database", error.Message, StringComparison.Ordinal);
    }
}
