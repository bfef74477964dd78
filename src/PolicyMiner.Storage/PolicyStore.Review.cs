using LiteDB;
using PolicyMiner.Storage.Entities;
using PolicyMiner.Storage.Reviewing;
using PolicyMiner.Storage.Schema;

namespace PolicyMiner.Storage;

/// <summary>Review operations: verdicts, field corrections, added, split and merged targets, with versions and an audit trail.</summary>
/// <remarks>
/// Every operation names the target version the editor read; a save against an older version is refused as a
/// <see cref="ReviewStatus.Conflict"/> carrying the edits made since, so nothing is silently overwritten. Each change
/// writes one audit entry per field in the same transaction as the change. Review writes are serialised by a lock, so
/// the web app may call them from any request thread.
/// </remarks>
public sealed partial class PolicyStore
{
    /// <summary>The user recorded when none is given.</summary>
    public const string AnonymousUser = ReviewEdits.AnonymousUser;

    private readonly Lock _reviewLock = new();
    private readonly Lock _totalsLock = new();
    private readonly Dictionary<DocumentFilter, (int, ReviewCounts)> _totals = [];
    private (long, (long, DateTime), (long, DateTime)) _totalsStamp;
    private long _writes;

    private ILiteCollection<ReviewAuditEntity> Audit => _db.GetCollection<ReviewAuditEntity>(StoreSchema.ReviewAudit);

    /// <summary>A stored target with its document, by id; null if unknown.</summary>
    public StoredTarget? GetTarget(string targetId)
    {
        using var scope = Reading();
        return FindTarget(targetId) is { } found ? StoreMapper.ToStored(found.Target, StoreMapper.ToSummary(found.Document)) : null;
    }

    /// <summary>Every target of one document (rejected ones included), in text order.</summary>
    public IReadOnlyList<StoredTarget> TargetsOf(string documentId)
    {
        using var scope = Reading();
        if (_documents.FindById(documentId) is not { } document)
        {
            return [];
        }

        var summary = StoreMapper.ToSummary(document);
        return [.. TargetsOfDocument(document)
            .Select(t => StoreMapper.ToStored(t, summary))
            .OrderBy(t => t.Target.Start).ThenBy(t => t.Target.End)];
    }

    /// <summary>The audit trail of one target, oldest first.</summary>
    public IReadOnlyList<ReviewAuditEntry> AuditOf(string targetId)
    {
        using var scope = Reading();
        return [.. Audit.Find(BsonExpression.Create("$.TargetId = @0", new BsonValue(targetId))).OrderBy(e => e.Id).Select(ToEntry)];
    }

    /// <summary>Accepts a target as extracted (or as corrected): every field is pinned against re-extraction.</summary>
    /// <param name="expectedVersion">The version the editor read; null skips the check (scripted review).</param>
    public ReviewOutcome Accept(string targetId, int? expectedVersion, string? user, string? note = null) =>
        Verdict(targetId, expectedVersion, user, ReviewState.Accepted, note);

    /// <summary>Rejects a target: reports and exports leave it out, and re-extraction does not bring it back.</summary>
    public ReviewOutcome Reject(string targetId, int? expectedVersion, string? user, string? note = null) =>
        Verdict(targetId, expectedVersion, user, ReviewState.Rejected, note);

    /// <summary>Sets fields (export column names → text forms, see <see cref="TargetFields"/>); the target becomes corrected.</summary>
    public ReviewOutcome Correct(string targetId, int? expectedVersion, string? user, IReadOnlyDictionary<string, string> changes)
    {
        using var scope = Writing();
        ArgumentNullException.ThrowIfNull(changes);
        return Change(targetId, expectedVersion, (entity, log) => TargetFields.Correct(entity, changes, log), user, ReviewState.Corrected);
    }

