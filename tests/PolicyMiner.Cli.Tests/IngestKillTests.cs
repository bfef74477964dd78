using System.Diagnostics;
using PolicyMiner.Cli.Bench;
using PolicyMiner.Cli.Pipeline;
using PolicyMiner.Storage;
using PolicyMiner.Storage.Ingestion;

namespace PolicyMiner.Cli.Tests;

/// <summary>Kills the real <c>policyminer ingest</c> in the middle of a batch and checks that nothing is lost or doubled.</summary>
public sealed class IngestKillTests : IDisposable
{
    private const int Documents = 2500;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "pm-kill-" + Guid.NewGuid().ToString("N")[..8]);

    public IngestKillTests() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    [Fact]
    public async Task Ingest_KilledTwiceMidBatchThenRerun_DatabaseOpensAndEndsCompleteWithoutDuplicates()
    {
        var corpus = Path.Combine(_folder, "corpus");
        SyntheticCorpus.Generate(corpus, Documents, SyntheticCorpus.BuiltInTemplates());
        var database = Path.Combine(_folder, "killed.db");

        var firstKill = await IngestUntilKilled(corpus, database, afterStored: 200);
        var afterFirst = AssertConsistent(database);
        Assert.InRange(afterFirst, firstKill, Documents - 1);

        var secondKill = await IngestUntilKilled(corpus, database, afterStored: 400);
        var afterSecond = AssertConsistent(database);
        Assert.InRange(afterSecond, afterFirst + secondKill, Documents - 1);
        int foldedAfterSecond;
        using (var store = PolicyStore.Open(database))
        {
            foldedAfterSecond = store.FoldedSources().Values.Sum(sources => sources.Count);
        }

        var (exitCode, _, _) = await PolicyminerProcess.RunAsync(_folder, "ingest", corpus, "--db", database, "--no-progress");
        Assert.Equal(0, exitCode);

        // A clean, uninterrupted ingest of the same files is the reference.
        var reference = Path.Combine(_folder, "reference.db");
        using (var clean = PolicyStore.Open(reference))
        {
            var files = InputFiles.Expand([corpus], PolicyPipeline.IsSupported).Files;
            await new BatchIngester(clean, PolicyPipeline.Create(IngestOptions.DefaultMaxFileBytes, Core.Indicators.IndicatorTaxonomy.Default).Stages)
                .RunAsync(files, [corpus]);
        }

        using var expected = PolicyStore.Open(reference);
        // Files whose text another file already holds are folded into that document, in both databases alike.
        Assert.Equal(expected.DocumentCount, AssertConsistent(database));
        using var killed = PolicyStore.Open(database);
        Assert.Equal(expected.TargetCount, killed.TargetCount);
        Assert.Equal(
            expected.Documents().Select(d => (d.SourceName.Length > 0, d.TargetCount)).Order(),
            killed.Documents().Select(d => (d.SourceName.Length > 0, d.TargetCount)).Order());
        // Which of two files with the same text is stored depends on the order they finish in; the rest is identical.
        Assert.True(expected.Documents().Select(d => d.Id).Except(killed.Documents().Select(d => d.Id)).Count() <= expected.Runs()[0].Counts.Duplicates);

        var runs = killed.Runs();
        Assert.Equal(3, runs.Count);
        Assert.Null(runs[0].EndedAt);
        Assert.Null(runs[1].EndedAt);
        // Files stored or folded as duplicates before the kills are known by their bytes: unchanged, not read again.
        Assert.Equal(afterSecond + foldedAfterSecond, runs[2].Counts.Unchanged);
        Assert.Equal(Documents - afterSecond - foldedAfterSecond, runs[2].Counts.Added + runs[2].Counts.Duplicates);
    }

    /// <summary>Opens the database and checks every document's targets are stored once; returns the document count.</summary>
    private static int AssertConsistent(string database)
    {
        using var store = PolicyStore.Open(database);
        var targets = store.QueryTargets(TargetQuery.All with { IncludeRejected = true });
        var perDocument = targets.GroupBy(t => t.Document.Id).ToDictionary(g => g.Key, g => g.Count());
        foreach (var document in store.Documents())
        {
            Assert.Equal(document.TargetCount, perDocument.GetValueOrDefault(document.Id));
        }

        var distinct = targets.Select(t => (t.Document.Id, t.Target.Start, t.Target.End, t.Target.Value, t.Target.Year)).Distinct().Count();
        Assert.Equal(targets.Count, distinct);
        Assert.Equal(store.TargetCount, targets.Count);
        return store.DocumentCount;
    }

    /// <summary>Starts an ingest and kills it once it has reported <paramref name="afterStored"/> stored files; returns how many it reported.</summary>
    private async Task<int> IngestUntilKilled(string corpus, string database, int afterStored)
    {
        using var process = Process.Start(StartInfo(corpus, database))!;
        var stored = 0;
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("added", StringComparison.Ordinal) && ++stored >= afterStored)
            {
                process.Kill(entireProcessTree: true);
                break;
            }
        }

        await process.WaitForExitAsync();
        Assert.True(stored >= afterStored, $"the ingest ended after {stored} files, before it could be killed");
        return stored;
    }

    private ProcessStartInfo StartInfo(string corpus, string database) =>
        PolicyminerProcess.StartInfo(_folder, "ingest", corpus, "--db", database, "--no-progress");
}
