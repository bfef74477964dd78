using LiteDB;
using PolicyMiner.Storage.Schema;

namespace PolicyMiner.Storage.Safety;

/// <summary>What <see cref="StoreMaintenance.Check"/> found: the documents, targets and runs it could read, and each problem in one line.</summary>
public sealed record StoreCheckReport(string Path, int Documents, int Targets, int Runs, IReadOnlyList<string> Problems)
{
    public bool Healthy => Problems.Count == 0;
}

/// <summary>What <see cref="StoreMaintenance.Repair"/> did: the copy of the damaged file it kept, and what the rebuilt database holds.</summary>
public sealed record StoreRepairReport(string Path, string Backup, int Documents, int Targets, int UnreadableParts);

/// <summary>The <c>db check</c> and <c>db repair</c> verbs: read every record of a database, and rebuild one from what is readable.</summary>
public static class StoreMaintenance
{
    private static readonly string[] Collections =
        [StoreSchema.Documents, StoreSchema.Contents, StoreSchema.Targets, StoreSchema.IngestRuns, StoreSchema.IngestErrors];

    /// <summary>Reads every record of every collection (read-only, as a reader) and checks that documents, contents and targets agree.</summary>
    public static StoreCheckReport Check(string path, StoreOpenOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var fullPath = System.IO.Path.GetFullPath(path);
        var state = DatabaseFile.Inspect(fullPath);
        if (state is DatabaseFileState.Missing or DatabaseFileState.Empty)
        {
            throw new StoreException($"{path}: no database here");
        }

        if (DatabaseFile.Refusal(path, state) is { } refusal)
        {
            return new StoreCheckReport(path, 0, 0, 0, [refusal]);
        }

        options = (options ?? new StoreOpenOptions()) with { ReadOnly = true };
        using var held = StoreLock.Acquire(fullPath, exclusive: false, options.Purpose, options.Wait, options.OnWaiting, options.CancellationToken);
        var problems = new List<string>();
        LiteDatabase db;
        try
        {
            db = new LiteDatabase(new ConnectionString { Filename = fullPath, ReadOnly = true });
        }
        catch (LiteException e)
        {
            return new StoreCheckReport(path, 0, 0, 0, [$"cannot open: {OneLine(e.Message)}"]);
        }

        using (db)
        {
            var ids = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            var orphans = 0;
            foreach (var name in Collections)
            {
                var seen = new HashSet<string>(StringComparer.Ordinal);
                try
                {
                    foreach (var record in db.GetCollection(name).FindAll())
                    {
                        seen.Add(IdOf(record["_id"]));
                        if (name == StoreSchema.Targets && ids.TryGetValue(StoreSchema.Documents, out var documents)
                            && !documents.Contains(IdOf(record["DocumentId"])))
                        {
                            orphans++;
                        }
                    }
                }
                catch (LiteException e)
                {
                    problems.Add($"{name}: unreadable after {seen.Count} records ({OneLine(e.Message)})");
                }

                ids[name] = seen;
                counts[name] = seen.Count;
            }

            var withoutText = ids[StoreSchema.Documents].Count(id => !ids[StoreSchema.Contents].Contains(id));
            if (withoutText > 0)
            {
                problems.Add($"{withoutText} documents have no stored text");
            }

            if (orphans > 0)
            {
                problems.Add($"{orphans} targets belong to no stored document");
            }

            if (db.CollectionExists("_rebuild_errors") && db.GetCollection("_rebuild_errors").Count() is var lost and > 0)
            {
                problems.Add($"an earlier repair could not read {lost} parts of the file (listed in collection _rebuild_errors)");
            }

            return new StoreCheckReport(path, counts[StoreSchema.Documents], counts[StoreSchema.Targets], counts[StoreSchema.IngestRuns], problems);
        }
    }

    /// <summary>
    /// Copies the damaged file aside, then rebuilds the database from every page LiteDB can still read (its rebuild reads
    /// page by page and records what it skipped in <c>_rebuild_errors</c>); the copy is kept whatever happens.
    /// </summary>
    public static StoreRepairReport Repair(string path, StoreOpenOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var fullPath = System.IO.Path.GetFullPath(path);
        var state = DatabaseFile.Inspect(fullPath);
        if (state is DatabaseFileState.Missing or DatabaseFileState.Empty)
        {
            throw new StoreException($"{path}: no database here");
        }

        if (state is DatabaseFileState.Foreign or DatabaseFileState.OtherVersion)
        {
            throw new StoreException(DatabaseFile.Refusal(path, state)!);
        }

        options = (options ?? new StoreOpenOptions()) with { ReadOnly = false };
        using var held = StoreLock.Acquire(fullPath, exclusive: true, options.Purpose, options.Wait, options.OnWaiting, options.CancellationToken);
        var backup = $"{fullPath}.damaged-{DateTime.UtcNow:yyyyMMddHHmmss}";
        File.Copy(fullPath, backup, overwrite: false);
        var log = LogPathOf(fullPath);
        if (File.Exists(log))
        {
            File.Copy(log, backup + "-log", overwrite: false);
        }

        // A cut-short file ends in part of a page; LiteDB reads whole pages only.
        var length = new FileInfo(fullPath).Length;
        if (length % DatabaseFile.PageSize != 0)
        {
            using var file = new FileStream(fullPath, FileMode.Open, FileAccess.Write, FileShare.None);
            file.SetLength(length - (length % DatabaseFile.PageSize));
        }

        int unreadable;
        try
        {
            using (var db = new LiteDatabase(new ConnectionString { Filename = fullPath }))
            {
                db.Rebuild(new LiteDB.Engine.RebuildOptions { IncludeErrorReport = true });
                unreadable = db.CollectionExists("_rebuild_errors") ? db.GetCollection("_rebuild_errors").Count() : 0;
            }

            // LiteDB keeps its own "-backup" copy of what it rebuilt from; ours (taken before any change) is the one to keep.
            var liteBackup = System.IO.Path.Combine(
                System.IO.Path.GetDirectoryName(fullPath)!,
                System.IO.Path.GetFileNameWithoutExtension(fullPath) + "-backup" + System.IO.Path.GetExtension(fullPath));
            if (File.Exists(liteBackup))
            {
                File.Delete(liteBackup);
            }
        }
        catch (LiteException e)
        {
            throw new StoreException($"{path}: cannot repair ({OneLine(e.Message)}); the original is kept as {backup}", e);
        }

        // Whatever the rebuild kept, the schema (collections, indexes, version) is made whole again.
        using var store = PolicyStore.Open(fullPath);
        return new StoreRepairReport(path, backup, store.DocumentCount, store.TargetCount, unreadable);
    }

    private static string LogPathOf(string database) =>
        System.IO.Path.Combine(
            System.IO.Path.GetDirectoryName(database)!,
            System.IO.Path.GetFileNameWithoutExtension(database) + "-log" + System.IO.Path.GetExtension(database));

    private static string IdOf(BsonValue id) => id.IsString ? id.AsString : id.ToString();

    private static string OneLine(string text)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length > 160 ? line[..160] + "…" : line;
    }
}
