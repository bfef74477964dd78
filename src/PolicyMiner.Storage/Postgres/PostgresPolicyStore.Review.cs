using LiteDB;
using Npgsql;
using PolicyMiner.Core.Targets;
using PolicyMiner.Storage.Entities;
using PolicyMiner.Storage.Reviewing;

namespace PolicyMiner.Storage.Postgres;

/// <summary>Review operations on PostgreSQL: the LiteDB store's rules, with the target's row locked and its version checked.</summary>
/// <remarks>
/// Each change reads the target <c>FOR UPDATE</c>, refuses a save against an older version (a conflict carrying the edits
/// made since), and writes the target only <c>WHERE version</c> is still the one read, with its audit entries and the
/// document's counts, in one transaction. Editors on several servers therefore never overwrite each other.
/// </remarks>
public sealed partial class PostgresPolicyStore
{
    /// <inheritdoc/>
    public StoredTarget? GetTarget(string targetId)
    {
        if (!IsObjectId(targetId))
        {
            return null;
        }

        using var connection = OpenConnection();
        return TargetsWhere(connection, null, "id = $1", targetId).FirstOrDefault() is { } entity
            && SummaryOf(connection, null, entity.DocumentId) is { } summary
            ? StoreMapper.ToStored(entity, summary)
            : null;
    }

    /// <inheritdoc/>
    public IReadOnlyList<StoredTarget> TargetsOf(string documentId)
    {
        using var connection = OpenConnection();
        if (DocumentsWhere(connection, null, "id = $1", documentId).FirstOrDefault() is not { } document)
        {
            return [];
        }

        var summary = StoreMapper.ToSummary(document);
        return [.. TargetsWhere(connection, null, "document_id = $1", documentId).Select(t => StoreMapper.ToStored(t, summary))
            .OrderBy(t => t.Target.Start).ThenBy(t => t.Target.End)];
    }

    /// <inheritdoc/>
    public IReadOnlyList<ReviewAuditEntry> AuditOf(string targetId)
    {
        using var connection = OpenConnection();
        return AuditOf(connection, null, targetId);
    }

    private static List<ReviewAuditEntry> AuditOf(NpgsqlConnection connection, NpgsqlTransaction? transaction, string targetId) =>
        Rows(connection, transaction, "SELECT target_id, document_id, version, user_name, at, action, field, before, after FROM review_audit WHERE target_id = $1 ORDER BY id",
            [targetId], r => new ReviewAuditEntry(r.GetString(0), r.GetString(1), r.GetInt32(2), r.GetString(3), r.GetDateTime(4),
                r.GetString(5), r.GetString(6), r.IsDBNull(7) ? null : r.GetString(7), r.IsDBNull(8) ? null : r.GetString(8)));

    /// <inheritdoc/>
    public bool Review(string targetId, TargetReview review, PolicyTarget? correction = null)
    {
        ArgumentNullException.ThrowIfNull(review);
        if (!IsObjectId(targetId))
        {
            return false;
        }

        return InTransaction((connection, transaction) =>
        {
            if (TargetsWhere(connection, transaction, "id = $1 FOR UPDATE", targetId).FirstOrDefault() is not { } entity)
            {
                return false;
            }

            StoreMapper.ApplyReview(entity, review, correction);
            UpdateTarget(connection, transaction, entity);
            RecountDocument(connection, transaction, entity.DocumentId);
            return true;
        });
    }

    /// <inheritdoc/>
    public ReviewOutcome Accept(string targetId, int? expectedVersion, string? user, string? note = null) =>
        Verdict(targetId, expectedVersion, user, ReviewState.Accepted, note);

    /// <inheritdoc/>
    public ReviewOutcome Reject(string targetId, int? expectedVersion, string? user, string? note = null) =>
        Verdict(targetId, expectedVersion, user, ReviewState.Rejected, note);

    /// <inheritdoc/>
    public ReviewOutcome Correct(string targetId, int? expectedVersion, string? user, IReadOnlyDictionary<string, string> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        return Change(targetId, expectedVersion, (entity, log) => TargetFields.Correct(entity, changes, log), user, ReviewState.Corrected);
    }

