using Npgsql;

namespace PolicyMiner.Storage.Postgres;

/// <summary>A file claimed from the work table: its content hash, the path it was registered under, and how often it was claimed.</summary>
public sealed record WorkItem(string Hash, string Path, int Attempts);

/// <summary>The work table's counts over every worker: files waiting, held by a live worker, done and failed.</summary>
public sealed record ClusterProgress(int Pending, int Claimed, int Done, int Failed, int Workers)
{
    public int Total => Pending + Claimed + Done + Failed;
}

/// <summary>
/// The work table that ingest workers on several machines share: files registered by content hash, claimed a few at a
/// time with <c>FOR UPDATE SKIP LOCKED</c> under a lease the worker keeps renewing. A worker that dies stops renewing;
/// once its lease runs out another worker claims its files again. A file claimed <see cref="MaxAttempts"/> times without
/// finishing (it kills every worker that reads it) is marked failed.
/// </summary>
/// <remarks>Thread-safe: every call takes its own pooled connection.</remarks>
public sealed class IngestWorkQueue(PostgresPolicyStore store, string worker, TimeSpan lease)
{
    /// <summary>Claims of one file before it is given up as failed.</summary>
    public const int MaxAttempts = 3;

    /// <summary>This worker's name in the work table: machine, process id and a random suffix.</summary>
    public string Worker { get; } = worker;

    /// <summary>How long a claim lasts without renewal.</summary>
    public TimeSpan Lease { get; } = lease;

    /// <summary>A worker name unique to this process.</summary>
    public static string NewWorkerName() => $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>Registers files by content hash. A file whose content is already stored by the same extractor is recorded as
    /// done; one that failed before, or was stored by another extractor version, is queued again; the rest are left as they are.</summary>
    public void Register(IReadOnlyList<(string Hash, string Path, string Version)> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        using var connection = store.OpenConnection();
        foreach (var chunk in files.Chunk(5000))
        {
            PostgresPolicyStore.Execute(connection, null, """
                INSERT INTO ingest_work AS w (hash, path, extractor_version, state, outcome)
                SELECT f.hash, f.path, f.version,
                       CASE WHEN d.id IS NULL THEN 'pending' ELSE 'done' END,
                       CASE WHEN d.id IS NULL THEN NULL ELSE 'unchanged' END
                FROM unnest($1::text[], $2::text[], $3::text[]) AS f (hash, path, version)
                LEFT JOIN documents d ON d.id = f.hash AND d.extractor_version = f.version
                ON CONFLICT (hash) DO UPDATE SET state = 'pending', extractor_version = EXCLUDED.extractor_version, path = EXCLUDED.path,
                    worker = NULL, lease_until = NULL, attempts = 0, outcome = NULL, reason = NULL, updated_at = now()
                WHERE EXCLUDED.state = 'pending' AND (w.state = 'failed' OR (w.state = 'done' AND w.extractor_version <> EXCLUDED.extractor_version))
                """,
                chunk.Select(f => f.Hash).ToArray(), chunk.Select(f => f.Path).ToArray(), chunk.Select(f => f.Version).ToArray());
        }
    }

