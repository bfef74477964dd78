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
            if (start < 0 || end > text.Length || start >= end)
            {
                return ReviewOutcome.Refused($"span {start}..{end} is not inside the document's text (length {text.Length})");
            }

            if (!fields.ContainsKey(TargetFields.Value))
            {
                return ReviewOutcome.Refused("a target needs a value");
            }

            var entity = new TargetEntity
            {
                Id = ObjectId.NewObjectId(),
                DocumentId = documentId,
                Doc = document.SourceName,
                Region = document.Metadata.Region,
                Province = document.Metadata.Province,
                PlanYear = document.Metadata.Year,
                Quote = text[start..end],
                Start = start,
                End = end,
                Category = TargetCategories.Other,
                Comparator = "=",
                Kind = "level",
                Commitment = "plain",
                Confidence = 1,
                ExtractorVersion = document.ExtractorVersion,
                ExtractedAt = DateTime.UtcNow,
                Origin = StoreMapper.EditorOrigin,
            };
            (entity.SourceStart, entity.SourceEnd) = SourceSpanNear(connection, transaction, documentId, start, end);
            foreach (var (field, value) in fields)
            {
                if (TargetFields.TryApply(field, value, entity) is { } reason)
                {
                    return ReviewOutcome.Refused(reason);
                }
            }

            var now = DateTime.UtcNow;
            var who = PolicyStore.UserOrAnonymous(user);
            PolicyStore.MarkReviewed(entity, ReviewState.Corrected, who, now, note: null);
            entity.ReviewedFields = [.. TargetFields.All];
            entity.Version = 1;
            InsertTargets(connection, transaction, [entity]);
            var id = entity.Id.ToString();
            var entries = new List<ReviewAuditEntry> { new(id, documentId, 1, who, now, "add", "quote", null, entity.Quote) };
            entries.AddRange(TargetFields.All.Select(field => new ReviewAuditEntry(id, documentId, 1, who, now, "add", field, null, TargetFields.Read(entity, field))));
            InsertAudit(connection, transaction, entries);
            var summary = RecountDocument(connection, transaction, documentId);
            return ReviewOutcome.Ok("target added", StoreMapper.ToStored(entity, summary!));
        });
    }

    /// <inheritdoc/>
    public ReviewOutcome Split(string targetId, int? expectedVersion, string? user, int at)
    {
        TargetEntity? second = null;
        var outcome = Change(targetId, expectedVersion, (entity, log) =>
        {
            if (at <= entity.Start || at >= entity.End)
            {
                return $"split point {at} is not inside the target's quote ({entity.Start}..{entity.End})";
            }

            var cut = at - entity.Start;
            var sourceCut = Math.Clamp(entity.SourceStart + cut, entity.SourceStart, entity.SourceEnd);
            second = PolicyStore.Clone(entity);
            second.Id = ObjectId.NewObjectId();
            second.Origin = StoreMapper.EditorOrigin;
            (second.Quote, second.Start, second.SourceStart) = (entity.Quote[cut..], at, sourceCut);
            var before = entity.Quote;
            (entity.Quote, entity.End, entity.SourceEnd) = (entity.Quote[..cut], at, sourceCut);
            log("split", "quote", before, entity.Quote);
            entity.ReviewedFields = [.. TargetFields.All];
            second.ReviewedFields = [.. TargetFields.All];
            return null;
        }, user, ReviewState.Corrected, (connection, transaction, entity, who, now) =>
        {
            var twin = second!;
            PolicyStore.MarkReviewed(twin, ReviewState.Corrected, who, now, note: null);
            twin.Version = 1;
            InsertTargets(connection, transaction, [twin]);
            InsertAudit(connection, transaction, [new(twin.Id.ToString(), twin.DocumentId, 1, who, now, "split", "quote", entity.Quote + twin.Quote, twin.Quote)]);
        });
        if (outcome.Saved && second is not null && outcome.Target is { } first)
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
        return Change(keepId, keepVersion, (entity, log) =>
        {
            if (entity.DocumentId != duplicate!.DocumentId)
            {
                return "only targets of the same document can be merged";
            }

            var bodies = entity.Responsible.Union(duplicate.Responsible, StringComparer.Ordinal).ToList();
            if (bodies.Count != entity.Responsible.Count)
            {
                var before = TargetFields.Read(entity, TargetFields.Responsible);
                entity.Responsible = bodies;
                log("merge", TargetFields.Responsible, before, TargetFields.Read(entity, TargetFields.Responsible));
            }

            log("merge", "merged_from", null, duplicateId);
            if (entity.ReviewState == StoreMapper.Name(ReviewState.Unreviewed))
            {
                entity.ReviewedFields = [.. TargetFields.All];
            }

            return null;
        }, user, ReviewState.Accepted, (connection, transaction, entity, who, now) =>
        {
            var before = duplicate!.ReviewState;
            duplicate.Version++;
            PolicyStore.MarkReviewed(duplicate, ReviewState.Rejected, who, now, $"duplicate of {keepId}");
            duplicate.ReviewedFields = [.. TargetFields.All];
            UpdateTarget(connection, transaction, duplicate);
            InsertAudit(connection, transaction,
            [
                new(duplicateId, duplicate.DocumentId, duplicate.Version, who, now, "merge", "review_state", before, StoreMapper.Name(ReviewState.Rejected)),
                new(duplicateId, duplicate.DocumentId, duplicate.Version, who, now, "merge", "merged_into", null, keepId),
            ]);
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
        Change(targetId, expectedVersion, (entity, log) =>
        {
            var before = StoreMapper.ParseReviewState(entity.ReviewState);
            // Accepting a corrected target keeps it "corrected": its values are still the editor's, not the extractor's.
            var after = state == ReviewState.Accepted && before == ReviewState.Corrected ? ReviewState.Corrected : state;
            log(state == ReviewState.Accepted ? "accept" : "reject", "review_state", StoreMapper.Name(before), StoreMapper.Name(after));
            entity.ReviewedFields = [.. TargetFields.All];
            entity.ReviewNote = note ?? entity.ReviewNote;
            return null;
        }, user, state);

    /// <summary>The shape of every single-target change: row lock, version check, edit, audit, save, recount, in one transaction.</summary>
    /// <param name="first">Runs first under the transaction (a merge locks and checks its duplicate); returns an outcome to stop with.</param>
    private ReviewOutcome Change(
        string targetId,
        int? expectedVersion,
        Func<TargetEntity, Action<string, string, string?, string?>, string?> edit,
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

            var who = PolicyStore.UserOrAnonymous(user);
            var now = DateTime.UtcNow;
            var changes = new List<(string Action, string Field, string? Before, string? After)>();
            if (edit(entity, (action, field, before, after) => changes.Add((action, field, before, after))) is { } reason)
            {
                return ReviewOutcome.Refused(reason);
            }

            if (changes.Count == 0)
            {
                return ReviewOutcome.Ok("nothing changed", StoreMapper.ToStored(entity, SummaryOf(connection, transaction, entity.DocumentId)!));
            }

            var previous = StoreMapper.ParseReviewState(entity.ReviewState);
            var next = state == ReviewState.Accepted && previous == ReviewState.Corrected ? ReviewState.Corrected : state;
            if (next != previous && !changes.Exists(c => c.Field == "review_state"))
            {
                changes.Add((changes[0].Action, "review_state", StoreMapper.Name(previous), StoreMapper.Name(next)));
            }

            entity.Version++;
            PolicyStore.MarkReviewed(entity, next, who, now, entity.ReviewNote);
            UpdateTarget(connection, transaction, entity);
            InsertAudit(connection, transaction, [.. changes.Select(c => new ReviewAuditEntry(targetId, entity.DocumentId, entity.Version, who, now, c.Action, c.Field, c.Before, c.After))]);
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
