using System.Security.Cryptography;
using System.Threading.Channels;
using System.Collections.Frozen;
using System.Diagnostics;

namespace PolicyMiner.Storage.Ingestion;

/// <summary>Reads, extracts and stores a batch of files: reading and extraction in parallel, one writer to the database.</summary>
/// <remarks>
/// Files flow through a bounded channel to a single writer thread, which commits a few documents per transaction
/// (a document and its targets always together) and only then reports them. A killed batch therefore leaves whole
/// documents only, and running it again skips what was stored by content hash. One bad file never stops the batch.
/// </remarks>
public sealed class BatchIngester(IPolicyStore store, IngestStages stages, IngestOptions? options = null)
{
    private readonly IngestOptions _options = options ?? new IngestOptions();

    /// <summary>Ingests <paramref name="files"/>, calling <paramref name="onFile"/> (on the writer thread, one call at a time) as each becomes durable.</summary>
    /// <param name="inputs">The paths or patterns the user gave, recorded with the run.</param>
    public async Task<IngestSummary> RunAsync(
        IReadOnlyList<string> files,
        IReadOnlyList<string> inputs,
        Action<IngestFileResult>? onFile = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(inputs);
        var clock = Stopwatch.StartNew();
        var known = store.KnownDocuments();
        var run = store.BeginRun(_options.ToolVersion, stages.ExtractorVersion, inputs);
        var parallelism = _options.EffectiveParallelism;
        // Room for one transaction's worth and the workers' next files: when the writer is the bottleneck its batches fill
        // up, so commits (each one a checkpoint that readers wait for) stay few.
        var capacity = _options.DocumentsPerTransaction + (parallelism * 4);
        var channel = Channel.CreateBounded<FileWork>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });

        var tally = new Tally(files.Count);
        var ticks = new StageTicks();
        // LiteDB binds transactions to a thread, so the writer owns one thread for the whole batch.
        var writer = Task.Factory.StartNew(
            () => WriteAll(channel, run.Id, tally, ticks, onFile),
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);

        try
        {
            await Parallel.ForEachAsync(
                files,
                new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
                async (path, token) => await channel.Writer.WriteAsync(await Watched(path, known, ticks, token).ConfigureAwait(false), token).ConfigureAwait(false))
                .ConfigureAwait(false);
            channel.Writer.TryComplete();
        }
        catch (ChannelClosedException)
        {
            // The writer failed and closed the channel; its own exception is rethrown below.
        }
        catch (Exception e)
        {
            channel.Writer.TryComplete(e);
            await writer.ConfigureAwait(false);
            throw;
        }

        await writer.ConfigureAwait(false);
        var completed = store.CompleteRun(run.Id, tally.Counts);
        return new IngestSummary(
            completed,
            tally.Failures,
            clock.Elapsed,
            ticks.ToTimes());
    }

    /// <summary>
    /// Runs one file under a watchdog: past its time budget the file fails with one line and the batch moves on. The budget
    /// is the base limit plus a share for each slow step the reading reports (OCR pages), so a 40-page scan that keeps moving
    /// is read while a file stuck anywhere still fails. Readers check their own limits as they go; a stage that does not
    /// return is abandoned (its result is dropped), since .NET cannot stop a thread from outside.
    /// </summary>
    private async Task<FileWork> Watched(string path, FrozenDictionary<string, string> known, StageTicks ticks, CancellationToken cancellationToken)
    {
        var (work, abandoned) = await FileWatchdog.RunAsync(progress => Process(path, known, ticks, progress), _options, cancellationToken).ConfigureAwait(false);
        return work ?? FileWork.Failed(path, abandoned!);
    }

    private FileWork Process(string path, FrozenDictionary<string, string> known, StageTicks ticks, ReadProgress progress)
    {
        var meter = new StageMeter(_options.StageCpu);
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return FileWork.Failed(path, "file not found");
            }

            if (info.Length > _options.MaxFileBytes)
            {
                return FileWork.Failed(path, $"file is {Megabytes(info.Length)} MB, over the {Megabytes(_options.MaxFileBytes)} MB limit");
            }

            var bytes = File.ReadAllBytes(path);
            var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
            var version = stages.VersionFor(path);
            if (known.TryGetValue(hash, out var stored) && stored == version)
            {
                return FileWork.Unchanged(path);
            }

            var read = stages.Read(path, bytes, hash, progress);
            if (read.Document is not { } document)
            {
                return FileWork.Failed(path, read.Failure ?? "could not be read");
            }

            meter.Next(ticks, StageMeter.Read);
            var targets = stages.Extract(document);
            if (stages.Enrich is { } enrich)
            {
                targets = [.. targets.Select(enrich)];
            }

            meter.Next(ticks, StageMeter.Extract);

            // Compressed here, in parallel, rather than by the single writer.
            var prepared = new DocumentExtraction(document, targets, version).Prepare(packed: store is PolicyStore);
            meter.Next(ticks, StageMeter.Pack);
            return new FileWork(path, prepared, null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return FileWork.Failed(path, e.Message);
        }
