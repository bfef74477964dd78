using PolicyMiner.Core.Text;
using PolicyMiner.Storage.Reviewing;
using PolicyMiner.Storage.Transfer;
using PolicyMiner.Tests.Shared;

namespace PolicyMiner.Storage.Tests.Contract;

/// <summary><see cref="StoreCopy"/>: LiteDB → PostgreSQL → LiteDB keeps every document, target, review state, version and audit entry.</summary>
[Collection(PostgresCollection.Name)]
public sealed class StoreCopyTests(TestPostgres server) : IDisposable
{
    private const string Text = "到2020年，全社会研发经费占地区生产总值比重达到2.5%以上，高新技术企业达到120家，技术合同成交额达到30亿元。";
    private readonly TempDatabase _temp = new();

    public void Dispose() => _temp.Dispose();

    [SkippableFact]
    public void Copy_LiteDbToPostgresAndBack_KeepsDocumentsReviewStatesAndAudit()
    {
        var postgres = server.NewDatabase();
        using var original = PolicyStore.Open(Path.Combine(_temp.Folder, "original.db"));
        var document = TestData.Document(Text) with { Fingerprint = TextFingerprint.Of(Text) };
        original.SaveDocument(TestData.Extraction(document,
            TestData.Target(document, "达到2.5%以上", 2.5),
            TestData.Target(document, "高新技术企业达到120家", 120, unit: "家", category: "high_tech_enterprises")));
        var run = original.BeginRun("1.0", TestData.Extractor, ["corpus/"]);
        original.RecordFailures(run.Id, [("/samples/bad.pdf", "not a PDF")]);
        original.CompleteRun(run.Id, new IngestCounts(2, 1, 0, 0, 1, 2));
        var targets = original.TargetsOf(document.ContentHash);
        Assert.True(original.Correct(targets[0].Id, targets[0].Version, "编辑甲", new Dictionary<string, string> { ["value"] = "2.6" }).Saved);
        Assert.True(original.Reject(targets[1].Id, targets[1].Version, "编辑乙", "不是目标").Saved);
        var start = Text.IndexOf("技术合同", StringComparison.Ordinal);
        Assert.True(original.AddTarget(document.ContentHash, start, start + "技术合同成交额达到30亿元".Length, "编辑丙", new Dictionary<string, string> { ["value"] = "30", ["unit"] = "亿元" }).Saved);

        StoreCopyResult there, back;
        using (var server = PolicyStores.Open(postgres))
        {
            there = StoreCopy.Copy(original, server);
            Assert.Equal(Dump(original), Dump(server));
            using var returned = PolicyStore.Open(Path.Combine(_temp.Folder, "returned.db"));
            back = StoreCopy.Copy(server, returned);
            Assert.Equal(Dump(original), Dump(returned));

            // The copy is a working store: a stale save is still refused, the next run gets a new id.
            var corrected = returned.GetTarget(targets[0].Id)!;
            Assert.Equal(ReviewStatus.Conflict, returned.Accept(targets[0].Id, targets[0].Version, "编辑丁").Status);
            Assert.True(server.Accept(targets[0].Id, corrected.Version, "编辑丁").Saved);
            Assert.True(server.BeginRun("1.0", TestData.Extractor, []).Id > run.Id);
        }

        Assert.Equal(new StoreCopyResult(1, 3, there.AuditEntries, 1), there);
        Assert.Equal(there, back);
        Assert.True(there.AuditEntries > 10);
    }

    [SkippableFact]
    public void Copy_IntoStoreWithDocuments_Refused()
    {
        using var source = PolicyStore.Open(Path.Combine(_temp.Folder, "a.db"));
        using var destination = PolicyStores.Open(server.NewDatabase());
        var document = TestData.Document(Text);
        source.SaveDocument(TestData.Extraction(document));
        destination.SaveDocument(TestData.Extraction(document));

        var refused = Assert.Throws<StoreException>(() => StoreCopy.Copy(source, destination));

        Assert.Contains("already holds 1 documents", refused.Message, StringComparison.Ordinal);
    }

    /// <summary>Everything a store holds, as comparable text: documents, text, every target field and review, the audit trail, runs and failures.</summary>
    private static List<string> Dump(IPolicyStore store)
    {
        var lines = new List<string>();
        foreach (var summary in store.Documents())
        {
            var document = store.GetDocument(summary.Id)!;
            lines.Add($"doc {summary} text={document.Text} sections={string.Join(",", document.Sections)} diagnostics={string.Join(",", document.Diagnostics)}");
            var counts = store.GetReviewDocument(summary.Id)!;
            lines.Add($"counts {counts.Counts} {counts.MinConfidence}");
            foreach (var target in store.TargetsOf(summary.Id))
            {
                lines.Add($"target {target.Id} v{target.Version} {target.Target with { Responsible = [] }} [{string.Join("；", target.Target.Responsible)}] "
                    + $"{target.Review.State} {target.Review.Reviewer} {target.Review.ReviewedAt?.ToUniversalTime():O} {target.Review.Note} "
                    + $"[{string.Join(",", target.ReviewedFields)}] editor={target.AddedByEditor} stale={target.Stale} {target.ExtractorVersion}");
                lines.AddRange(store.AuditOf(target.Id).Select(e => $"audit {e with { At = e.At.ToUniversalTime() }}"));
            }
        }

        lines.AddRange(store.Runs().Select(r => $"run {r.Id} {r.ToolVersion} {r.Counts} {string.Join(",", r.Inputs)} {r.StartedAt.ToUniversalTime():O}"));
        lines.AddRange(store.Failures().Select(f => $"failure {f.RunId} {f.Path} {f.Reason}"));
        return lines;
    }
}
