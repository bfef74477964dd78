using System.Diagnostics;
using System.Text;
using PolicyMiner.Cli.Pipeline;
using PolicyMiner.Core.Documents;
using PolicyMiner.Extraction;
using PolicyMiner.Ingest;
using PolicyMiner.Segmentation;
using PolicyMiner.Storage;
using PolicyMiner.Storage.Ingestion;

namespace PolicyMiner.Cli.Bench;

/// <summary>One document file of a benchmark folder, held in memory so disk speed does not count.</summary>
internal sealed record BenchFile(string Path, DocumentFormat Format, byte[] Bytes);

/// <summary>
/// Speed of segment, extract and ingest over one folder of real documents (e.g. <c>../shared/real</c>), in MB of
/// document files per second, so the stages compare on the same input.
/// </summary>
/// <remarks>
/// Every rate divides the bytes of the document files (what a user hands the tool) by wall-clock time, except the
/// segmenter's, which divides the UTF-8 bytes of the documents' normalised text. Files that fail to read are counted
/// and left out of every stage.
/// </remarks>
internal sealed class FolderBench
{
    private readonly List<BenchFile> _files;

    private FolderBench(string folder, List<BenchFile> files)
    {
        Folder = folder;
        _files = files;
    }

    public string Folder { get; }

    public int Files => _files.Count;

    public double Megabytes => _files.Sum(f => (long)f.Bytes.Length) / 1e6;

    /// <summary>Loads every supported document under <paramref name="folder"/> (recursively) into memory.</summary>
    /// <exception cref="CliException">The folder is missing or holds no document.</exception>
    public static FolderBench Load(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new CliException($"{folder}: folder not found");
        }

        var selection = InputFiles.Expand([folder], DocumentReader.IsSupported);
        var files = selection.Files
            .Select(path => new BenchFile(path, DocumentReader.FormatOf(path)!.Value, File.ReadAllBytes(path)))
            .ToList();
        if (files.Count == 0)
        {
            throw new CliException($"{folder}: no document files (.txt, .html, .pdf) found");
        }

