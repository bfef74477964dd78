using System.Collections.Frozen;
using LiteDB;
using PolicyMiner.Core.Documents;
using PolicyMiner.Core.Targets;
using PolicyMiner.Core.Text;
using PolicyMiner.Storage.Entities;
using PolicyMiner.Storage.Safety;
using PolicyMiner.Storage.Reviewing;
using PolicyMiner.Storage.Schema;

namespace PolicyMiner.Storage;

/// <summary>The PolicyMiner database: documents, their targets with review state, ingest runs and per-file errors, in one LiteDB file.</summary>
/// <remarks>
/// Writes of a document and its targets are one transaction, so a killed process leaves either the whole document or
/// none of it. LiteDB binds a transaction to its thread: call the write methods from one thread at a time.
/// Queries may run from any thread.
/// </remarks>
public sealed partial class PolicyStore : IDisposable
{
    /// <summary>File name of the database when no path is given.</summary>
    public const string DefaultFileName = "policyminer.db";

    private PolicyStore(string path, Session session, AccessMode mode, StoreOpenOptions options, StoreLock? lifetimeLock)
    {
        FilePath = path;
        _session = session;
        _mode = mode;
        _options = options;
        _lifetimeLock = lifetimeLock;
    }

    /// <summary>Fingerprints of stored documents, loaded on first use (see <see cref="Duplicates"/>).</summary>
    private DuplicateIndex? _duplicates;

    /// <summary>Ids and source paths of stored documents, loaded on first use (see <see cref="StoredKeys"/>).</summary>
    private StoredKeys? _storedKeys;

    /// <summary>Ids of stored contents, loaded on first use (see <see cref="StoredContents"/>).</summary>
    private StoredContents? _storedContents;

    /// <summary>Full path of the database file.</summary>
    public string FilePath { get; }

    /// <summary>Schema version of the open database (always the current one once opened).</summary>
    public int SchemaVersion
    {
        get
        {
            using var scope = Reading();
            return _db.UserVersion;
        }
    }

    /// <summary>Schema version this build writes.</summary>
    public static int CurrentSchemaVersion => StoreSchema.CurrentVersion;

    /// <summary>Opens (creating if needed) the database at <paramref name="path"/> and migrates it to the current schema.</summary>
    /// <remarks>Takes no lock: for one process that owns the file. Command-line verbs use <see cref="Open(string, StoreOpenOptions)"/>.</remarks>
    /// <exception cref="StoreException">The file is not a LiteDB database, is damaged, or was written by a newer PolicyMiner.</exception>
    public static PolicyStore Open(string path) => Open(path, StoreSchema.Migrations);

    /// <summary>Opens the database at <paramref name="path"/> as its one writer, one of its readers, or a serving store (see <see cref="StoreOpenOptions"/>).</summary>
    /// <remarks>
    /// The header is checked before LiteDB sees the file, so a file that is not a database is refused untouched. A reader
    /// opens the file read-only (it works on read-only media) and never creates it; a reader that finds an older schema
    /// briefly takes the writer's lock to migrate it. Readers and a writer run side by side: the writer holds the file
    /// alone only while it commits. See PolicyStore.Access.cs for the locks.
    /// </remarks>
    /// <exception cref="StoreException">Refused, damaged, newer, missing (for a reader), or in use with <see cref="StoreOpenOptions.Wait"/> false.</exception>
    public static PolicyStore Open(string path, StoreOpenOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(options);
        var fullPath = Path.GetFullPath(path);
        if (!options.ReadOnly && !options.Serving)
        {
            return OpenWriter(path, fullPath, options, StoreSchema.Migrations, migrateOnly: false)!;
        }

        var store = OpenReader(path, fullPath, options);
        if (store._db.UserVersion < StoreSchema.CurrentVersion)
        {
            // An older schema: migrate under the writer's lock, then read.
            store.Dispose();
            OpenWriter(path, fullPath, options with { ReadOnly = false }, StoreSchema.Migrations, migrateOnly: true)?.Dispose();
            store = OpenReader(path, fullPath, options);
        }

        if (!options.Serving)
        {
            return store;
        }

        // The review app keeps the reader's engine but no lock: each operation takes its own (PolicyStore.Access.cs).
        var held = store._lifetimeLock!;
        var serving = new PolicyStore(fullPath, store._session, AccessMode.Serving, options, null) { _generation = held.Generation() };
        held.Dispose();
        return serving;
    }

    private static DatabaseFileState Inspect(string path, string fullPath, bool mustExist)
    {
        var state = DatabaseFile.Inspect(fullPath);
        if (mustExist && state is DatabaseFileState.Missing or DatabaseFileState.Empty)
        {
            throw new StoreException($"{path}: no database here");
        }

        // Refused before any lock too, so a foreign file does not even get a lock file beside it.
        if (DatabaseFile.Refusal(path, state) is { } refusal)
        {
            throw new StoreException(refusal);
        }

        return state;
    }

