using PolicyMiner.Core.Targets;
using PolicyMiner.Storage.Safety;

namespace PolicyMiner.Storage.Tests;

/// <summary>Issue 9: a file that is not ours is never written; damage is reported in one line and repaired from what is readable.</summary>
public sealed class StoreSafetyTests : IDisposable
{
    private readonly TempDatabase _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string, byte[]> ForeignFiles => new()
    {
        { "small text", "hello, these are my notes\n"u8.ToArray() },
        { "page-sized binary", Bytes(8192 * 3 + 100, seed: 1) },
        { "zip-like", [0x50, 0x4B, 0x03, 0x04, .. Bytes(40_000, seed: 2)] },
    };

    [Theory]
    [MemberData(nameof(ForeignFiles))]
    public void Open_ForeignFile_RefusedAndBytesUnchanged(string kind, byte[] content)
    {
        var path = Path.Combine(_temp.Folder, "notes.txt");
        File.WriteAllBytes(path, content);

        var writer = Assert.Throws<StoreException>(() => PolicyStore.Open(path, new StoreOpenOptions()));
        var reader = Assert.Throws<StoreException>(() => PolicyStore.Open(path, new StoreOpenOptions(ReadOnly: true)));
        var unlocked = Assert.Throws<StoreException>(() => PolicyStore.Open(path));

        Assert.Contains("not a PolicyMiner database", writer.Message, StringComparison.Ordinal);
        Assert.Equal(writer.Message, reader.Message);
        Assert.Equal(writer.Message, unlocked.Message);
        Assert.DoesNotContain('\n', writer.Message);
        Assert.Equal(content, File.ReadAllBytes(path));
        Assert.False(File.Exists(path + ".lock"), kind);
    }

    [Fact]
    public void Open_TruncatedDatabase_OneLineDamagedAndBytesUnchanged()
    {
        var full = Filled();
        var bytes = File.ReadAllBytes(full);
        var cut = Path.Combine(_temp.Folder, "cut.db");
        File.WriteAllBytes(cut, bytes[..(bytes.Length / 2 + 100)]);
        var before = File.ReadAllBytes(cut);

        var e = Assert.Throws<StoreException>(() => PolicyStore.Open(cut, new StoreOpenOptions(ReadOnly: true)));

        Assert.Contains("damaged database", e.Message, StringComparison.Ordinal);
        Assert.Contains("db repair", e.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(cut));
        var check = StoreMaintenance.Check(cut);
        Assert.False(check.Healthy);
    }

    [Fact]
    public void Check_HealthyDatabase_ReadsEveryRecord()
    {
        var path = Filled();

        var report = StoreMaintenance.Check(path);

        Assert.True(report.Healthy, string.Join("; ", report.Problems));
        Assert.Equal(3, report.Documents);
        Assert.Equal(3, report.Targets);
    }

