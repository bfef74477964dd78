using PolicyMiner.Storage.Entities;
using PolicyMiner.Storage.Reviewing;
using PolicyMiner.Storage.Transfer;

namespace PolicyMiner.Storage.Postgres;

/// <summary>The PostgreSQL store's records as they are, for <see cref="StoreCopy"/>.</summary>
public sealed partial class PostgresPolicyStore : IStoreTransfer
{
    IEnumerable<DocumentRecord> IStoreTransfer.ReadDocuments()
    {
        List<string> ids;
        using (var connection = OpenConnection())
        {
            ids = Rows(connection, null, "SELECT id FROM documents ORDER BY id COLLATE \"C\"", [], r => r.GetString(0));
        }

        foreach (var id in ids)
        {
            using var connection = OpenConnection();
            if (DocumentsWhere(connection, null, "id = $1", id).FirstOrDefault() is not { } document)
            {
                continue;
            }

            var (content, text) = ContentOf(connection, null, id);
            var targets = TargetsWhere(connection, null, "document_id = $1 ORDER BY start_offset, id", id);
            yield return new DocumentRecord(document, content, text, targets);
        }
    }

    void IStoreTransfer.WriteDocuments(IReadOnlyList<DocumentRecord> documents)
    {
        using var connection = OpenConnection();
        using var transaction = connection.BeginTransaction();
        foreach (var (document, content, text, targets) in documents)
        {
            Execute(connection, transaction, "INSERT INTO documents (id, body) VALUES ($1, $2)", document.Id, Json(document));
            var stored = new DocumentContentEntity { Id = document.Id, Sections = content?.Sections ?? [], Diagnostics = content?.Diagnostics ?? [] };
            Execute(connection, transaction, "INSERT INTO contents (id, packed, body) VALUES ($1, $2, $3)", document.Id, PackedText.Pack(text), Json(stored));
            InsertTargets(connection, transaction, targets);
        }

        transaction.Commit();
        _duplicates = null;
    }

    IReadOnlyList<ReviewAuditEntry> IStoreTransfer.ReadAudit()
    {
        using var connection = OpenConnection();
        return Rows(connection, null, "SELECT target_id, document_id, version, user_name, at, action, field, before, after FROM review_audit ORDER BY id",
            [], r => new ReviewAuditEntry(r.GetString(0), r.GetString(1), r.GetInt32(2), r.GetString(3), r.GetDateTime(4),
                r.GetString(5), r.GetString(6), r.IsDBNull(7) ? null : r.GetString(7), r.IsDBNull(8) ? null : r.GetString(8)));
    }

    void IStoreTransfer.WriteAudit(IReadOnlyList<ReviewAuditEntry> entries)
    {
        using var connection = OpenConnection();
        InsertAudit(connection, null, entries);
    }

    void IStoreTransfer.WriteRuns(IReadOnlyList<IngestRun> runs, IReadOnlyList<IngestFailure> failures)
    {
        using var connection = OpenConnection();
        using var transaction = connection.BeginTransaction();
        foreach (var run in runs)
        {
            var entity = new IngestRunEntity
            {
                StartedAt = run.StartedAt, EndedAt = run.EndedAt, ToolVersion = run.ToolVersion, ExtractorVersion = run.ExtractorVersion,
                Inputs = [.. run.Inputs], Files = run.Counts.Files, Added = run.Counts.Added, Updated = run.Counts.Updated,
                Unchanged = run.Counts.Unchanged, Failed = run.Counts.Failed, Targets = run.Counts.Targets, Duplicates = run.Counts.Duplicates,
            };
            Execute(connection, transaction, "INSERT INTO ingest_runs (id, body) VALUES ($1, $2)", run.Id, Json(entity));
        }

        // Runs keep their ids; the next new run continues after the highest.
        Execute(connection, transaction, "SELECT setval(pg_get_serial_sequence('ingest_runs', 'id'), greatest((SELECT max(id) FROM ingest_runs), 1))");
        if (failures.Count > 0)
        {
            Execute(connection, transaction, "INSERT INTO ingest_errors (run_id, path, reason, at) SELECT * FROM unnest($1::integer[], $2::text[], $3::text[], $4::timestamptz[])",
                failures.Select(f => f.RunId).ToArray(), failures.Select(f => f.Path).ToArray(), failures.Select(f => f.Reason).ToArray(),
                failures.Select(f => f.At.ToUniversalTime()).ToArray());
        }

        transaction.Commit();
    }
}
