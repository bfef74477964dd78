using PolicyMiner.Core.Documents;
using PolicyMiner.Core.Targets;

namespace PolicyMiner.Storage.Ingestion;

/// <summary>What reading one file gave: a document, or the one-line reason it could not be read.</summary>
public sealed record ReadOutcome(PolicyDocument? Document, string? Failure)
{
    public static ReadOutcome Read(PolicyDocument document) => new(document, null);

    public static ReadOutcome Failed(string reason) => new(null, reason);
}

/// <summary>How far reading one file has got, counted in slow steps (pages read by OCR), so the batch's watchdog gives
/// long but moving work more time while still abandoning a file that is stuck.</summary>
/// <remarks>Thread-safe: the reading thread counts, the watchdog reads.</remarks>
public sealed class ReadProgress
{
    private int _steps;

    /// <summary>Slow steps done so far.</summary>
    public int Steps => Volatile.Read(ref _steps);

    /// <summary>Records one slow step done (one page read by OCR).</summary>
    public void Step() => Interlocked.Increment(ref _steps);
}

/// <summary>The stages a batch runs on each file, supplied by the composition root (the CLI) so the store knows no reader or rule.</summary>
/// <param name="Read">Reads a file from its path, its bytes and their SHA-256 (lower-case hex, which the batch computed to skip
/// unchanged files, so the reader need not hash them again), reporting slow steps (OCR pages) to the progress; must not throw for bad content.</param>
/// <param name="Extract">Extracts the targets of a read document.</param>
/// <param name="ExtractorVersion">Stored with every target; a change re-extracts documents already stored.</param>
/// <param name="Enrich">Optional last step on each target, e.g. assigning the canonical indicator id.</param>
/// <param name="InputFingerprint">
/// Optional fingerprint of what, besides its bytes, goes into a file's extraction (e.g. its manifest entry); a file whose
/// fingerprint changed is extracted again although its bytes did not.
/// </param>
/// <remarks>Every stage is called from several threads at once and must be thread-safe.</remarks>
public sealed record IngestStages(
    Func<string, byte[], string, ReadProgress, ReadOutcome> Read,
    Func<PolicyDocument, IReadOnlyList<PolicyTarget>> Extract,
    string ExtractorVersion,
    Func<PolicyTarget, PolicyTarget>? Enrich = null,
    Func<string, string>? InputFingerprint = null)
{
    /// <summary>Stages whose reading reports no progress (every file gets the watchdog's base time).</summary>
    public IngestStages(
        Func<string, byte[], ReadOutcome> read,
        Func<PolicyDocument, IReadOnlyList<PolicyTarget>> extract,
        string extractorVersion,
        Func<PolicyTarget, PolicyTarget>? enrich = null,
        Func<string, string>? inputFingerprint = null)
        : this((path, bytes, _, _) => read(path, bytes), extract, extractorVersion, enrich, inputFingerprint)
    {
    }

    /// <summary>Stages whose reading hashes the bytes itself.</summary>
    public IngestStages(
        Func<string, byte[], ReadProgress, ReadOutcome> read,
        Func<PolicyDocument, IReadOnlyList<PolicyTarget>> extract,
        string extractorVersion,
        Func<PolicyTarget, PolicyTarget>? enrich = null,
        Func<string, string>? inputFingerprint = null)
        : this((path, bytes, _, progress) => read(path, bytes, progress), extract, extractorVersion, enrich, inputFingerprint)
    {
    }

    /// <summary>The version stored with <paramref name="path"/>'s extraction: the extractor's, plus the file's input fingerprint when it has one.</summary>
    public string VersionFor(string path) =>
        InputFingerprint?.Invoke(path) is { Length: > 0 } fingerprint ? $"{ExtractorVersion}+{fingerprint}" : ExtractorVersion;
}