    [Fact]
    public void Check_NamesTableLosesACode_ReportsTheDocumentsAndReadingSaysRunCheck()
    {
        var path = Filled();
        int lost;
        using (var raw = new LiteDB.LiteDatabase(path))
        {
            var names = raw.GetCollection("names");
            lost = names.FindOne(LiteDB.BsonExpression.Create("$.t = 'x'"))["_id"].AsInt32;
            names.Delete(lost);
        }

        var report = StoreMaintenance.Check(path);

        Assert.False(report.Healthy);
        Assert.Contains("3 documents name categories or an extractor version by codes the names table does not hold", report.Problems);
        using var store = PolicyStore.Open(path, new StoreOpenOptions(ReadOnly: true));
        var e = Assert.Throws<StoreException>(() => store.Documents());
        Assert.Contains($"code {lost}", e.Message, StringComparison.Ordinal);
        Assert.Contains("db check", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Repair_DamagedPages_KeepsACopyAndLeavesAnOpenableDatabase()
    {
        var path = Filled();
        var bytes = File.ReadAllBytes(path);
        // Overwrite everything after the header page: the rebuild must still leave a usable database and the copy.
        new Random(7).NextBytes(bytes.AsSpan(8192 * 2));
        File.WriteAllBytes(path, bytes);

        var report = StoreMaintenance.Repair(path);

        Assert.Equal(bytes, File.ReadAllBytes(report.Backup));
        using var store = PolicyStore.Open(path, new StoreOpenOptions(ReadOnly: true));
        Assert.Equal(PolicyStore.CurrentSchemaVersion, store.SchemaVersion);
        Assert.Equal(report.Documents, store.DocumentCount);
    }

    [Theory]
    [InlineData(0.25)]
    [InlineData(0.5)]
    [InlineData(0.75)]
    [InlineData(0.9)]
    public void Repair_TruncatedDatabase_KeepsEveryWholeDocumentThatSurvived(double kept)
    {
        // Enough documents that their pages outweigh the 30-odd pages every database starts with (collections, indexes,
        // the names table), which a cut at a quarter would otherwise mostly keep instead of documents.
        const int count = 160;
        using (var store = PolicyStore.Open(_temp.Path))
        {
            for (var i = 0; i < count; i++)
            {
                // Text that does not compress away, so each document's stored text takes its share of the pages.
                var random = new Random(i);
                var filler = new string([.. Enumerable.Range(0, 2500).Select(_ => (char)random.Next(0x4E00, 0x9FA5))]);
                var text = $"一、主要目标\n到2025年，第{i}项研发投入强度达到{i % 7 + 1}.5%。\n{filler}";
                var document = TestData.Document(text, path: $"/samples/青川市-{i:D3}.txt");
                store.SaveDocument(TestData.Extraction(document, TestData.Target(document, $"研发投入强度达到{i % 7 + 1}.5%", i % 7 + 1.5)));
            }
        }

        var bytes = File.ReadAllBytes(_temp.Path);
        File.WriteAllBytes(_temp.Path, bytes[..(int)(bytes.Length * kept)]);

        var report = StoreMaintenance.Repair(_temp.Path);

        using var repaired = PolicyStore.Open(_temp.Path, new StoreOpenOptions(ReadOnly: true));
        var documents = repaired.Documents();
        // Pages are laid down in the order documents were written, so roughly the kept share of them survives whole
        // (less up to a page of document records: a page holds about ten of them, each text takes one of its own).
        Assert.InRange(documents.Count, (int)(count * kept * 0.3), count);
        Assert.Equal(report.Documents, documents.Count);
        foreach (var document in documents)
        {
            var stored = repaired.GetDocument(document.Id)!;
            Assert.Contains("研发投入强度", stored.Text, StringComparison.Ordinal);
        }

        Assert.True(StoreMaintenance.Check(_temp.Path).Healthy, string.Join("; ", StoreMaintenance.Check(_temp.Path).Problems));
        Assert.Equal(bytes[..(int)(bytes.Length * kept)], File.ReadAllBytes(report.Backup));
    }

    [Fact]
    public void Open_SecondWriterWithoutWaiting_FailsNamingTheHolderWhileReadersStillRead()
    {
        Filled();
        using var first = PolicyStore.Open(_temp.Path, new StoreOpenOptions(Purpose: "ingest"));

        var e = Assert.Throws<StoreException>(() => PolicyStore.Open(_temp.Path, new StoreOpenOptions(Wait: false, Purpose: "run")));
        using var reader = PolicyStore.Open(_temp.Path, new StoreOpenOptions(ReadOnly: true, Wait: false));

        Assert.Contains($"database in use by ingest, pid {Environment.ProcessId}; not waiting", e.Message, StringComparison.Ordinal);
        Assert.Equal(3, reader.DocumentCount);
    }

    [Fact]
    public async Task Write_WhileReadersRead_WaitsForThemThenCommits()
    {
        Filled();
        var a = PolicyStore.Open(_temp.Path, new StoreOpenOptions(ReadOnly: true, Wait: false));
        var b = PolicyStore.Open(_temp.Path, new StoreOpenOptions(ReadOnly: true, Wait: false));
        using var writer = PolicyStore.Open(_temp.Path, new StoreOpenOptions(Wait: false, Purpose: "ingest"));
        var document = TestData.Document("到2020年，新增一项研发投入强度达到3%。", path: "/samples/青川市-new.txt");

        var write = Task.Run(() => writer.SaveDocument(TestData.Extraction(document, TestData.Target(document, "研发投入强度达到3%", 3))));
        await Task.Delay(400);

        Assert.False(write.IsCompleted);
        Assert.Equal(3, a.DocumentCount);
        a.Dispose();
        b.Dispose();
        Assert.Equal(DocumentWriteResult.Added, await write);
        using var after = PolicyStore.Open(_temp.Path, new StoreOpenOptions(ReadOnly: true, Wait: false));
        Assert.Equal(4, after.DocumentCount);
    }

    [Fact]
    public void Serving_WhileAWriterCommits_ReadsEachCommitAndNeverHoldsTheWriterBack()
    {
        Filled();
        using var serving = PolicyStore.Open(_temp.Path, new StoreOpenOptions(Purpose: "serve", Serving: true));
        Assert.Equal(3, serving.DocumentCount);

        using var writer = PolicyStore.Open(_temp.Path, new StoreOpenOptions(Wait: false, Purpose: "ingest"));
        for (var i = 0; i < 3; i++)
        {
            var document = TestData.Document($"到2020年，第{i}项新增指标达到{i + 4}%。", path: $"/samples/云岭县-{i}.txt");
            writer.SaveDocument(TestData.Extraction(document, TestData.Target(document, $"新增指标达到{i + 4}%", i + 4)));
            Assert.Equal(4 + i, serving.DocumentCount);
            Assert.Equal(4 + i, serving.QueryTargets(TargetQuery.All).Count);
        }
    }

    [Fact]
    public void Serving_ReviewWhileAnIngestWrites_FailsAtOnceWithNoWaitAndSavesAfterwards()
    {
        Filled();
        using var serving = PolicyStore.Open(_temp.Path, new StoreOpenOptions(Wait: false, Purpose: "serve", Serving: true));
        var id = serving.QueryTargets(TargetQuery.All)[0].Id;
        var writer = PolicyStore.Open(_temp.Path, new StoreOpenOptions(Purpose: "ingest"));

        var busy = Assert.Throws<StoreException>(() => serving.Accept(id, 0, "编辑甲"));
        var stillReads = serving.GetTarget(id);
        writer.Dispose();
        var saved = serving.Accept(id, 0, "编辑甲");

        Assert.Equal($"database in use by ingest, pid {Environment.ProcessId}; not waiting (--no-wait)", busy.Message);
        Assert.NotNull(stillReads);
        Assert.True(saved.Saved, saved.Message);
        using var reader = PolicyStore.Open(_temp.Path, new StoreOpenOptions(ReadOnly: true));
        Assert.Equal(ReviewState.Accepted, reader.GetTarget(id)!.Review.State);
    }

    [Fact]
    public async Task Open_WriterWaits_UntilTheHolderCloses()
    {
        var first = PolicyStore.Open(_temp.Path, new StoreOpenOptions(Purpose: "ingest"));
        var waiting = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var second = Task.Run(() => PolicyStore.Open(_temp.Path, new StoreOpenOptions(OnWaiting: m => waiting.TrySetResult(m))));

        // Until the second writer says it waits (a fixed delay raced the task's start on a loaded machine).
        var told = await waiting.Task.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.False(second.IsCompleted);
        first.Dispose();
        using var opened = await second;

        Assert.StartsWith("database in use by ingest, pid", told, StringComparison.Ordinal);
        Assert.EndsWith("waiting…", told, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_Reader_LeavesTheFileAsItWas()
    {
        Filled();
        var before = File.ReadAllBytes(_temp.Path);
        var written = File.GetLastWriteTimeUtc(_temp.Path);

        using (var store = PolicyStore.Open(_temp.Path, new StoreOpenOptions(ReadOnly: true)))
        {
            Assert.Equal(3, store.DocumentCount);
            Assert.Equal(3, store.QueryTargets(TargetQuery.All).Count);
        }

        Assert.Equal(before, File.ReadAllBytes(_temp.Path));
        Assert.Equal(written, File.GetLastWriteTimeUtc(_temp.Path));
        Assert.False(File.Exists(Path.Combine(_temp.Folder, "test-log.db")));
    }

    private string Filled()
    {
        using var store = PolicyStore.Open(_temp.Path);
        for (var i = 0; i < 3; i++)
        {
            var document = TestData.Document($"一、主要目标\n到2020年，第{i}项研发投入强度达到2.5%。", path: $"/samples/青川市-{i}.txt");
            store.SaveDocument(new DocumentExtraction(document, [TestData.Target(document, "研发投入强度达到2.5%", 2.5)], TestData.Extractor));
        }

        return _temp.Path;
    }

    private static byte[] Bytes(int count, int seed)
    {
        var bytes = new byte[count];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
