using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using PolicyMiner.Cli.Bench;
using PolicyMiner.Cli.Pipeline;
using PolicyMiner.Storage;
using PolicyMiner.Storage.Ingestion;
using PolicyMiner.Storage.Safety;
using Spectre.Console;

namespace PolicyMiner.Cli.Commands;

/// <summary><c>policyminer bench ingest</c>: generates a large varied corpus and measures ingest throughput and peak memory.</summary>
internal static class BenchIngestCommand
{
    /// <summary>Issue 5's floors on a 2-core machine.</summary>
    private const double FloorDocumentsPerSecond = 500;
    private const double CeilingPeakMebibytes = 400;

    public static Command Create()
    {
        var docs = new Option<int>("--docs") { Description = "Documents to generate and ingest.", DefaultValueFactory = _ => 20_000 };
        var corpus = new Option<string?>("--corpus")
        {
            Description = "Folder of sample documents to vary (default: the repository's corpus/; built-in samples when it has none).",
            HelpName = "DIR",
        };
        var dir = new Option<string?>("--dir") { Description = "Where to write the generated corpus and database (default: a temporary folder, deleted after).", HelpName = "DIR" };
        var folder = new Option<string?>("--folder")
        {
            Description = "Ingest this folder of documents as it is (e.g. ../shared/real) and report MB/s, instead of a generated corpus.",
            HelpName = "DIR",
        };
        var passes = new Option<int>("--passes") { Description = "With --folder: timed passes after one untimed warm-up; the best is reported with the median.", DefaultValueFactory = _ => 3 };
        var seed = new Option<int>("--seed") { Description = "Seed of the generator: the same seed gives the same corpus.", DefaultValueFactory = _ => 20260101 };
        var check = new Option<bool>("--check") { Description = $"Exit 1 when below {FloorDocumentsPerSecond} docs/s or above {CeilingPeakMebibytes} MiB peak memory." };
        var server = new Option<string?>("--db")
        {
            Description = "Team mode: ingest into fresh databases on this PostgreSQL server (postgres://…) with 1, 2, … worker processes and compare.",
            HelpName = "URL",
        };
        var workers = new Option<int>("--workers") { Description = "With --db: the most worker processes to try.", DefaultValueFactory = _ => 3 };
        var options = PipelineOptions.Create();
        var command = new Command("ingest", "Generate a varied corpus (regions, years, numbers) from the samples and measure docs/s and peak memory of `ingest` on it.")
        {
            docs, corpus, dir, seed, check, folder, passes, server, workers,
        };
        options.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var count = parse.GetValue(docs);
            if (count <= 0)
            {
                throw new CliException($"--docs must be positive, not {count}");
            }

            var pipeline = options.CreatePipeline(parse);
            if (parse.GetValue(folder) is { } real)
            {
                var bench = FolderBench.Load(real);
                FolderBenchReport.WriteHeader(Console.Out, bench);
                FolderBenchReport.WriteIngest(Console.Out, await bench.IngestAsync(pipeline, Math.Max(0, parse.GetValue(passes)), cancellationToken).ConfigureAwait(false), bench.Megabytes);
                return 0;
            }

            var workFolder = parse.GetValue(dir);
            var temporary = workFolder is null;
            workFolder ??= Path.Combine(Path.GetTempPath(), "policyminer-bench-" + Guid.NewGuid().ToString("N")[..8]);
            try
            {
                if (parse.GetValue(server) is { } database)
                {
                    if (!PolicyStores.IsServer(database))
                    {
                        throw new CliException($"--db {database}: bench ingest --db compares worker processes on a PostgreSQL server (postgres://…); without --db it measures LiteDB");
                    }

                    var documents = Path.Combine(workFolder, "corpus");
                    SyntheticCorpus.Generate(documents, count, SyntheticCorpus.LoadTemplates(parse.GetValue(corpus) ?? RepositoryCorpus()), parse.GetValue(seed));
                    var rounds = await TeamIngestBench.RunAsync(database, documents, count, Math.Max(1, parse.GetValue(workers)), cancellationToken).ConfigureAwait(false);
                    TeamIngestBench.Write(rounds, count, Terminal.Console);
                    return 0;
                }

                var result = await RunAsync(count, parse.GetValue(corpus) ?? RepositoryCorpus(), workFolder, parse.GetValue(seed), pipeline, cancellationToken)
                    .ConfigureAwait(false);
                Write(result, Terminal.Console);
                var withinFloors = result.DocumentsPerSecond >= FloorDocumentsPerSecond && result.PeakMebibytes < CeilingPeakMebibytes;
                return parse.GetValue(check) && !withinFloors ? 1 : 0;
            }
            finally
            {
                if (temporary && Directory.Exists(workFolder))
                {
                    Directory.Delete(workFolder, recursive: true);
                }
            }
        });
        return command;
    }

    private sealed record BenchResult(
        int Documents,
        string TemplateSource,
        int Templates,
        TimeSpan Generation,
        IngestSummary Summary,
        TimeSpan Cpu,
        TimeSpan Query,
        TimeSpan QueryCpu,
        int Queried,
        double PeakMebibytes,
        double PeakSampledMebibytes,
        double DatabaseMebibytes,
        double CorpusMebibytes,
        StoreFootprint Footprint,
        TimeSpan GcPause,
        string Collections,
        double AllocatedMebibytes)
    {
        public double DocumentsPerSecond => Summary.DocumentsPerSecond;
    }

    private static async Task<BenchResult> RunAsync(int count, string corpusFolder, string workFolder, int seed, PolicyPipeline pipeline, CancellationToken cancellationToken)
    {
        var templates = SyntheticCorpus.LoadTemplates(corpusFolder);
        var source = templates.Count > 0 ? corpusFolder : "built-in samples";
        var clock = Stopwatch.StartNew();
        var documentsFolder = Path.Combine(workFolder, "corpus");
        var files = SyntheticCorpus.Generate(documentsFolder, count, templates, seed);
        var generation = clock.Elapsed;
        var corpusBytes = files.Sum(f => new FileInfo(f).Length);

        var databasePath = Path.Combine(workFolder, "bench.db");
        File.Delete(databasePath);
        // Generation garbage must not count against ingest's memory.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        using var sampler = new PeakMemorySampler();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var (pauseBefore, allocatedBefore) = (GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes());
        int[] collectionsBefore = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
        IngestSummary summary;
        using (var store = PolicyStore.Open(databasePath))
        {
            var ingester = new BatchIngester(store, pipeline.Stages, new IngestOptions(MaxFileBytes: pipeline.MaxFileBytes, ToolVersion: IngestRunner.ToolVersion));
            summary = await ingester.RunAsync(files, [documentsFolder], cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        var sampled = sampler.Stop();
        var (gcPause, allocated) = (GC.GetTotalPauseDuration() - pauseBefore, GC.GetTotalAllocatedBytes() - allocatedBefore);
        var collections = string.Join('/', Enumerable.Range(0, 3).Select(g => GC.CollectionCount(g) - collectionsBefore[g]));
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime - cpuBefore;
        var peak = process.PeakWorkingSet64;

        // What reports start from: every target joined with its document.
        clock.Restart();
        // CPU time as well as wall time: on a shared, loaded machine the wall clock mostly measures waiting for a core.
        var queryCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        int queried;
        using (var store = PolicyStore.Open(databasePath))
        {
            queried = store.QueryTargets(TargetQuery.All).Count;
        }

        var query = clock.Elapsed;
        var queryCpu = Process.GetCurrentProcess().TotalProcessorTime - queryCpuBefore;
        return new BenchResult(
            count,
            source,
            templates.Count > 0 ? templates.Count : SyntheticCorpus.BuiltInTemplates().Count,
            generation,
            summary,
            cpu,
            query,
            queryCpu,
            queried,
            peak / 1048576.0,
            sampled / 1048576.0,
            new FileInfo(databasePath).Length / 1048576.0,
            corpusBytes / 1048576.0,
            StoreMaintenance.Footprint(databasePath),
            gcPause,
            collections,
            allocated / 1048576.0);
    }

    private static void Write(BenchResult result, IAnsiConsole console)
    {
        var counts = result.Summary.Counts;
        var table = new Table().Title("bench ingest").AddColumn("measure").AddColumn(new TableColumn("value").RightAligned());
        table.AddRow("cores", Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture));
        table.AddRow("documents", $"{result.Documents} ({result.CorpusMebibytes:0.0} MiB) from {result.Templates} samples in {Markup.Escape(result.TemplateSource)}");
        table.AddRow("generation", $"{result.Generation.TotalSeconds:0.0} s (not timed below)");
        table.AddRow("ingest time", $"{result.Summary.Elapsed.TotalSeconds:0.0} s");
        table.AddRow("docs/s", $"{result.DocumentsPerSecond:0} (floor {FloorDocumentsPerSecond})");
        table.AddRow("CPU time of ingest", $"{result.Cpu.TotalSeconds:0.0} s = {result.Documents / Math.Max(result.Cpu.TotalSeconds, 0.001):0} docs per CPU-second");
        var stages = result.Summary.Stages;
        table.AddRow("stage time (summed over threads)", $"read {stages.Read.TotalSeconds:0.0} s, extract {stages.Extract.TotalSeconds:0.0} s, pack {stages.Pack.TotalSeconds:0.0} s, write {stages.Write.TotalSeconds:0.0} s in {stages.Commits} commits");
        table.AddRow("garbage collection", $"{result.GcPause.TotalSeconds:0.00} s paused, {result.Collections} collections (gen0/1/2), {result.AllocatedMebibytes:0} MiB allocated");
        if (stages.WriterCpu is { } writerCpu)
        {
            table.AddRow("writer thread CPU", $"{writerCpu.TotalSeconds:0.0} s = {1000 * writerCpu.TotalSeconds / Math.Max(1, counts.Added + counts.Updated):0.00} ms per document written");
        }

        table.AddRow("added / failed", $"{counts.Added} / {counts.Failed}");
        table.AddRow("targets", counts.Targets.ToString(CultureInfo.InvariantCulture));
        table.AddRow("peak memory (process, VmHWM)", $"{result.PeakMebibytes:0} MiB (ceiling {CeilingPeakMebibytes})");
        table.AddRow("peak memory (sampled during ingest)", $"{result.PeakSampledMebibytes:0} MiB");
        table.AddRow("database", $"{result.DatabaseMebibytes:0.0} MiB = {result.DatabaseMebibytes / Math.Max(result.CorpusMebibytes, 0.001):0.00}× the documents' {result.CorpusMebibytes:0.0} MiB");
        // Where the bytes go, largest first: what a change to the store's layout should aim at.
        foreach (var part in result.Footprint.Parts.Where(p => p.Bytes >= 1048576))
        {
            table.AddRow(
                $"  {part.PageType.ToLowerInvariant()} pages of {Markup.Escape(part.Collection)}",
                $"{part.Bytes / 1048576.0:0.0} MiB ({part.FreeBytes / 1048576.0:0.0} MiB free inside)");
        }

        table.AddRow("query all targets with documents", $"{result.Query.TotalSeconds:0.00} s, {result.QueryCpu.TotalSeconds:0.00} s CPU ({result.Queried} targets)");
        console.Write(table);
        foreach (var failure in result.Summary.Failures.Take(5))
        {
            console.WriteLine($"failed: {failure.Path}: {failure.Reason}");
        }
    }

    /// <summary>The <c>corpus/</c> folder of the repository this binary was built in, or of the working directory.</summary>
    internal static string RepositoryCorpus()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "PolicyMiner.sln")))
            {
                return Path.Combine(folder.FullName, "corpus");
            }
        }

        return "corpus";
    }

    /// <summary>Samples the working set every 50 ms on a background thread and keeps the highest.</summary>
    private sealed class PeakMemorySampler : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Thread _thread;
        private long _peak;

        public PeakMemorySampler()
        {
            _thread = new Thread(Sample) { IsBackground = true, Name = "bench memory sampler" };
            _thread.Start();
        }

        public long Stop()
        {
            _stop.Cancel();
            _thread.Join();
            return _peak;
        }

        private void Sample()
        {
            using var process = Process.GetCurrentProcess();
            while (!_stop.IsCancellationRequested)
            {
                _peak = Math.Max(_peak, ResidentBytes() ?? WorkingSet(process));
                _stop.Token.WaitHandle.WaitOne(50);
            }
        }

        private static long WorkingSet(Process process)
        {
            process.Refresh();
            return process.WorkingSet64;
        }

        /// <summary>Resident bytes from Linux's /proc/self/statm (what <see cref="Process.WorkingSet64"/> reports there), or
        /// null elsewhere.</summary>
        /// <remarks>Process.Refresh and WorkingSet64 read and parse the stat file of every thread of the process: 20 times a
        /// second that was 2 % of bench ingest's CPU samples, charged to the ingest it measures. One small file is a few
        /// microseconds.</remarks>
        private static long? ResidentBytes()
        {
            try
            {
                var fields = File.ReadAllText("/proc/self/statm").Split(' ', 3);
                return fields.Length >= 2 && long.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var pages)
                    ? pages * Environment.SystemPageSize
                    : null;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return null;
            }
        }

        public void Dispose()
        {
            if (!_stop.IsCancellationRequested)
            {
                Stop();
            }

            _stop.Dispose();
        }
    }
}