    /// <summary>Adds a target an extraction missed, on the text span [start, end) of a document's normalised text.</summary>
    /// <param name="fields">Field text forms; <c>value</c> is required, the rest default to an "other" level target.</param>
    public ReviewOutcome AddTarget(string documentId, int start, int end, string? user, IReadOnlyDictionary<string, string> fields)
    {
        using var scope = Writing();
        ArgumentNullException.ThrowIfNull(fields);
        if (_documents.FindById(documentId) is not { } document)
        {
            return ReviewOutcome.Refused($"no document {documentId}");
        }

        var text = TextOf(_contents.FindById(documentId));
        if (ReviewEdits.RefuseNewSpan(start, end, text.Length, fields) is { } refused)
        {
            return ReviewOutcome.Refused(refused);
        }

        lock (_reviewLock)
        {
            var (who, now) = (ReviewEdits.UserOrAnonymous(user), DateTime.UtcNow);
            if (ReviewEdits.NewEditorTarget(document, text, start, end, fields, who, now, out var reason) is not { } entity)
            {
                return ReviewOutcome.Refused(reason!);
            }

            (entity.SourceStart, entity.SourceEnd) = SourceSpanNear(document, start, end);
            InTransaction(() =>
            {
                var pack = TargetsOfDocument(document);
                if (document.Key == 0)
                {
                    document.Key = NextKey();
                }

                pack.Add(entity);
                SaveTargets(document, pack);
                Audit.InsertBulk(ReviewEdits.AddedEntries(entity, who, now).Select(NewEntry));
                Recount(document, pack);
            });
            Interlocked.Increment(ref _writes);
            return ReviewOutcome.Ok("target added", StoreMapper.ToStored(entity, StoreMapper.ToSummary(_documents.FindById(documentId))));
        }
    }

    /// <summary>Splits a target's quote at <paramref name="at"/> (an offset strictly inside it) into two targets with the same fields, both corrected.</summary>
    /// <remarks>The first keeps the id and history; the second is new. The editor then corrects each one's fields.</remarks>
    public ReviewOutcome Split(string targetId, int? expectedVersion, string? user, int at)
    {
        using var scope = Writing();
        var split = new QuoteSplit(at);
        var outcome = Change(targetId, expectedVersion, split.Edit, user, ReviewState.Corrected, (found, who, now) =>
        {
            Audit.Insert(NewEntry(split.Finish(found.Target, NextIdIn(found.Document, found.Pack), who, now)));
            found.Pack.Add(split.Second!);
        });
        if (outcome.Saved && split.Second is { } second && _documents.FindById(second.DocumentId) is { } document)
        {
            return outcome with { Targets = [.. outcome.Targets, StoreMapper.ToStored(second, StoreMapper.ToSummary(document))] };
        }

        return outcome;
    }

    /// <summary>Merges a duplicate into the target kept: the duplicate is rejected as "duplicate of" the kept one, whose responsible bodies gain the duplicate's.</summary>
    public ReviewOutcome Merge(string keepId, int? keepVersion, string duplicateId, int? duplicateVersion, string? user)
    {
        if (keepId == duplicateId)
        {
            return ReviewOutcome.Refused("a target cannot be merged with itself");
        }

        using var scope = Writing();
        lock (_reviewLock)
        {
            if (FindTarget(duplicateId)?.Target is not { } duplicate)
            {
                return ReviewOutcome.Missing(duplicateId);
            }

            if (duplicateVersion is { } version && version != duplicate.Version)
            {
                return ConflictOf(duplicate, version);
            }

            var outcome = Change(keepId, keepVersion, ReviewEdits.KeepInMerge(() => duplicate, duplicateId), user, ReviewState.Accepted, (found, who, now) =>
            {
                // The duplicate as one of the kept target's pack (same document), which is saved after this.
                duplicate = found.Pack.Find(t => t.Id == duplicate.Id) ?? duplicate;
                Audit.InsertBulk(ReviewEdits.RejectAsDuplicate(duplicate, duplicateId, keepId, who, now).Select(NewEntry));
            });
            return outcome;
        }
    }

