using System.CommandLine;
using System.Text;
using PolicyMiner.Storage;

namespace PolicyMiner.Cli.Tests;

/// <summary><c>--manifest</c> on the verbs that read documents: its values win over the text, and a changed manifest re-extracts.</summary>
public sealed class ManifestTests : IDisposable
{
    // An invented work report (sample text): no title, no date, so 今年 can only be resolved through a manifest.
    private const string Report = "各位代表：\n\n今年经济社会发展的主要预期目标是：地区生产总值增长6%左右，城镇新增就业3万人以上。\n";

    private readonly string _folder = Directory.CreateTempSubdirectory("pm-manifest-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Ingest_WithManifest_TakesYearAndRegionFromItAndReExtractsWhenItChanges()
    {
        var docs = Directory.CreateDirectory(Path.Combine(_folder, "docs")).FullName;
        File.WriteAllText(Path.Combine(docs, "青川市_2024.txt"), Report, new UTF8Encoding(false));
        var manifest = Path.Combine(_folder, "meta.jsonl");
        var db = Path.Combine(_folder, "pm.db");

        Assert.Equal(0, Invoke("ingest", docs, "--db", db, "--no-progress"));
        Assert.All(Targets(db), t => Assert.Null(t.Target.Year));

        File.WriteAllText(manifest, """{"file": "docs/青川市_2024.txt", "region": "青川市", "year": 2024}""" + "\n");
        Assert.Equal(0, Invoke("ingest", docs, "--db", db, "--no-progress", "--manifest", manifest));
        var targets = Targets(db);
        Assert.Equal(2, targets.Count);
        Assert.All(targets, t => Assert.Equal(2024, t.Target.Year));
        Assert.All(targets, t => Assert.Equal("青川市", t.Document.Metadata.Region));

        File.WriteAllText(manifest, """{"file": "docs/青川市_2024.txt", "region": "青川市", "year": 2023}""" + "\n");
        Assert.Equal(0, Invoke("ingest", docs, "--db", db, "--no-progress", "--manifest", manifest));
        Assert.All(Targets(db), t => Assert.Equal(2023, t.Target.Year));

        // Unchanged file and manifest: nothing is read again.
        Assert.Equal(0, Invoke("ingest", docs, "--db", db, "--no-progress", "--manifest", manifest));
        using var store = PolicyStore.Open(db);
        Assert.Equal(1, store.Runs()[^1].Counts.Unchanged);
    }

    [Fact]
    public void Extract_UnusableManifest_FailsWithOneLine()
    {
        var doc = Path.Combine(_folder, "a.txt");
        File.WriteAllText(doc, Report);
        var manifest = Path.Combine(_folder, "meta.csv");
        File.WriteAllText(manifest, "name,year\na.txt,2024\n");

        Assert.Equal(1, Invoke("extract", doc, "--manifest", manifest));
    }

    private static List<StoredTarget> Targets(string db)
    {
        using var store = PolicyStore.Open(db);
        return [.. store.QueryTargets(TargetQuery.All)];
    }

    private static int Invoke(params string[] args)
    {
        var root = new RootCommand();
        foreach (var verb in Verbs.All())
        {
            root.Subcommands.Add(verb);
        }

        return CliRunner.Run(root, args);
    }
}
