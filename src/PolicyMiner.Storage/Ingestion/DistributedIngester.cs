using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using Npgsql;
using PolicyMiner.Storage.Postgres;

namespace PolicyMiner.Storage.Ingestion;

/// <summary>What a team-mode worker reports as it goes: its own counts and the whole cluster's.</summary>
public sealed record WorkerProgress(IngestCounts Worker, ClusterProgress Cluster);

/// <summary>
/// One of several ingest workers (on one machine or many) sharing a PostgreSQL store: registers its files in the work
/// table by content hash, then claims a few at a time, reads and extracts them in parallel and stores them, until the
/// table holds nothing to do and no live claims. Claims of a worker that died are taken over once its lease runs out.
/// </summary>
/// <remarks>
/// Every document is stored once: the work table hands each content hash to one worker at a time, the store skips a
/// content already stored, and writers take turns so that duplicate detection sees every committed document. A run
/// over files already stored finds nothing to claim and writes nothing but its run record.
/// </remarks>
public sealed class DistributedIngester(PostgresPolicyStore store, IngestStages stages, IngestOptions? options = null, TimeSpan? lease = null)
{
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(2);
    private readonly IngestOptions _options = options ?? new IngestOptions();

    /// <summary>The work table as this worker sees it.</summary>
    public IngestWorkQueue Queue { get; } = new(store, IngestWorkQueue.NewWorkerName(), lease ?? TimeSpan.FromMinutes(2));

    /// <summary>Registers <paramref name="files"/>, then works through the shared table; <paramref name="onFile"/> is told each file this worker stored or failed.</summary>
    /// <param name="onProgress">Told this worker's and the cluster's counts after each claimed batch and while waiting.</param>
    public async Task<IngestSummary> RunAsync(
        IReadOnlyList<string> files,
        IReadOnlyList<string> inputs,
        Action<IngestFileResult>? onFile = null,
        Action<WorkerProgress>? onProgress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(inputs);
        var clock = Stopwatch.StartNew();
        var ticks = new long[3];
        var local = Register(files, ticks, cancellationToken);
        var run = store.BeginRun(_options.ToolVersion, stages.ExtractorVersion, inputs);
        var counts = new Counts(files.Count);
        var failures = new List<IngestFileResult>();
        var unreadable = new HashSet<string>(StringComparer.Ordinal);
        var parallelism = _options.EffectiveParallelism;
        using var renewal = new Timer(_ => RenewQuietly(), null, Queue.Lease / 3, Queue.Lease / 3);
        var lastProgress = Stopwatch.GetTimestamp();
        // One batch is stored while the next is read and extracted, as BatchIngester's writer thread does.
        var storing = Task.CompletedTask;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var claiming = Stopwatch.GetTimestamp();
            // A few files per thread per claim: fewer round trips and commits, yet small enough to spread the work.
            var claimed = Queue.Claim(parallelism * 4, unreadable);
            Interlocked.Add(ref ticks[2], Stopwatch.GetTimestamp() - claiming);
            if (claimed.Count == 0)
            {
                await storing.ConfigureAwait(false);
                var cluster = Queue.Progress();
                onProgress?.Invoke(new WorkerProgress(counts.Snapshot, cluster));
                if (cluster.Pending == 0 && cluster.Claimed == 0)
                {
                    break;
                }

                // Others hold the rest: wait, and take over any claim whose worker stops renewing it.
                await Task.Delay(cluster.Pending > 0 ? TimeSpan.FromMilliseconds(200) : TimeSpan.FromSeconds(Math.Clamp(Queue.Lease.TotalSeconds / 4, 0.2, 5)), cancellationToken).ConfigureAwait(false);
                continue;
            }

            var work = new ConcurrentBag<(WorkItem Item, string Path, DocumentExtraction? Extraction, string? Failure)>();
            var release = new ConcurrentBag<string>();
            await Parallel.ForEachAsync(claimed, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken }, async (item, token) =>
            {
                var path = local.TryGetValue(item.Hash, out var mine) ? mine : item.Path;
                if (!local.ContainsKey(item.Hash) && !File.Exists(path))
                {
                    release.Add(item.Hash);
                    return;
                }

                var (extraction, failure) = await Watched(path, ticks, token).ConfigureAwait(false);
                work.Add((item, path, extraction, failure));
            }).ConfigureAwait(false);

            if (!release.IsEmpty)
            {
                Queue.Release([.. release]);
                unreadable.UnionWith(release);
            }