    /// <inheritdoc/>
    public ReviewOutcome AddTarget(string documentId, int start, int end, string? user, IReadOnlyDictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return InTransaction((connection, transaction) =>
        {
            if (DocumentsWhere(connection, transaction, "id = $1 FOR UPDATE", documentId).FirstOrDefault() is not { } document)
            {
                return ReviewOutcome.Refused($"no document {documentId}");
            }

            var text = ContentOf(connection, transaction, documentId).Text;
            var (who, now) = (ReviewEdits.UserOrAnonymous(user), DateTime.UtcNow);
            if (ReviewEdits.RefuseNewSpan(start, end, text.Length, fields) is { } refused
                || ReviewEdits.NewEditorTarget(document, text, start, end, fields, who, now, out refused) is not { } entity)
            {
                return ReviewOutcome.Refused(refused!);
            }

            entity.Id = ObjectId.NewObjectId();
            (entity.SourceStart, entity.SourceEnd) = SourceSpanNear(connection, transaction, documentId, start, end);
            InsertTargets(connection, transaction, [entity]);
            InsertAudit(connection, transaction, ReviewEdits.AddedEntries(entity, who, now));
            var summary = RecountDocument(connection, transaction, documentId);
            return ReviewOutcome.Ok("target added", StoreMapper.ToStored(entity, summary!));
        });
    }

    /// <inheritdoc/>
    public ReviewOutcome Split(string targetId, int? expectedVersion, string? user, int at)
    {
        var split = new QuoteSplit(at);
        var outcome = Change(targetId, expectedVersion, split.Edit, user, ReviewState.Corrected, (connection, transaction, entity, who, now) =>
        {
            var entry = split.Finish(entity, ObjectId.NewObjectId(), who, now);
            InsertTargets(connection, transaction, [split.Second!]);
            InsertAudit(connection, transaction, [entry]);
        });
        if (outcome.Saved && split.Second is { } second && outcome.Target is { } first)
        {
            return outcome with { Targets = [.. outcome.Targets, StoreMapper.ToStored(second, first.Document)] };
        }

        return outcome;
    }

    /// <inheritdoc/>
    public ReviewOutcome Merge(string keepId, int? keepVersion, string duplicateId, int? duplicateVersion, string? user)
    {
        if (keepId == duplicateId)
        {
            return ReviewOutcome.Refused("a target cannot be merged with itself");
        }

        TargetEntity? duplicate = null;
        return Change(keepId, keepVersion, ReviewEdits.KeepInMerge(() => duplicate!, duplicateId), user, ReviewState.Accepted, (connection, transaction, entity, who, now) =>
        {
            var entries = ReviewEdits.RejectAsDuplicate(duplicate!, duplicateId, keepId, who, now);
            UpdateTarget(connection, transaction, duplicate!);
            InsertAudit(connection, transaction, entries);
        }, (connection, transaction) =>
        {
            // Both rows are locked, the duplicate first; its version is checked like the kept target's.
            if (!IsObjectId(duplicateId) || TargetsWhere(connection, transaction, "id = $1 FOR UPDATE", duplicateId).FirstOrDefault() is not { } found)
            {
                return ReviewOutcome.Missing(duplicateId);
            }

            duplicate = found;
            return duplicateVersion is { } version && version != found.Version ? ConflictOf(connection, transaction, found, version) : null;
        });
    }

    /// <inheritdoc/>
    public DocumentPage ListDocuments(DocumentFilter filter, int skip, int take)
    {
        ArgumentNullException.ThrowIfNull(filter);
        skip = Math.Max(0, skip);
        take = Math.Clamp(take, 1, 500);
        var (where, values) = DocumentConditions(filter);
        using var connection = OpenConnection();
        var totals = Rows(connection, null,
            $"SELECT count(*), coalesce(sum(pending), 0), coalesce(sum(accepted), 0), coalesce(sum(corrected), 0), coalesce(sum(rejected), 0) FROM documents WHERE {where}",
            values, r => (Total: (int)r.GetInt64(0), Counts: new ReviewCounts((int)r.GetInt64(1), (int)r.GetInt64(2), (int)r.GetInt64(3), (int)r.GetInt64(4))))[0];
        var page = DocumentsWhere(connection, null, $"{where} ORDER BY source_path COLLATE \"C\" OFFSET {skip} LIMIT {take}", values)
            .Select(d => new ReviewDocument(StoreMapper.ToSummary(d), new ReviewCounts(d.Pending, d.Accepted, d.Corrected, d.Rejected), d.MinConfidence))
            .ToList();
        return new DocumentPage(page, totals.Total, totals.Counts, skip, take);
    }