/// <summary>How a batch runs.</summary>
/// <param name="Parallelism">Files read and extracted at once; defaults to the number of cores.</param>
/// <param name="MaxFileBytes">Files larger than this fail without being read.</param>
/// <param name="DocumentsPerTransaction">Upper bound of documents committed together; each document and its targets are always in one transaction.</param>
/// <param name="MaxTimePerFile">Longest a file may take to read and extract before it fails and the batch moves on (default 120 s),
/// plus <paramref name="TimePerStep"/> for each slow step its reading reports.</param>
/// <param name="TimePerStep">Time added to a file's budget for each slow step done (a page read by OCR; default 60 s), so a long
/// scan that keeps moving is read to the end while a file that stops moving still fails.</param>
/// <param name="Clock">The clock the watchdog measures by (tests pass a fake one); the system clock by default.</param>
public sealed record IngestOptions(
    int Parallelism = 0,
    long MaxFileBytes = IngestOptions.DefaultMaxFileBytes,
    int DocumentsPerTransaction = 256,
    string ToolVersion = "",
    TimeSpan? MaxTimePerFile = null,
    TimeSpan? TimePerStep = null,
    TimeProvider? Clock = null)
{
    internal TimeSpan EffectiveMaxTimePerFile => MaxTimePerFile ?? TimeSpan.FromSeconds(120);

    internal TimeSpan EffectiveTimePerStep => TimePerStep ?? TimeSpan.FromSeconds(60);

    internal TimeProvider EffectiveClock => Clock ?? TimeProvider.System;

    /// <summary>50 MiB.</summary>
    public const long DefaultMaxFileBytes = 50L * 1024 * 1024;

    internal int EffectiveParallelism => Parallelism > 0 ? Parallelism : Environment.ProcessorCount;

    /// <summary>Also measure each worker stage's CPU time and its wait for a core (<see cref="StageTimes.Cpu"/>), where the
    /// system tells them (Linux); for benchmarks, as it reads a file per stage of each document.</summary>
    public bool StageCpu { get; init; }
}

/// <summary>What became of one file.</summary>
public enum IngestFileStatus
{
    Added,
    Updated,
    Unchanged,
    Failed,

    /// <summary>The text was already stored from another file; folded into that document as one more source.</summary>
    Duplicate,
}

/// <summary>One file's outcome, reported once it is durable in the database.</summary>
/// <param name="Targets">Targets written for the document (0 when unchanged, failed or folded); for a preferred copy that
/// replaced a copy stored earlier in the same run, its targets less that copy's, which the run already counted.</param>
/// <param name="Reason">The one-line reason of a failure, else null.</param>
public sealed record IngestFileResult(string Path, IngestFileStatus Status, int Targets, string? Reason = null);

/// <summary>The end of a batch: the run with its counts, the failed files and the time taken.</summary>
/// <param name="Stages">Time spent in each stage, summed over all threads: where a batch's time goes.</param>
public sealed record IngestSummary(IngestRun Run, IReadOnlyList<IngestFileResult> Failures, TimeSpan Elapsed, StageTimes Stages)
{
    public IngestCounts Counts => Run.Counts;

    /// <summary>Documents added, updated or found unchanged per second of wall-clock time.</summary>
    public double DocumentsPerSecond => Elapsed.TotalSeconds > 0 ? (Counts.Files - Counts.Failed) / Elapsed.TotalSeconds : 0;
}

/// <summary>Time spent reading files (I/O, hashing, parsing), extracting targets and writing to the database, summed over threads.</summary>
public sealed record StageTimes(TimeSpan Read, TimeSpan Extract, TimeSpan Write)
{
    /// <summary>CPU time of the single writer thread over the whole batch (waiting for work included, which costs none);
    /// null where the system does not tell it. On a loaded machine <see cref="Write"/> also counts waiting for a core.</summary>
    public TimeSpan? WriterCpu { get; init; }

    /// <summary>Time the workers spent compressing text, layout and targets for the store (after extraction, before the writer).</summary>
    public TimeSpan Pack { get; init; }

    /// <summary>Transactions the writer committed (documents per commit = written / this).</summary>
    public int Commits { get; init; }

    /// <summary>Bytes the workers allocated in each stage, summed over threads.</summary>
    public StageCosts<long>? Allocated { get; init; }

    /// <summary>CPU time of each worker stage, summed over threads; null unless <see cref="IngestOptions.StageCpu"/> was set
    /// and the system tells it.</summary>
    public StageCosts<TimeSpan>? Cpu { get; init; }

    /// <summary>Time each worker stage waited for a core while ready to run (the rest of its wall time, less GC and I/O waits).</summary>
    public StageCosts<TimeSpan>? CpuWait { get; init; }
}

/// <summary>One measure of the workers' three stages.</summary>
public sealed record StageCosts<T>(T Read, T Extract, T Pack);
