using LiteDB;
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
        Assert.Contains("targets.Region", indexes);
        Assert.Contains("targets.Year", indexes);
        Assert.Contains("targets.Category", indexes);
        Assert.Contains("targets.DocumentId", indexes);
        Assert.Contains("documents.region", indexes);
        Assert.Contains("documents.SourcePath", indexes);
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
