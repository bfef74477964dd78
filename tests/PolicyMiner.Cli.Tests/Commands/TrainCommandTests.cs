using PolicyMiner.Learning.Models;
using PolicyMiner.Storage;

namespace PolicyMiner.Cli.Tests.Commands;

/// <summary><c>train</c> end to end: gold from corpus/gold plus an editor's reviews in a store, then extraction with the model.</summary>
public sealed class TrainCommandTests : IDisposable
{
    private static readonly string[] Samples = ["jiangyu-2013-work-points.txt", "qingchuan-2005-work-points.txt", "qingchuan-2016-work-points.txt", "anlan-2018-rd-investment-plan.txt"];

    private readonly string _folder = Directory.CreateTempSubdirectory("pm-train-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Train_GoldAndReviews_WritesAModelThatExtractUses()
    {
        var corpus = Path.Combine(Root(), "corpus");
        var docs = Directory.CreateDirectory(Path.Combine(_folder, "docs")).FullName;
        foreach (var name in Samples)
        {
            File.Copy(Path.Combine(corpus, name), Path.Combine(docs, name));
        }

        var database = Path.Combine(_folder, "review.db");
        Assert.Equal(0, PolicyminerProcess.Run(_folder, "ingest", docs, "--db", database, "--no-progress").ExitCode);
        using (var store = PolicyStore.Open(database))
        {
            var targets = store.QueryTargets(new TargetQuery(Document: "qingchuan-2016-work-points.txt"));
            Assert.True(targets.Count >= 3);
            Assert.True(store.Reject(targets[0].Id, targets[0].Version, "editor").Saved);
            Assert.True(store.Accept(targets[1].Id, targets[1].Version, "editor").Saved);
            Assert.True(store.Correct(targets[2].Id, targets[2].Version, "editor", new Dictionary<string, string> { ["kind"] = "level" }).Saved);
        }

        var model = Path.Combine(_folder, "extractor.zip");
        var train = PolicyminerProcess.Run(_folder, ["train", "--gold", Path.Combine(corpus, "gold"), .. Samples.Select(s => Path.Combine(corpus, s)),
            "--db", database, "--out", model, "--trees", "20", "--min-leaf", "3"]);

        Assert.True(train.ExitCode == 0, train.Stderr);
        Assert.Contains("1 reviewed", train.Stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(model));
        using (var loaded = ExtractorModel.Load(model))
        {
            Assert.Equal(3, loaded.Manifest.Training.ReviewedRows);
        }

        var extract = PolicyminerProcess.Run(_folder, "extract", "--model", model, Path.Combine(docs, Samples[0]));
        Assert.True(extract.ExitCode == 0, extract.Stderr);
        Assert.Contains("\"confidence\"", extract.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_ModelFileThatIsNotAModel_FailsWithOneLine()
    {
        var bogus = Path.Combine(_folder, "bogus.zip");
        File.WriteAllText(bogus, "not a zip");
        var sample = Path.Combine(Root(), "corpus", Samples[0]);

        var result = PolicyminerProcess.Run(_folder, "extract", "--model", bogus, sample);

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("bogus.zip", line, StringComparison.Ordinal);
        Assert.Contains("not a PolicyMiner model", line, StringComparison.Ordinal);
    }

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PolicyMiner.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("PolicyMiner.sln not found above the test folder.");
    }
}
