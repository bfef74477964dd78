using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using LiteDB;

namespace PolicyMiner.Storage.Entities;

/// <summary>Writes a BSON document straight into bytes, exactly as LiteDB's serializer writes the same fields added to a
/// <see cref="BsonDocument"/> in the same order.</summary>
/// <remarks>
/// A batch packs every extracted target (<see cref="TargetPack.Encode"/>); building a dictionary of boxed values per target
/// only to serialize it was as costly as compressing the result. A Storage test compares the bytes with LiteDB's.
/// </remarks>
internal sealed class BsonBytesWriter : IBsonFields
{
    private static readonly DateTime UnixEpoch = new(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private readonly Stack<int> _open = new();
    private byte[] _buffer;
    private int _length;

    public BsonBytesWriter(int capacity = 4096) => _buffer = new byte[Math.Max(capacity, 64)];

    /// <summary>Capacity of the buffer (it grows to the largest record written).</summary>
    public int Capacity => _buffer.Length;

    /// <summary>Forgets what was written, keeping the buffer, so one writer serves record after record.</summary>
    public void Clear()
    {
        _length = 0;
        _open.Clear();
    }

    /// <summary>The bytes written so far.</summary>
    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, _length);

    /// <summary>Opens the top-level document.</summary>
    public void BeginDocument() => Open();

    /// <summary>Opens a document-valued field (in an array, its name is its index).</summary>
    public void BeginDocument(string name)
    {
        Head(0x03, name);
        Open();
    }

    /// <summary>Opens an array-valued field; its elements are named "0", "1", ….</summary>
    public void BeginArray(string name)
    {
        Head(0x04, name);
        Open();
    }

    /// <summary>Closes the innermost open document or array and writes its length.</summary>
    public void End()
    {
        Byte(0);
        var start = _open.Pop();
        BinaryPrimitives.WriteInt32LittleEndian(_buffer.AsSpan(start), _length - start);
    }

    public void Add(string name, ObjectId value)
    {
        Head(0x07, name);
        value.ToByteArray().CopyTo(Reserve(12));
    }

    public void Add(string name, string value)
    {
        Head(0x02, name);
        var bytes = Encoding.UTF8.GetByteCount(value);
        BinaryPrimitives.WriteInt32LittleEndian(Reserve(4), bytes + 1);
        Encoding.UTF8.GetBytes(value, Reserve(bytes));
        Byte(0);
    }

    public void Add(string name, int value)
    {
        Head(0x10, name);
        BinaryPrimitives.WriteInt32LittleEndian(Reserve(4), value);
    }

    public void Add(string name, double value)
    {
        Head(0x01, name);
        BinaryPrimitives.WriteDoubleLittleEndian(Reserve(8), value);
    }

    public void Add(string name, bool value)
    {
        Head(0x08, name);
        Byte(value ? (byte)1 : (byte)0);
    }

    public void Add(string name, DateTime value)
    {
        // As LiteDB: the value truncated to milliseconds, then as UTC milliseconds since 1970 (min and max unconverted).
        var truncated = new DateTime(value.Ticks - (value.Ticks % TimeSpan.TicksPerMillisecond), value.Kind);
        var utc = truncated == DateTime.MinValue || truncated == DateTime.MaxValue ? truncated : truncated.ToUniversalTime();
        Head(0x09, name);
        BinaryPrimitives.WriteInt64LittleEndian(Reserve(8), Convert.ToInt64((utc - UnixEpoch).TotalMilliseconds));
    }

    public void AddNull(string name) => Head(0x0A, name);

    public void Add(string name, List<string> values)
    {
        BeginArray(name);
        for (var i = 0; i < values.Count; i++)
        {
            Add(ElementName(i), values[i]);
        }

        End();
    }

    /// <summary>The name of an array's element <paramref name="index"/> ("0", "1", …), without a new string for the first few hundred.</summary>
    public static string ElementName(int index) => index < ElementNames.Length ? ElementNames[index] : index.ToString(CultureInfo.InvariantCulture);

    // Every packed target and section is an array element: a name made per element was a string per target packed.
    private static readonly string[] ElementNames = [.. Enumerable.Range(0, 1024).Select(i => i.ToString(CultureInfo.InvariantCulture))];

    private void Open()
    {
        _open.Push(_length);
        _ = Reserve(4);
    }

    /// <summary>An element's type byte and its name as a NUL-terminated UTF-8 string.</summary>
    private void Head(byte type, string name)
    {
        Byte(type);
        Encoding.UTF8.GetBytes(name, Reserve(Encoding.UTF8.GetByteCount(name)));
        Byte(0);
    }

    private void Byte(byte value) => Reserve(1)[0] = value;

    private Span<byte> Reserve(int count)
    {
        if (_length + count > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + count));
        }

        var span = _buffer.AsSpan(_length, count);
        _length += count;
        return span;
    }
}
