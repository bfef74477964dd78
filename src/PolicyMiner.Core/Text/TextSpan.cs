namespace PolicyMiner.Core.Text;

/// <summary>A half-open range [<see cref="Start"/>, <see cref="End"/>) of UTF-16 offsets in a text.</summary>
public readonly record struct TextSpan(int Start, int End)
{
    /// <summary>Number of UTF-16 code units covered.</summary>
    public int Length => End - Start;

    /// <summary>True when the two spans share at least one position.</summary>
    public bool Overlaps(TextSpan other) => Start < other.End && other.Start < End;

    /// <summary>True when <paramref name="offset"/> lies inside the span.</summary>
    public bool Contains(int offset) => offset >= Start && offset < End;

    public override string ToString() => $"[{Start},{End})";
}
