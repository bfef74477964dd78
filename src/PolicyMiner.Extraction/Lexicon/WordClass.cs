using System.Buffers;

namespace PolicyMiner.Extraction.Lexicon;

/// <summary>A named, closed class of words from the lexicon (review markers, commitment words, growth phrases …).</summary>
/// <remarks>Immutable and thread-safe; searches run on <see cref="SearchValues{T}"/> of strings, not per-word loops.</remarks>
public sealed class WordClass
{
    private readonly SearchValues<string> _search;
    private readonly string[] _longestFirst;

    internal WordClass(string name, IReadOnlyList<string> words)
    {
        Name = name;
        Words = words;
        _search = SearchValues.Create([.. words], StringComparison.Ordinal);
        _longestFirst = [.. words.OrderByDescending(w => w.Length)];
    }

    public string Name { get; }

    public IReadOnlyList<string> Words { get; }

    /// <summary>Index of the first occurrence of any word of the class in <paramref name="text"/>, or -1.</summary>
    public int IndexIn(ReadOnlySpan<char> text) => text.IndexOfAny(_search);

    /// <summary>True when <paramref name="text"/> holds a word of the class.</summary>
    public bool OccursIn(ReadOnlySpan<char> text) => text.IndexOfAny(_search) >= 0;

    /// <summary>Length of the longest word of the class starting at <paramref name="text"/>'s beginning, or 0.</summary>
    public int MatchAtStart(ReadOnlySpan<char> text)
    {
        foreach (var word in _longestFirst)
        {
            if (text.StartsWith(word, StringComparison.Ordinal))
            {
                return word.Length;
            }
        }

        return 0;
    }

    /// <summary>Length of the longest word of the class ending at <paramref name="text"/>'s end, or 0.</summary>
    public int MatchAtEnd(ReadOnlySpan<char> text)
    {
        foreach (var word in _longestFirst)
        {
            if (text.EndsWith(word, StringComparison.Ordinal))
            {
                return word.Length;
            }
        }

        return 0;
    }

    public override string ToString() => $"[{Name}] {Words.Count} words";
}
