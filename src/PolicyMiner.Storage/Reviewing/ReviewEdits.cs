using PolicyMiner.Core.Targets;
using PolicyMiner.Storage.Entities;

namespace PolicyMiner.Storage.Reviewing;

/// <summary>Logs one field change of an edit: action, field, text before, text after.</summary>
internal delegate void ChangeLog(string action, string field, string? before, string? after);

/// <summary>Edits one target in place and logs each change; returns a reason to refuse, or null.</summary>
internal delegate string? TargetEdit(TargetEntity entity, ChangeLog log);

/// <summary>What applying an edit came to: refused (with the reason), unchanged, or changed with its audit entries.</summary>
internal readonly record struct AppliedEdit(string? Refusal, IReadOnlyList<ReviewAuditEntry> Entries)
{
    public bool Changed => Entries.Count > 0;
}

/// <summary>
/// The half of each review operation that does not depend on the store: what a verdict, a correction, an added, split or
/// merged target does to the entities, and which audit entries it leaves.
/// </summary>
/// <remarks>
/// The LiteDB and PostgreSQL stores differ only in how they lock, find and save (a review lock and document packs; row
/// locks and a version-checked update). Keeping the edits here is what makes a review mean the same on either.
/// </remarks>
internal static class ReviewEdits
{
    /// <summary>The user recorded when none is given.</summary>
    public const string AnonymousUser = "anonymous";

    public static string UserOrAnonymous(string? user) => string.IsNullOrWhiteSpace(user) ? AnonymousUser : user.Trim();

    public static void MarkReviewed(TargetEntity entity, ReviewState state, string user, DateTime now, string? note)
    {
        entity.ReviewState = StoreMapper.Name(state);
        entity.Reviewer = user;
        entity.ReviewedAt = now;
        entity.ReviewNote = note;
    }

    /// <summary>
    /// Runs <paramref name="edit"/> on the target and, when it changed anything, moves the target to its next version and
    /// review state (accepting a corrected target keeps it corrected: its values are still the editor's).
    /// </summary>
    public static AppliedEdit Apply(TargetEntity entity, string targetId, TargetEdit edit, ReviewState state, string user, DateTime now)
    {
        var changes = new List<(string Action, string Field, string? Before, string? After)>();
        if (edit(entity, (action, field, before, after) => changes.Add((action, field, before, after))) is { } reason)
        {
            return new AppliedEdit(reason, []);
        }

        if (changes.Count == 0)
        {
            return new AppliedEdit(null, []);
        }

        var previous = StoreMapper.ParseReviewState(entity.ReviewState);
        var next = StateAfter(state, previous);
        if (next != previous && !changes.Exists(c => c.Field == "review_state"))
        {
            changes.Add((changes[0].Action, "review_state", StoreMapper.Name(previous), StoreMapper.Name(next)));
        }

        entity.Version++;
        MarkReviewed(entity, next, user, now, entity.ReviewNote);
        return new AppliedEdit(null, [.. changes.Select(c => new ReviewAuditEntry(targetId, entity.DocumentId, entity.Version, user, now, c.Action, c.Field, c.Before, c.After))]);
    }

    /// <summary>An accept or reject, with the editor's note (an empty note keeps the one there).</summary>
    public static TargetEdit Verdict(ReviewState state, string? note) => (entity, log) =>
    {
        var before = StoreMapper.ParseReviewState(entity.ReviewState);
        log(state == ReviewState.Accepted ? "accept" : "reject", "review_state", StoreMapper.Name(before), StoreMapper.Name(StateAfter(state, before)));
        entity.ReviewedFields = [.. TargetFields.All];
        entity.ReviewNote = note ?? entity.ReviewNote;
        return null;
    };

    /// <summary>Why a target cannot be added on [start, end) of a text of <paramref name="textLength"/> characters with these fields, or null.</summary>
    public static string? RefuseNewSpan(int start, int end, int textLength, IReadOnlyDictionary<string, string> fields) =>
        start < 0 || end > textLength || start >= end ? $"span {start}..{end} is not inside the document's text (length {textLength})"
        : !fields.ContainsKey(TargetFields.Value) ? "a target needs a value"
        : null;

    /// <summary>
    /// A target the editor adds on [start, end) of the document's text: an "other" level target unless the fields say
    /// otherwise, already corrected at version 1; null with <paramref name="refusal"/> when a field does not apply.
    /// </summary>
    public static TargetEntity? NewEditorTarget(
        DocumentEntity document, string text, int start, int end, IReadOnlyDictionary<string, string> fields, string user, DateTime now, out string? refusal)
    {
        var entity = new TargetEntity
        {
            DocumentId = document.Id,
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
            ExtractedAt = now,
            Origin = StoreMapper.EditorOrigin,
        };
        foreach (var (field, value) in fields)
        {
            if (TargetFields.TryApply(field, value, entity) is { } reason)
            {
                refusal = reason;
                return null;
            }
        }

        MarkReviewed(entity, ReviewState.Corrected, user, now, note: null);
        entity.ReviewedFields = [.. TargetFields.All];
        entity.Version = 1;
        refusal = null;
        return entity;
    }

