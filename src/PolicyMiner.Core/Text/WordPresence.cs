namespace PolicyMiner.Core.Text;

/// <summary>
/// A fixed set of words, each with an id, and which of them occur in a phrase, found in one pass over the phrase
/// (candidates looked up by first character) instead of one ordinal <c>Contains</c> per word.
/// </summary>
/// <remarks>Immutable and thread-safe. <see cref="Mark"/> gives exactly the words for which
/// <c>phrase.Contains(word, StringComparison.Ordinal)</c> is true.</remarks>
public sealed class WordPresence
{
    private readonly string[] _words;
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<char, int[]> _byFirstChar;

    public WordPresence(IEnumerable<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var list = new List<string>();
        foreach (var word in words)
        {
            if (word.Length > 0 && _ids.TryAdd(word, list.Count))
            {
                list.Add(word);
            }
        }

        _words = [.. list];
        _byFirstChar = Enumerable.Range(0, _words.Length).GroupBy(i => _words[i][0]).ToDictionary(g => g.Key, g => g.ToArray());
    }

    /// <summary>Number of distinct words; the length <see cref="Mark"/> needs.</summary>
    public int Count => _words.Length;

    /// <summary>The id of <paramref name="word"/>; a word outside the set is a programmer error and throws.</summary>
    public int IdOf(string word) => _ids[word];

    /// <summary>Sets <c>present[id]</c> for every word of the set that occurs in <paramref name="phrase"/>; other entries are left as they are.</summary>
    public void Mark(ReadOnlySpan<char> phrase, Span<bool> present)
    {
        for (var i = 0; i < phrase.Length; i++)
        {
            if (!_byFirstChar.TryGetValue(phrase[i], out var candidates))
            {
                continue;
            }

            var rest = phrase[i..];
            foreach (var id in candidates)
            {
                if (!present[id] && rest.StartsWith(_words[id], StringComparison.Ordinal))
                {
                    present[id] = true;
                }
            }
        }
    }
}