    /// <summary>Opens as the one writer; with <paramref name="migrateOnly"/>, returns null when the schema is already current.</summary>
    private static PolicyStore? OpenWriter(string path, string fullPath, StoreOpenOptions options, IReadOnlyList<StoreMigration> migrations, bool migrateOnly)
    {
        Inspect(path, fullPath, mustExist: migrateOnly);
        if (Path.GetDirectoryName(fullPath) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        var owner = StoreLock.OwnerFileOf(fullPath);
        var writer = StoreLock.Acquire(
            StoreLock.WriterLockOf(fullPath),
            exclusive: true,
            options.Wait ? null : TimeSpan.Zero,
            () => StoreLock.Holder(owner),
            options.OnWaiting,
            options.CancellationToken,
            owner,
            options.Purpose);
        StoreLock? data = null;
        try
        {
            // Creating the file, replaying a killed writer's log into it, and migrating write: readers wait for those only.
            StoreLock Exclusive() => data ??= StoreLock.Acquire(
                StoreLock.DataLockOf(fullPath), exclusive: true, null, () => "readers", options.OnWaiting, options.CancellationToken, quietFor: StoreLock.QuietFor);
            if (DatabaseFile.Inspect(fullPath) is DatabaseFileState.Missing or DatabaseFileState.Empty || new FileInfo(LogPathOf(fullPath)) is { Exists: true, Length: > 0 })
            {
                Exclusive();
            }

            var store = OpenUnlocked(path, fullPath, readOnly: false, migrations, AccessMode.Writer, options, writer, () => Exclusive());
            if (migrateOnly && !store._migrated)
            {
                store._session.Dispose();
                writer.Dispose();
                return null;
            }

            if (data is not null)
            {
                store._db.Checkpoint();
                data.Bump();
            }

            return store;
        }
        catch
        {
            writer.Dispose();
            throw;
        }
        finally
        {
            data?.Dispose();
        }
    }

    /// <summary>LiteDB's write-ahead log beside a database file (<c>name-log.ext</c>).</summary>
    internal static string LogPathOf(string database) =>
        Path.Combine(Path.GetDirectoryName(database) ?? "", Path.GetFileNameWithoutExtension(database) + "-log" + Path.GetExtension(database));

    private static PolicyStore OpenReader(string path, string fullPath, StoreOpenOptions options)
    {
        Inspect(path, fullPath, mustExist: true);
        var owner = StoreLock.OwnerFileOf(fullPath);
        // Shared with other readers; a writer holds it only while it commits.
        var held = StoreLock.Acquire(
            StoreLock.DataLockOf(fullPath), exclusive: false, ServingPatience, () => StoreLock.Holder(owner), options.OnWaiting, options.CancellationToken, quietFor: StoreLock.QuietFor);
        try
        {
            return OpenUnlocked(path, fullPath, readOnly: true, StoreSchema.Migrations, AccessMode.Reader, options, held);
        }
        catch
        {
            held.Dispose();
            throw;
        }
    }

    internal static PolicyStore Open(string path, IReadOnlyList<StoreMigration> migrations)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var fullPath = Path.GetFullPath(path);
        if (Path.GetDirectoryName(fullPath) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        return OpenUnlocked(path, fullPath, readOnly: false, migrations, AccessMode.Owner, new StoreOpenOptions(), null);
    }

    private bool _migrated;

    /// <summary>True when opening this store migrated it to the current schema (its file then holds the old records'
    /// space until <see cref="Safety.StoreMaintenance.Compact"/>).</summary>
    public bool Migrated => _migrated;

    private static PolicyStore OpenUnlocked(
        string path, string fullPath, bool readOnly, IReadOnlyList<StoreMigration> migrations, AccessMode mode, StoreOpenOptions options, StoreLock? held, Action? beforeMigrating = null)
    {
        // Checked under the lock: LiteDB would truncate or overwrite a file it does not recognise.
        if (DatabaseFile.Refusal(path, DatabaseFile.Inspect(fullPath)) is { } refusal)
        {
            throw new StoreException(refusal);
        }

        LiteDatabase db;
        try
        {
            var connection = new ConnectionString { Filename = fullPath, Connection = ConnectionType.Direct, ReadOnly = readOnly };
            db = StoreMapper.Open(connection);
        }
        catch (Exception e) when (e is not (IOException or UnauthorizedAccessException or OutOfMemoryException))
        {
            throw new StoreException(StoreException.Damaged(path, e), e);
        }

        var migrated = false;
        try
        {
            if (!readOnly)
            {
                if (db.UserVersion < (migrations.Count == 0 ? 0 : migrations[^1].Version))
                {
                    beforeMigrating?.Invoke();
                }

                migrated = Migrate(db, migrations, path);
            }
            else if (db.UserVersion > (migrations.Count == 0 ? 0 : migrations[^1].Version))
            {
                throw new StoreException(
                    $"{path}: database schema v{db.UserVersion} is newer than this PolicyMiner understands; use a newer PolicyMiner");
            }
        }
        catch (Exception e) when (e is LiteException)
        {
            db.Dispose();
            throw new StoreException(StoreException.Damaged(path, e), e);
        }
        catch
        {
            db.Dispose();
            throw;
        }

        return new PolicyStore(fullPath, Session.Of(db), mode, options, held) { _migrated = migrated };
    }

    /// <summary>Runs the migrations the database has not had; true when it ran any.</summary>
    private static bool Migrate(LiteDatabase db, IReadOnlyList<StoreMigration> migrations, string path)
    {
        var ran = false;
        var version = db.UserVersion;
        var latest = migrations.Count == 0 ? 0 : migrations[^1].Version;
        if (version > latest)
        {
            throw new StoreException(
                $"{path}: database schema v{version} is newer than this PolicyMiner understands (v{latest}); use a newer PolicyMiner");
        }

        foreach (var migration in migrations)
        {
            if (migration.Version <= version)
            {
                continue;
            }

            db.BeginTrans();
            try
            {
                migration.Apply(db);
                db.Commit();
            }
            catch
            {
                db.Rollback();
                throw;
            }

            db.UserVersion = migration.Version;
            migration.AfterCommit?.Invoke(db);
            ran = true;
        }

        return ran;
    }

    // ---------------------------------------------------------------- ingest runs

    /// <summary>Records the start of an ingest run; its end stays empty until <see cref="CompleteRun"/>.</summary>
    public IngestRun BeginRun(string toolVersion, string extractorVersion, IReadOnlyList<string> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var entity = new IngestRunEntity
        {
            StartedAt = DateTime.UtcNow,
            ToolVersion = toolVersion,
            ExtractorVersion = extractorVersion,
            Inputs = [.. inputs],
        };
        InTransaction(() => _runs.Insert(entity));
        return ToRun(entity);
    }

    /// <summary>Records the end of an ingest run and its final counts.</summary>
    public IngestRun CompleteRun(int runId, IngestCounts counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        using var scope = Writing();
        var entity = _runs.FindById(runId) ?? throw new ArgumentException($"No ingest run {runId}.", nameof(runId));
        entity.EndedAt = DateTime.UtcNow;
        entity.Files = counts.Files;
        entity.Added = counts.Added;
        entity.Updated = counts.Updated;
        entity.Unchanged = counts.Unchanged;
        entity.Failed = counts.Failed;
        entity.Targets = counts.Targets;
        entity.Duplicates = counts.Duplicates;
        InTransaction(() => _runs.Update(entity));
        return ToRun(entity);
    }

    /// <summary>Every ingest run, oldest first.</summary>
    public IReadOnlyList<IngestRun> Runs()
    {
        using var scope = Reading();
        return [.. _runs.Query().OrderBy(x => x.Id).ToEnumerable().Select(ToRun)];
    }

    /// <summary>Records files that could not be ingested, in one transaction.</summary>
    public void RecordFailures(int runId, IReadOnlyList<(string Path, string Reason)> failures)
    {
        ArgumentNullException.ThrowIfNull(failures);
        if (failures.Count == 0)
        {
            return;
        }

        var now = DateTime.UtcNow;
        InTransaction(() =>
        {
            foreach (var (path, reason) in failures)
            {
                _errors.Insert(new IngestErrorEntity { RunId = runId, Path = path, Reason = reason, At = now });
            }
        });
    }

    /// <summary>Files that failed, for one run or for all runs.</summary>
    public IReadOnlyList<IngestFailure> Failures(int? runId = null)
    {
        using var scope = Reading();
        var query = _errors.Query();
        if (runId is { } id)
        {
            query = query.Where(x => x.RunId == id);
        }

        return [.. query.OrderBy(x => x.Id).ToEnumerable().Select(e => new IngestFailure(e.RunId, e.Path, e.Reason, e.At))];
    }

    // ---------------------------------------------------------------- documents

    /// <summary>Content hash → extractor version of every stored document, and of every file folded into one as a duplicate:
    /// lets a batch skip unchanged files before reading them (a folded scan is not read by OCR again on every run).</summary>
    public FrozenDictionary<string, string> KnownDocuments()
    {
        using var scope = Reading();
        var projection = BsonExpression.Create($"{{ id: $._id, version: $.{DocumentBson.ExtractorVersion}, folded: $.{DocumentBson.SourceHashes} }}");
        var known = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var d in _db.GetCollection(StoreSchema.Documents).Query().Select(projection).ToEnumerable())
        {
            var version = _session.Names.NameOf(d["version"]);
            known[d["id"].AsString] = version;
            if (d["folded"] is { IsArray: true } folded)
            {
                foreach (var hash in folded.AsArray)
                {
                    known.TryAdd(hash.AsString, version);
                }
            }
        }

        return known.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Stores one document and its targets in one transaction.</summary>
    public DocumentWriteResult SaveDocument(DocumentExtraction extraction, int runId = 0) =>
        SaveDocuments([extraction], runId)[0].Result;

    /// <summary>Stores documents with their targets in one transaction (all or none), replacing earlier versions.</summary>
    /// <remarks>
    /// A document whose content is stored by the same extractor version is left alone. Earlier contents of the same
    /// source path, and the same content from another extractor version, are replaced: their unreviewed targets are
    /// deleted and their reviewed targets are carried over to the new document (see <see cref="CarryOver"/>).
    /// </remarks>
    public IReadOnlyList<DocumentWrite> SaveDocuments(IReadOnlyList<DocumentExtraction> extractions, int runId = 0)
    {
        ArgumentNullException.ThrowIfNull(extractions);
        var results = new DocumentWrite[extractions.Count];
        var now = DateTime.UtcNow;
        InTransaction(() =>
        {
            // The largest pack key is read once per transaction, not once per document: each read is a LiteDB query, a
            // few percent of the writer's time in a batch. Nothing else writes packs while the transaction holds the store.
            var keys = new PackKeys(() => NextKey());
            for (var i = 0; i < extractions.Count; i++)
            {
                results[i] = Write(extractions[i], runId, now, keys);
            }
        });
        Interlocked.Increment(ref _writes);
        return results;
    }

    private DocumentWrite Write(DocumentExtraction extraction, int runId, DateTime now, PackKeys keys)
    {
        var document = extraction.Document;
        var id = document.ContentHash;
        var path = StoreMapper.SourcePathOf(document);
        var storedKeys = StoredKeys;
        var existing = storedKeys.MayHoldId(id) ? _documents.FindById(id) : null;
        if (existing is not null && existing.ExtractorVersion == extraction.ExtractorVersion)
        {
            return DocumentWrite.Unchanged;
        }

        DocumentEntity? replaced = null;
        if (existing is null && document.Fingerprint is { } fingerprint && Duplicates.Find(fingerprint, id, path, stored => SameDocument(stored, document.Metadata)) is { } original)
        {
            if (!SourcePreference.Replaces(original, document.Format, path, id, save: folded => _documents.Update(folded)))
            {
                // The same text from another file (another format, a copy): one document with one more source.
                return DocumentWrite.Folded;
            }

            // The preferred copy came after the stored one (in this batch or a later run): it becomes the document, the
            // stored one one of its sources, replaced as an earlier version would be (reviewed targets carried over).
            replaced = original;
        }

        // Parameterised expressions: LiteDB translates a lambda anew on every call, and caches parsed expressions by
        // their text, so a value must never be spelled into it (Query.EQ does, and the cache would grow per document).
        var superseded = storedKeys.MayHoldPath(path)
            ? _documents.Find(BsonExpression.Create($"$.{DocumentBson.SourcePath} = @0", new BsonValue(path))).Where(d => d.Id != id).ToList()
            : [];
        if (existing is not null)
        {
            superseded.Add(existing);
        }

        if (replaced is not null)
        {
            superseded.Add(replaced);
            Duplicates.Remove(replaced.Id);
        }

        // The new version takes over the pack key of the one it replaces, so the ids of reviewed targets carried over stay valid.
        var key = existing?.Key is > 0 and var own ? own : superseded.FirstOrDefault(d => d.Key > 0)?.Key ?? 0;
        var reviewed = new List<TargetEntity>();
        foreach (var old in superseded)
        {
            var targets = TargetsOfDocument(old);
            foreach (var target in targets.Where(t => StoreMapper.ParseReviewState(t.ReviewState) != ReviewState.Unreviewed))
            {
                // Explicit before it moves: the extraction it came from is the old document's, not the new one's.
                StoreMapper.Inherit(target, old);
                reviewed.Add(target);
            }

            if (old.Key > 0)
            {
                DeleteTargets(old, targets);
            }

            if (old.Id != id)
            {
                _documents.Delete(old.Id);
                DeleteContent(old.Id);
            }
        }

        var freshKey = key == 0;
        if (freshKey)
        {
            key = keys.Next();
        }

        var entity = StoreMapper.ToEntity(document, extraction.Targets.Count, extraction.ExtractorVersion, now, runId);
        entity.Key = key;
        if (replaced is not null)
        {
            entity.TakeOver(replaced);
        }

        if (reviewed.Count == 0)
        {
            // The usual case: the pack compressed by the worker that extracted it, ids numbered 1, 2, … in it.
            SetReviewCounts(entity, extraction.Targets);
            var pack = TargetPack.Record(key, id, extraction.PackedTargets, extraction.Targets.Count);
            if (freshKey)
            {
                // No pack has a key past the largest in use: an insert, without the update Upsert tries first.
                _packs.Insert(pack);
            }
            else
            {
                _packs.Upsert(pack);
            }
        }
        else
        {
            var fresh = extraction.Targets.Select(t => StoredTargetFor(t, document, extraction.ExtractorVersion, now)).ToList();
            CarryOver(reviewed, fresh, document);
            foreach (var target in reviewed)
            {
                target.DocumentExtraction = (extraction.ExtractorVersion, now);
            }

            var targets = reviewed.Concat(fresh).ToList();
            SaveTargets(entity, targets, document.Text);
            SetReviewCounts(entity, targets);
            entity.TargetCount = targets.Count;
        }

        if (existing is null)
        {
            _documents.Insert(entity);
        }
        else
        {
            _documents.Update(entity);
        }

        storedKeys.Add(id, entity.SourcePath);

        WriteContent(extraction);
        if (document.Fingerprint is { } stored)
        {
            Duplicates.Add(id, stored, entity);
        }

        return DocumentWrite.Stored(replaced, superseded.Count > 0, runId);
    }

    /// <summary>A fresh target as stored; without an id, which its pack gives it (<see cref="SaveTargets"/>).</summary>
    private static TargetEntity StoredTargetFor(PolicyTarget target, PolicyDocument document, string extractorVersion, DateTime now)
    {
        var entity = StoreMapper.ToEntity(target, document, extractorVersion, now);
        entity.Id = ObjectId.Empty;
        return entity;
    }

    /// <summary>
    /// Moves reviewed targets onto the new version of their document. A reviewed target replaces its re-extracted twin
    /// (same quote, value and unit; else same quote and indicator; else same quote), taking the twin's offsets and, field by
    /// field, every value the editor did not review; one without a twin is relocated by its quote, or kept as stale when
    /// the quote is gone.
    /// </summary>
    internal static void CarryOver(List<TargetEntity> reviewed, List<TargetEntity> fresh, PolicyDocument document)
    {
        foreach (var target in reviewed)
        {
            var twin = fresh.FindIndex(f => f.Quote == target.Quote && f.Value.Equals(target.Value)
                && Nullable.Equals(f.ValueMax, target.ValueMax) && f.Unit == target.Unit);
            if (twin < 0)
            {
                twin = fresh.FindIndex(f => f.Quote == target.Quote && f.Indicator == target.Indicator);
            }

            if (twin < 0)
            {
                // A correction may have changed both the value and the indicator; the quote still names the same words.
                twin = fresh.FindIndex(f => f.Quote == target.Quote);
            }

            if (twin >= 0)
            {
                var match = fresh[twin];
                (target.Start, target.End, target.SourceStart, target.SourceEnd) = (match.Start, match.End, match.SourceStart, match.SourceEnd);
                TakeUnreviewedFields(match, target);
                target.Stale = false;
                fresh.RemoveAt(twin);
            }
            else if (target.Quote.Length > 0 && document.Text.IndexOf(target.Quote, StringComparison.Ordinal) is var at and >= 0)
            {
                var source = document.OffsetMap.ToSource(new TextSpan(at, at + target.Quote.Length));
                (target.Start, target.End, target.SourceStart, target.SourceEnd) = (at, at + target.Quote.Length, source.Start, source.End);
                target.Stale = false;
            }
            else
            {
                target.Stale = true;
            }

            StoreMapper.AttachTo(target, document);
        }
    }

    // Near copies are one document only when nothing identifying differs: title, number, region, plan year and date.
    internal static bool SameDocument(MetadataEntity stored, Core.Documents.DocumentMetadata read) =>
        Agree(stored.Title, read.Title) && Agree(stored.DocNumber, read.DocNumber) && Agree(stored.Region, read.Region)
        && Agree(stored.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture), read.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture))
        && Agree(stored.Date, read.Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

    private static bool Agree(string? a, string? b) => a is null || b is null || a == b;

    /// <summary>Fingerprints of the stored documents, loaded on first use and kept up to date by this store's writes.</summary>
    private DuplicateIndex Duplicates => _duplicates ??= DuplicateIndex.Load(_documents, id => _documents.FindById(id));

    /// <summary>Ids and source paths of the stored documents, loaded on first use and kept up to date by this store's writes.</summary>
    private StoredKeys StoredKeys => _storedKeys ??= StoredKeys.Load(_db.GetCollection(StoreSchema.Documents));

    /// <summary>Ids of the stored contents, loaded on first use and kept up to date by this store's writes.</summary>
    private StoredContents StoredContents => _storedContents ??= StoredContents.Load(_db.GetCollection(StoreSchema.Contents));

    /// <summary>Number of stored documents.</summary>
    public int DocumentCount
    {
        get
        {
            using var scope = Reading();
            return _documents.Count();
        }
    }

    /// <summary>Number of stored targets, reviewed and rejected ones included.</summary>
    public int TargetCount
    {
        get
        {
            using var scope = Reading();
            return _packs.Query().Select(BsonExpression.Create($"{{ n: $.{TargetPack.Count} }}")).ToEnumerable().Sum(p => p["n"].AsInt32);
        }
    }

    /// <summary>Every stored document without its text, ordered by region, plan year and file name.</summary>
    public IReadOnlyList<DocumentSummary> Documents()
    {
        using var scope = Reading();
        return [.. _documents.FindAll().Select(StoreMapper.ToSummary)
            .OrderBy(d => d.Metadata.Region ?? "\uffff", StringComparer.Ordinal)
            .ThenBy(d => d.Metadata.Year ?? int.MaxValue)
            .ThenBy(d => d.SourceName, StringComparer.Ordinal)];
    }

    /// <summary>For every document whose text also arrived in other files (duplicates folded into it): those files' full paths, by document id.</summary>
    /// <remarks>Documents without folded sources are left out, so the answer is small; the document's own path is its <see cref="DocumentSummary.SourcePath"/>.</remarks>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> FoldedSources()
    {
        using var scope = Reading();
        return _documents.FindAll()
            .Where(d => d.Sources.Count > 0)
            .ToDictionary(d => d.Id, d => (IReadOnlyList<string>)[.. d.Sources], StringComparer.Ordinal);
    }

    /// <summary>The other files a document's text arrived in (duplicates folded into it), full paths; empty when none or unknown.</summary>
    public IReadOnlyList<string> FoldedSourcesOf(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        using var scope = Reading();
        return _documents.FindById(id)?.Sources is { Count: > 0 } sources ? [.. sources] : [];
    }

    /// <summary>A stored document with its text, by content hash; null if unknown.</summary>
    public StoredDocument? GetDocument(string id)
    {
        using var scope = Reading();
        var entity = _documents.FindById(id);
        if (entity is null)
        {
            return null;
        }

        var (content, text) = ContentOf(id);
        return StoreMapper.ToStored(entity, content, text);
    }

    /// <summary>A document's content record with its sections and diagnostics filled in, and its text.</summary>
    private (DocumentContentEntity? Content, string Text) ContentOf(string id)
    {
        var content = _contents.FindById(id);
        if (content?.TextBytes is { } textBytes && content.Packed is not null)
        {
            // Schema v7 on: text and layout in one stream.
            var bytes = PackedText.UnpackBytes(PiecesOf(content));
            if (bytes.Length > textBytes)
            {
                PackedLayout.Fill(content, bytes[textBytes..]);
            }

            return (content, System.Text.Encoding.UTF8.GetString(bytes, 0, textBytes));
        }

        content = PackedLayout.Unpack(content);
        return (content, TextOf(content));
    }

    // The text is stored once, compressed, in pieces that each fit in a record (see PackedText).
    private void WriteContent(DocumentExtraction extraction)
    {
        var document = extraction.Document;
        var (packed, textBytes) = extraction.PackedContent;
        var pieces = PackedText.Split(packed);
        // Sections and diagnostics travel inside the packed stream (mapped by the worker that packed it), not as fields.
        var content = new DocumentContentEntity { Id = document.ContentHash, Packed = pieces[0], Chunks = pieces.Count - 1, TextBytes = textBytes };
        var known = StoredContents;
        if (known.MayHold(content.Id))
        {
            _contents.Upsert(content);
        }
        else
        {
            // No content with this id was ever stored: an insert, without the lookup Upsert makes first.
            _contents.Insert(content);
            known.Add(content.Id);
        }

        for (var i = 1; i < pieces.Count; i++)
        {
            _chunks.Upsert(new ContentChunkEntity { Id = PackedText.ChunkId(document.ContentHash, i), Data = pieces[i] });
        }
    }

    private void DeleteContent(string id)
    {
        var chunks = _contents.FindById(id)?.Chunks ?? 0;
        _contents.Delete(id);
        for (var i = 1; i <= chunks; i++)
        {
            _chunks.Delete(PackedText.ChunkId(id, i));
        }
    }

    private string TextOf(DocumentContentEntity? content)
    {
        if (content?.Packed is not { } first)
        {
            // Written by schema v1: the text as a plain string.
            return content?.Text ?? "";
        }

        if (content.TextBytes is { } textBytes)
        {
            return System.Text.Encoding.UTF8.GetString(PackedText.UnpackBytes(PiecesOf(content)), 0, textBytes);
        }

        return PackedText.Unpack(PiecesOf(content));
    }

    private List<byte[]> PiecesOf(DocumentContentEntity content)
    {
        var pieces = new List<byte[]>(content.Chunks + 1) { content.Packed! };
        for (var i = 1; i <= content.Chunks; i++)
        {
            pieces.Add(_chunks.FindById(PackedText.ChunkId(content.Id, i))?.Data
                ?? throw new StoreException($"{FilePath}: the text of document {content.Id} is missing piece {i}; run `policyminer db check`"));
        }

        return pieces;
    }

    // ---------------------------------------------------------------- targets

    /// <summary>Targets matching every given filter, each with its document, ordered by document and position.</summary>
    public IReadOnlyList<StoredTarget> QueryTargets(TargetQuery query)
    {
        using var scope = Reading();
        ArgumentNullException.ThrowIfNull(query);
        var keys = DocumentsOf(query);
        if (keys is { Count: 0 })
        {
            return [];
        }

        // Unfiltered queries touch most documents: one scan beats a lookup per document.
        var unfiltered = query with { IncludeRejected = true } == TargetQuery.All with { IncludeRejected = true };
        var documents = unfiltered
            ? _documents.FindAll().ToDictionary(d => d.Id, StoreMapper.ToSummary, StringComparer.Ordinal)
            : new Dictionary<string, DocumentSummary>(StringComparer.Ordinal);
        var results = new List<StoredTarget>();
        foreach (var raw in PacksOf(keys).SelectMany(pack => TargetPack.DecodeRaw(pack, StoredTextOf)))
        {
            if (!Matches(query, raw))
            {
                continue;
            }

            var entity = _db.Mapper.ToObject<TargetEntity>(raw);
            if (!documents.TryGetValue(entity.DocumentId, out var summary))
            {
                var owner = _documents.FindById(entity.DocumentId);
                if (owner is null)
                {
                    continue;
                }

                summary = StoreMapper.ToSummary(owner);
                documents.Add(entity.DocumentId, summary);
            }

            results.Add(StoreMapper.ToStored(entity, summary));
        }

        results.Sort(static (a, b) =>
        {
            var byDocument = string.CompareOrdinal(a.Document.SourcePath, b.Document.SourcePath);
            return byDocument != 0 ? byDocument : a.Target.Start.CompareTo(b.Target.Start);
        });
        return results;
    }

    /// <summary>Whether a raw target passes a query's own filters (year, category, indicator id, review state); the
    /// document filters chose the packs it came from.</summary>
    private static bool Matches(TargetQuery query, BsonDocument raw)
    {
        if (query.Year is { } year && !(raw[TargetBson.Year] is { IsNumber: true } y && y.AsInt32 == year))
        {
            return false;
        }

        if (query.Category is { } category && !(raw[TargetBson.Category] is { IsString: true } c && c.AsString == category))
        {
            return false;
        }

        if (query.IndicatorId is { } indicatorId && !(raw[TargetBson.IndicatorId] is { IsString: true } i && i.AsString == indicatorId))
        {
            return false;
        }

        var state = StoreMapper.ParseReviewState(raw[TargetBson.ReviewState] is { IsString: true } s ? s.AsString : null);
        if (!query.IncludeRejected && state == ReviewState.Rejected)
        {
            return false;
        }

        return !query.ReviewedOnly || state is ReviewState.Accepted or ReviewState.Corrected;
    }

    /// <summary>
    /// Targets matching every given filter, each with its document, in the order of <see cref="QueryTargets"/>, read lean:
    /// no review or extraction details, and no mapper, for reports over the whole store.
    /// </summary>
    /// <remarks>
    /// Reads raw BSON and maps it by hand; documents are read once into a dictionary, and repeated strings (file names,
    /// indicators, units, categories) share one instance, so 300k+ targets fit in far less memory than <see cref="QueryTargets"/>.
    /// </remarks>
    public IReadOnlyList<TargetRow> ReadTargets(TargetQuery query)
    {
        using var scope = Reading();
        ArgumentNullException.ThrowIfNull(query);
        var keys = DocumentsOf(query);
        if (keys is { Count: 0 })
        {
            return [];
        }

        var documents = _documents.FindAll().ToDictionary(d => d.Id, StoreMapper.ToSummary, StringComparer.Ordinal);
        var strings = new StringPool();
        var results = new List<TargetRow>();
        foreach (var raw in PacksOf(keys).SelectMany(pack => TargetPack.DecodeRaw(pack, StoredTextOf)))
        {
            if (!Matches(query, raw) || !documents.TryGetValue(raw[TargetBson.DocumentId].AsString, out var summary))
            {
                continue;
            }

            results.Add(new TargetRow(summary, StoreMapper.ToTarget(raw, summary, strings)) { TargetId = raw["_id"].AsObjectId.ToString(), Review = StoreMapper.ReviewOf(raw) });
        }

        results.Sort(static (a, b) =>
        {
            var byDocument = string.CompareOrdinal(a.Document.SourcePath, b.Document.SourcePath);
            return byDocument != 0 ? byDocument : a.Target.Start.CompareTo(b.Target.Start);
        });
        return results;
    }

    /// <summary>Records a reviewer's verdict on a target, and the corrected record when the verdict is a correction.</summary>
    /// <returns>False when no target has that id.</returns>
    public bool Review(string targetId, TargetReview review, PolicyTarget? correction = null)
    {
        using var scope = Writing();
        ArgumentNullException.ThrowIfNull(review);
        if (!IsObjectId(targetId))
        {
            return false;
        }

        var updated = false;
        InTransaction(() =>
        {
            if (FindTarget(targetId) is not { } found)
            {
                return;
            }

            StoreMapper.ApplyReview(found.Target, review, correction);
            SaveTargets(found.Document, found.Pack);
            Recount(found.Document, found.Pack);
            updated = true;
        });
        Interlocked.Increment(ref _writes);
        return updated;
    }

    /// <summary>The documents a query's document, region and plan-year filters allow; null when it has none of them.</summary>
    /// <remarks>Region and plan year are the document's (schema v4 keeps no copy on each target), so they are answered by
    /// the documents collection (its region and plan-year indexes) and the targets then read by their document index.</remarks>
    private Dictionary<string, int>? DocumentsOf(TargetQuery query)
    {
        if (query.Document is null && query.Region is null && query.PlanYear is null)
        {
            return null;
        }

        var documents = _db.GetCollection(StoreSchema.Documents).Query();
        if (query.Region is { } region)
        {
            documents = documents.Where(BsonExpression.Create($"({DocumentBson.RegionPath} = @0 OR {DocumentBson.ProvincePath} = @0)", new BsonValue(region)));
        }

        if (query.PlanYear is { } planYear)
        {
            documents = documents.Where(BsonExpression.Create($"{DocumentBson.YearPath} = @0", new BsonValue(planYear)));
        }

        var keys = documents.Select(BsonExpression.Create($"{{ i: $._id, k: $.{DocumentBson.Key} }}")).ToEnumerable()
            .ToDictionary(d => d["i"].AsString, d => d["k"].IsNumber ? d["k"].AsInt32 : 0, StringComparer.Ordinal);
        if (query.Document is { } document)
        {
            var named = ResolveDocuments(document).ToHashSet(StringComparer.Ordinal);
            foreach (var id in keys.Keys.Where(id => !named.Contains(id)).ToList())
            {
                keys.Remove(id);
            }
        }

        return keys;
    }

    private List<string> ResolveDocuments(string document)
    {
        if (document.Length >= 8 && document.All(char.IsAsciiHexDigitLower))
        {
            var byId = _documents.Query().Where(x => x.Id.StartsWith(document)).Select(x => x.Id).ToList();
            if (byId.Count > 0)
            {
                return byId;
            }
        }

        var fullPath = Path.GetFullPath(document);
        // One pass over names and paths (an OR that LiteDB scans for anyway); the name is absent when the path ends in it.
        var projection = BsonExpression.Create($"{{ i: $._id, n: $.{DocumentBson.SourceName}, p: $.{DocumentBson.SourcePath} }}");
        return [.. _db.GetCollection(StoreSchema.Documents).Query().Select(projection).ToEnumerable()
            .Where(d => d["p"].IsString
                && ((d["n"].IsString ? d["n"].AsString : Path.GetFileName(d["p"].AsString)) == document || d["p"].AsString == fullPath || d["p"].AsString == document))
            .Select(d => d["i"].AsString)];
    }

    private static bool IsObjectId(string id) => id is { Length: 24 } && id.All(char.IsAsciiHexDigit);

    private void InTransaction(Action write)
    {
        using var scope = Writing();
        var owned = _db.BeginTrans();
        try
        {
            write();
            if (owned)
            {
                _db.Commit();
            }
        }
        catch
        {
            if (owned)
            {
                _db.Rollback();
                // A code assigned inside the transaction went with it, and so did the duplicate index's changes (a
                // document it forgot as replaced is still stored): reloaded on next use.
                _session.Names.Forget();
                _duplicates = null;
            }

            throw;
        }
    }

    private static IngestRun ToRun(IngestRunEntity e) => new(
        e.Id,
        e.StartedAt,
        e.EndedAt,
        e.ToolVersion,
        e.ExtractorVersion,
        e.Inputs,
        new IngestCounts(e.Files, e.Added, e.Updated, e.Unchanged, e.Failed, e.Targets, e.Duplicates));

    /// <summary>Closes the database; a writer first takes the data lock, since LiteDB's close may still write.</summary>
    public void Dispose()
    {
        lock (_access)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            try
            {
                if (_mode == AccessMode.Writer)
                {
                    using var data = StoreLock.Acquire(
                        StoreLock.DataLockOf(FilePath), exclusive: true, null, () => "readers", _options.OnWaiting, CancellationToken.None, quietFor: StoreLock.QuietFor);
                    _session.Dispose();
                    data.Bump();
                }
                else
                {
                    _session.Dispose();
                }
            }
            finally
            {
                // Released only after LiteDB has closed (and checkpointed) the file.
                _lifetimeLock?.Dispose();
            }
        }
    }

    private bool _disposed;
}