        return new FolderBench(folder, files);
    }

    /// <summary>Reads every file once, single thread, with a per-stage breakdown; the documents feed the other stages.</summary>
    public ReadPass Read()
    {
        var times = new ReadStageTimes();
        var reader = new DocumentReader(new DocumentReaderOptions(MaxBytes()) { Timings = times });
        var documents = new List<PolicyDocument>(_files.Count);
        var failed = 0;
        long readBytes = 0;
        var clock = Stopwatch.StartNew();
        foreach (var file in _files)
        {
            var result = reader.Read(file.Bytes, System.IO.Path.GetFileName(file.Path), file.Format);
            if (result.Succeeded)
            {
                documents.Add(result.Document);
                readBytes += file.Bytes.Length;
            }
            else
            {
                failed++;
            }
        }

        return new ReadPass(documents, failed, readBytes / 1e6, clock.Elapsed, times);
    }

    /// <summary>The default segmenter, or the one-line reason its model files are missing.</summary>
    internal static JiebaSegmenter LoadSegmenter()
    {
        try
        {
            return JiebaSegmenter.LoadDefault();
        }
        catch (JiebaModelMissingException e)
        {
            throw new CliException(e.Message);
        }
    }

    /// <summary>Segments every line of every document's normalised text (default mode, HMM on), single thread.</summary>
    public static SegmentPass Segment(IReadOnlyList<PolicyDocument> documents, int passes)
    {
        var clock = Stopwatch.StartNew();
        var segmenter = LoadSegmenter();

        _ = segmenter.Cut("青川市高新技术企业研发经费投入强度达到百分之三。");
        var init = clock.Elapsed;
        var lines = documents.SelectMany(d => d.Text.Split('\n')).Where(l => l.Length > 0).ToList();
        var textMegabytes = lines.Sum(l => (long)Encoding.UTF8.GetByteCount(l)) / 1e6;
        var timer = new PassTimer();
        long tokens = 0;
        // Pass 0 warms the JIT and is not counted.
        for (var pass = 0; pass <= passes; pass++)
        {
            tokens = 0;
            timer.Start();
            foreach (var line in lines)
            {
                tokens += segmenter.Cut(line).Count;
            }

            timer.Stop(counted: pass > 0);
        }

        return new SegmentPass(textMegabytes, tokens, init, timer.Rates());
    }

    /// <summary>
    /// Single-thread extraction: targets from documents already read, and the whole of it (file bytes in, targets out),
    /// each the best and median of <paramref name="passes"/>.
    /// </summary>
    public ExtractPass Extract(TargetExtractor extractor, int passes)
    {
        _ = extractor.Extract(PlainTextDocument.Create("warmup.txt", "年内新增高新技术企业40家。", 2018));
        var reader = new DocumentReader(new DocumentReaderOptions(MaxBytes()));
        var extractOnly = new PassTimer();
        var endToEnd = new PassTimer();
        ReadPass? fastest = null;
        var targets = 0;
        // Pass 0 warms the JIT and is not counted.
        for (var pass = 0; pass <= passes; pass++)
        {
            var read = Read();
            if (pass > 0 && (fastest is null || read.Elapsed < fastest.Elapsed))
            {
                fastest = read;
            }

            extractOnly.Start();
            targets = 0;
            foreach (var document in read.Documents)
            {
                targets += extractor.Extract(document).Count;
            }

            extractOnly.Stop(counted: pass > 0);

            endToEnd.Start();
            foreach (var file in _files)
            {
                var result = reader.Read(file.Bytes, System.IO.Path.GetFileName(file.Path), file.Format);
                if (result.Succeeded)
                {
                    _ = extractor.Extract(result.Document);
                }
            }

            endToEnd.Stop(counted: pass > 0);
        }

        return new ExtractPass(fastest!, targets, extractOnly.Rates(), endToEnd.Rates());
    }

    /// <summary>
    /// Ingests the folder into a new database in a temporary folder with the batch's default parallelism, once cold and
    /// then <paramref name="passes"/> timed passes, each into a fresh database, as the other stages are timed.
    /// </summary>
    /// <remarks>
    /// The folder's ingest lasts about a second, so the first pass's JIT and first-use costs (the database engine, the
    /// thread pool) swing its rate by a fifth from run to run; the cold pass is reported beside the best and median.
    /// </remarks>
    public async Task<IngestPasses> IngestAsync(PolicyPipeline pipeline, int passes, CancellationToken cancellationToken)
    {
        var runs = new List<IngestPass>(passes + 1);
        for (var pass = 0; pass <= passes; pass++)
        {
            runs.Add(await IngestOnceAsync(pipeline, cancellationToken).ConfigureAwait(false));
        }

        return new IngestPasses(runs[0], runs.Skip(1).ToList());
    }

    private async Task<IngestPass> IngestOnceAsync(PolicyPipeline pipeline, CancellationToken cancellationToken)
    {
        var work = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "policyminer-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(work);
        try
        {
            var database = System.IO.Path.Combine(work, "bench.db");
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var runtimeBefore = RuntimeCosts.Now();
            IngestSummary summary;
            using (var store = PolicyStore.Open(database))
            {
                var ingester = new BatchIngester(store, pipeline.Stages, new IngestOptions(MaxFileBytes: pipeline.MaxFileBytes, ToolVersion: IngestRunner.ToolVersion) { StageCpu = true });
                summary = await ingester.RunAsync([.. _files.Select(f => f.Path)], [Folder], cancellationToken: cancellationToken).ConfigureAwait(false);
            }

            var runtime = RuntimeCosts.Since(runtimeBefore);
            using var process = Process.GetCurrentProcess();
            return new IngestPass(summary, process.TotalProcessorTime - cpuBefore, new FileInfo(database).Length / 1e6, runtime);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private long MaxBytes() => Math.Max(_files.Max(f => (long)f.Bytes.Length) + 1, DocumentReaderOptions.DefaultMaxBytes);
}

/// <summary>Best and median wall-clock seconds of timed passes, and the least CPU seconds the process spent in one.</summary>
/// <remarks>On a shared, loaded machine wall time includes waiting for a core; CPU time is what the code itself costs.</remarks>
internal sealed record Rates(double Best, double Median, double Cpu, int Passes)
{
    /// <summary>"12.3 MB/s best, 11.9 median of 3, 13.0 MB per CPU-second".</summary>
    public string Describe(double megabytes) =>
        $"{megabytes / Best:F1} MB/s best, {megabytes / Median:F1} median of {Passes}, {megabytes / Cpu:F1} MB per CPU-s";
}

/// <summary>Times passes by wall clock and by the process's CPU time.</summary>
internal sealed class PassTimer
{
    private readonly List<double> _wall = [];
    private readonly List<double> _cpu = [];
    private long _started;
    private TimeSpan _cpuStarted;

    public void Start()
    {
        _cpuStarted = CpuTime();
        _started = Stopwatch.GetTimestamp();
    }

    public void Stop(bool counted)
    {
        var wall = Stopwatch.GetElapsedTime(_started).TotalSeconds;
        var cpu = (CpuTime() - _cpuStarted).TotalSeconds;
        if (counted)
        {
            _wall.Add(wall);
            _cpu.Add(cpu);
        }
    }

    public Rates Rates()
    {
        _wall.Sort();
        _cpu.Sort();
        return new Rates(_wall[0], _wall[_wall.Count / 2], Math.Max(_cpu[0], 1e-6), _wall.Count);
    }

    private static TimeSpan CpuTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }
}

