using System.Collections.Frozen;
using System.Globalization;
using LiteDB;
using Npgsql;
using NpgsqlTypes;
using PolicyMiner.Core.Documents;
using PolicyMiner.Core.Targets;
using PolicyMiner.Storage.Entities;

namespace PolicyMiner.Storage.Postgres;

/// <summary>The PolicyMiner database on a PostgreSQL server, shared by a team: several ingest workers and editors at once.</summary>
/// <remarks>
/// Same contract and same records as the LiteDB <see cref="PolicyStore"/> (the entity shapes are shared, kept as JSONB);
/// re-extraction carries reviewed targets over with the same rules. A document and its targets are written in one
/// transaction. Every call takes a pooled connection, so the store may be used from any thread; review changes lock
/// the target's row and check its version, so editors on several servers cannot overwrite each other.
/// </remarks>
public sealed partial class PostgresPolicyStore : IPolicyStore
{
    private readonly NpgsqlDataSource _source;
    private readonly Lock _writeLock = new();
    private DuplicateIndex? _duplicates;
    private long _duplicatesSeen;
    private NpgsqlConnection? _writing;
    private NpgsqlTransaction? _writingTransaction;

    private PostgresPolicyStore(NpgsqlDataSource source, string location, int schemaVersion)
    {
        _source = source;
        Location = location;
        SchemaVersion = schemaVersion;
    }

    /// <inheritdoc/>
    public string Location { get; }

    /// <inheritdoc/>
    public bool IsFile => false;

    /// <inheritdoc/>
    public int SchemaVersion { get; }

    /// <summary>Opens the database <paramref name="database"/> names (a postgres:// URL or an Npgsql connection string).</summary>
    /// <remarks>A writer migrates an older schema on open (one transaction, under an advisory lock); a reader refuses it and names <c>db migrate</c>.</remarks>
    /// <exception cref="StoreException">Unreachable, refused, not migrated (for a reader) or migrated by a newer PolicyMiner.</exception>
    public static PostgresPolicyStore Open(string database, StoreOpenOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = PostgresLocation.Parse(database);
        var location = PostgresLocation.Describe(builder);
        builder.ApplicationName ??= "policyminer " + options.Purpose;
        var source = NpgsqlDataSource.Create(builder);
        try
        {
            using var connection = Connect(source, location);
            var version = PostgresSchema.VersionOf(connection);
            if (!options.ReadOnly)
            {
                PostgresSchema.Migrate(connection, location);
                version = PostgresSchema.VersionOf(connection);
            }
            else if (version == 0)
            {
                throw new StoreException($"{location}: no PolicyMiner database here; run `policyminer db migrate --db URL` or ingest into it first");
            }
            else if (version > PostgresSchema.CurrentVersion)
            {
                throw new StoreException(PostgresSchema.Newer(location, version));
            }
            else if (version < PostgresSchema.CurrentVersion)
            {
                throw new StoreException($"{location}: database schema v{version} is older than this PolicyMiner's (v{PostgresSchema.CurrentVersion}); run `policyminer db migrate --db URL`");
            }

            return new PostgresPolicyStore(source, location, version);
        }
        catch
        {
            source.Dispose();
            throw;
        }
    }

    /// <summary>Applies every pending migration to the database <paramref name="database"/> names; returns what was applied.</summary>
    public static (string Location, int Version, IReadOnlyList<string> Applied) Migrate(string database)
    {
        var builder = PostgresLocation.Parse(database);
        var location = PostgresLocation.Describe(builder);
        using var source = NpgsqlDataSource.Create(builder);
        using var connection = Connect(source, location);
        var applied = PostgresSchema.Migrate(connection, location);
        return (location, PostgresSchema.VersionOf(connection), applied);
    }

    private static NpgsqlConnection Connect(NpgsqlDataSource source, string location)
    {
        try
        {
            return source.OpenConnection();
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            var reason = (e is PostgresException pg ? pg.MessageText : e.Message).ReplaceLineEndings(" ");
            throw new StoreException($"{location}: cannot connect to the PostgreSQL server ({reason})", e);
        }
    }

    internal NpgsqlConnection OpenConnection() => _source.OpenConnection();

    // ---------------------------------------------------------------- ingest runs