#pragma warning disable CA1031 // A bug in a reader or rule must cost one file, not the batch; the reason names it.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return FileWork.Failed(path, $"internal error: {e.GetType().Name}: {e.Message}");
        }
        finally
        {
            if (!meter.Charged)
            {
                // Skipped, failed or read without extraction: all of it was reading.
                meter.Next(ticks, StageMeter.Read);
            }
        }
    }

    /// <summary>What a worker's stages cost: their wall time and bytes allocated (always; reading the clock and the thread's
    /// counter is nearly free) and, with <see cref="IngestOptions.StageCpu"/>, time on a core and time waiting for one.</summary>
    /// <remarks>On a machine whose cores are shared, wall time per stage counts the waits (other threads, the JIT, other
    /// processes); CPU and allocation say what the stage itself costs.</remarks>
    private struct StageMeter(bool cpu)
    {
        public const int Read = 0;
        public const int Extract = 1;
        public const int Pack = 2;

        private long _started = Stopwatch.GetTimestamp();
        private long _allocated = GC.GetAllocatedBytesForCurrentThread();
        private (long Running, long Waiting)? _scheduled = cpu ? ThreadCpuTime.Scheduled() : null;

        /// <summary>True once some stage was charged.</summary>
        public bool Charged { get; private set; }

        /// <summary>Charges what was spent since the last call (or the start) to <paramref name="stage"/>.</summary>
        public void Next(StageTicks ticks, int stage)
        {
            Charged = true;
            var now = Stopwatch.GetTimestamp();
            Interlocked.Add(ref ticks.Wall[stage], now - _started);
            _started = now;
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            Interlocked.Add(ref ticks.Allocated[stage], allocated - _allocated);
            _allocated = allocated;
            if (_scheduled is { } before && ThreadCpuTime.Scheduled() is { } scheduled)
            {
                Interlocked.Add(ref ticks.Running[stage], scheduled.Running - before.Running);
                Interlocked.Add(ref ticks.Waiting[stage], scheduled.Waiting - before.Waiting);
                _scheduled = scheduled;
            }
        }
    }

    private static string Megabytes(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("0.#");

    private void WriteAll(Channel<FileWork> channel, int runId, Tally tally, StageTicks ticks, Action<IngestFileResult>? onFile)
    {
        var reader = channel.Reader;
        var batch = new List<FileWork>(_options.DocumentsPerTransaction);
        var cpuAtStart = ThreadCpuTime.Now();
        try
        {
            while (reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
            {
                Gather(reader, batch);
                Flush(batch, runId, tally, ticks, onFile);
                batch.Clear();
            }

            ticks.WriterCpu = ThreadCpuTime.Now() - cpuAtStart;
        }
        catch (Exception e)
        {
            channel.Writer.TryComplete(e);
            throw;
        }
    }

    /// <summary>
    /// Takes what is waiting into <paramref name="batch"/>, then, while the batch is small, lets more arrive for a moment
    /// (<see cref="GatherFor"/>) before it is committed, until the batch size or the end of the files.
    /// </summary>
    /// <remarks>
    /// The writer is faster than the readers, so taking only what is waiting committed one or two documents at a time: each
    /// commit rewrote the index pages every document touches, and woke the writer once per file. Gathering a few dozen per
    /// commit costs durability nothing that matters: a file is reported only after its commit, so a crash loses at most
    /// the files still gathering, which were never reported and which the next run reads again (they are not stored, so
    /// their hash is unknown to it); no document is ever half-written or stored twice.
    /// </remarks>
    private void Gather(ChannelReader<FileWork> reader, List<FileWork> batch)
    {
        var limit = _options.DocumentsPerTransaction;
        var enough = Math.Min(limit, GatherUntil);
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            while (batch.Count < limit && reader.TryRead(out var work))
            {
                batch.Add(work);
            }

            // Completion is set once the workers are done and everything was read: the last batch is not held back.
            if (batch.Count >= enough || reader.Completion.IsCompleted || Stopwatch.GetElapsedTime(started) >= GatherFor)
            {
                return;
            }

            // Sleeping, rather than waking for every file that arrives, keeps the writer's wake-ups to a few per commit.
            Thread.Sleep(GatherPause);
        }
    }

    /// <summary>Documents a commit waits for when they are not there yet (a few dozen share their index pages' writes).</summary>
    private const int GatherUntil = 48;

    /// <summary>Longest a commit waits for more documents; a crash may lose (for the next run to redo) at most this much work.</summary>
    private static readonly TimeSpan GatherFor = TimeSpan.FromMilliseconds(100);

    private static readonly TimeSpan GatherPause = TimeSpan.FromMilliseconds(10);

    private void Flush(List<FileWork> batch, int runId, Tally tally, StageTicks ticks, Action<IngestFileResult>? onFile)
    {
        var extractions = new List<DocumentExtraction>(batch.Count);
        var failures = new List<(string, string)>();
        foreach (var work in batch)
        {
            if (work.Extraction is { } extraction)
            {
                extractions.Add(extraction);
            }
            else if (work.Failure is { } reason)
            {
                failures.Add((work.Path, reason));
            }
        }

        var started = Stopwatch.GetTimestamp();
        var written = extractions.Count > 0 ? store.SaveDocuments(extractions, runId) : [];
        ticks.Commits += extractions.Count > 0 ? 1 : 0;
        store.RecordFailures(runId, failures);
        ticks.Write += Stopwatch.GetTimestamp() - started;

        var next = 0;
        foreach (var work in batch)
        {
            IngestFileResult result;
            if (work.Extraction is { } extraction)
            {
                var write = written[next++];
                var status = StatusOf(write.Result);
                result = new IngestFileResult(work.Path, status, TargetsCounted(write, extraction));
            }
            else if (work.Failure is { } reason)
            {
                result = new IngestFileResult(work.Path, IngestFileStatus.Failed, 0, reason);
            }
            else
            {
                result = new IngestFileResult(work.Path, IngestFileStatus.Unchanged, 0);
            }

            tally.Add(result);
            onFile?.Invoke(result);
        }
    }

    internal static IngestFileStatus StatusOf(DocumentWriteResult written) => written switch
    {
        DocumentWriteResult.Added => IngestFileStatus.Added,
        DocumentWriteResult.Updated => IngestFileStatus.Updated,
        DocumentWriteResult.Duplicate => IngestFileStatus.Duplicate,
        _ => IngestFileStatus.Unchanged,
    };

    /// <summary>The targets a stored file adds to its run's count: its own when added or updated, none when unchanged or
    /// folded; a preferred copy replacing one the run stored trades that copy's targets for its own.</summary>
    internal static int TargetsCounted(DocumentWrite write, DocumentExtraction extraction) =>
        write.ReplacedTargets is { } replaced ? extraction.Targets.Count - replaced
        : write.Result is DocumentWriteResult.Added or DocumentWriteResult.Updated ? extraction.Targets.Count : 0;

    /// <summary>One file after reading and extraction: an extraction, a failure, or neither (unchanged).</summary>
    private sealed record FileWork(string Path, DocumentExtraction? Extraction, string? Failure)
    {
        public static FileWork Failed(string path, string reason) => new(path, null, reason);

        public static FileWork Unchanged(string path) => new(path, null, null);
    }

    /// <summary>What each stage cost, summed over threads (read, extract and pack by the workers, write by the writer).</summary>
    private sealed class StageTicks
    {
#pragma warning disable CA1051 // Fields, so that workers can add to them with Interlocked.
        public long Write;
        public int Commits;
#pragma warning restore CA1051

        /// <summary>Per worker stage (<see cref="StageMeter"/>): Stopwatch ticks, bytes allocated, and nanoseconds on a core and
        /// waiting for one.</summary>
        public long[] Wall { get; } = new long[3];

        public long[] Allocated { get; } = new long[3];

        public long[] Running { get; } = new long[3];

        public long[] Waiting { get; } = new long[3];

        public TimeSpan? WriterCpu { get; set; }

        public StageTimes ToTimes()
        {
            // CPU was measured only when some stage ran on a core by the system's account (IngestOptions.StageCpu, Linux).
            var measured = Running.Any(n => n > 0);
            return new(Stopwatch.GetElapsedTime(0, Wall[0]), Stopwatch.GetElapsedTime(0, Wall[1]), Stopwatch.GetElapsedTime(0, Write))
            {
                WriterCpu = WriterCpu,
                Pack = Stopwatch.GetElapsedTime(0, Wall[2]),
                Commits = Commits,
                Allocated = new StageCosts<long>(Allocated[0], Allocated[1], Allocated[2]),
                Cpu = measured ? new StageCosts<TimeSpan>(Nanoseconds(Running[0]), Nanoseconds(Running[1]), Nanoseconds(Running[2])) : null,
                CpuWait = measured ? new StageCosts<TimeSpan>(Nanoseconds(Waiting[0]), Nanoseconds(Waiting[1]), Nanoseconds(Waiting[2])) : null,
            };
        }

        private static TimeSpan Nanoseconds(long nanoseconds) => TimeSpan.FromTicks(nanoseconds / 100);
    }

    /// <summary>Running counts, touched only by the writer thread.</summary>
    private sealed class Tally(int files)
    {
        private int _added;
        private int _updated;
        private int _unchanged;
        private int _targets;
        private int _duplicates;

        public List<IngestFileResult> Failures { get; } = [];

        public IngestCounts Counts => new(files, _added, _updated, _unchanged, Failures.Count, _targets, _duplicates);

        public void Add(IngestFileResult result)
        {
            switch (result.Status)
            {
                case IngestFileStatus.Added:
                    _added++;
                    break;
                case IngestFileStatus.Updated:
                    _updated++;
                    break;
                case IngestFileStatus.Unchanged:
                    _unchanged++;
                    break;
                case IngestFileStatus.Duplicate:
                    _duplicates++;
                    break;
                default:
                    Failures.Add(result);
                    break;
            }

            _targets += result.Targets;
        }
    }
}