/// <summary>One single-thread read of the folder.</summary>
internal sealed record ReadPass(IReadOnlyList<PolicyDocument> Documents, int Failed, double Megabytes, TimeSpan Elapsed, ReadStageTimes Stages);

internal sealed record SegmentPass(double TextMegabytes, long Tokens, TimeSpan Init, Rates Seconds);

internal sealed record ExtractPass(ReadPass Read, int Targets, Rates ExtractOnly, Rates EndToEnd);

internal sealed record IngestPass(IngestSummary Summary, TimeSpan Cpu, double DatabaseMegabytes, RuntimeCosts Runtime)
{
    public double Seconds => Summary.Elapsed.TotalSeconds;
}

/// <summary>The cold first ingest and the timed passes after it.</summary>
internal sealed record IngestPasses(IngestPass Cold, IReadOnlyList<IngestPass> Timed)
{
    /// <summary>The fastest timed pass (the cold one when none was timed); its breakdown is the one printed.</summary>
    public IngestPass Best => Timed.Count == 0 ? Cold : Timed.MinBy(p => p.Seconds)!;

    public IngestPass Median => Timed.Count == 0 ? Cold : Timed.OrderBy(p => p.Seconds).ElementAt(Timed.Count / 2);

    public TimeSpan LeastCpu => Timed.Count == 0 ? Cold.Cpu : Timed.Min(p => p.Cpu);
}

/// <summary>Prints the folder benchmark's passes as plain aligned lines, the form the issue notes quote.</summary>
internal static class FolderBenchReport
{
    public static void WriteHeader(TextWriter o, FolderBench bench) =>
        o.WriteLine($"folder           {bench.Folder} ({bench.Files} files, {bench.Megabytes:F2} MB; {Environment.ProcessorCount} cores)");

    public static void WriteRead(TextWriter o, ReadPass read)
    {
        var total = read.Elapsed.TotalSeconds;
        var s = read.Stages;
        o.WriteLine($"read             {read.Megabytes / total:F1} MB/s single thread ({read.Documents.Count} read, {read.Failed} failed), {total * 1000:F0} ms:");
        o.WriteLine($"  decode {Share(s.Decode, total)}, html/pdf {Share(s.Markup, total)}, chrome {Share(s.Chrome, total)}, normalise {Share(s.Normalise, total)}, " +
            $"metadata {Share(s.Metadata, total)}, structure {Share(s.Structure, total)}, hash {Share(s.Hash, total)}");
    }

    public static void WriteSegment(TextWriter o, SegmentPass segment) =>
        o.WriteLine($"segment          {segment.Seconds.Describe(segment.TextMegabytes)} single thread " +
            $"({segment.TextMegabytes:F2} MB of normalised text, {segment.Tokens} tokens, init {segment.Init.TotalMilliseconds:F0} ms)");

