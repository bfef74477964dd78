namespace PolicyMiner.Storage.Reviewing;

/// <summary>How a review operation ended.</summary>
public enum ReviewStatus
{
    /// <summary>The change was saved; the target's version went up by one.</summary>
    Saved,

    /// <summary>Someone else changed the target since the editor loaded it; nothing was saved.</summary>
    Conflict,

    /// <summary>No target (or document) has that id.</summary>
    NotFound,

    /// <summary>The change itself is invalid (an unknown field, a value that is not a number, an offset outside the text).</summary>
    Invalid,
}

/// <summary>The result of a review operation: the targets as they now stand, or why nothing was saved.</summary>
/// <param name="Targets">The saved targets (the reviewed one first; a split or an added target adds its new ones), or on a conflict the target as the other editor left it.</param>
/// <param name="OtherEdits">On a conflict: the audit entries written since the version the editor loaded.</param>
public sealed record ReviewOutcome(ReviewStatus Status, string Message, IReadOnlyList<StoredTarget> Targets, IReadOnlyList<ReviewAuditEntry> OtherEdits)
{
    public bool Saved => Status == ReviewStatus.Saved;

    /// <summary>The reviewed target as it now stands, when there is one.</summary>
    public StoredTarget? Target => Targets.Count > 0 ? Targets[0] : null;

    internal static ReviewOutcome Ok(string message, params StoredTarget[] targets) => new(ReviewStatus.Saved, message, targets, []);

    internal static ReviewOutcome Missing(string id) => new(ReviewStatus.NotFound, $"no target {id}", [], []);

    internal static ReviewOutcome Refused(string reason) => new(ReviewStatus.Invalid, reason, [], []);
}

/// <summary>One change to one field of one target: who made it, when, and the field's text before and after.</summary>
/// <param name="Action">accept, reject, correct, reset, add, split, merge.</param>
/// <param name="Field">The field changed (an export column name), or "review_state" for a verdict.</param>
/// <param name="Version">The target's version this change produced.</param>
public sealed record ReviewAuditEntry(
    string TargetId,
    string DocumentId,
    int Version,
    string User,
    DateTime At,
    string Action,
    string Field,
    string? Before,
    string? After);

/// <summary>Targets of one document (or of a set of documents) by review state.</summary>
public sealed record ReviewCounts(int Pending, int Accepted, int Corrected, int Rejected)
{
    public static ReviewCounts Zero { get; } = new(0, 0, 0, 0);

    public int Total => Pending + Accepted + Corrected + Rejected;

    public ReviewCounts Add(ReviewCounts other) => new(Pending + other.Pending, Accepted + other.Accepted, Corrected + other.Corrected, Rejected + other.Rejected);
}

/// <summary>Filters of the documents listing; null means any.</summary>
/// <param name="Region">The document's region or province, exactly.</param>
/// <param name="Year">The document's plan year.</param>
/// <param name="Category">Only documents with a target of this category.</param>
/// <param name="State">Only documents with at least one target in this review state.</param>
/// <param name="MaxConfidence">Only documents with a target whose confidence is at most this.</param>
public sealed record DocumentFilter(
    string? Region = null,
    int? Year = null,
    string? Category = null,
    ReviewState? State = null,
    double? MaxConfidence = null);

/// <summary>A stored document with its targets counted by review state.</summary>
/// <param name="MinConfidence">The lowest confidence of its targets, 1 when it has none.</param>
public sealed record ReviewDocument(DocumentSummary Summary, ReviewCounts Counts, double MinConfidence);

/// <summary>One page of the documents listing, with the number and review counts of every matching document.</summary>
public sealed record DocumentPage(IReadOnlyList<ReviewDocument> Documents, int Total, ReviewCounts Counts, int Skip, int Take);
