using System.Buffers;
using System.IO.Compression;
using System.Text;

namespace PolicyMiner.Storage.Entities;

/// <summary>A document's text as stored: UTF-8, Brotli-compressed, cut into pieces that each fit in one LiteDB record.</summary>
/// <remarks>
/// LiteDB refuses records over 16 MB, so a long document stored as one string aborted the whole batch. Compressed,
/// Chinese policy text takes about a quarter of its UTF-8 size; any piece beyond the first lives in <c>content_chunks</c>.
/// </remarks>
internal static class PackedText
{
    /// <summary>Largest compressed piece kept in one record: well under LiteDB's 16 MB limit, with room for sections.</summary>
    public const int ChunkBytes = 4 * 1024 * 1024;

    // Quality 3 of 11: half the time of quality 5 for 14-19 % more bytes (texts of ../shared/real and bench ingest); the
    // space comes from the target packs, which keep no quotes since schema v8 (see TargetPack).
    internal const int Quality = 3;

    public static byte[] Pack(string text)
    {
        var utf8 = Encoding.UTF8.GetBytes(text);
        using var output = new MemoryStream(utf8.Length / 3 + 64);
        using (var brotli = new BrotliStream(output, new BrotliCompressionOptions { Quality = Quality }, leaveOpen: true))
        {
            brotli.Write(utf8);
        }

        return output.ToArray();
    }

    /// <summary>The text's UTF-8 followed by <paramref name="layout"/> (uncompressed BSON of the sections and diagnostics) in
    /// one Brotli stream, and the text's length in bytes (where the layout starts).</summary>
    /// <remarks>Schema v7 on. Headings repeat the text, so compressed after it they cost little; one compressor instead of two
    /// saves the second's start-up and its output's own framing.</remarks>
    public static (byte[] Packed, int TextBytes) PackWithLayout(string text, byte[]? layout)
    {
        var length = Encoding.UTF8.GetByteCount(text) + (layout?.Length ?? 0);
        // Rented as the compressor's output is (PackedLayout.Compress): the text's bytes live only until they are compressed,
        // and a new array per document was as many bytes again as the text, those of a long one on the large object heap.
        var rented = length <= PackedLayout.MaxRentedBytes ? ArrayPool<byte>.Shared.Rent(length) : null;
        var utf8 = rented ?? new byte[length];
        try
        {
            var textBytes = Encoding.UTF8.GetBytes(text, utf8);
            layout?.CopyTo(utf8, textBytes);
            return (PackedLayout.Compress(utf8.AsSpan(0, length), Quality), textBytes);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>The bytes of a packed stream, as <see cref="PackWithLayout"/> wrote them.</summary>
    public static byte[] UnpackBytes(IEnumerable<byte[]> pieces)
    {
        using var packed = new MemoryStream();
        foreach (var piece in pieces)
        {
            packed.Write(piece);
        }

        return PackedLayout.Decompress(packed.ToArray());
    }

    public static string Unpack(IEnumerable<byte[]> pieces)
    {
        using var packed = new MemoryStream();
        foreach (var piece in pieces)
        {
            packed.Write(piece);
        }

        packed.Position = 0;
        using var brotli = new BrotliStream(packed, CompressionMode.Decompress);
        using var reader = new StreamReader(brotli, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>The packed bytes cut into pieces of at most <see cref="ChunkBytes"/>.</summary>
    public static List<byte[]> Split(byte[] packed)
    {
        if (packed.Length <= ChunkBytes)
        {
            // Nearly every text fits in one record: the packed bytes themselves, not a copy (the single writer made one per document).
            return [packed];
        }

        var pieces = new List<byte[]>(packed.Length / ChunkBytes + 1);
        for (var at = 0; at < packed.Length || pieces.Count == 0; at += ChunkBytes)
        {
            pieces.Add(packed[at..Math.Min(packed.Length, at + ChunkBytes)]);
        }

        return pieces;
    }

    public static string ChunkId(string documentId, int index) => $"{documentId}/{index}";
}

/// <summary>BSON shape of one further piece of a document's packed text (collection <c>content_chunks</c>).</summary>
internal sealed class ContentChunkEntity
{
    public string Id { get; set; } = "";

    public byte[] Data { get; set; } = [];
}
