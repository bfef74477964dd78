using Npgsql;

namespace PolicyMiner.Storage.Postgres;

/// <summary>The tables of a PolicyMiner database on PostgreSQL and the ordered migrations that build them.</summary>
/// <remarks>
/// Each record is kept whole as JSONB (<c>body</c>, the same entity shape the LiteDB store writes), and the columns that
/// queries filter, order or join on are generated from it, so a row can never disagree with its own columns. The schema
/// version is the highest row of <c>policyminer_schema</c>. Migrations run in one transaction under an advisory lock, so
/// several workers starting at once migrate once; a database migrated by a newer PolicyMiner is refused.
/// </remarks>
internal static class PostgresSchema
{
    /// <summary>Every migration, in version order starting at 1.</summary>
    public static IReadOnlyList<(int Version, string Description, string Sql)> Migrations { get; } =
    [
        (1, "documents, contents, targets, review audit, ingest runs and errors with their indexes", Version1),
        (2, "ingest work table: files by content hash, claimed by workers under a lease", Version2),
    ];

    /// <summary>The version a database has after every migration ran.</summary>
    public static int CurrentVersion => Migrations[^1].Version;

    // Any constants: the keys of the advisory locks that serialise migrations, and document writes, across processes.
    private const long MigrationLock = 0x506f6c4d696e6572;

    /// <summary>Held by each document-writing transaction, so duplicate detection sees every document committed before it.</summary>
    public const long DocumentWriteLock = 0x506f6c4d696e6573;

    private const string Version1 = """
        CREATE TABLE documents (
            id text PRIMARY KEY,
            -- Insertion order: a writer reads the fingerprints of documents other workers stored since it last looked.
            seq bigint GENERATED ALWAYS AS IDENTITY,
            body jsonb NOT NULL,
            metadata jsonb GENERATED ALWAYS AS (body -> 'Metadata') STORED,
            source_path text GENERATED ALWAYS AS (body ->> 'SourcePath') STORED,
            source_name text GENERATED ALWAYS AS (body ->> 'SourceName') STORED,
            extractor_version text GENERATED ALWAYS AS (body ->> 'ExtractorVersion') STORED,
            region text GENERATED ALWAYS AS (body -> 'Metadata' ->> 'Region') STORED,
            province text GENERATED ALWAYS AS (body -> 'Metadata' ->> 'Province') STORED,
            plan_year integer GENERATED ALWAYS AS ((body -> 'Metadata' ->> 'Year')::integer) STORED,
            fingerprint text GENERATED ALWAYS AS (body ->> 'Fingerprint') STORED,
            pending integer GENERATED ALWAYS AS ((body ->> 'Pending')::integer) STORED,
            accepted integer GENERATED ALWAYS AS ((body ->> 'Accepted')::integer) STORED,
            corrected integer GENERATED ALWAYS AS ((body ->> 'Corrected')::integer) STORED,
            rejected integer GENERATED ALWAYS AS ((body ->> 'Rejected')::integer) STORED,
            min_confidence double precision GENERATED ALWAYS AS ((body ->> 'MinConfidence')::double precision) STORED
        );
        CREATE INDEX documents_source_path ON documents (source_path);
        -- The review app pages documents in ordinal path order, whatever the database's collation.
        CREATE INDEX documents_source_path_ordinal ON documents (source_path COLLATE "C");
        CREATE INDEX documents_source_name ON documents (source_name);
        CREATE INDEX documents_region ON documents (region);
        CREATE INDEX documents_province ON documents (province);
        CREATE INDEX documents_plan_year ON documents (plan_year);
        CREATE INDEX documents_fingerprint ON documents (fingerprint);
        CREATE INDEX documents_seq ON documents (seq);

        CREATE TABLE contents (
            id text PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
            packed bytea NOT NULL,
            body jsonb NOT NULL
        );

        CREATE TABLE targets (
            id text PRIMARY KEY,
            document_id text NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
            body jsonb NOT NULL,
            version integer GENERATED ALWAYS AS ((body ->> 'Version')::integer) STORED,
            region text GENERATED ALWAYS AS (body ->> 'Region') STORED,
            province text GENERATED ALWAYS AS (body ->> 'Province') STORED,
            year integer GENERATED ALWAYS AS ((body ->> 'Year')::integer) STORED,
            plan_year integer GENERATED ALWAYS AS ((body ->> 'PlanYear')::integer) STORED,
            category text GENERATED ALWAYS AS (body ->> 'Category') STORED,
            indicator_id text GENERATED ALWAYS AS (body ->> 'IndicatorId') STORED,
            review_state text GENERATED ALWAYS AS (body ->> 'ReviewState') STORED,
            confidence double precision GENERATED ALWAYS AS ((body ->> 'Confidence')::double precision) STORED,
            start_offset integer GENERATED ALWAYS AS ((body ->> 'Start')::integer) STORED
        );
        CREATE INDEX targets_document ON targets (document_id);
        CREATE INDEX targets_region ON targets (region);
        CREATE INDEX targets_province ON targets (province);
        CREATE INDEX targets_year ON targets (year);
        CREATE INDEX targets_plan_year ON targets (plan_year);
        CREATE INDEX targets_category ON targets (category);
        CREATE INDEX targets_indicator ON targets (indicator_id);
        CREATE INDEX targets_review_queue ON targets (review_state, confidence);

        -- Only ever inserted: the trail outlives re-ingest, and a merged or split target keeps its history.
        CREATE TABLE review_audit (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            target_id text NOT NULL,
            document_id text NOT NULL,
            version integer NOT NULL,
            user_name text NOT NULL,
            at timestamptz NOT NULL,
            action text NOT NULL,
            field text NOT NULL,
            before text,
            after text
        );
        CREATE INDEX review_audit_target ON review_audit (target_id);

        CREATE TABLE ingest_runs (
            id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            body jsonb NOT NULL
        );

        CREATE TABLE ingest_errors (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            run_id integer NOT NULL,
            path text NOT NULL,
            reason text NOT NULL,
            at timestamptz NOT NULL
        );
        CREATE INDEX ingest_errors_run ON ingest_errors (run_id);
        """;