    /// <summary>The audit of an added target (its quote and every field), once it has its id.</summary>
    public static List<ReviewAuditEntry> AddedEntries(TargetEntity entity, string user, DateTime now)
    {
        var id = entity.Id.ToString();
        var entries = new List<ReviewAuditEntry> { new(id, entity.DocumentId, 1, user, now, "add", "quote", null, entity.Quote) };
        entries.AddRange(TargetFields.All.Select(field => new ReviewAuditEntry(id, entity.DocumentId, 1, user, now, "add", field, null, TargetFields.Read(entity, field))));
        return entries;
    }

    /// <summary>
    /// A target kept in a merge: it gains the duplicate's responsible bodies, and an unreviewed one counts as reviewed.
    /// </summary>
    public static TargetEdit KeepInMerge(Func<TargetEntity> duplicate, string duplicateId) => (entity, log) =>
    {
        var other = duplicate();
        if (entity.DocumentId != other.DocumentId)
        {
            return "only targets of the same document can be merged";
        }

        var bodies = entity.Responsible.Union(other.Responsible, StringComparer.Ordinal).ToList();
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
    };

    /// <summary>Rejects a merge's duplicate as "duplicate of" the kept target, at its next version; returns its audit entries.</summary>
    public static ReviewAuditEntry[] RejectAsDuplicate(TargetEntity duplicate, string duplicateId, string keepId, string user, DateTime now)
    {
        var before = duplicate.ReviewState;
        duplicate.Version++;
        MarkReviewed(duplicate, ReviewState.Rejected, user, now, $"duplicate of {keepId}");
        duplicate.ReviewedFields = [.. TargetFields.All];
        return
        [
            new(duplicateId, duplicate.DocumentId, duplicate.Version, user, now, "merge", "review_state", before, StoreMapper.Name(ReviewState.Rejected)),
            new(duplicateId, duplicate.DocumentId, duplicate.Version, user, now, "merge", "merged_into", null, keepId),
        ];
    }

    public static TargetEntity Clone(TargetEntity e) => new()
    {
        Id = e.Id, DocumentId = e.DocumentId, Doc = e.Doc, Quote = e.Quote, Start = e.Start, End = e.End,
        SourceStart = e.SourceStart, SourceEnd = e.SourceEnd, Indicator = e.Indicator, IndicatorId = e.IndicatorId,
        Category = e.Category, Value = e.Value, ValueMax = e.ValueMax, Unit = e.Unit, ValueStd = e.ValueStd, UnitStd = e.UnitStd,
        Comparator = e.Comparator, Kind = e.Kind, Commitment = e.Commitment, Year = e.Year, YearText = e.YearText,
        Baseline = e.Baseline, Responsible = [.. e.Responsible], Confidence = e.Confidence, Region = e.Region,
        Province = e.Province, PlanYear = e.PlanYear, ExtractorVersion = e.ExtractorVersion, ExtractedAt = e.ExtractedAt,
        ReviewState = e.ReviewState, Reviewer = e.Reviewer, ReviewedAt = e.ReviewedAt, ReviewNote = e.ReviewNote,
        Stale = e.Stale, Version = e.Version, ReviewedFields = [.. e.ReviewedFields], Origin = e.Origin,
    };

    private static ReviewState StateAfter(ReviewState requested, ReviewState previous) =>
        requested == ReviewState.Accepted && previous == ReviewState.Corrected ? ReviewState.Corrected : requested;
}

/// <summary>
/// A split of a target's quote at an offset strictly inside it: the first part keeps the id and history, the second is a
/// new corrected target with the same fields, made once the store has saved the first.
/// </summary>
internal sealed class QuoteSplit(int at)
{
    /// <summary>The second part, once <see cref="Edit"/> has run.</summary>
    public TargetEntity? Second { get; private set; }

    public string? Edit(TargetEntity entity, ChangeLog log)
    {
        if (at <= entity.Start || at >= entity.End)
        {
            return $"split point {at} is not inside the target's quote ({entity.Start}..{entity.End})";
        }

        var cut = at - entity.Start;
        var sourceCut = Math.Clamp(entity.SourceStart + cut, entity.SourceStart, entity.SourceEnd);
        var second = ReviewEdits.Clone(entity);
        second.Origin = StoreMapper.EditorOrigin;
        (second.Quote, second.Start, second.SourceStart) = (entity.Quote[cut..], at, sourceCut);
        var before = entity.Quote;
        (entity.Quote, entity.End, entity.SourceEnd) = (entity.Quote[..cut], at, sourceCut);
        log("split", "quote", before, entity.Quote);
        entity.ReviewedFields = [.. TargetFields.All];
        second.ReviewedFields = [.. TargetFields.All];
        Second = second;
        return null;
    }

    /// <summary>Makes the second part a corrected target at version 1 with <paramref name="id"/>; returns its audit entry.</summary>
    public ReviewAuditEntry Finish(TargetEntity first, LiteDB.ObjectId id, string user, DateTime now)
    {
        var second = Second ?? throw new InvalidOperationException("the split has not run");
        ReviewEdits.MarkReviewed(second, ReviewState.Corrected, user, now, note: null);
        second.Version = 1;
        second.Id = id;
        return new(id.ToString(), second.DocumentId, 1, user, now, "split", "quote", first.Quote + second.Quote, second.Quote);
    }
}
