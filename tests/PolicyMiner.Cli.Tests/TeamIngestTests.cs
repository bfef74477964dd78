using System.Diagnostics;
using Npgsql;
using PolicyMiner.Cli.Bench;
using PolicyMiner.Cli.Pipeline;
using PolicyMiner.Storage;
using PolicyMiner.Storage.Ingestion;
using PolicyMiner.Tests.Shared;

namespace PolicyMiner.Cli.Tests;

/// <summary>Team mode: real <c>policyminer ingest --db postgres://…</c> workers on one corpus, the first killed mid-way with claims held
/// and two more finishing the work together.</summary>
[Collection(PostgresCollection.Name)]
public sealed class TeamIngestTests(TestPostgres server) : IDisposable
{
    private const int Documents = 240;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "pm-team-" + Guid.NewGuid().ToString("N")[..8]);

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

    [SkippableFact]
    public async Task Ingest_ThreeWorkersOneKilled_EveryDocumentStoredOnceAndTargetsEqualOneProcess()
    {
        var database = server.NewDatabase();
        var corpus = Path.Combine(_folder, "corpus");
        SyntheticCorpus.Generate(corpus, Documents, SyntheticCorpus.BuiltInTemplates());

        // The first worker runs alone until it has stored 20 documents and is killed at once while it holds claims; only
        // then do the other two start, so they must take its claims over when its lease runs out. Killing it after the
        // others had started raced them: a fast worker could finish the whole corpus before the others were up, and then
        // held no claims to be killed with.
        var victim = Process.Start(StartInfo(corpus, database))!;
        _ = victim.StandardError.ReadToEndAsync();
        var stored = 0;
        while (await victim.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("added", StringComparison.Ordinal) && ++stored >= 20)
            {
                break;
            }
        }

        Assert.True(stored >= 20, $"the first worker ended after {stored} documents, before it could be killed");
        var holding = $"SELECT count(*) FROM ingest_work WHERE state = 'claimed' AND worker LIKE '%:{victim.Id}:%'";
        for (var wait = Stopwatch.StartNew(); Scalar(database, holding) == 0 && wait.Elapsed < TimeSpan.FromSeconds(10);)
        {
            await Task.Delay(1);
        }

        victim.Kill(entireProcessTree: true);
        await victim.WaitForExitAsync();
        var orphaned = Scalar(database, holding);
        Assert.True(orphaned > 0, "the killed worker held no claims");
        Assert.True(Scalar(database, "SELECT count(*) FROM ingest_work WHERE state = 'pending'") > 0, "the killed worker left no work undone");

        var workers = new List<Process> { victim };
        workers.AddRange(Enumerable.Range(0, 2).Select(_ => Process.Start(StartInfo(corpus, database))!));
        var outputs = workers.Skip(1).Select(w => (Out: w.StandardOutput.ReadToEndAsync(), Err: w.StandardError.ReadToEndAsync())).ToList();
        foreach (var (worker, output) in workers.Skip(1).Zip(outputs))
        {
            await worker.WaitForExitAsync();
            Assert.True(worker.ExitCode == 0, await output.Out + await output.Err);
            Assert.Contains("cluster ", await output.Out, StringComparison.Ordinal);
        }

        // The killed worker's claims were taken over once its lease ran out; nothing is left claimed or pending.
        Assert.Equal(0L, Scalar(database, "SELECT count(*) FROM ingest_work WHERE state <> 'done'"));
        Assert.Equal(0L, Scalar(database, $"SELECT count(*) FROM ingest_work WHERE worker LIKE '%:{victim.Id}:%' AND outcome IS NULL"));
        Assert.True(Scalar(database, "SELECT count(*) FROM ingest_work WHERE attempts >= 2") >= orphaned);

        // A single-process run of the same files is the reference.
        var reference = Path.Combine(_folder, "reference.db");
        using (var clean = PolicyStore.Open(reference))
        {
            var files = InputFiles.Expand([corpus], PolicyPipeline.IsSupported).Files;
            await new BatchIngester(clean, PolicyPipeline.Create(IngestOptions.DefaultMaxFileBytes, Core.Indicators.IndicatorTaxonomy.Default).Stages)
                .RunAsync(files, [corpus]);
        }

        using (var expected = PolicyStore.Open(reference))
        using (var team = PolicyStores.Open(database))
        {
            Assert.Equal(expected.DocumentCount, team.DocumentCount);
            Assert.Equal(team.DocumentCount, team.Documents().Select(d => d.SourcePath).Distinct().Count());
            Assert.Equal(expected.TargetCount, team.TargetCount);
            Assert.Equal(Targets(expected), Targets(team));
            Assert.All(team.Documents(), d => Assert.Equal(d.TargetCount, team.TargetsOf(d.Id).Count));
        }

        // A re-run is a no-op: every file is found done.
        using var again = Process.Start(StartInfo(corpus, database))!;
        var rerun = again.StandardOutput.ReadToEndAsync();
        var rerunErrors = again.StandardError.ReadToEndAsync();
        await again.WaitForExitAsync();
        Assert.True(again.ExitCode == 0, await rerun + await rerunErrors);
        Assert.DoesNotContain((await rerun).Split('\n'), l => l.StartsWith("added", StringComparison.Ordinal) || l.StartsWith("updated", StringComparison.Ordinal));
        Assert.Contains("0 stored", await rerun, StringComparison.Ordinal);
        using var after = PolicyStores.Open(database);
        Assert.Equal(Documents - (int)Scalar(database, "SELECT count(*) FROM ingest_work WHERE outcome = 'duplicate'"), after.DocumentCount);
    }

    /// <summary>Every target as text, sorted (file names aside: of two files with the same text, either may be the one stored).</summary>
    private static List<string> Targets(IPolicyStore store) =>
        [.. store.ReadTargets(TargetQuery.All with { IncludeRejected = true })
            .Select(r => $"{r.Target.Quote}|{r.Target.Value}|{r.Target.Unit}|{r.Target.Year}|{r.Target.Indicator}|{r.Target.Category}|{r.Document.Metadata.Region}")
            .Order(StringComparer.Ordinal)];

    private static long Scalar(string database, string sql)
    {
        using var connection = new NpgsqlConnection(database);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private ProcessStartInfo StartInfo(string corpus, string database) =>
        PolicyminerProcess.StartInfo(_folder, "ingest", corpus, "--db", database, "--no-progress", "--lease", "2");
}
