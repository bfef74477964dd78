using System.Buffers;

namespace PolicyMiner.Segmentation;

/// <summary>Tokens as (start, length) pairs into the text being cut, collected before any string is made.</summary>
/// <remarks>
/// One instance per call, holding rented arrays; <see cref="Dispose"/> returns them. A token whose text is not a
/// substring of the input (jieba's full mode can glue non-adjacent pieces) carries its text separately.
/// </remarks>
internal sealed class TokenRanges : IDisposable
{
    private int[] _starts;
    private int[] _lengths;
    private Dictionary<int, string>? _gluedText;

    public TokenRanges(int expected)
    {
        _starts = ArrayPool<int>.Shared.Rent(Math.Max(16, expected));
        _lengths = ArrayPool<int>.Shared.Rent(Math.Max(16, expected));
    }

    public int Count { get; private set; }

    public int Start(int index) => _starts[index];

    public int Length(int index) => _lengths[index];

    /// <summary>The separately carried text of a token, when it is not the input's substring.</summary>
    public string? GluedText(int index) => _gluedText is not null && _gluedText.TryGetValue(index, out var text) ? text : null;

    public void Add(int start, int length)
    {
        if (Count == _starts.Length)
        {
            Grow();
        }

        _starts[Count] = start;
        _lengths[Count] = length;
        Count++;
    }

    public void AddGlued(int start, int length, string text)
    {
        (_gluedText ??= [])[Count] = text;
        Add(start, length);
    }

    private void Grow()
    {
        var starts = ArrayPool<int>.Shared.Rent(_starts.Length * 2);
        var lengths = ArrayPool<int>.Shared.Rent(_starts.Length * 2);
        _starts.AsSpan(0, Count).CopyTo(starts);
        _lengths.AsSpan(0, Count).CopyTo(lengths);
        ArrayPool<int>.Shared.Return(_starts);
        ArrayPool<int>.Shared.Return(_lengths);
        _starts = starts;
        _lengths = lengths;
    }

    /// <summary>Forgets the tokens, keeping the arrays: for a caller that cuts many short texts in turn.</summary>
    public void Clear()
    {
        Count = 0;
        _gluedText?.Clear();
    }

    public void Dispose()
    {
        ArrayPool<int>.Shared.Return(_starts);
        ArrayPool<int>.Shared.Return(_lengths);
        _starts = [];
        _lengths = [];
    }
}

/// <summary>Per-call working arrays for routes and the Viterbi decoder, rented and grown on demand.</summary>
internal sealed class SegmentScratch : IDisposable
{
    private double[] _routeScores = [];
    private int[] _routeEnds = [];
    private double[] _viterbiScores = [];
    private byte[] _viterbiBack = [];
    private byte[] _viterbiPath = [];
    private int[] _ends = [];

    public Span<double> RouteScores(int length) => Rent(ref _routeScores, length);

    public Span<int> RouteEnds(int length) => Rent(ref _routeEnds, length);

    public Span<double> ViterbiScores(int length) => Rent(ref _viterbiScores, length);

    public Span<byte> ViterbiBack(int length) => Rent(ref _viterbiBack, length);

    public Span<byte> ViterbiPath(int length) => Rent(ref _viterbiPath, length);

    public Span<int> WordEnds(int length) => Rent(ref _ends, length);

    private static Span<T> Rent<T>(ref T[] array, int length)
    {
        if (array.Length < length)
        {
            if (array.Length > 0)
            {
                ArrayPool<T>.Shared.Return(array);
            }

            array = ArrayPool<T>.Shared.Rent(Math.Max(length, 256));
        }

        return array.AsSpan(0, length);
    }

    public void Dispose()
    {
        Return(ref _routeScores);
        Return(ref _routeEnds);
        Return(ref _viterbiScores);
        Return(ref _viterbiBack);
        Return(ref _viterbiPath);
        Return(ref _ends);
    }

    private static void Return<T>(ref T[] array)
    {
        if (array.Length > 0)
        {
            ArrayPool<T>.Shared.Return(array);
        }

        array = [];
    }
}
