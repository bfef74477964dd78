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

    [Fact]
    public void Open_SecondWriterWithoutWaiting_FailsNamingTheHolder()
    {
        using var first = PolicyStore.Open(_temp.Path, new StoreOpenOptions(Purpose: "ingest"));

        var e = Assert.Throws<StoreException>(() => PolicyStore.Open(_temp.Path, new StoreOpenOptions(Wait: false, Purpose: "run")));
        var reader = Assert.Throws<StoreException>(() => PolicyStore.Open(_temp.Path, new StoreOpenOptions(ReadOnly: true, Wait: false)));

        Assert.Contains($"database in use by ingest, pid {Environment.ProcessId}", e.Message, StringComparison.Ordinal);
        Assert.Contains("in use by ingest", reader.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_ManyReaders_ShareTheDatabase()
    {
        Filled();
        using var a = PolicyStore.Open(_temp.Path, new StoreOpenOptions(ReadOnly: true, Wait: false));
        using var b = PolicyStore.Open(_temp.Path, new StoreOpenOptions(ReadOnly: true, Wait: false));

        Assert.Equal(3, a.DocumentCount);
        Assert.Equal(3, b.DocumentCount);
        Assert.Throws<StoreException>(() => PolicyStore.Open(_temp.Path, new StoreOpenOptions(Wait: false)));
    }

    [Fact]
    public async Task Open_WriterWaits_UntilTheHolderCloses()
    {
        var first = PolicyStore.Open(_temp.Path, new StoreOpenOptions(Purpose: "ingest"));
        string? told = null;
        var second = Task.Run(() => PolicyStore.Open(_temp.Path, new StoreOpenOptions(OnWaiting: m => told = m)));

        await Task.Delay(500);
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
