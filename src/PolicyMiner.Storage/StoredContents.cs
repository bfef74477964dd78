using LiteDB;

namespace PolicyMiner.Storage;

/// <summary>
/// Ids of the stored content records, loaded once (from the primary key index alone) and added to by the store's own
/// writes, so the single writer inserts a new document's content instead of upserting it.
/// </summary>
/// <remarks>
/// A superset: a content deleted or rolled back since stays listed, which costs an upsert where an insert would do, never
/// a duplicate key. An upsert first looks the id up in the index and then inserts; in a batch of new files it was about a
/// tenth of what the writer allocated. Not thread-safe: used by the store's single writer, and dropped with the store's
/// other in-memory indexes when another process may have written (see PolicyStore.Reopen).
/// </remarks>
internal sealed class StoredContents
{
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);

    public static StoredContents Load(ILiteCollection<BsonDocument> contents)
    {
        var known = new StoredContents();
        // Only the key is selected: LiteDB answers from the _id index without reading the records (the packed texts).
        foreach (var row in contents.Query().Select(BsonExpression.Create("{ i: $._id }")).ToEnumerable())
        {
            known._ids.Add(row["i"].AsString);
        }

        return known;
    }

    /// <summary>False when no content with this id is stored; true when one may be.</summary>
    public bool MayHold(string id) => _ids.Contains(id);

    public void Add(string id) => _ids.Add(id);
}
