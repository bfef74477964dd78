using LiteDB;
using PolicyMiner.Storage.Schema;

namespace PolicyMiner.Storage.Safety;

/// <summary>What <see cref="StoreMaintenance.Check"/> found: the documents, targets and runs it could read, and each problem in one line.</summary>
public sealed record StoreCheckReport(string Path, int Documents, int Targets, int Runs, IReadOnlyList<string> Problems)
{
    public bool Healthy => Problems.Count == 0;
}

/// <summary>What <see cref="StoreMaintenance.Repair"/> did: the copy of the damaged file it kept, and what the rebuilt database holds.</summary>
public sealed record StoreRepairReport(string Path, string Backup, int Documents, int Targets, int UnreadableParts)
{
    /// <summary>Documents whose text was lost and unreviewed targets whose document was lost: left out, read again by the next ingest.</summary>
    public int Dropped { get; init; }
}

/// <summary>What <see cref="StoreMaintenance.Compact"/> did: the file's size before and after, and the records it copied.</summary>
public sealed record StoreCompactReport(string Path, long BytesBefore, long BytesAfter, int Records);

/// <summary>Where a database file's bytes go: per kind of page (data, index) and collection, the pages' size and the
/// free space left inside them (LiteDB stops filling a data page once less than about 30 % of it is free).</summary>
public sealed record StoreFootprint(IReadOnlyList<StoreFootprintPart> Parts)
{
    public long Bytes => Parts.Sum(p => p.Bytes);
}

/// <summary>One kind of page of one collection (<see cref="Collection"/> empty for the file's own pages).</summary>
public sealed record StoreFootprintPart(string PageType, string Collection, int Pages, long Bytes, long FreeBytes);

/// <summary>The <c>db check</c>, <c>db repair</c> and <c>db compact</c> verbs: read every record of a database, rebuild one
/// from what is readable, and write one anew without the space that deleted and rewritten records left.</summary>
public static class StoreMaintenance
{
    private static readonly string[] Collections =
        [StoreSchema.Documents, StoreSchema.Contents, StoreSchema.Targets, Entities.TargetPack.Collection, StoreSchema.IngestRuns, StoreSchema.IngestErrors];

    /// <summary>LiteDB's page size (fixed by its file format).</summary>
    private const int PageBytes = 8192;

