using PolicyMiner.Core.Targets;

namespace PolicyMiner.Storage;

/// <summary>Where a target stands in human review. Reviewed targets (all but <see cref="Unreviewed"/>) survive re-extraction.</summary>
public enum ReviewState
{
    Unreviewed,
    Accepted,
    Corrected,
    Rejected,
}

/// <summary>A reviewer's verdict on a target.</summary>
public sealed record TargetReview(ReviewState State, string? Reviewer = null, DateTime? ReviewedAt = null, string? Note = null)
{
    /// <summary>The state of every freshly extracted target.</summary>
    public static TargetReview None { get; } = new(ReviewState.Unreviewed);
}

/// <summary>A target as stored: the extracted record, its document, the extractor that made it and its review state.</summary>
/// <param name="Id">Stable id of the stored target (24 hex digits).</param>
/// <param name="Stale">True when a reviewed target was kept through re-extraction but its quote is no longer in the new text.</param>
public sealed record StoredTarget(
    string Id,
    PolicyTarget Target,
    DocumentSummary Document,
    string ExtractorVersion,
    DateTime ExtractedAt,
    TargetReview Review,
    bool Stale = false)
{
    /// <summary>The target's version: bumped by every review change, named by a save so that a stale save is refused.</summary>
    public int Version { get; init; }

    /// <summary>Fields an editor corrected (export column names); re-extraction keeps them.</summary>
    public IReadOnlyList<string> ReviewedFields { get; init; } = [];

    /// <summary>True for a target an editor added or split off, rather than one the extractor found.</summary>
    public bool AddedByEditor { get; init; }
}

/// <summary>A target with its document, as <see cref="PolicyStore.ReadTargets"/> returns it for reports.</summary>
public sealed record TargetRow(DocumentSummary Document, PolicyTarget Target)
{
    /// <summary>The stored target's id (24 hex digits).</summary>
    public string TargetId { get; init; } = "";

    /// <summary>Its review verdict (reviewer and time included).</summary>
    public TargetReview Review { get; init; } = TargetReview.None;
}

/// <summary>Filters for <see cref="PolicyStore.QueryTargets"/>; null means "any".</summary>
/// <param name="Region">The document's region or province, exactly.</param>
/// <param name="Year">The target's due year.</param>
/// <param name="PlanYear">The document's plan year.</param>
/// <param name="Document">A document id (or an id prefix of 8+ hex digits), source file name or source path.</param>
/// <param name="IncludeRejected">Whether targets a reviewer rejected are returned.</param>
public sealed record TargetQuery(
    string? Region = null,
    int? Year = null,
    int? PlanYear = null,
    string? Category = null,
    string? Document = null,
    string? IndicatorId = null,
    bool IncludeRejected = false)
{
    /// <summary>Only targets a reviewer accepted or corrected.</summary>
    public bool ReviewedOnly { get; init; }

    /// <summary>Every target except rejected ones.</summary>
    public static TargetQuery All { get; } = new();
}