    /// <inheritdoc/>
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
        using var connection = OpenConnection();
        entity.Id = Convert.ToInt32(Scalar(connection, null, "INSERT INTO ingest_runs (body) VALUES ($1) RETURNING id", Json(entity)), CultureInfo.InvariantCulture);
        return ToRun(entity);
    }

    /// <inheritdoc/>
    public IngestRun CompleteRun(int runId, IngestCounts counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        using var connection = OpenConnection();
        var body = Scalar(connection, null, "SELECT body::text FROM ingest_runs WHERE id = $1", runId) as string
            ?? throw new ArgumentException($"No ingest run {runId}.", nameof(runId));
        var entity = PostgresJson.Read<IngestRunEntity>(body);
        entity.Id = runId;
        entity.EndedAt = DateTime.UtcNow;
        (entity.Files, entity.Added, entity.Updated, entity.Unchanged) = (counts.Files, counts.Added, counts.Updated, counts.Unchanged);
        (entity.Failed, entity.Targets, entity.Duplicates) = (counts.Failed, counts.Targets, counts.Duplicates);
        Execute(connection, null, "UPDATE ingest_runs SET body = $2 WHERE id = $1", runId, Json(entity));
        return ToRun(entity);
    }

    /// <inheritdoc/>
    public IReadOnlyList<IngestRun> Runs()
    {
        using var connection = OpenConnection();
        return Rows(connection, null, "SELECT id, body::text FROM ingest_runs ORDER BY id", [], r =>
        {
            var entity = PostgresJson.Read<IngestRunEntity>(r.GetString(1));
            entity.Id = r.GetInt32(0);
            return ToRun(entity);
        });
    }

    /// <inheritdoc/>
    public void RecordFailures(int runId, IReadOnlyList<(string Path, string Reason)> failures)
    {
        ArgumentNullException.ThrowIfNull(failures);
        if (failures.Count == 0)
        {
            return;
        }

        using var connection = OpenConnection();
        Execute(connection, null, "INSERT INTO ingest_errors (run_id, path, reason, at) SELECT $1, p, r, $4 FROM unnest($2::text[], $3::text[]) AS f (p, r)",
            runId, failures.Select(f => f.Path).ToArray(), failures.Select(f => f.Reason).ToArray(), DateTime.UtcNow);
    }

    /// <inheritdoc/>
    public IReadOnlyList<IngestFailure> Failures(int? runId = null)
    {
        using var connection = OpenConnection();
        return Rows(connection, null, "SELECT run_id, path, reason, at FROM ingest_errors WHERE $1::integer IS NULL OR run_id = $1 ORDER BY id",
            [runId is { } id ? id : DBNull.Value], r => new IngestFailure(r.GetInt32(0), r.GetString(1), r.GetString(2), r.GetDateTime(3)));
    }

    private static IngestRun ToRun(IngestRunEntity e) => new(
        e.Id,
        e.StartedAt,
        e.EndedAt,
        e.ToolVersion,
        e.ExtractorVersion,
        e.Inputs,
        new IngestCounts(e.Files, e.Added, e.Updated, e.Unchanged, e.Failed, e.Targets, e.Duplicates));

    // ---------------------------------------------------------------- documents

    /// <inheritdoc/>
    public FrozenDictionary<string, string> KnownDocuments()
    {
        using var connection = OpenConnection();
        var known = new Dictionary<string, string>(StringComparer.Ordinal);
        var rows = Rows(connection, null, "SELECT id, extractor_version, COALESCE(body->'SourceHashes', '[]'::jsonb)::text FROM documents", [],
            r => (Id: r.GetString(0), Version: r.GetString(1), Folded: r.GetString(2)));
        foreach (var (id, version, folded) in rows)
        {
            known[id] = version;
            // Files folded into a document as duplicates are known by their own hash, so a re-run skips them unread.
            foreach (var hash in PostgresJson.Read<string[]>(folded))
            {
                known.TryAdd(hash, version);
            }
        }

        return known.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> FoldedSources()
    {
        using var connection = OpenConnection();
        return DocumentsWhere(connection, null, "jsonb_array_length(COALESCE(body->'Sources', '[]'::jsonb)) > 0")
            .ToDictionary(d => d.Id, d => (IReadOnlyList<string>)[.. d.Sources], StringComparer.Ordinal);
    }

    /// <inheritdoc/>
    public IReadOnlyList<string> FoldedSourcesOf(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        using var connection = OpenConnection();
        return DocumentsWhere(connection, null, "id = $1", id).FirstOrDefault()?.Sources is { Count: > 0 } sources ? [.. sources] : [];
    }

    /// <inheritdoc/>
    public DocumentWriteResult SaveDocument(DocumentExtraction extraction, int runId = 0) => SaveDocuments([extraction], runId)[0].Result;

    /// <inheritdoc/>
    /// <remarks>The same rules as the LiteDB store: unchanged content is left alone, a document at a known path or from
    /// another extractor version replaces the old one, whose reviewed targets are carried over.</remarks>
    public IReadOnlyList<DocumentWrite> SaveDocuments(IReadOnlyList<DocumentExtraction> extractions, int runId = 0)
    {
        ArgumentNullException.ThrowIfNull(extractions);
        var results = new DocumentWrite[extractions.Count];
        var now = DateTime.UtcNow;
        lock (_writeLock)
        {
            using var connection = OpenConnection();
            using var transaction = connection.BeginTransaction();
            (_writing, _writingTransaction) = (connection, transaction);
            try
            {
                // Writers on every machine take turns (reading and extraction, most of the time, still run in parallel):
                // each then sees every document committed before it, so the same text is stored once.
                Execute(connection, transaction, $"SELECT pg_advisory_xact_lock({PostgresSchema.DocumentWriteLock})");
                RefreshDuplicates(connection, transaction);
                for (var i = 0; i < extractions.Count; i++)
                {
                    results[i] = Write(connection, transaction, extractions[i], runId, now);
                }

                transaction.Commit();
            }
            catch
            {
                // Fingerprints added by this transaction would point at nothing: reload on the next write.
                _duplicates = null;
                throw;
            }
            finally
            {
                (_writing, _writingTransaction) = (null, null);
            }
        }

        return results;
    }

    private DocumentWrite Write(NpgsqlConnection connection, NpgsqlTransaction transaction, DocumentExtraction extraction, int runId, DateTime now)
    {
        var document = extraction.Document;
        var id = document.ContentHash;
        var path = StoreMapper.SourcePathOf(document);
        // The document itself, any earlier content of the same file, and documents with exactly the same text: one round trip.
        var fingerprint = document.Fingerprint;
        var known = DocumentsWhere(connection, transaction, "id = $1 OR source_path = $2 OR fingerprint = $3 ORDER BY id FOR UPDATE", id, path, (object?)fingerprint?.Exact ?? DBNull.Value);
        var existing = known.Find(d => d.Id == id);
        if (existing is not null && existing.ExtractorVersion == extraction.ExtractorVersion)
        {
            return DocumentWrite.Unchanged;
        }

        DocumentEntity? replaced = null;
        if (existing is null && fingerprint is not null && FindDuplicate(known, fingerprint, id, path, document.Metadata) is { } original)
        {
            if (!SourcePreference.Replaces(original, document.Format, path, id,
                    save: folded => Execute(connection, transaction, "UPDATE documents SET body = $2 WHERE id = $1", folded.Id, Json(folded))))
            {
                // The same text from another file (another format, a copy): one document with one more source.
                return DocumentWrite.Folded;
            }

            // The preferred copy came after the stored one: it becomes the document, the stored one one of its sources.
            replaced = original;
        }

        var superseded = known.FindAll(d => d.Id != id && d.SourcePath == path);
        if (existing is not null)
        {
            superseded.Add(existing);
        }

        if (replaced is not null)
        {
            superseded.Add(replaced);
            _duplicates?.Remove(replaced.Id);
        }

        var reviewed = new List<TargetEntity>();
        foreach (var old in superseded)
        {
            reviewed.AddRange(TargetsWhere(connection, transaction, "document_id = $1 AND review_state <> 'unreviewed'", old.Id));
            Execute(connection, transaction, "DELETE FROM targets WHERE document_id = $1", old.Id);
            if (old.Id != id)
            {
                Execute(connection, transaction, "DELETE FROM documents WHERE id = $1", old.Id);
            }
        }

        var fresh = extraction.Targets.Select(t => StoreMapper.ToEntity(t, document, extraction.ExtractorVersion, now)).ToList();
        PolicyStore.CarryOver(reviewed, fresh, document);
        var entity = StoreMapper.ToEntity(document, reviewed.Count + fresh.Count, extraction.ExtractorVersion, now, runId);
        if (replaced is not null)
        {
            entity.TakeOver(replaced);
        }

        PolicyStore.SetReviewCounts(entity, reviewed.Concat(fresh));
        // The document, its text and its targets in one round trip.
        using var batch = new NpgsqlBatch(connection, transaction);
        batch.BatchCommands.Add(BatchCommand("INSERT INTO documents (id, body) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET body = EXCLUDED.body", id, Json(entity)));
        batch.BatchCommands.Add(BatchCommand(
            "INSERT INTO contents (id, packed, body) VALUES ($1, $2, $3) ON CONFLICT (id) DO UPDATE SET packed = EXCLUDED.packed, body = EXCLUDED.body",
            id, extraction.PackedText, Json(StoreMapper.ToContent(document, [], 0))));
        if (TargetInsert([.. reviewed, .. fresh]) is { } targets)
        {
            batch.BatchCommands.Add(targets);
        }

        batch.ExecuteNonQuery();
        if (document.Fingerprint is { } stored)
        {
            Duplicates(connection, transaction).Add(id, stored);
        }

        return DocumentWrite.Stored(replaced, superseded.Count > 0, runId);
    }

    /// <summary>A stored document with the same or nearly the same text: by exact fingerprint in the table (other workers'
    /// documents included), then by MinHash among the documents this store has seen.</summary>
    private DocumentEntity? FindDuplicate(List<DocumentEntity> known, Core.Text.TextFingerprint fingerprint, string id, string path, DocumentMetadata metadata) =>
        known.Find(d => d.Fingerprint == fingerprint.Exact && d.Id != id && d.SourcePath != path)
        ?? _duplicates!.Find(fingerprint, id, path, stored => PolicyStore.SameDocument(stored, metadata));

    private DuplicateIndex Duplicates(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        if (_duplicates is null)
        {
            _duplicatesSeen = 0;
            _duplicates = DuplicateIndex.From([], candidate => _writing is { } writing ? DocumentsWhere(writing, _writingTransaction, "id = $1", candidate).FirstOrDefault() : null);
            RefreshDuplicates(connection, transaction);
        }

        return _duplicates;
    }

    /// <summary>Adds the fingerprints of documents stored (by any worker) since this store last looked.</summary>
    private void RefreshDuplicates(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        if (_duplicates is not { } index)
        {
            Duplicates(connection, transaction);
            return;
        }

        var rows = Rows(connection, transaction, "SELECT seq, id, fingerprint, body ->> 'MinHash' FROM documents WHERE seq > $1 ORDER BY seq", [_duplicatesSeen],
            r => (Seq: r.GetInt64(0), Id: r.GetString(1), Exact: r.IsDBNull(2) ? null : r.GetString(2), MinHash: r.IsDBNull(3) ? null : r.GetString(3)));
        foreach (var row in rows)
        {
            if (row.Exact is not null && row.MinHash is not null && Core.Text.TextFingerprint.FromStored(row.Exact, row.MinHash) is { } fingerprint)
            {
                index.Add(row.Id, fingerprint);
            }

            _duplicatesSeen = row.Seq;
        }
    }

    internal static void InsertTargets(NpgsqlConnection connection, NpgsqlTransaction? transaction, IReadOnlyList<TargetEntity> targets)
    {
        if (TargetInsert(targets) is not { } insert)
        {
            return;
        }

        using var batch = new NpgsqlBatch(connection, transaction) { BatchCommands = { insert } };
        batch.ExecuteNonQuery();
    }

    /// <summary>One statement inserting every target (ids given to those without); null when there are none.</summary>
    private static NpgsqlBatchCommand? TargetInsert(IReadOnlyList<TargetEntity> targets)
    {
        if (targets.Count == 0)
        {
            return null;
        }

        foreach (var target in targets)
        {
            if (target.Id == ObjectId.Empty)
            {
                target.Id = ObjectId.NewObjectId();
            }
        }

        var command = new NpgsqlBatchCommand("INSERT INTO targets (id, document_id, body) SELECT * FROM unnest($1::text[], $2::text[], $3::jsonb[])");
        command.Parameters.Add(new() { Value = targets.Select(t => t.Id.ToString()).ToArray() });
        command.Parameters.Add(new() { Value = targets.Select(t => t.DocumentId).ToArray() });
        command.Parameters.Add(new() { Value = targets.Select(t => PostgresJson.Write(t)).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb });
        return command;
    }

    private static NpgsqlBatchCommand BatchCommand(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(value as NpgsqlParameter ?? new NpgsqlParameter { Value = value });
        }

        return command;
    }

    /// <inheritdoc/>
    public int DocumentCount
    {
        get
        {
            using var connection = OpenConnection();
            return Convert.ToInt32(Scalar(connection, null, "SELECT count(*) FROM documents"), CultureInfo.InvariantCulture);
        }
    }

    /// <inheritdoc/>
    public int TargetCount
    {
        get
        {
            using var connection = OpenConnection();
            return Convert.ToInt32(Scalar(connection, null, "SELECT count(*) FROM targets"), CultureInfo.InvariantCulture);
        }
    }

    /// <inheritdoc/>
    public IReadOnlyList<DocumentSummary> Documents()
    {
        using var connection = OpenConnection();
        return [.. DocumentsWhere(connection, null, "true").Select(StoreMapper.ToSummary)
            .OrderBy(d => d.Metadata.Region ?? "\uffff", StringComparer.Ordinal)
            .ThenBy(d => d.Metadata.Year ?? int.MaxValue)
            .ThenBy(d => d.SourceName, StringComparer.Ordinal)];
    }

    /// <inheritdoc/>
    public StoredDocument? GetDocument(string id)
    {
        using var connection = OpenConnection();
        if (DocumentsWhere(connection, null, "id = $1", id).FirstOrDefault() is not { } entity)
        {
            return null;
        }

        var (content, text) = ContentOf(connection, null, id);
        return StoreMapper.ToStored(entity, content, text);
    }

    internal static (DocumentContentEntity? Content, string Text) ContentOf(NpgsqlConnection connection, NpgsqlTransaction? transaction, string id)
    {
        var row = Rows(connection, transaction, "SELECT packed, body::text FROM contents WHERE id = $1", [id], r => ((byte[])r[0], r.GetString(1))).FirstOrDefault();
        if (row.Item2 is null)
        {
            return (null, "");
        }

        var content = PostgresJson.Read<DocumentContentEntity>(row.Item2);
        return (content, PackedText.Unpack([row.Item1]));
    }

    // ---------------------------------------------------------------- targets

    /// <inheritdoc/>
    public IReadOnlyList<StoredTarget> QueryTargets(TargetQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        using var connection = OpenConnection();
        return Sorted(Matching(connection, query).Select(m => StoreMapper.ToStored(m.Target, m.Document)).ToList(), t => t.Document.SourcePath, t => t.Target.Start);
    }

    /// <inheritdoc/>
    public IReadOnlyList<TargetRow> ReadTargets(TargetQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        using var connection = OpenConnection();
        var rows = Matching(connection, query).Select(m =>
        {
            var stored = StoreMapper.ToStored(m.Target, m.Document);
            var review = stored.Review.State == ReviewState.Unreviewed ? TargetReview.None : stored.Review;
            return new TargetRow(m.Document, stored.Target) { TargetId = stored.Id, Review = review };
        }).ToList();
        return Sorted(rows, r => r.Document.SourcePath, r => r.Target.Start);
    }

    private static List<T> Sorted<T>(List<T> items, Func<T, string> path, Func<T, int> start)
    {
        items.Sort((a, b) =>
        {
            var byDocument = string.CompareOrdinal(path(a), path(b));
            return byDocument != 0 ? byDocument : start(a).CompareTo(start(b));
        });
        return items;
    }

    /// <summary>Targets matching a query, each with its document's summary (read once per document).</summary>
    private List<(TargetEntity Target, DocumentSummary Document)> Matching(NpgsqlConnection connection, TargetQuery query)
    {
        var where = new List<string>();
        var values = new List<object>();
        string Next(object value)
        {
            values.Add(value);
            return "$" + values.Count.ToString(CultureInfo.InvariantCulture);
        }

        if (query.Document is { } document)
        {
            var ids = ResolveDocuments(connection, document);
            if (ids.Count == 0)
            {
                return [];
            }

            where.Add($"t.document_id = ANY({Next(ids.ToArray())})");
        }

        if (query.Region is { } region)
        {
            var p = Next(region);
            where.Add($"(t.region = {p} OR t.province = {p})");
        }

        if (query.Year is { } year)
        {
            where.Add($"t.year = {Next(year)}");
        }

        if (query.PlanYear is { } planYear)
        {
            where.Add($"t.plan_year = {Next(planYear)}");
        }

        if (query.Category is { } category)
        {
            where.Add($"t.category = {Next(category)}");
        }

        if (query.IndicatorId is { } indicatorId)
        {
            where.Add($"t.indicator_id = {Next(indicatorId)}");
        }

        if (!query.IncludeRejected)
        {
            where.Add("t.review_state IS DISTINCT FROM 'rejected'");
        }

        if (query.ReviewedOnly)
        {
            where.Add("t.review_state IN ('accepted', 'corrected')");
        }

        var sql = "SELECT t.id, t.body::text, t.document_id FROM targets t" + (where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : "");
        var targets = Rows(connection, null, sql, [.. values], ReadTarget);
        var documents = new Dictionary<string, DocumentSummary>(StringComparer.Ordinal);
        var needed = targets.Select(t => t.DocumentId).Distinct(StringComparer.Ordinal).ToArray();
        foreach (var entity in DocumentsWhere(connection, null, "id = ANY($1)", (object)needed))
        {
            documents[entity.Id] = StoreMapper.ToSummary(entity);
        }

        return [.. targets.Where(t => documents.ContainsKey(t.DocumentId)).Select(t => (t, documents[t.DocumentId]))];
    }

    private static List<string> ResolveDocuments(NpgsqlConnection connection, string document)
    {
        if (document.Length >= 8 && document.All(char.IsAsciiHexDigitLower))
        {
            var byId = Rows(connection, null, "SELECT id FROM documents WHERE starts_with(id, $1)", [document], r => r.GetString(0));
            if (byId.Count > 0)
            {
                return byId;
            }
        }

        return Rows(connection, null, "SELECT id FROM documents WHERE source_name = $1 OR source_path = $2 OR source_path = $1",
            [document, Path.GetFullPath(document)], r => r.GetString(0));
    }

    // ---------------------------------------------------------------- rows

    internal static List<DocumentEntity> DocumentsWhere(NpgsqlConnection connection, NpgsqlTransaction? transaction, string condition, params object[] values) =>
        Rows(connection, transaction, $"SELECT id, body::text FROM documents WHERE {condition}", values, ReadDocument);

    internal static List<TargetEntity> TargetsWhere(NpgsqlConnection connection, NpgsqlTransaction? transaction, string condition, params object[] values) =>
        Rows(connection, transaction, $"SELECT id, body::text, document_id FROM targets WHERE {condition}", values, ReadTarget);

    internal static DocumentEntity ReadDocument(NpgsqlDataReader r)
    {
        var entity = PostgresJson.Read<DocumentEntity>(r.GetString(1));
        entity.Id = r.GetString(0);
        return entity;
    }

    internal static TargetEntity ReadTarget(NpgsqlDataReader r)
    {
        var entity = PostgresJson.Read<TargetEntity>(r.GetString(1));
        entity.Id = new ObjectId(r.GetString(0));
        entity.DocumentId = r.GetString(2);
        return entity;
    }

    internal static NpgsqlParameter Json<T>(T value) => new() { Value = PostgresJson.Write(value), NpgsqlDbType = NpgsqlDbType.Jsonb };

    internal static List<T> Rows<T>(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, object[] values, Func<NpgsqlDataReader, T> read)
    {
        using var command = Command(connection, transaction, sql, values);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    internal static int Execute(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, params object[] values)
    {
        using var command = Command(connection, transaction, sql, values);
        return command.ExecuteNonQuery();
    }

    internal static object? Scalar(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, params object[] values)
    {
        using var command = Command(connection, transaction, sql, values);
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, object[] values)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var value in values)
        {
            command.Parameters.Add(value as NpgsqlParameter ?? new NpgsqlParameter { Value = value });
        }

        return command;
    }

    public void Dispose() => _source.Dispose();
}