    private const string Version2 = """
        -- One row per file content: the first worker to claim it (SKIP LOCKED) reads it; a lease that runs out lets
        -- another worker take over the file of a worker that died.
        CREATE TABLE ingest_work (
            hash text PRIMARY KEY,
            path text NOT NULL,
            extractor_version text NOT NULL,
            state text NOT NULL DEFAULT 'pending',
            worker text,
            lease_until timestamptz,
            attempts integer NOT NULL DEFAULT 0,
            outcome text,
            reason text,
            updated_at timestamptz NOT NULL DEFAULT now()
        );
        CREATE INDEX ingest_work_claimable ON ingest_work (state, lease_until);
        """;

    /// <summary>The schema version of the database on <paramref name="connection"/>; 0 for one without PolicyMiner tables.</summary>
    public static int VersionOf(NpgsqlConnection connection)
    {
        using (var exists = new NpgsqlCommand("SELECT to_regclass('policyminer_schema') IS NOT NULL", connection))
        {
            if (exists.ExecuteScalar() is not true)
            {
                return 0;
            }
        }

        using var command = new NpgsqlCommand("SELECT coalesce(max(version), 0) FROM policyminer_schema", connection);
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Brings the database up to <see cref="CurrentVersion"/>; returns the migrations applied (none when current).</summary>
    /// <exception cref="StoreException">The database was migrated by a newer PolicyMiner.</exception>
    public static IReadOnlyList<string> Migrate(NpgsqlConnection connection, string location)
    {
        using var transaction = connection.BeginTransaction();
        Execute(connection, transaction, $"SELECT pg_advisory_xact_lock({MigrationLock})");
        Execute(connection, transaction, """
            CREATE TABLE IF NOT EXISTS policyminer_schema (
                version integer PRIMARY KEY,
                description text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now())
            """);
        var version = VersionOf(connection);
        if (version > CurrentVersion)
        {
            throw new StoreException(Newer(location, version));
        }

        var applied = new List<string>();
        foreach (var (number, description, sql) in Migrations)
        {
            if (number <= version)
            {
                continue;
            }

            Execute(connection, transaction, sql);
            using var record = new NpgsqlCommand("INSERT INTO policyminer_schema (version, description) VALUES ($1, $2)", connection, transaction);
            record.Parameters.Add(new() { Value = number });
            record.Parameters.Add(new() { Value = description });
            record.ExecuteNonQuery();
            applied.Add($"v{number}: {description}");
        }

        transaction.Commit();
        return applied;
    }

    public static string Newer(string location, int version) =>
        $"{location}: database schema v{version} is newer than this PolicyMiner understands (v{CurrentVersion}); use a newer PolicyMiner";

    private static void Execute(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection, transaction);
        command.ExecuteNonQuery();
    }
}
