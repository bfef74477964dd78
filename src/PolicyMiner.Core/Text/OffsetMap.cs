namespace PolicyMiner.Core.Text;

/// <summary>Maps offsets in a normalised text back to offsets in the source text it was made from.</summary>
/// <remarks>
/// Holds one source offset per normalised position plus one for the end, so any normalised span can be
/// highlighted in the original. Stored as runs in which each position's source offset is one more than the previous
/// one's, so a map costs memory per edit, not per character (a 50 MB text with few edits keeps a few KB, not 4 bytes
/// a character). Immutable and thread-safe.
/// </remarks>
public sealed class OffsetMap
{
    // Run r covers normalised positions [_runStarts[r], _runStarts[r + 1]) (the last run ends at _length), and maps
    // position p of it to _runSources[r] + (p - _runStarts[r]). _runStarts[0] is 0.
    private readonly int[] _runStarts;
    private readonly int[] _runSources;
    private readonly int _length;

    /// <param name="sourceOffsets">For each normalised position i, the source offset it came from; the last
    /// element (index = normalised length) is the source offset of the end. Must be non-decreasing.</param>
    public OffsetMap(int[] sourceOffsets)
    {
        ArgumentNullException.ThrowIfNull(sourceOffsets);
        if (sourceOffsets.Length == 0)
        {
            throw new ArgumentException("An offset map needs at least the end offset.", nameof(sourceOffsets));
        }

        var runs = new Runs();
        foreach (var offset in sourceOffsets)
        {
            runs.Add(offset);
        }

        (_runStarts, _runSources, _length) = runs.ToArrays();
    }

    private OffsetMap(int[] runStarts, int[] runSources, int length)
    {
        _runStarts = runStarts;
        _runSources = runSources;
        _length = length;
    }

    /// <summary>An identity map for a text of <paramref name="length"/> characters.</summary>
    public static OffsetMap Identity(int length) => new([0], [0], length + 1);

    /// <summary>Length of the normalised text this map covers.</summary>
    public int NormalisedLength => _length - 1;

    /// <summary>Source offset of the normalised position <paramref name="offset"/> (clamped to the text).</summary>
    public int ToSource(int offset)
    {
        var position = Math.Clamp(offset, 0, _length - 1);
        var run = RunOf(position);
        return _runSources[run] + (position - _runStarts[run]);
    }

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
        var runs = new Runs();
        // Both maps are non-decreasing, so one forward pass over each map's runs composes them. Where a run of this map lies
        // inside one run of the inner map, its positions map to consecutive source offsets: added as one sequence, so the
        // pass costs per run, not per character.
        var innerRun = 0;
        var innerLast = inner._length - 1;
        for (var run = 0; run < _runStarts.Length; run++)
        {
            var end = run + 1 < _runStarts.Length ? _runStarts[run + 1] : _length;
            for (var position = _runStarts[run]; position < end;)
            {
                var raw = _runSources[run] + (position - _runStarts[run]);
                var middle = Math.Clamp(raw, 0, innerLast);
                if (middle < inner._runStarts[innerRun])
                {
                    innerRun = inner.RunOf(middle);
                }

                while (innerRun + 1 < inner._runStarts.Length && inner._runStarts[innerRun + 1] <= middle)
                {
                    innerRun++;
                }

                var source = inner._runSources[innerRun] + (middle - inner._runStarts[innerRun]);
                if (raw != middle)
                {
                    // Clamped to the inner text's end (or start): every such position maps to the same offset.
                    runs.Add(source);
                    position++;
                    continue;
                }

                var innerEnd = innerRun + 1 < inner._runStarts.Length ? inner._runStarts[innerRun + 1] : inner._length;
                var count = Math.Min(end - position, innerEnd - middle);
                runs.AddSequence(source, count);
                position += count;
            }
        }

        var (starts, sources, length) = runs.ToArrays();
        return new OffsetMap(starts, sources, length);
    }

    /// <summary>Builds a map one position at a time, in order; see <see cref="OffsetTextBuilder"/>.</summary>
    internal sealed class Runs
    {
        private readonly List<int> _starts = [];
        private readonly List<int> _sources = [];
        private int _count;
        private int _last;

        /// <summary>Number of positions added.</summary>
        public int Count => _count;

        /// <summary>The source offset of the last position added.</summary>
        public int Last => _last;

        /// <summary>Adds the next position's source offset.</summary>
        public void Add(int sourceOffset)
        {
            if (_count == 0 || sourceOffset != _last + 1)
            {
                _starts.Add(_count);
                _sources.Add(sourceOffset);
            }

            _last = sourceOffset;
            _count++;
        }

        /// <summary>Adds <paramref name="count"/> positions whose source offsets are <paramref name="sourceStart"/>, +1, +2 ….</summary>
        public void AddSequence(int sourceStart, int count)
        {
            if (count <= 0)
            {
                return;
            }

            Add(sourceStart);
            _last = sourceStart + count - 1;
            _count += count - 1;
        }

        /// <summary>Drops positions from the end, keeping the first <paramref name="count"/>.</summary>
        public void Truncate(int count)
        {
            if (count >= _count)
            {
                return;
            }

            var keep = _starts.Count;
            while (keep > 0 && _starts[keep - 1] >= count)
            {
                keep--;
            }

            _starts.RemoveRange(keep, _starts.Count - keep);
            _sources.RemoveRange(keep, _sources.Count - keep);
            _count = count;
            _last = count == 0 ? 0 : _sources[keep - 1] + (count - 1 - _starts[keep - 1]);
        }

        public (int[] Starts, int[] Sources, int Length) ToArrays() => ([.. _starts], [.. _sources], _count);

        public OffsetMap ToMap() => new([.. _starts], [.. _sources], _count);

        /// <summary>The map of these positions and one more, at <paramref name="sourceOffset"/>, as <see cref="Add"/> then
        /// <see cref="ToMap()"/> on a copy would give it, without copying the runs twice.</summary>
        public OffsetMap ToMap(int sourceOffset)
        {
            var opens = _count == 0 || sourceOffset != _last + 1;
            var runs = _starts.Count + (opens ? 1 : 0);
            var starts = new int[runs];
            var sources = new int[runs];
            _starts.CopyTo(starts);
            _sources.CopyTo(sources);
            if (opens)
            {
                starts[^1] = _count;
                sources[^1] = sourceOffset;
            }

            return new OffsetMap(starts, sources, _count + 1);
        }
    }

    private int RunOf(int position)
    {
        // The last run starting at or before the position.
        var index = Array.BinarySearch(_runStarts, position);
        return index >= 0 ? index : ~index - 1;
    }

    private int EndOf(int position)
    {
        // Next distinct source offset after this position's own, or the end.
        var own = ToSource(position);
        var run = RunOf(position);
        for (var i = position + 1; i < _length; i++)
        {
            while (run + 1 < _runStarts.Length && _runStarts[run + 1] <= i)
            {
                run++;
            }

            var source = _runSources[run] + (i - _runStarts[run]);
            if (source > own)
            {
                return source;
            }
        }

        return ToSource(_length - 1);
    }
}
