using LiteDB;

namespace PolicyMiner.Storage.Entities;

/// <summary>All targets of one document as one record (collection <c>target_packs</c>, schema v5 on): a Brotli-compressed
/// BSON array keyed by the document's short key.</summary>
/// <remarks>
/// One record per target cost about 800 bytes on disk (field names, the 64-character document id, three index entries,
/// LiteDB's page slack) for 60 bytes of quote; a document's targets compressed together take a tenth of that, and the
/// writer makes three inserts per document instead of three index updates per target. Nothing queries targets by a
/// field: filters by region, plan year and category go through the documents' indexes, year and indicator filters and
/// the review queue read the packs (see PolicyStore.Targets.cs).
/// <para>
/// A target's id is an <see cref="ObjectId"/> that names its pack: timestamp = the document key, machine and pid 0,
/// increment = the target's ordinal in the pack ("n"). A target that keeps an id from elsewhere (an import, a schema
/// upgrade, a reviewed target carried over to a document with another key) stores it as "_id" and has an entry in
/// <c>target_homes</c> that names its pack.
/// </para>
/// <para>
/// Since schema v8 a target whose quote is the document's text at its offsets (every extracted target's is) keeps no
/// quote: the text is stored anyway, and the quotes were nearly as many bytes as the text again. Decoding takes it back
/// from the text; a record with a quote (any written before v8, a stale reviewed target) keeps its own.
/// </para>
/// </remarks>
internal static class TargetPack
{
    public const string Collection = "target_packs";

    public const string Homes = "target_homes";

    /// <summary>The document's content hash (the pack's key is the document's <see cref="DocumentEntity.Key"/>).</summary>
    public const string DocumentId = "d";

    /// <summary>The compressed BSON array of the targets.</summary>
    public const string Data = "t";

    /// <summary>Number of targets in the pack (so counts need no decompression).</summary>
    public const string Count = "n";

    /// <summary>A target's ordinal inside its pack, for ids the pack names.</summary>
    private const string Ordinal = "n";

    /// <summary>In a home: the key of the pack a target with a foreign id lives in.</summary>
    public const string HomeKey = "k";

    // As for the text (PackedText.Quality): quality 3 takes a third of quality 5's time on packs for about 10 % more bytes.
    private const int Quality = PackedText.Quality;

    /// <summary>The id of the target with <paramref name="ordinal"/> in the pack of document key <paramref name="key"/>.</summary>
    public static ObjectId IdOf(int key, int ordinal) => new(key, 0, 0, ordinal);

    /// <summary>The document key and ordinal an id names; false for a foreign id (look it up in the homes).</summary>
    public static bool TryParse(ObjectId id, out int key, out int ordinal)
    {
        (key, ordinal) = (id.Timestamp, id.Increment);
        return id.Machine == 0 && id.Pid == 0 && key > 0 && ordinal > 0;
    }

    /// <summary>Whether <paramref name="id"/> is one the pack of <paramref name="key"/> names by ordinal.</summary>
    public static bool IsOwn(ObjectId id, int key) => id.Machine == 0 && id.Pid == 0 && id.Timestamp == key && id.Increment > 0;

    /// <summary>Compresses the targets of one document; each keeps its id as an ordinal when the pack of <paramref name="key"/>
    /// names it, else in full, and its quote only when that is not <paramref name="text"/> at its offsets.</summary>
    /// <param name="text">The document's stored text; null keeps every quote.</param>
    public static byte[] Encode(IEnumerable<TargetEntity> targets, int key, string? text)
    {
        // { a: [ {n or _id, then the target's fields without its document id}, … ] }, written straight into bytes.
        var writer = t_writer ??= new BsonBytesWriter(64 * 1024);
        writer.Clear();
        writer.BeginDocument();
        writer.BeginArray("a");
        var index = 0;
        foreach (var target in targets)
        {
            writer.BeginDocument(BsonBytesWriter.ElementName(index++));
            if (IsOwn(target.Id, key))
            {
                writer.Add(Ordinal, target.Id.Increment);
            }
            else
            {
                writer.Add("_id", target.Id);
            }

            TargetWriter.WriteFields(target, writer, withQuote: text is null || !IsTextAt(text, target.Quote, target.Start, target.End));
            writer.End();
        }

        writer.End();
        writer.End();
        var packed = PackedLayout.Compress(writer.Written, Quality);
        if (writer.Capacity > MaxKeptWriterBytes)
        {
            // A very large document's buffer is not kept for the rest of the thread's life.
            t_writer = null;
        }

        return packed;
    }

