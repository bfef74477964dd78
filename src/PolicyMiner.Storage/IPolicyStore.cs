using System.Collections.Frozen;
using PolicyMiner.Core.Targets;
using PolicyMiner.Storage.Reviewing;

namespace PolicyMiner.Storage;

/// <summary>
/// The PolicyMiner database as the command line, the review app and the reports use it: documents, their targets with
/// review state and audit trail, ingest runs and per-file failures.
/// </summary>
/// <remarks>
/// Two implementations keep the same contract (tests/PolicyMiner.Storage.Tests/Contract): <see cref="PolicyStore"/>, a
/// LiteDB file for one researcher, and <see cref="Postgres.PostgresPolicyStore"/>, a PostgreSQL database shared by a team.
/// <see cref="PolicyStores.Open"/> picks one from the <c>--db</c> text. Review operations may be called from any thread.
/// </remarks>
public interface IPolicyStore : IDisposable
{
    /// <summary>Where the data lives, for messages: the database file's full path, or the server URL without its password.</summary>
    string Location { get; }

    /// <summary>True for a local file (LiteDB), false for a database server.</summary>
    bool IsFile { get; }

    /// <summary>Schema version of the open database.</summary>
    int SchemaVersion { get; }

    /// <summary>Records the start of an ingest run; its end stays empty until <see cref="CompleteRun"/>.</summary>
    IngestRun BeginRun(string toolVersion, string extractorVersion, IReadOnlyList<string> inputs);

    /// <summary>Records the end of an ingest run and its final counts.</summary>
    IngestRun CompleteRun(int runId, IngestCounts counts);

    /// <summary>Every ingest run, oldest first.</summary>
    IReadOnlyList<IngestRun> Runs();

    /// <summary>Records files that could not be ingested, in one transaction.</summary>
    void RecordFailures(int runId, IReadOnlyList<(string Path, string Reason)> failures);

    /// <summary>Files that failed, for one run or for all runs.</summary>
    IReadOnlyList<IngestFailure> Failures(int? runId = null);

    /// <summary>Content hash → extractor version of every stored document, and of every file folded into one as a duplicate.</summary>
    FrozenDictionary<string, string> KnownDocuments();

    /// <summary>For every document whose text also arrived in other files (duplicates folded into it): those files' full paths, by document id.</summary>
    IReadOnlyDictionary<string, IReadOnlyList<string>> FoldedSources();

    /// <summary>The other files a document's text arrived in (duplicates folded into it), full paths; empty when none or unknown.</summary>
    IReadOnlyList<string> FoldedSourcesOf(string id);

    /// <summary>Stores one document and its targets in one transaction.</summary>
    DocumentWriteResult SaveDocument(DocumentExtraction extraction, int runId = 0);

    /// <summary>Stores documents with their targets in one transaction (all or none), replacing earlier versions and carrying reviewed targets over.</summary>
    /// <param name="runId">The ingest run storing them: a preferred copy replacing one this run stored reports that copy's targets (see <see cref="DocumentWrite.ReplacedTargets"/>).</param>
    IReadOnlyList<DocumentWrite> SaveDocuments(IReadOnlyList<DocumentExtraction> extractions, int runId = 0);

    /// <summary>Number of stored documents.</summary>
    int DocumentCount { get; }

    /// <summary>Number of stored targets, reviewed and rejected ones included.</summary>
    int TargetCount { get; }

    /// <summary>Every stored document without its text, ordered by region, plan year and file name.</summary>
    IReadOnlyList<DocumentSummary> Documents();

    /// <summary>A stored document with its text, by content hash; null if unknown.</summary>
    StoredDocument? GetDocument(string id);

    /// <summary>Targets matching every given filter, each with its document, ordered by document path and position.</summary>
    IReadOnlyList<StoredTarget> QueryTargets(TargetQuery query);

    /// <summary>Targets matching every given filter, in the order of <see cref="QueryTargets"/>, read lean for reports.</summary>
    IReadOnlyList<TargetRow> ReadTargets(TargetQuery query);

    /// <summary>Records a verdict on a target (and the corrected record for a correction); false when no target has that id.</summary>
    bool Review(string targetId, TargetReview review, PolicyTarget? correction = null);

    /// <summary>A stored target with its document, by id; null if unknown.</summary>
    StoredTarget? GetTarget(string targetId);

    /// <summary>Every target of one document (rejected ones included), in text order.</summary>
    IReadOnlyList<StoredTarget> TargetsOf(string documentId);

    /// <summary>The audit trail of one target, oldest first.</summary>
    IReadOnlyList<ReviewAuditEntry> AuditOf(string targetId);

    /// <summary>Accepts a target; <paramref name="expectedVersion"/> is the version the editor read (null skips the check).</summary>
    ReviewOutcome Accept(string targetId, int? expectedVersion, string? user, string? note = null);

    /// <summary>Rejects a target: reports and exports leave it out, and re-extraction does not bring it back.</summary>
    ReviewOutcome Reject(string targetId, int? expectedVersion, string? user, string? note = null);

    /// <summary>Sets fields (export column names → text forms); the target becomes corrected.</summary>
    ReviewOutcome Correct(string targetId, int? expectedVersion, string? user, IReadOnlyDictionary<string, string> changes);

    /// <summary>Adds a target an extraction missed, on the span [start, end) of a document's normalised text.</summary>
    ReviewOutcome AddTarget(string documentId, int start, int end, string? user, IReadOnlyDictionary<string, string> fields);

    /// <summary>Splits a target's quote at an offset strictly inside it into two corrected targets.</summary>
    ReviewOutcome Split(string targetId, int? expectedVersion, string? user, int at);

    /// <summary>Merges a duplicate into the target kept; the duplicate is rejected as "duplicate of" the kept one.</summary>
    ReviewOutcome Merge(string keepId, int? keepVersion, string duplicateId, int? duplicateVersion, string? user);

    /// <summary>One page of documents matching <paramref name="filter"/>, by source path, with the review counts over all matches.</summary>
    DocumentPage ListDocuments(DocumentFilter filter, int skip, int take);

    /// <summary>Targets awaiting review across all documents, lowest confidence first.</summary>
    IReadOnlyList<StoredTarget> ReviewQueue(int skip, int take);

    /// <summary>A stored document's review counts and lowest confidence; null if unknown.</summary>
    ReviewDocument? GetReviewDocument(string documentId);
}
