namespace PolicyMiner.Core.Text;

/// <summary>Maps offsets in a normalised text back to offsets in the source text it was made from.</summary>
/// <remarks>
/// Holds one source offset per normalised position plus one for the end, so any normalised span can be
/// highlighted in the original. Immutable and thread-safe.
/// </remarks>
public sealed class OffsetMap
{
    private readonly int[] _sourceOffsets;

    /// <param name="sourceOffsets">For each normalised position i, the source offset it came from; the last
    /// element (index = normalised length) is the source offset of the end. Must be non-decreasing.</param>
    public OffsetMap(int[] sourceOffsets)
    {
        ArgumentNullException.ThrowIfNull(sourceOffsets);
        if (sourceOffsets.Length == 0)
        {
            throw new ArgumentException("An offset map needs at least the end offset.", nameof(sourceOffsets));
        }

        _sourceOffsets = sourceOffsets;
    }

    /// <summary>An identity map for a text of <paramref name="length"/> characters.</summary>
    public static OffsetMap Identity(int length)
    {
        var offsets = new int[length + 1];
        for (var i = 0; i < offsets.Length; i++)
        {
            offsets[i] = i;
        }

        return new OffsetMap(offsets);
    }

    /// <summary>Length of the normalised text this map covers.</summary>
    public int NormalisedLength => _sourceOffsets.Length - 1;

    /// <summary>Source offset of the normalised position <paramref name="offset"/> (clamped to the text).</summary>
    public int ToSource(int offset) => _sourceOffsets[Math.Clamp(offset, 0, _sourceOffsets.Length - 1)];

    /// <summary>The source span that a normalised span was made from.</summary>
    public TextSpan ToSource(TextSpan span)
    {
        var start = ToSource(span.Start);
        // The end of a span maps to just after the source character of its last position, so a
        // normalised character made from several source characters is covered whole.
        var end = span.End > span.Start ? Math.Max(start, EndOf(span.End - 1)) : start;
        return new TextSpan(start, end);
    }

    /// <summary>Composes this map (normalised → intermediate) with <paramref name="inner"/> (intermediate → source).</summary>
    public OffsetMap Then(OffsetMap inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        var composed = new int[_sourceOffsets.Length];
        for (var i = 0; i < composed.Length; i++)
        {
            composed[i] = inner.ToSource(_sourceOffsets[i]);
        }

        return new OffsetMap(composed);
    }

    private int EndOf(int position)
    {
        // Next distinct source offset after this position's own, or the end.
        var own = _sourceOffsets[position];
        for (var i = position + 1; i < _sourceOffsets.Length; i++)
        {
            if (_sourceOffsets[i] > own)
            {
                return _sourceOffsets[i];
            }
        }

        return _sourceOffsets[^1];
    }
}
