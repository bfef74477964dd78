using LiteDB;
using PolicyMiner.Storage.Entities;

namespace PolicyMiner.Storage;

/// <summary>
/// Ids and source paths of the stored documents, loaded once and added to by the store's own writes, so the single writer
/// asks LiteDB for an existing version of a document or of its path only when there may be one.
/// </summary>
/// <remarks>
/// A superset: a document deleted or rolled back since stays listed, which costs one query that finds nothing, never a
/// missed replacement. In a batch of new files both lookups (a primary-key read and an index query per document) were
/// about a fifth of the writer's CPU. Not thread-safe: used by the store's single writer, and dropped with the store's
/// other in-memory indexes when another process may have written (see PolicyStore.Reopen).
/// </remarks>
internal sealed class StoredKeys
{
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private readonly HashSet<string> _paths = new(StringComparer.Ordinal);

    public static StoredKeys Load(ILiteCollection<BsonDocument> documents)
    {
        var keys = new StoredKeys();
        var projection = BsonExpression.Create($"{{ i: $._id, p: $.{DocumentBson.SourcePath} }}");
        foreach (var row in documents.Query().Select(projection).ToEnumerable())
        {
            keys.Add(row["i"].AsString, row["p"].IsString ? row["p"].AsString : null);
        }

        return keys;
    }

    /// <summary>False when no document with this id is stored; true when one may be.</summary>
    public bool MayHoldId(string id) => _ids.Contains(id);

    /// <summary>False when no document from this source path is stored; true when one may be.</summary>
    public bool MayHoldPath(string path) => _paths.Contains(path);

    public void Add(string id, string? path)
    {
        _ids.Add(id);
        if (path is not null)
        {
            _paths.Add(path);
        }
    }
}