            var done = work.OrderBy(w => w.Path, StringComparer.Ordinal).ToList();
            await storing.ConfigureAwait(false);
            storing = Task.Run(() => Store(done), CancellationToken.None);
        }

        await storing.ConfigureAwait(false);

        // Files of this worker that another stored (or found stored) count as unchanged here.
        var final = counts.Snapshot;
        final = final with { Unchanged = Math.Max(0, files.Count - final.Added - final.Updated - final.Failed - final.Duplicates) };
        var completed = store.CompleteRun(run.Id, final);
        return new IngestSummary(completed, failures, clock.Elapsed,
            new StageTimes(Stopwatch.GetElapsedTime(0, ticks[0]), Stopwatch.GetElapsedTime(0, ticks[1]), Stopwatch.GetElapsedTime(0, ticks[2])));

        // Stores one batch, records its failures, marks its files done and reports them (one batch at a time).
        void Store(List<(WorkItem Item, string Path, DocumentExtraction? Extraction, string? Failure)> done)
        {
            var started = Stopwatch.GetTimestamp();
            var extractions = done.Where(w => w.Extraction is not null).ToList();
            var written = extractions.Count > 0 ? store.SaveDocuments([.. extractions.Select(w => w.Extraction!)], run.Id) : [];
            var failed = done.Where(w => w.Failure is not null).Select(w => (w.Path, w.Failure!)).ToList();
            store.RecordFailures(run.Id, failed);
            var outcomes = new List<(string Hash, string Outcome, string? Reason)>();
            var next = 0;
            foreach (var (item, path, extraction, failure) in done)
            {
                IngestFileResult result;
                if (extraction is not null)
                {
                    var write = written[next++];
                    result = new IngestFileResult(path, BatchIngester.StatusOf(write.Result), BatchIngester.TargetsCounted(write, extraction));
                }
                else
                {
                    result = new IngestFileResult(path, IngestFileStatus.Failed, 0, failure);
                    failures.Add(result);
                }

                outcomes.Add((item.Hash, result.Status.ToString().ToLowerInvariant(), result.Reason));
                counts.Add(result);
                onFile?.Invoke(result);
            }

            Queue.Finish(outcomes);
            Interlocked.Add(ref ticks[2], Stopwatch.GetTimestamp() - started);
            if (onProgress is not null && Stopwatch.GetElapsedTime(lastProgress) >= ProgressInterval)
            {
                lastProgress = Stopwatch.GetTimestamp();
                onProgress(new WorkerProgress(counts.Snapshot, Queue.Progress()));
            }
        }
    }

    /// <summary>Hashes every file (in parallel) and registers it; returns hash → this machine's path.</summary>
    private Dictionary<string, string> Register(IReadOnlyList<string> files, long[] ticks, CancellationToken cancellationToken)
    {
        var hashed = new ConcurrentBag<(string Hash, string Path, string Version)>();
        Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = _options.EffectiveParallelism, CancellationToken = cancellationToken }, path =>
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                using var stream = File.OpenRead(path);
                hashed.Add((Convert.ToHexStringLower(SHA256.HashData(stream)), Path.GetFullPath(path), stages.VersionFor(path)));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Unreadable now: registered under its path, so that claiming it reports the reason once.
                hashed.Add(("unreadable:" + Path.GetFullPath(path), Path.GetFullPath(path), stages.VersionFor(path)));
            }

            Interlocked.Add(ref ticks[0], Stopwatch.GetTimestamp() - started);
        });
        var list = hashed.OrderBy(h => h.Path, StringComparer.Ordinal).ToList();
        var registering = Stopwatch.GetTimestamp();
        Queue.Register(list);
        Interlocked.Add(ref ticks[2], Stopwatch.GetTimestamp() - registering);
        var local = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (hash, path, _) in list)
        {
            local.TryAdd(hash, path);
        }

        return local;
    }

    private async Task<(DocumentExtraction? Extraction, string? Failure)> Watched(string path, long[] ticks, CancellationToken cancellationToken)
    {
        var (work, abandoned) = await FileWatchdog.RunAsync(progress => Process(path, ticks, progress), _options, cancellationToken).ConfigureAwait(false);
        return abandoned is null ? work : (null, abandoned);
    }

    private (DocumentExtraction? Extraction, string? Failure) Process(string path, long[] ticks, ReadProgress progress)
    {
        var started = Stopwatch.GetTimestamp();
        var extracting = 0L;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return (null, "file not found");
            }

            if (info.Length > _options.MaxFileBytes)
            {
                return (null, $"file is {info.Length / (1024.0 * 1024.0):0.#} MB, over the {_options.MaxFileBytes / (1024.0 * 1024.0):0.#} MB limit");
            }

            // Hashed again rather than trusting the registered hash: the file may have changed since it was registered.
            var bytes = File.ReadAllBytes(path);
            var read = stages.Read(path, bytes, Convert.ToHexStringLower(SHA256.HashData(bytes)), progress);
            if (read.Document is not { } document)
            {
                return (null, read.Failure ?? "could not be read");
            }

            extracting = Stopwatch.GetTimestamp();
            var targets = stages.Extract(document);
            if (stages.Enrich is { } enrich)
            {
                targets = [.. targets.Select(enrich)];
            }

            Interlocked.Add(ref ticks[1], Stopwatch.GetTimestamp() - extracting);
            return (new DocumentExtraction(document, targets, stages.VersionFor(path)), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, e.Message);
        }
#pragma warning disable CA1031 // A bug in a reader or rule must cost one file, not the batch; the reason names it.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return (null, $"internal error: {e.GetType().Name}: {e.Message}");
        }
        finally
        {
            Interlocked.Add(ref ticks[0], (extracting != 0 ? extracting : Stopwatch.GetTimestamp()) - started);
        }
    }

    private void RenewQuietly()
    {
        try
        {
            Queue.Renew();
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or ObjectDisposedException)
        {
            // A missed renewal only shortens the lease; the next one (or the next claim) tries again.
        }
    }

    /// <summary>This worker's running counts (its files' outcomes as they became durable).</summary>
    private sealed class Counts(int files)
    {
        private readonly Lock _lock = new();
        private IngestCounts _counts = IngestCounts.Zero with { Files = files };

        public IngestCounts Snapshot
        {
            get
            {
                lock (_lock)
                {
                    return _counts;
                }
            }
        }

        public void Add(IngestFileResult result)
        {
            lock (_lock)
            {
                _counts = result.Status switch
                {
                    IngestFileStatus.Added => _counts with { Added = _counts.Added + 1 },
                    IngestFileStatus.Updated => _counts with { Updated = _counts.Updated + 1 },
                    IngestFileStatus.Duplicate => _counts with { Duplicates = _counts.Duplicates + 1 },
                    IngestFileStatus.Failed => _counts with { Failed = _counts.Failed + 1 },
                    _ => _counts with { Unchanged = _counts.Unchanged + 1 },
                };
                _counts = _counts with { Targets = _counts.Targets + result.Targets };
            }
        }
    }
}