    public static void WriteExtract(TextWriter o, ExtractPass extract)
    {
        var megabytes = extract.Read.Megabytes;
        o.WriteLine($"extract          {extract.EndToEnd.Describe(megabytes)} single thread (file bytes in, targets out; {extract.Targets} targets)");
        // The extractor's own time (documents already read), with the model when the extractor has one: `bench extract DIR`
        // prints rules alone and rules + model side by side.
        o.WriteLine($"  extract only   {extract.ExtractOnly.Describe(megabytes)} ({extract.ExtractOnly.Best * 1000:F0} ms of the best " +
            $"{extract.EndToEnd.Best * 1000:F0} ms; reading is the rest)");
        o.WriteLine($"  load average   {LoadAverage()} (other processes share the cores: compare CPU-s rates across runs)");
    }

    public static void WriteIngest(TextWriter o, IngestPasses passes, double megabytes)
    {
        var ingest = passes.Best;
        var summary = ingest.Summary;
        var seconds = ingest.Seconds;
        var stages = summary.Stages;
        o.WriteLine($"ingest           {megabytes / seconds:F1} MB/s best, {megabytes / passes.Median.Seconds:F1} median of {passes.Timed.Count}, " +
            $"{megabytes / passes.Cold.Seconds:F1} cold (first pass), {megabytes / passes.LeastCpu.TotalSeconds:F1} MB per CPU-s, on {Environment.ProcessorCount} cores");
        o.WriteLine($"  best pass      {seconds:F2} s wall, {ingest.Cpu.TotalSeconds:F2} s CPU; " +
            $"{summary.Counts.Added} added, {summary.Counts.Failed} failed, {summary.Counts.Targets} targets, database {ingest.DatabaseMegabytes:F1} MB");
        o.WriteLine($"  stage time summed over threads: read {stages.Read.TotalSeconds:F2} s, extract {stages.Extract.TotalSeconds:F2} s, " +
            $"pack {stages.Pack.TotalSeconds:F2} s, write (single writer thread) {stages.Write.TotalSeconds:F2} s");
        if (stages.Cpu is { } cpu && stages.CpuWait is { } wait)
        {
            // Wall time per stage counts waiting for a core (the writer, the JIT, other processes); CPU time does not.
            o.WriteLine($"  stage CPU      read {cpu.Read.TotalSeconds:F2} s, extract {cpu.Extract.TotalSeconds:F2} s, pack {cpu.Pack.TotalSeconds:F2} s; " +
                $"waiting for a core: read {wait.Read.TotalSeconds:F2} s, extract {wait.Extract.TotalSeconds:F2} s, pack {wait.Pack.TotalSeconds:F2} s");
        }

        if (stages.Allocated is { } allocated)
        {
            o.WriteLine($"  allocated      read {allocated.Read / 1e6:F0} MB, extract {allocated.Extract / 1e6:F0} MB, pack {allocated.Pack / 1e6:F0} MB (workers)");
        }

        var runtime = ingest.Runtime;
        o.WriteLine($"  runtime        JIT {runtime.Jit.TotalSeconds:F2} s ({runtime.MethodsCompiled} methods), GC pauses {runtime.GcPause.TotalSeconds:F2} s " +
            $"(gen0/1/2 {runtime.Gen0}/{runtime.Gen1}/{runtime.Gen2}), {runtime.AllocatedMegabytes:F0} MB allocated");
        o.WriteLine($"  CPU by thread  {string.Join(", ", runtime.CpuByThread.Take(8).Select(t => $"{t.Thread} {t.Cpu.TotalSeconds:F2} s"))}");
        foreach (var failure in summary.Failures.Take(5))
        {
            o.WriteLine($"  failed: {failure.Path}: {failure.Reason}");
        }
    }

    private static string LoadAverage()
    {
        try
        {
            return File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private static string Share(TimeSpan part, double total) =>
        $"{part.TotalMilliseconds:F0} ms ({100 * part.TotalSeconds / Math.Max(total, 1e-9):F0}%)";
}
