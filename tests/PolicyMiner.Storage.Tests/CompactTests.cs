using PolicyMiner.Core.Targets;
using PolicyMiner.Storage.Safety;

namespace PolicyMiner.Storage.Tests;

public sealed class CompactTests : IDisposable
{
    private readonly TempDatabase _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Compact_AfterManyReplacedDocuments_ShrinksTheFileAndKeepsEveryRecord()
    {
        string reviewed;
        using (var store = PolicyStore.Open(_temp.Path, new StoreOpenOptions()))
        {
            var run = store.BeginRun("1.0", TestData.Extractor, ["/samples"]);
            for (var i = 0; i < 150; i++)
            {
                // Random serial numbers, so the text and the targets do not compress to nothing.
                var text = string.Concat(Enumerable.Range(0, 20).Select(k => $"到2025年，第{i}号指标{k}达到{k + 10}%以上，编号{Guid.NewGuid():N}{Guid.NewGuid():N}{Guid.NewGuid():N}{Guid.NewGuid():N}。"));
                var document = TestData.Document(text, $"/samples/青川市-{i}.txt");
                store.SaveDocument(TestData.Extraction(document, [.. Enumerable.Range(0, 20).Select(k => TestData.Target(document, $"第{i}号指标{k}达到{k + 10}%以上", k + 10))]), run.Id);
            }

            // Every document replaced by a short new version of its file: the first versions' pages are left free.
            for (var i = 0; i < 150; i++)
            {
                var document = TestData.Document($"到2026年，第{i}号指标达到20%以上。", $"/samples/青川市-{i}.txt");
                store.SaveDocument(TestData.Extraction(document, TestData.Target(document, $"第{i}号指标达到20%以上", 20)), run.Id);
            }

            reviewed = store.QueryTargets(TargetQuery.All)[7].Id;
            Assert.True(store.Accept(reviewed, 0, "编辑甲").Saved);
            store.RecordFailures(run.Id, [("/samples/坏.pdf", "damaged")]);
            store.CompleteRun(run.Id, new IngestCounts(301, 150, 150, 0, 1, 3150));
        }

        var before = Snapshot();
        var report = StoreMaintenance.Compact(_temp.Path);

        Assert.True(report.BytesAfter < report.BytesBefore * 0.75, $"{report.BytesBefore} -> {report.BytesAfter}");
        Assert.Equal(new FileInfo(_temp.Path).Length, report.BytesAfter);
        Assert.Equal(before, Snapshot());
        Assert.True(StoreMaintenance.Check(_temp.Path).Healthy);
        using var again = PolicyStore.Open(_temp.Path, new StoreOpenOptions());
        Assert.Single(again.AuditOf(reviewed));
        Assert.Equal(150, again.TargetCount);
        Assert.Equal(150, again.ListDocuments(new Reviewing.DocumentFilter(Category: "rd_intensity"), 0, 500).Total);
    }

    /// <summary>Everything a reader sees, as text: targets with ids, review and provenance, document texts, runs and failures.</summary>
    private string Snapshot()
    {
        using var store = PolicyStore.Open(_temp.Path, new StoreOpenOptions(ReadOnly: true));
        var targets = store.QueryTargets(TargetQuery.All with { IncludeRejected = true })
            .Select(t => $"{t.Id} {t.Document.Id} {t.Target.Quote} {t.Target.Value} {t.Review.State} {t.Review.Reviewer} {t.Version} {t.ExtractorVersion} {t.ExtractedAt:O}");
        var texts = store.Documents().Select(d => $"{d.Id} {d.SourcePath} {store.GetDocument(d.Id)!.Text.Length}");
        var runs = store.Runs().Select(r => $"{r.Id} {r.Counts}");
        var failures = store.Failures().Select(f => $"{f.Path} {f.Reason}");
        return string.Join('\n', [.. targets, .. texts, .. runs, .. failures, store.SchemaVersion.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
    }
}
