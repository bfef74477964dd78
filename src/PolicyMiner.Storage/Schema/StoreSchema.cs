using LiteDB;
using PolicyMiner.Storage.Entities;

namespace PolicyMiner.Storage.Schema;

/// <summary>The collections of a PolicyMiner database and the ordered migrations that build them.</summary>
/// <remarks>
/// The schema version is LiteDB's <c>USER_VERSION</c> pragma. A new layout appends a migration with the next
/// version number; a database opened by an older build is migrated step by step, one opened by a newer build is refused.
/// </remarks>
internal static class StoreSchema
{
    public const string Documents = "documents";
    public const string Contents = "contents";
    public const string ContentChunks = "content_chunks";
    public const string Targets = "targets";
    public const string IngestRuns = "ingest_runs";
    public const string IngestErrors = "ingest_errors";

    /// <summary>Every migration, in version order starting at 1.</summary>
    public static IReadOnlyList<StoreMigration> Migrations { get; } =
    [
        new(1, "documents, contents, targets, ingest runs and errors with their indexes", CreateVersion1),
    ];

    /// <summary>The version a database has after every migration ran.</summary>
    public static int CurrentVersion => Migrations[^1].Version;

    private static void CreateVersion1(ILiteDatabase db)
    {
        var documents = db.GetCollection<DocumentEntity>(Documents);
        documents.EnsureIndex(x => x.SourcePath);
        documents.EnsureIndex(x => x.SourceName);
        documents.EnsureIndex("region", "$.Metadata.Region");
        documents.EnsureIndex("plan_year", "$.Metadata.Year");

        // Every index costs each of the many target inserts a tree update, so only the filters get one;
        // plan year and indicator id filters scan (the documents' plan_year index still serves plan-year listings).
        var targets = db.GetCollection<TargetEntity>(Targets);
        targets.EnsureIndex(x => x.DocumentId);
        targets.EnsureIndex(x => x.Region);
        targets.EnsureIndex(x => x.Year);
        targets.EnsureIndex(x => x.Category);

        db.GetCollection<IngestErrorEntity>(IngestErrors).EnsureIndex(x => x.RunId);
        db.GetCollection<IngestRunEntity>(IngestRuns);
        db.GetCollection<DocumentContentEntity>(Contents);
    }
}