    private static (string Where, object[] Values) DocumentConditions(DocumentFilter filter)
    {
        var where = new List<string> { "true" };
        var values = new List<object>();
        string Next(object value)
        {
            values.Add(value);
            return "$" + values.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (filter.Region is { } region)
        {
            var p = Next(region);
            where.Add($"(region = {p} OR province = {p})");
        }

        if (filter.Year is { } year)
        {
            where.Add($"plan_year = {Next(year)}");
        }

        if (filter.State is { } state)
        {
            where.Add(state switch
            {
                ReviewState.Accepted => "accepted > 0",
                ReviewState.Corrected => "corrected > 0",
                ReviewState.Rejected => "rejected > 0",
                _ => "pending > 0",
            });
        }

        if (filter.MaxConfidence is { } confidence)
        {
            where.Add($"min_confidence <= {Next(confidence)}");
        }

        if (filter.Category is { } category)
        {
            where.Add($"EXISTS (SELECT 1 FROM targets t WHERE t.document_id = documents.id AND t.category = {Next(category)})");
        }

        return (string.Join(" AND ", where), [.. values]);
    }

    /// <inheritdoc/>
    public IReadOnlyList<StoredTarget> ReviewQueue(int skip, int take)
    {
        skip = Math.Max(0, skip);
        take = Math.Clamp(take, 1, 500);
        using var connection = OpenConnection();
        var targets = TargetsWhere(connection, null, $"review_state = 'unreviewed' ORDER BY confidence, id OFFSET {skip} LIMIT {take}");
        var documents = DocumentsWhere(connection, null, "id = ANY($1)", (object)targets.Select(t => t.DocumentId).Distinct(StringComparer.Ordinal).ToArray())
            .ToDictionary(d => d.Id, StoreMapper.ToSummary, StringComparer.Ordinal);
        return [.. targets.Where(t => documents.ContainsKey(t.DocumentId)).Select(t => StoreMapper.ToStored(t, documents[t.DocumentId]))];
    }

    /// <inheritdoc/>
    public ReviewDocument? GetReviewDocument(string documentId)
    {
        using var connection = OpenConnection();
        return DocumentsWhere(connection, null, "id = $1", documentId).FirstOrDefault() is { } d
            ? new ReviewDocument(StoreMapper.ToSummary(d), new ReviewCounts(d.Pending, d.Accepted, d.Corrected, d.Rejected), d.MinConfidence)
            : null;
    }

    // ---------------------------------------------------------------- internals

    private ReviewOutcome Verdict(string targetId, int? expectedVersion, string? user, ReviewState state, string? note) =>
        Change(targetId, expectedVersion, ReviewEdits.Verdict(state, note), user, state);

    /// <summary>The shape of every single-target change: row lock, version check, edit, audit, save, recount, in one transaction.</summary>
    /// <param name="first">Runs first under the transaction (a merge locks and checks its duplicate); returns an outcome to stop with.</param>
    private ReviewOutcome Change(
        string targetId,
        int? expectedVersion,
        TargetEdit edit,
        string? user,
        ReviewState state,
        Action<NpgsqlConnection, NpgsqlTransaction, TargetEntity, string, DateTime>? alsoWrite = null,
        Func<NpgsqlConnection, NpgsqlTransaction, ReviewOutcome?>? first = null) =>
        InTransaction((connection, transaction) =>
        {
            if (first?.Invoke(connection, transaction) is { } stop)
            {
                return stop;
            }

            if (!IsObjectId(targetId) || TargetsWhere(connection, transaction, "id = $1 FOR UPDATE", targetId).FirstOrDefault() is not { } entity)
            {
                return ReviewOutcome.Missing(targetId);
            }

            if (expectedVersion is { } version && version != entity.Version)
            {
                return ConflictOf(connection, transaction, entity, version);
            }

            var who = ReviewEdits.UserOrAnonymous(user);
            var now = DateTime.UtcNow;
            var applied = ReviewEdits.Apply(entity, targetId, edit, state, who, now);
            if (applied.Refusal is { } reason)
            {
                return ReviewOutcome.Refused(reason);
            }

            if (!applied.Changed)
            {
                return ReviewOutcome.Ok("nothing changed", StoreMapper.ToStored(entity, SummaryOf(connection, transaction, entity.DocumentId)!));
            }

            UpdateTarget(connection, transaction, entity);
            InsertAudit(connection, transaction, applied.Entries);
            alsoWrite?.Invoke(connection, transaction, entity, who, now);
            var summary = RecountDocument(connection, transaction, entity.DocumentId);
            return ReviewOutcome.Ok($"saved (version {entity.Version})", StoreMapper.ToStored(entity, summary!));
        });

    private static ReviewOutcome ConflictOf(NpgsqlConnection connection, NpgsqlTransaction transaction, TargetEntity current, int expectedVersion)
    {
        var id = current.Id.ToString();
        var since = AuditOf(connection, transaction, id).Where(e => e.Version > expectedVersion).ToList();
        var who = since.Count > 0 ? string.Join(", ", since.Select(e => e.User).Distinct()) : "someone";
        var what = since.Count > 0
            ? string.Join("; ", since.Select(e => $"{e.Field}: {e.Before ?? "∅"} → {e.After ?? "∅"}"))
            : "a change";
        var summary = SummaryOf(connection, transaction, current.DocumentId);
        return new ReviewOutcome(
            ReviewStatus.Conflict,
            $"target {id} was changed by {who} since you opened it (version {expectedVersion} → {current.Version}): {what}. Nothing was saved; review it again.",
            summary is null ? [] : [StoreMapper.ToStored(current, summary)],
            since);
    }

    /// <summary>Writes a changed target; the row was locked when read, and the version check guards against any writer that did not lock.</summary>
    private static void UpdateTarget(NpgsqlConnection connection, NpgsqlTransaction transaction, TargetEntity entity)
    {
        var updated = Execute(connection, transaction, "UPDATE targets SET body = $2 WHERE id = $1 AND version = $3", entity.Id.ToString(), Json(entity), entity.Version - 1);
        if (updated != 1)
        {
            throw new StoreException($"target {entity.Id} changed while it was being saved; nothing was saved");
        }
    }

    internal static void InsertAudit(NpgsqlConnection connection, NpgsqlTransaction? transaction, IReadOnlyList<ReviewAuditEntry> entries)
    {
        if (entries.Count == 0)
        {
            return;
        }

        Execute(connection, transaction, """
            INSERT INTO review_audit (target_id, document_id, version, user_name, at, action, field, before, after)
            SELECT * FROM unnest($1::text[], $2::text[], $3::integer[], $4::text[], $5::timestamptz[], $6::text[], $7::text[], $8::text[], $9::text[])
            """,
            entries.Select(e => e.TargetId).ToArray(), entries.Select(e => e.DocumentId).ToArray(), entries.Select(e => e.Version).ToArray(),
            entries.Select(e => e.User).ToArray(), entries.Select(e => e.At.ToUniversalTime()).ToArray(), entries.Select(e => e.Action).ToArray(),
            entries.Select(e => e.Field).ToArray(), entries.Select(e => e.Before).ToArray(), entries.Select(e => e.After).ToArray());
    }

    private static DocumentSummary? SummaryOf(NpgsqlConnection connection, NpgsqlTransaction? transaction, string documentId) =>
        DocumentsWhere(connection, transaction, "id = $1", documentId).FirstOrDefault() is { } d ? StoreMapper.ToSummary(d) : null;

    /// <summary>Brings a document's review counts, lowest confidence and target count up to date from its targets.</summary>
    private static DocumentSummary? RecountDocument(NpgsqlConnection connection, NpgsqlTransaction transaction, string documentId)
    {
        if (DocumentsWhere(connection, transaction, "id = $1 FOR UPDATE", documentId).FirstOrDefault() is not { } document)
        {
            return null;
        }

        var targets = TargetsWhere(connection, transaction, "document_id = $1", documentId);
        PolicyStore.SetReviewCounts(document, targets);
        document.TargetCount = targets.Count;
        Execute(connection, transaction, "UPDATE documents SET body = $2 WHERE id = $1", documentId, Json(document));
        return StoreMapper.ToSummary(document);
    }

    /// <summary>Source offsets for a span of normalised text, shifted like the nearest target before it (the offset map is not stored).</summary>
    private static (int Start, int End) SourceSpanNear(NpgsqlConnection connection, NpgsqlTransaction transaction, string documentId, int start, int end)
    {
        var nearest = TargetsWhere(connection, transaction, "document_id = $1", documentId).Where(t => t.Start <= start).MaxBy(t => t.Start);
        var shift = nearest is null ? 0 : nearest.SourceStart - nearest.Start;
        return (Math.Max(0, start + shift), Math.Max(0, end + shift));
    }

    private T InTransaction<T>(Func<NpgsqlConnection, NpgsqlTransaction, T> work)
    {
        using var connection = OpenConnection();
        using var transaction = connection.BeginTransaction();
        var result = work(connection, transaction);
        transaction.Commit();
        return result;
    }

    private static bool IsObjectId(string id) => id is { Length: 24 } && id.All(char.IsAsciiHexDigit);
}
