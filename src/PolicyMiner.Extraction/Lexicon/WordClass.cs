using System.Buffers;
using System.Collections.Frozen;

namespace PolicyMiner.Extraction.Lexicon;

/// <summary>A named, closed class of words from the lexicon (review markers, commitment words, growth phrases …).</summary>
/// <remarks>
/// Immutable and thread-safe. Searches jump to the next character that can open a word (a vectorised
/// <see cref="SearchValues{T}"/> of first characters) and compare only the words opening with it: on short clauses of
/// Chinese text this is several times cheaper than a string automaton, which looks up a dictionary per character.
/// </remarks>
public sealed class WordClass
{
    private readonly SearchValues<char> _firsts;
    private readonly FrozenDictionary<char, string[]> _byFirst;
    private readonly FrozenDictionary<char, string[]> _byLast;

    private readonly string[] _words;

    internal WordClass(string name, IReadOnlyList<string> words)
    {
        Name = name;
        _words = [.. words];
        Words = _words;
        // Longest first, so the first word that matches is the longest (two words of one length matching at one place are equal).
        var longestFirst = words.Where(w => w.Length > 0).OrderByDescending(w => w.Length).ToArray();
        _byFirst = longestFirst.GroupBy(w => w[0]).ToFrozenDictionary(g => g.Key, g => g.ToArray());
        _byLast = longestFirst.GroupBy(w => w[^1]).ToFrozenDictionary(g => g.Key, g => g.ToArray());
        _firsts = SearchValues.Create([.. _byFirst.Keys]);
    }

    public string Name { get; }

    public IReadOnlyList<string> Words { get; }

    /// <summary>The words as listed, for loops on hot paths: a foreach over <see cref="Words"/> boxes an enumerator each time.</summary>
    public ReadOnlySpan<string> WordSpan => _words;

    /// <summary>Index of the first occurrence of any word of the class in <paramref name="text"/>, or -1.</summary>
    public int IndexIn(ReadOnlySpan<char> text)
    {
        var offset = 0;
        while (offset < text.Length)
        {
            var next = text[offset..].IndexOfAny(_firsts);
            if (next < 0)
            {
                return -1;
            }

            var at = offset + next;
            if (MatchAtStart(text[at..]) > 0)
            {
                return at;
            }

            offset = at + 1;
        }

        return -1;
    }

    /// <summary>True when <paramref name="text"/> holds a word of the class.</summary>
    public bool OccursIn(ReadOnlySpan<char> text) => IndexIn(text) >= 0;

    /// <summary>True when <paramref name="text"/> is exactly one word of the class (not just holds one).</summary>
    public bool Contains(ReadOnlySpan<char> text) => !text.IsEmpty && MatchAtStart(text) == text.Length;

    /// <summary>True when some word of the class opens with <paramref name="c"/> (改 opens 改建 and 改造).</summary>
    public bool HasWordOpeningWith(char c) => _byFirst.ContainsKey(c);

    /// <summary>True when the one character <paramref name="c"/> is a word of the class (a class of single characters).</summary>
    public bool Contains(char c) => Contains(new ReadOnlySpan<char>(in c));

    /// <summary>Length of the longest word of the class starting at <paramref name="index"/> of <paramref name="text"/>, or 0;
    /// an index outside the text gives 0.</summary>
    public int MatchAt(string text, int index) =>
        index >= 0 && index <= text.Length ? MatchAtStart(text.AsSpan(index)) : 0;

    /// <summary>Length of the longest word of the class ending just before <paramref name="index"/> of <paramref name="text"/>, or 0;
    /// an index outside the text gives 0.</summary>
    public int MatchEndingAt(string text, int index) =>
        index >= 0 && index <= text.Length ? MatchAtEnd(text.AsSpan(0, index)) : 0;

    /// <summary>Length of the longest word of the class starting at <paramref name="text"/>'s beginning, or 0.</summary>
    public int MatchAtStart(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty || !_byFirst.TryGetValue(text[0], out var candidates))
        {
            return 0;
        }

        foreach (var word in candidates)
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
        if (text.IsEmpty || !_byLast.TryGetValue(text[^1], out var candidates))
        {
            return 0;
        }

        foreach (var word in candidates)
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