    /// <summary>One page of documents matching <paramref name="filter"/>, by source path, with the review counts over all matches.</summary>
    /// <remarks>Reads only the documents collection: review counts and the categories of their targets are kept on each document.</remarks>
    public DocumentPage ListDocuments(DocumentFilter filter, int skip, int take)
    {
        using var scope = Reading();
        ArgumentNullException.ThrowIfNull(filter);
        skip = Math.Max(0, skip);
        take = Math.Clamp(take, 1, 500);
        // LiteDB's Select changes the query it is called on: the count pass and the page each build their own.
        var (total, counts) = Totals(filter);
        var page = Page(filter, skip, take)
            .Select(raw => _db.Mapper.ToObject<DocumentEntity>(raw))
            .Select(d => new ReviewDocument(StoreMapper.ToSummary(d), CountsOf(d), d.MinConfidence))
            .ToList();
        return new DocumentPage(page, total, counts, skip, take);
    }

    /// <summary>One page of the matching documents in source path order (the path is unique per stored document).</summary>
    /// <remarks>
    /// Unfiltered, the page's paths are read from the path index alone (LiteDB skips index keys without loading
    /// documents), then the 50 documents by path; filtered, LiteDB narrows by the filters and orders the matches.
    /// </remarks>
    private List<BsonDocument> Page(DocumentFilter filter, int skip, int take)
    {
        var order = BsonExpression.Create($"$.{DocumentBson.SourcePath}");
        if (filter != new DocumentFilter())
        {
            return Filtered(filter).OrderBy(order).Skip(skip).Limit(take).ToList();
        }

        var paths = new BsonArray(_db.GetCollection(StoreSchema.Documents).Query().OrderBy(order).Select(order).Skip(skip).Limit(take)
            .ToEnumerable().Select(row => row[DocumentBson.SourcePath]));
        return [.. _db.GetCollection(StoreSchema.Documents).Find(BsonExpression.Create($"$.{DocumentBson.SourcePath} IN @0", paths))
            .OrderBy(d => d[DocumentBson.SourcePath].AsString, StringComparer.Ordinal)];
    }

    /// <summary>The number and review counts of the documents matching a filter, from the cache while nothing was written since.</summary>
    /// <remarks>
    /// Counting touches every match, which over 20,000 documents costs far more than a page; editors page and filter
    /// far more often than anything writes. The cache is dropped when this store writes, and when another process
    /// commits (an ingest or a CLI review), which the data and log files' sizes and times show.
    /// </remarks>
    private (int Total, ReviewCounts Counts) Totals(DocumentFilter filter)
    {
        var stamp = (Interlocked.Read(ref _writes), FileStamp(FilePath), FileStamp(LogFilePath));
        lock (_totalsLock)
        {
            if (stamp != _totalsStamp)
            {
                _totals.Clear();
                _totalsStamp = stamp;
            }

            if (_totals.TryGetValue(filter, out var cached))
            {
                return cached;
            }
        }

        var projection = BsonExpression.Create($"{{ p: $.{DocumentBson.Pending}, a: $.{DocumentBson.Accepted}, c: $.{DocumentBson.Corrected}, r: $.{DocumentBson.Rejected} }}");
        var (total, pending, accepted, corrected, rejected) = (0, 0, 0, 0, 0);
        foreach (var row in Filtered(filter).Select(projection).ToEnumerable())
        {
            total++;
            pending += Int(row["p"]);
            accepted += Int(row["a"]);
            corrected += Int(row["c"]);
            rejected += Int(row["r"]);
        }

        var result = (total, new ReviewCounts(pending, accepted, corrected, rejected));
        lock (_totalsLock)
        {
            if (stamp == _totalsStamp)
            {
                _totals[filter] = result;
            }
        }

        return result;
    }