    /// <summary>Reads every page header of a database (LiteDB's <c>$dump</c>) and sums them by page type and collection.</summary>
    /// <remarks>For benchmarks and diagnosis: opens the file read-only without the store's locks, so call it on a database
    /// no process is writing.</remarks>
    public static StoreFootprint Footprint(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var db = new LiteDatabase(new ConnectionString { Filename = System.IO.Path.GetFullPath(path), ReadOnly = true });
        var parts = new Dictionary<(string Type, string Collection), (int Pages, long Free)>();
        foreach (var page in db.Execute("SELECT $ FROM $dump").ToEnumerable())
        {
            var key = (page["pageType"].IsString ? page["pageType"].AsString : "?", page["collection"].IsString ? page["collection"].AsString : "");
            var (pages, free) = parts.GetValueOrDefault(key);
            parts[key] = (pages + 1, free + (page["freeBytes"].IsNumber ? page["freeBytes"].AsInt64 : 0));
        }

        return new StoreFootprint([.. parts
            .Select(p => new StoreFootprintPart(p.Key.Type, p.Key.Collection, p.Value.Pages, (long)p.Value.Pages * PageBytes, p.Value.Free))
            .OrderByDescending(p => p.Bytes)]);
    }

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
        var owner = StoreLock.OwnerFileOf(fullPath);
        // A reader: shares the data lock, which a running ingest holds only while it commits.
        using var held = StoreLock.Acquire(
            StoreLock.DataLockOf(fullPath), exclusive: false, TimeSpan.FromSeconds(30), () => StoreLock.Holder(owner), options.OnWaiting, options.CancellationToken, quietFor: StoreLock.QuietFor);
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
            var targets = 0;
            foreach (var name in Collections)
            {
                var seen = new HashSet<string>(StringComparer.Ordinal);
                try
                {
                    foreach (var record in db.GetCollection(name).FindAll())
                    {
                        seen.Add(IdOf(record["_id"]));
                        // Targets are records of their own up to schema v4, packs of a document's targets from v5.
                        var ownerField = name == StoreSchema.Targets ? Entities.TargetBson.DocumentId : Entities.TargetPack.DocumentId;
                        var count = name == StoreSchema.Targets ? 1 : record[Entities.TargetPack.Count] is { IsNumber: true } n ? n.AsInt32 : 0;
                        if (name is StoreSchema.Targets or Entities.TargetPack.Collection)
                        {
                            targets += count;
                            if (ids.TryGetValue(StoreSchema.Documents, out var documents) && !documents.Contains(IdOf(record[ownerField])))
                            {
                                orphans += count;
                            }
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

            if (UnnamedCodes(db) is > 0 and var unnamed)
            {
                problems.Add($"{unnamed} documents name categories or an extractor version by codes the names table does not hold");
            }

            if (db.CollectionExists("_rebuild_errors") && db.GetCollection("_rebuild_errors").Count() is var lost and > 0)
            {
                problems.Add($"an earlier repair could not read {lost} parts of the file (listed in collection _rebuild_errors)");
            }

            return new StoreCheckReport(path, counts[StoreSchema.Documents], targets, counts[StoreSchema.IngestRuns], problems);
        }
    }

    /// <summary>
    /// Copies the damaged file aside, then rebuilds the database from every record a page-by-page scan can still read
    /// (see <see cref="PageScan"/>); the copy is kept whatever happens.
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
        var owner = StoreLock.OwnerFileOf(fullPath);
        using var writer = StoreLock.Acquire(
            StoreLock.WriterLockOf(fullPath), exclusive: true, options.Wait ? null : TimeSpan.Zero, () => StoreLock.Holder(owner), options.OnWaiting, options.CancellationToken, owner, options.Purpose);
        var held = StoreLock.Acquire(StoreLock.DataLockOf(fullPath), exclusive: true, null, () => "readers", options.OnWaiting, options.CancellationToken, quietFor: StoreLock.QuietFor);
        string backup;
        int documents, targets, unreadable;
        try
        {
            backup = $"{fullPath}.damaged-{DateTime.UtcNow:yyyyMMddHHmmss}";
            File.Copy(fullPath, backup, overwrite: false);
            var log = LogPathOf(fullPath);
            if (File.Exists(log))
            {
                File.Copy(log, backup + "-log", overwrite: false);
            }

            try
            {
                (documents, targets, unreadable) = Rebuild(backup, File.Exists(backup + "-log") ? backup + "-log" : null, fullPath, log);
            }
            catch (LiteException e)
            {
                throw new StoreException($"{path}: cannot repair ({OneLine(e.Message)}); the original is kept as {backup}", e);
            }
        }
        finally
        {
            held.Bump();
            held.Dispose();
        }

        // Whatever the rebuild kept, the schema is brought to the current version.
        writer.Dispose();
        using var store = PolicyStore.Open(fullPath, options);
        return new StoreRepairReport(path, backup, store.DocumentCount, store.TargetCount, unreadable) { Dropped = documents + targets };
    }

    /// <summary>
    /// Writes the database anew into a fresh file beside it, every record as it is (ids included), then puts that file in
    /// its place: LiteDB never gives back the pages that deleted or rewritten records (a migration, a re-ingest) left.
    /// </summary>
    /// <remarks>
    /// LiteDB's own <c>Rebuild</c> cannot be used: since LiteDB 5.0.19 it fails with "Detected loop in FindAll" on any
    /// collection with a secondary index and more than 2,550 records (its loop guard is sized from the new, still empty
    /// file; LiteDB issue #2827), which is every real PolicyMiner database. Runs as the one writer with readers shut out;
    /// the original is replaced only once the copy is complete and on disk, so a kill leaves one or the other whole.
    /// </remarks>
    public static StoreCompactReport Compact(string path, StoreOpenOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var fullPath = System.IO.Path.GetFullPath(path);
        // Migrates an older schema first, and leaves the log checkpointed into the file.
        using (PolicyStore.Open(fullPath, (options ?? new StoreOpenOptions()) with { ReadOnly = false }))
        {
        }

        options = (options ?? new StoreOpenOptions()) with { ReadOnly = false };
        var owner = StoreLock.OwnerFileOf(fullPath);
        using var writer = StoreLock.Acquire(
            StoreLock.WriterLockOf(fullPath), exclusive: true, options.Wait ? null : TimeSpan.Zero, () => StoreLock.Holder(owner), options.OnWaiting, options.CancellationToken, owner, options.Purpose);
        using var held = StoreLock.Acquire(StoreLock.DataLockOf(fullPath), exclusive: true, null, () => "readers", options.OnWaiting, options.CancellationToken, quietFor: StoreLock.QuietFor);
        var before = new FileInfo(fullPath).Length;
        var fresh = fullPath + ".compacting";
        File.Delete(fresh);
        File.Delete(LogPathOf(fresh));
        var records = 0;
        try
        {
            using (PolicyStore.Open(fresh))
            {
                // Collections and indexes of the current schema, empty.
            }

            using (var source = new LiteDatabase(new ConnectionString { Filename = fullPath, ReadOnly = true }))
            using (var target = new LiteDatabase(new ConnectionString { Filename = fresh }))
            {
                foreach (var name in source.GetCollectionNames().Where(n => !n.StartsWith('$')).Order(StringComparer.Ordinal))
                {
                    var into = target.GetCollection(name);
                    foreach (var chunk in source.GetCollection(name).FindAll().Chunk(1000))
                    {
                        target.BeginTrans();
                        into.Insert(chunk);
                        target.Commit();
                        records += chunk.Length;
                    }
                }

                target.UserVersion = source.UserVersion;
                target.Checkpoint();
            }

            File.Move(fresh, fullPath, overwrite: true);
            held.Bump();
        }
        catch (Exception e) when (e is LiteException)
        {
            throw new StoreException($"{path}: cannot compact ({OneLine(e.Message)}); the database is unchanged", e);
        }
        finally
        {
            File.Delete(fresh);
            File.Delete(LogPathOf(fresh));
        }

        return new StoreCompactReport(path, before, new FileInfo(fullPath).Length, records);
    }

    /// <summary>
    /// Writes a new database beside <paramref name="target"/> from every record a page scan of <paramref name="damaged"/>
    /// reads, then puts it in the target's place. Indexes come from an empty database of the damaged file's schema version.
    /// </summary>
    /// <returns>Documents dropped for want of their text, unreviewed targets dropped for want of their document (both come
    /// back on the next ingest of their files), and records that could not be read.</returns>
    private static (int Documents, int Targets, int Unreadable) Rebuild(string damaged, string? damagedLog, string target, string log)
    {
        List<(string Collection, BsonDocument Record)> records;
        int unreadable;
        int version;
        using (var scan = PageScan.Open(damaged, damagedLog))
        {
            version = Math.Clamp(scan.UserVersion ?? StoreSchema.CurrentVersion, 1, StoreSchema.CurrentVersion);
            (records, unreadable) = scan.Records();
        }

        // A document is usable only with its text, and a document without it must be forgotten so the next ingest reads
        // its file again; an unreviewed target without its document is re-extracted then. Reviewed targets are kept.
        var withText = records.Where(r => r.Collection == StoreSchema.Contents).Select(r => IdOf(r.Record["_id"])).ToHashSet(StringComparer.Ordinal);
        var kept = records.Where(r => r.Collection != StoreSchema.Documents || withText.Contains(IdOf(r.Record["_id"]))).ToList();
        var documentIds = kept.Where(r => r.Collection == StoreSchema.Documents).Select(r => IdOf(r.Record["_id"])).ToHashSet(StringComparer.Ordinal);
        var droppedDocuments = records.Count - kept.Count;
        var before = kept.Count;
        kept.RemoveAll(r => r.Collection == StoreSchema.Targets
            && !documentIds.Contains(IdOf(r.Record[Entities.TargetBson.DocumentId]))
            && r.Record[Entities.TargetBson.ReviewState] is var state && (!state.IsString || state.AsString == "unreviewed"));
        var droppedTargets = before - kept.Count;
        // A pack without its document goes unless it holds a reviewed target (then the whole pack is kept, as above).
        var orphanPacks = kept.Where(r => r.Collection == Entities.TargetPack.Collection
            && !documentIds.Contains(IdOf(r.Record[Entities.TargetPack.DocumentId]))
            && !Entities.TargetPack.DecodeRaw(r.Record, textOf: null).Exists(t => t[Entities.TargetBson.ReviewState] is { IsString: true } s && s.AsString != "unreviewed")).ToList();
        foreach (var pack in orphanPacks)
        {
            kept.Remove(pack);
            droppedTargets += pack.Record[Entities.TargetPack.Count] is { IsNumber: true } n ? n.AsInt32 : 0;
        }

        var rebuilt = target + ".repairing";
        File.Delete(rebuilt);
        using (PolicyStore.Open(rebuilt, [.. StoreSchema.Migrations.Where(m => m.Version <= version)]))
        {
            // Collections and indexes of that schema version, empty.
        }

        using (var db = new LiteDatabase(new ConnectionString { Filename = rebuilt }))
        {
            foreach (var group in kept.Where(r => !r.Collection.StartsWith('_') && !r.Collection.StartsWith('$')).GroupBy(r => r.Collection))
            {
                var collection = db.GetCollection(group.Key);
                db.BeginTrans();
                foreach (var (_, record) in group)
                {
                    collection.Upsert(record);
                }

                db.Commit();
            }

            db.UserVersion = version;
            db.Checkpoint();
        }

        File.Delete(log);
        File.Move(rebuilt, target, overwrite: true);
        return (droppedDocuments, droppedTargets, unreadable);
    }

    /// <summary>Documents whose category or extractor-version codes (schema v7) are missing from the names table.</summary>
    private static int UnnamedCodes(LiteDatabase db)
    {
        try
        {
            var codes = db.CollectionExists(Entities.StoreNames.Collection)
                ? db.GetCollection(Entities.StoreNames.Collection).Query().Select(BsonExpression.Create("{ i: $._id }")).ToEnumerable()
                    .Where(r => r["i"].IsNumber).Select(r => r["i"].AsInt32).ToHashSet()
                : [];
            var projection = BsonExpression.Create($"{{ v: $.{Entities.DocumentBson.ExtractorVersion}, c: $.{Entities.DocumentBson.Categories} }}");
            return db.GetCollection(StoreSchema.Documents).Query().Select(projection).ToEnumerable().Count(d =>
                (d["v"].IsNumber && !codes.Contains(d["v"].AsInt32))
                || (d["c"].IsArray && d["c"].AsArray.Any(c => c.IsNumber && !codes.Contains(c.AsInt32))));
        }
        catch (LiteException)
        {
            // An unreadable collection is reported above.
            return 0;
        }
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