    /// <summary>Claims up to <paramref name="count"/> waiting files (or files whose worker's lease ran out), skipping rows others are claiming.</summary>
    /// <param name="skip">Hashes this worker cannot read (registered by another machine under a path it does not have).</param>
    public IReadOnlyList<WorkItem> Claim(int count, IReadOnlyCollection<string> skip)
    {
        ArgumentNullException.ThrowIfNull(skip);
        using var connection = store.OpenConnection();
        using var transaction = connection.BeginTransaction();
        // Files that killed every worker that took them are given up, with a reason, instead of killing the next one.
        PostgresPolicyStore.Execute(connection, transaction, $"""
            UPDATE ingest_work SET state = 'failed', outcome = 'failed', worker = NULL, lease_until = NULL, updated_at = now(),
                reason = 'abandoned: claimed {MaxAttempts} times and never finished (the worker stopped each time)'
            WHERE state = 'claimed' AND lease_until < now() AND attempts >= {MaxAttempts}
            """);
        var claimed = PostgresPolicyStore.Rows(connection, transaction, """
            WITH next AS (
                SELECT hash FROM ingest_work
                WHERE (state = 'pending' OR (state = 'claimed' AND lease_until < now())) AND NOT (hash = ANY($4))
                ORDER BY path
                LIMIT $2
                FOR UPDATE SKIP LOCKED)
            UPDATE ingest_work w SET state = 'claimed', worker = $1, lease_until = now() + $3 * interval '1 second',
                attempts = w.attempts + 1, updated_at = now()
            FROM next WHERE w.hash = next.hash
            RETURNING w.hash, w.path, w.attempts
            """, [Worker, count, Lease.TotalSeconds, skip.ToArray()], r => new WorkItem(r.GetString(0), r.GetString(1), r.GetInt32(2)));
        transaction.Commit();
        return claimed;
    }

    /// <summary>Keeps this worker's claims alive for another lease.</summary>
    public void Renew()
    {
        using var connection = store.OpenConnection();
        PostgresPolicyStore.Execute(connection, null,
            "UPDATE ingest_work SET lease_until = now() + $2 * interval '1 second' WHERE worker = $1 AND state = 'claimed'", Worker, Lease.TotalSeconds);
    }

    /// <summary>Records what became of claimed files; a file another worker has since taken over is left to it.</summary>
    public void Finish(IReadOnlyList<(string Hash, string Outcome, string? Reason)> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        if (results.Count == 0)
        {
            return;
        }

        using var connection = store.OpenConnection();
        PostgresPolicyStore.Execute(connection, null, """
            UPDATE ingest_work w SET state = CASE WHEN r.outcome = 'failed' THEN 'failed' ELSE 'done' END, outcome = r.outcome, reason = r.reason,
                lease_until = NULL, updated_at = now()
            FROM unnest($2::text[], $3::text[], $4::text[]) AS r (hash, outcome, reason)
            WHERE w.hash = r.hash AND w.worker = $1 AND w.state = 'claimed'
            """,
            Worker, results.Select(r => r.Hash).ToArray(), results.Select(r => r.Outcome).ToArray(), results.Select(r => r.Reason).ToArray());
    }

    /// <summary>Gives claimed files back untouched (this worker cannot read them).</summary>
    public void Release(IReadOnlyList<string> hashes)
    {
        ArgumentNullException.ThrowIfNull(hashes);
        using var connection = store.OpenConnection();
        PostgresPolicyStore.Execute(connection, null,
            "UPDATE ingest_work SET state = 'pending', worker = NULL, lease_until = NULL, attempts = attempts - 1 WHERE worker = $1 AND state = 'claimed' AND hash = ANY($2)",
            Worker, hashes.ToArray());
    }

    /// <summary>Counts over the whole work table (every worker's files), and how many workers hold live claims.</summary>
    public ClusterProgress Progress()
    {
        using var connection = store.OpenConnection();
        return PostgresPolicyStore.Rows(connection, null, """
            SELECT count(*) FILTER (WHERE state = 'pending' OR (state = 'claimed' AND lease_until < now())),
                   count(*) FILTER (WHERE state = 'claimed' AND lease_until >= now()),
                   count(*) FILTER (WHERE state = 'done'),
                   count(*) FILTER (WHERE state = 'failed'),
                   count(DISTINCT worker) FILTER (WHERE state = 'claimed' AND lease_until >= now())
            FROM ingest_work
            """, [], r => new ClusterProgress((int)r.GetInt64(0), (int)r.GetInt64(1), (int)r.GetInt64(2), (int)r.GetInt64(3), (int)r.GetInt64(4)))[0];
    }
}
