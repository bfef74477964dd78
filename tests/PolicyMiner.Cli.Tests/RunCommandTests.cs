using System.CommandLine;
using PolicyMiner.Storage;

namespace PolicyMiner.Cli.Tests;

public sealed class RunCommandTests : IDisposable
{
    private readonly string _out = Path.Combine(Path.GetTempPath(), "pm-run-" + Guid.NewGuid().ToString("N")[..8]);

    public void Dispose()
    {
        if (Directory.Exists(_out))
        {
            Directory.Delete(_out, recursive: true);
        }
    }

    [Fact]
    public void Run_RepositorySamples_WritesEveryOutputAndStoresTargetsInOutputFolder()
    {
        var corpus = Path.Combine(RepositoryRoot(), "corpus");

        var exitCode = Invoke("run", corpus, "--out", _out, "--no-progress");

        Assert.Equal(0, exitCode);
        foreach (var file in PolicyMiner.Cli.Commands.RunCommand.OutputFiles)
        {
            Assert.True(new FileInfo(Path.Combine(_out, file)).Length > 0, $"{file} missing or empty");
        }

        using var store = PolicyStore.Open(Path.Combine(_out, PolicyStore.DefaultFileName));
        var jsonLines = File.ReadAllLines(Path.Combine(_out, "targets.jsonl")).Count(l => l.Length > 0);
        Assert.True(store.TargetCount > 0);
        Assert.Equal(store.QueryTargets(TargetQuery.All).Count, jsonLines);
        // Every sample is stored, or folded into the sample it was made from (the .doc of the DOCX, the scan of the PDF) as one more source.
        var folded = store.FoldedSources();
        Assert.Equal(Directory.EnumerateFiles(corpus).Count(Pipeline.PolicyPipeline.IsSupported), store.DocumentCount + folded.Values.Sum(s => s.Count));
        Assert.Equal(store.Runs()[0].Counts.Duplicates, folded.Values.Sum(s => s.Count));
    }

    [Fact]
    public void Run_SecondTimeIntoSameFolder_SkipsUnchangedFiles()
    {
        var corpus = Path.Combine(RepositoryRoot(), "corpus");
        Assert.Equal(0, Invoke("run", corpus, "--out", _out, "--no-progress"));

        Assert.Equal(0, Invoke("run", corpus, "--out", _out, "--no-progress"));

        using var store = PolicyStore.Open(Path.Combine(_out, PolicyStore.DefaultFileName));
        var runs = store.Runs();
        Assert.Equal(2, runs.Count);
        Assert.Equal(0, runs[1].Counts.Added);
        // Files folded as duplicates (the .doc, the scan) are known by their bytes too: not converted or OCRed again.
        Assert.True(runs[0].Counts.Duplicates > 0);
        Assert.Equal(0, runs[1].Counts.Duplicates);
        Assert.Equal(runs[0].Counts.Added + runs[0].Counts.Duplicates, runs[1].Counts.Unchanged);
    }

    [Fact]
    public void Ingest_NoDocumentFiles_ExitsNonZero()
    {
        Directory.CreateDirectory(_out);

        Assert.Equal(1, Invoke("ingest", _out, "--db", Path.Combine(_out, "x.db"), "--no-progress"));
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

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "PolicyMiner.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("repository root not found above " + AppContext.BaseDirectory);
    }
}