    /// <summary>Targets awaiting review across all documents, lowest confidence first.</summary>
    public IReadOnlyList<StoredTarget> ReviewQueue(int skip, int take)
    {
        using var scope = Reading();
        skip = Math.Max(0, skip);
        take = Math.Clamp(take, 1, 500);
        // Documents in order of their lowest confidence, which bounds their pending targets' from below: once skip + take
        // pending targets are found at or below the next document's lowest confidence, no later document can place one.
        var need = skip + take;
        var found = new List<(TargetEntity Target, DocumentEntity Document)>();
        foreach (var (id, key, lowest) in DocumentsWithPending())
        {
            if (found.Count >= need && lowest > found[need - 1].Target.Confidence)
            {
                break;
            }

            if (key <= 0 || _packs.FindById(key) is not { } pack || _documents.FindById(id) is not { } document)
            {
                continue;
            }

            found.AddRange(TargetPack.Decode(_db.Mapper, pack, StoredTextOf)
                .Where(t => StoreMapper.ParseReviewState(t.ReviewState) == ReviewState.Unreviewed)
                .Select(t => (t, document)));
            found.Sort(static (a, b) => a.Target.Confidence != b.Target.Confidence
                ? a.Target.Confidence.CompareTo(b.Target.Confidence)
                : a.Target.Id.CompareTo(b.Target.Id));
            if (found.Count > need)
            {
                found.RemoveRange(need, found.Count - need);
            }
        }

        var summaries = new Dictionary<string, DocumentSummary>(StringComparer.Ordinal);
        return [.. found.Skip(skip).Select(f => StoreMapper.ToStored(
            f.Target,
            summaries.TryGetValue(f.Document.Id, out var summary) ? summary : summaries[f.Document.Id] = StoreMapper.ToSummary(f.Document)))];
    }

    /// <summary>A stored document's review counts and lowest confidence; null if unknown.</summary>
    public ReviewDocument? GetReviewDocument(string documentId)
    {
        using var scope = Reading();
        return _documents.FindById(documentId) is { } d ? new ReviewDocument(StoreMapper.ToSummary(d), CountsOf(d), d.MinConfidence) : null;
    }

    private ILiteQueryable<BsonDocument> Filtered(DocumentFilter filter)
    {
        var query = _db.GetCollection(StoreSchema.Documents).Query();
        if (filter.Region is { } region)
        {
            query = query.Where(BsonExpression.Create($"({DocumentBson.RegionPath} = @0 OR {DocumentBson.ProvincePath} = @0)", new BsonValue(region)));
        }

        if (filter.Year is { } year)
        {
            query = query.Where(BsonExpression.Create($"{DocumentBson.YearPath} = @0", new BsonValue(year)));
        }

        if (filter.State is { } state)
        {
            query = query.Where(BsonExpression.Create($"$.{CountField(state)} > 0"));
        }

        if (filter.MaxConfidence is { } confidence)
        {
            query = query.Where(BsonExpression.Create($"$.{DocumentBson.MinConfidence} <= @0", new BsonValue(confidence)));
        }

        if (filter.Category is { } category)
        {
            // The documents' own category list (schema v4; no index since v8, read in one pass like the region): no pass over the targets.
            // Stored as codes of the names table (schema v7); a category never written has none and matches nothing.
            var code = _session.Names.Find(StoreNames.Category, category) ?? 0;
            query = query.Where(BsonExpression.Create($"$.{DocumentBson.Categories}[*] ANY = @0", new BsonValue(code)));
        }

        return query;
    }

    // ---------------------------------------------------------------- internals

    private ReviewOutcome Verdict(string targetId, int? expectedVersion, string? user, ReviewState state, string? note) =>
        Change(targetId, expectedVersion, ReviewEdits.Verdict(state, note), user, state);

    /// <summary>The shape of every single-target change: lock, version check, edit, audit, save, recount, in one transaction.</summary>
    /// <param name="edit">Edits the entity and logs each change; returns a reason to refuse, or null.</param>
    /// <param name="state">The review state the change leaves (accepting a corrected target keeps it corrected).</param>
    /// <param name="alsoWrite">Further writes in the same transaction (a split's new target, a merge's duplicate).</param>
    private ReviewOutcome Change(
        string targetId,
        int? expectedVersion,
        TargetEdit edit,
        string? user,
        ReviewState state,
        Action<FoundTarget, string, DateTime>? alsoWrite = null)
    {
        // The writer's turn first, then this store's review lock: every path takes them in that order.
        using var scope = Writing();
        lock (_reviewLock)
        {
            if (FindTarget(targetId) is not { } found)
            {
                return ReviewOutcome.Missing(targetId);
            }

            var entity = found.Target;

            if (expectedVersion is { } version && version != entity.Version)
            {
                return ConflictOf(entity, version);
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
                return ReviewOutcome.Ok("nothing changed", StoreMapper.ToStored(entity, StoreMapper.ToSummary(_documents.FindById(entity.DocumentId))));
            }

            InTransaction(() =>
            {
                Audit.InsertBulk(applied.Entries.Select(NewEntry));
                alsoWrite?.Invoke(found, who, now);
                SaveTargets(found.Document, found.Pack);
                Recount(found.Document, found.Pack);
            });
            Interlocked.Increment(ref _writes);
            var summary = StoreMapper.ToSummary(_documents.FindById(entity.DocumentId));
            return ReviewOutcome.Ok($"saved (version {entity.Version})", StoreMapper.ToStored(entity, summary));
        }
    }

