using System.Buffers;
using System.IO.Compression;
using LiteDB;

namespace PolicyMiner.Storage.Entities;

/// <summary>A document's sections and diagnostics as the LiteDB store keeps them (schema v5 on): one Brotli-compressed
/// BSON record of arrays, stored with the text in <c>contents</c>.</summary>
/// <remarks>
/// As BSON documents each section repeated its five field names and took about 90 bytes; the headings and spans of a
/// document compressed together take a fraction of that. Readers unpack them into <see cref="DocumentContentEntity.Sections"/>
/// and <see cref="DocumentContentEntity.Diagnostics"/>, so nothing above the store sees the difference.
/// </remarks>
internal static class PackedLayout
{
    private const int Quality = PackedText.Quality;

    /// <summary>The packed sections and diagnostics; null when there are none.</summary>
    public static byte[]? Pack(IReadOnlyList<SectionEntity> sections, IReadOnlyList<DiagnosticEntity> diagnostics) =>
        Serialize(sections, diagnostics) is { } record ? Compress(record) : null;

    /// <summary>The sections and diagnostics as one uncompressed BSON record; null when there are none.</summary>
    public static byte[]? Serialize(IReadOnlyList<SectionEntity> sections, IReadOnlyList<DiagnosticEntity> diagnostics)
    {
        if (sections.Count == 0 && diagnostics.Count == 0)
        {
            return null;
        }

        // { s: [[level, number, heading, start, end], …], g: [[code, severity, message, start or null, end or null], …] },
        // written straight into bytes as LiteDB serializes that record (a Storage test compares them): a BsonDocument of
        // boxed values per section, only to serialize it, was most of what packing allocated besides the text.
        var writer = t_writer ??= new BsonBytesWriter(16 * 1024);
        writer.Clear();
        writer.BeginDocument();
        writer.BeginArray("s");
        for (var i = 0; i < sections.Count; i++)
        {
            var section = sections[i];
            writer.BeginArray(BsonBytesWriter.ElementName(i));
            writer.Add("0", section.Level);
            Text(writer, "1", section.Number);
            Text(writer, "2", section.Heading);
            writer.Add("3", section.Start);
            writer.Add("4", section.End);
            writer.End();
        }

        writer.End();
        writer.BeginArray("g");
        for (var i = 0; i < diagnostics.Count; i++)
        {
            var diagnostic = diagnostics[i];
            writer.BeginArray(BsonBytesWriter.ElementName(i));
            Text(writer, "0", diagnostic.Code);
            Text(writer, "1", diagnostic.Severity);
            Text(writer, "2", diagnostic.Message);
            Number(writer, "3", diagnostic.Start);
            Number(writer, "4", diagnostic.End);
            writer.End();
        }

        writer.End();
        writer.End();
        var record = writer.Written.ToArray();
        if (writer.Capacity > MaxRentedBytes)
        {
            // A very large layout's buffer is not kept for the rest of the thread's life.
            t_writer = null;
        }

        return record;
    }

    // Each thread keeps its writer's buffer, as TargetPack does.
    [ThreadStatic]
    private static BsonBytesWriter? t_writer;

    // The entities' strings are never null; a null would be BSON null, as the BsonDocument wrote it.
    private static void Text(BsonBytesWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.AddNull(name);
        }
        else
        {
            writer.Add(name, value);
        }
    }

    private static void Number(BsonBytesWriter writer, string name, int? value)
    {
        if (value is { } number)
        {
            writer.Add(name, number);
        }
        else
        {
            writer.AddNull(name);
        }
    }

    /// <summary>Fills in a content record's sections and diagnostics from its packed layout, when it has one.</summary>
    public static DocumentContentEntity? Unpack(DocumentContentEntity? content)
    {
        if (content?.Layout is not { } packed)
        {
            return content;
        }

        Fill(content, Decompress(packed));
        content.Layout = null;
        return content;
    }

    /// <summary>Sets a content record's sections and diagnostics from their uncompressed BSON (<see cref="Serialize"/>).</summary>
    public static void Fill(DocumentContentEntity content, byte[] serialized)
    {
        var record = BsonSerializer.Deserialize(serialized);
        content.Sections = [.. record["s"].AsArray.Select(v => v.AsArray).Select(s => new SectionEntity
        {
            Level = s[0].AsInt32, Number = s[1].AsString, Heading = s[2].AsString, Start = s[3].AsInt32, End = s[4].AsInt32,
        })];
        content.Diagnostics = [.. record["g"].AsArray.Select(v => v.AsArray).Select(d => new DiagnosticEntity
        {
            Code = d[0].AsString,
            Severity = d[1].AsString,
            Message = d[2].AsString,
            Start = d[3].IsNumber ? d[3].AsInt32 : null,
            End = d[4].IsNumber ? d[4].AsInt32 : null,
        })];
    }

    /// <summary>Brotli in one call into an exact buffer (no stream: small records are compressed by the thousand).</summary>
    /// <remarks>The worst-case buffer of a record of ordinary size is rented, so only the exact result is allocated; a large
    /// one is allocated as it is (a pool would round it up to a power of two and keep it).</remarks>
    public static byte[] Compress(ReadOnlySpan<byte> data, int quality = Quality)
    {
        var bound = BrotliEncoder.GetMaxCompressedLength(data.Length);
        var rented = bound <= MaxRentedBytes ? ArrayPool<byte>.Shared.Rent(bound) : null;
        var output = rented ?? new byte[bound];
        try
        {
            if (!BrotliEncoder.TryCompress(data, output, out var written, quality, 22))
            {
                throw new InvalidOperationException("Brotli could not compress a record into its worst-case size");
            }

            return output.AsSpan(0, written).ToArray();
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    internal const int MaxRentedBytes = 1 << 20;

    public static byte[] Decompress(byte[] packed)
    {
        using var input = new MemoryStream(packed);
        using var brotli = new BrotliStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream(packed.Length * 4);
        brotli.CopyTo(output);
        return output.ToArray();
    }
}
