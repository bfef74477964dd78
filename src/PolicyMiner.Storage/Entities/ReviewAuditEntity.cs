using LiteDB;

namespace PolicyMiner.Storage.Entities;

/// <summary>BSON shape of one audit entry (collection <c>review_audit</c>): a change to one field of one target.</summary>
/// <remarks>Entries are only ever inserted: the trail outlives re-ingest, and a merged or split target keeps its history.</remarks>
internal sealed class ReviewAuditEntity
{
    public ObjectId Id { get; set; } = ObjectId.Empty;

    public string TargetId { get; set; } = "";

    public string DocumentId { get; set; } = "";

    public int Version { get; set; }

    public string User { get; set; } = "";

    public DateTime At { get; set; }

    public string Action { get; set; } = "";

    public string Field { get; set; } = "";

    public string? Before { get; set; }

    public string? After { get; set; }
}
