using System.Buffers;

namespace PolicyMiner.Core.Text;

/// <summary>Builds a text character by character while recording, for each character, the source offset it came from.</summary>
/// <remarks>
/// Not thread-safe; use one builder per text. Source offsets must be appended in non-decreasing order. The character
/// buffer of an ordinary document is rented from the shared pool (a text-sized array per document was one of ingest's largest
/// allocations) and given back by <see cref="Dispose"/>; a builder not disposed leaves it to the garbage collector. A buffer
/// above <see cref="PooledChars"/> is allocated to size and never pooled: the pool rounds a request up to a power of two and
/// keeps what it is given, so a 200 MB text would hold a 512 MB array after its document was done.
/// </remarks>
public sealed class OffsetTextBuilder : IDisposable
{
    /// <summary>The largest buffer taken from and given back to the shared pool (4 MiB of characters).</summary>
    private const int PooledChars = 1 << 21;

    private char[] _chars;
    private readonly OffsetMap.Runs _offsets = new();
    private int _length;

    public OffsetTextBuilder(int capacity = 256)
    {
        _chars = Take(Math.Max(capacity, 16));
    }

    /// <summary>Number of characters appended so far.</summary>
    public int Length => _length;

    /// <summary>The last character appended, or '\0' when empty.</summary>
    public char Last => _length == 0 ? '\0' : _chars[_length - 1];

    /// <summary>Appends one character that came from <paramref name="sourceOffset"/>.</summary>
    public void Append(char c, int sourceOffset)
    {
        if (_length == _chars.Length)
        {
            Grow();
        }

        _chars[_length] = c;
        _offsets.Add(sourceOffset);
        _length++;
    }

    /// <summary>Appends <paramref name="source"/>[start..start+length) with identity offsets shifted by <paramref name="sourceStart"/>.</summary>
    public void Append(ReadOnlySpan<char> text, int sourceStart)
    {
        // One block copy for the characters instead of a call per character: the readers append whole runs.
        while (_length + text.Length > _chars.Length)
        {
            Grow();
        }

        text.CopyTo(_chars.AsSpan(_length));
        _offsets.AddSequence(sourceStart, text.Length);

        _length += text.Length;
    }

    /// <summary>Removes trailing characters for which <paramref name="predicate"/> holds.</summary>
    public void TrimEnd(Func<char, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        while (_length > 0 && predicate(_chars[_length - 1]))
        {
            _length--;
        }

        _offsets.Truncate(_length);
    }

    /// <summary>The built text and its map back to the source; <paramref name="sourceEnd"/> is the source offset of the end.</summary>
    public (string Text, OffsetMap Map) Build(int sourceEnd)
    {
        var end = _length == 0 ? sourceEnd : Math.Max(sourceEnd, _offsets.Last);
        return (new string(_chars, 0, _length), _offsets.ToMap(end));
    }

    /// <summary>Gives the character buffer back to the pool; the builder is not to be used after.</summary>
    public void Dispose()
    {
        var chars = _chars;
        _chars = [];
        _length = 0;
        GiveBack(chars);
    }

    private void Grow()
    {
        var grown = Take((int)Math.Min(Math.Max(_chars.Length * 2L, 16), Array.MaxLength));
        _chars.AsSpan(0, _length).CopyTo(grown);
        GiveBack(_chars);
        _chars = grown;
    }

    private static char[] Take(int length) => length <= PooledChars ? ArrayPool<char>.Shared.Rent(length) : new char[length];

    private static void GiveBack(char[] chars)
    {
        if (chars.Length is > 0 and <= PooledChars)
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }
}