    // Each worker thread keeps its writer's buffer: a fresh 64 KiB buffer per document was about a sixth of all the bytes
    // a batch allocated (bench ingest: 136 of 1,192 MB sampled), for records a few kilobytes long.
    [ThreadStatic]
    private static BsonBytesWriter? t_writer;

    private const int MaxKeptWriterBytes = 1 << 20;

    /// <summary>The raw target records of a pack, each with its "_id", document id and quote as a v4 target record had them.</summary>
    /// <param name="textOf">The stored text of a document by id, asked at most once and only when a record left its quote
    /// to the text; null when quotes are not needed (they are then left out).</param>
    public static List<BsonDocument> DecodeRaw(BsonDocument pack, Func<string, string?>? textOf)
    {
        var key = pack["_id"].AsInt32;
        var documentId = pack[DocumentId];
        var records = BsonSerializer.Deserialize(PackedLayout.Decompress(pack[Data].AsBinary))["a"].AsArray;
        var targets = new List<BsonDocument>(records.Count);
        string? text = null;
        foreach (var value in records)
        {
            var record = value.AsDocument;
            if (!record.ContainsKey("_id"))
            {
                record["_id"] = IdOf(key, record[Ordinal].AsInt32);
            }

            record.Remove(Ordinal);
            record[TargetBson.DocumentId] = documentId;
            if (textOf is not null && !record.ContainsKey(TargetBson.Quote))
            {
                text ??= textOf(documentId.AsString) ?? "";
                record[TargetBson.Quote] = QuoteAt(text, record[TargetBson.Start], record[TargetBson.End]);
            }

            targets.Add(record);
        }

        return targets;
    }

    /// <summary>The targets of a pack as entities (<see cref="DecodeRaw"/>).</summary>
    public static List<TargetEntity> Decode(BsonMapper mapper, BsonDocument pack, Func<string, string?> textOf) =>
        [.. DecodeRaw(pack, textOf).Select(mapper.ToObject<TargetEntity>)];

    /// <summary>Whether <paramref name="quote"/> is <paramref name="text"/> from <paramref name="start"/> to <paramref name="end"/>.</summary>
    private static bool IsTextAt(string text, string quote, int start, int end) =>
        start >= 0 && end >= start && end <= text.Length && quote.Length == end - start && text.AsSpan(start, end - start).SequenceEqual(quote);

    // A text too short for the offsets (never written so; a damaged record) gives an empty quote rather than an exception.
    private static string QuoteAt(string text, BsonValue start, BsonValue end) =>
        start.IsNumber && end.IsNumber && start.AsInt32 >= 0 && start.AsInt32 <= end.AsInt32 && end.AsInt32 <= text.Length
            ? text[start.AsInt32..end.AsInt32]
            : "";

    /// <summary>The largest pack key in use, 0 when there is none (read from the primary index, not a scan).</summary>
    public static int MaxKey(ILiteCollection<BsonDocument> packs) =>
        packs.Query().OrderBy(BsonExpression.Create("$._id"), Query.Descending).Limit(1).ToEnumerable().FirstOrDefault()?["_id"] is { IsInt32: true } key
            ? key.AsInt32
            : 0;

    /// <summary>A pack record.</summary>
    public static BsonDocument Record(int key, string documentId, byte[] data, int count) => new()
    {
        ["_id"] = key,
        [DocumentId] = documentId,
        [Data] = data,
        [Count] = count,
    };
}