    private ReviewOutcome ConflictOf(TargetEntity current, int expectedVersion)
    {
        var id = current.Id.ToString();
        var since = AuditOf(id).Where(e => e.Version > expectedVersion).ToList();
        var who = since.Count > 0 ? string.Join(", ", since.Select(e => e.User).Distinct()) : "someone";
        var what = since.Count > 0
            ? string.Join("; ", since.Select(e => $"{e.Field}: {e.Before ?? "∅"} → {e.After ?? "∅"}"))
            : "a change";
        var summary = _documents.FindById(current.DocumentId) is { } d ? StoreMapper.ToSummary(d) : null;
        return new ReviewOutcome(
            ReviewStatus.Conflict,
            $"target {id} was changed by {who} since you opened it (version {expectedVersion} → {current.Version}): {what}. Nothing was saved; review it again.",
            summary is null ? [] : [StoreMapper.ToStored(current, summary)],
            since);
    }

    /// <summary>Brings a document's review counts, lowest confidence and target count up to date from its targets.</summary>
    private void Recount(DocumentEntity document, List<TargetEntity> targets)
    {
        SetReviewCounts(document, targets);
        document.TargetCount = targets.Count;
        _documents.Update(document);
    }

    /// <summary>The id for one more target in a document's pack: the next ordinal after those in use.</summary>
    private static ObjectId NextIdIn(DocumentEntity document, List<TargetEntity> pack) =>
        TargetPack.IdOf(document.Key, pack.Where(t => TargetPack.IsOwn(t.Id, document.Key)).Select(t => t.Id.Increment).DefaultIfEmpty(0).Max() + 1);

    /// <summary>Review counts, lowest confidence and categories of a new document whose targets are all fresh (unreviewed).</summary>
    internal static void SetReviewCounts(DocumentEntity document, IReadOnlyList<Core.Targets.PolicyTarget> targets)
    {
        document.Pending = targets.Count;
        (document.Accepted, document.Corrected, document.Rejected) = (0, 0, 0);
        document.MinConfidence = targets.Count == 0 ? 1.0 : Math.Min(1.0, targets.Min(t => t.Confidence));
        document.Categories = [.. targets.Select(t => t.Category).ToHashSet(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    internal static void SetReviewCounts(DocumentEntity document, IEnumerable<TargetEntity> targets)
    {
        var (pending, accepted, corrected, rejected, min) = (0, 0, 0, 0, 1.0);
        var categories = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var target in targets)
        {
            categories.Add(target.Category);
            var state = StoreMapper.ParseReviewState(target.ReviewState);
            switch (state)
            {
                case ReviewState.Accepted: accepted++; break;
                case ReviewState.Corrected: corrected++; break;
                case ReviewState.Rejected: rejected++; break;
                default: pending++; break;
            }

            if (state != ReviewState.Rejected)
            {
                min = Math.Min(min, target.Confidence);
            }
        }

        (document.Pending, document.Accepted, document.Corrected, document.Rejected, document.MinConfidence) = (pending, accepted, corrected, rejected, min);
        document.Categories = [.. categories];
    }

    /// <summary>Copies from a re-extracted twin every field the editor did not review, so re-ingest improves only what nobody checked.</summary>
    private static void TakeUnreviewedFields(TargetEntity fresh, TargetEntity reviewed)
    {
        var pinned = StoreMapper.ParseReviewState(reviewed.ReviewState) == ReviewState.Corrected && reviewed.ReviewedFields.Count > 0
            ? reviewed.ReviewedFields
            : TargetFields.All;
        if (pinned.Count == TargetFields.All.Count)
        {
            return;
        }

        foreach (var field in TargetFields.All.Except(pinned))
        {
            switch (field)
            {
                case TargetFields.Indicator: reviewed.Indicator = fresh.Indicator; break;
                case TargetFields.IndicatorId: reviewed.IndicatorId = fresh.IndicatorId; break;
                case TargetFields.Category: reviewed.Category = fresh.Category; break;
                case TargetFields.Value:
                    (reviewed.Value, reviewed.ValueStd) = (fresh.Value, pinned.Contains(TargetFields.Unit) ? reviewed.ValueStd : fresh.ValueStd);
                    break;
                case TargetFields.ValueMax: reviewed.ValueMax = fresh.ValueMax; break;
                case TargetFields.Unit:
                    (reviewed.Unit, reviewed.UnitStd) = (fresh.Unit, fresh.UnitStd);
                    reviewed.ValueStd = pinned.Contains(TargetFields.Value) ? reviewed.ValueStd : fresh.ValueStd;
                    break;
                case TargetFields.Comparator: reviewed.Comparator = fresh.Comparator; break;
                case TargetFields.Kind: reviewed.Kind = fresh.Kind; break;
                case TargetFields.Commitment: reviewed.Commitment = fresh.Commitment; break;
                case TargetFields.Year: (reviewed.Year, reviewed.YearText) = (fresh.Year, fresh.YearText); break;
                case TargetFields.Baseline: reviewed.Baseline = fresh.Baseline; break;
                case TargetFields.Responsible: reviewed.Responsible = [.. fresh.Responsible]; break;
            }
        }

        reviewed.Confidence = fresh.Confidence;
        reviewed.ExtractorVersion = fresh.ExtractorVersion;
        reviewed.ExtractedAt = fresh.ExtractedAt;
    }

    /// <summary>Source offsets for a span of normalised text, shifted like the nearest target before it (the offset map is not stored).</summary>
    private (int Start, int End) SourceSpanNear(DocumentEntity document, int start, int end)
    {
        var nearest = TargetsOfDocument(document).Where(t => t.Start <= start).MaxBy(t => t.Start);
        var shift = nearest is null ? 0 : nearest.SourceStart - nearest.Start;
        return (Math.Max(0, start + shift), Math.Max(0, end + shift));
    }

    /// <summary>LiteDB's write-ahead log beside the data file: another process's commits change it first.</summary>
    private string LogFilePath => Path.Combine(Path.GetDirectoryName(FilePath) ?? "", Path.GetFileNameWithoutExtension(FilePath) + "-log" + Path.GetExtension(FilePath));

    /// <summary>Size and last write time of a file (counting documents would itself cost a scan).</summary>
    private static (long, DateTime) FileStamp(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? (info.Length, info.LastWriteTimeUtc) : (0, default);
    }

    private static ReviewCounts CountsOf(DocumentEntity d) => new(d.Pending, d.Accepted, d.Corrected, d.Rejected);

    private static string CountField(ReviewState state) => state switch
    {
        ReviewState.Accepted => DocumentBson.Accepted,
        ReviewState.Corrected => DocumentBson.Corrected,
        ReviewState.Rejected => DocumentBson.Rejected,
        _ => DocumentBson.Pending,
    };

    private static int Int(BsonValue value) => value.IsNumber ? value.AsInt32 : 0;

    private static ReviewAuditEntity NewEntry(ReviewAuditEntry e) => NewEntry(e.TargetId, e.DocumentId, e.Version, e.User, e.At, e.Action, e.Field, e.Before, e.After);

    private static ReviewAuditEntity NewEntry(string targetId, string documentId, int version, string user, DateTime at, string action, string field, string? before, string? after) => new()
    {
        Id = ObjectId.NewObjectId(),
        TargetId = targetId,
        DocumentId = documentId,
        Version = version,
        User = user,
        At = at,
        Action = action,
        Field = field,
        Before = before,
        After = after,
    };

    private static ReviewAuditEntry ToEntry(ReviewAuditEntity e) =>
        new(e.TargetId, e.DocumentId, e.Version, e.User, e.At.ToUniversalTime(), e.Action, e.Field, e.Before, e.After);
}
