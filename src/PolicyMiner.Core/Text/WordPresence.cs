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
    // _groupOf[c] is 1 + the index in _groups of the ids of the words opening with c, or 0 when no word opens with c:
    // one array read per character of the phrase instead of a dictionary lookup (64K entries, 128 KB).
    private readonly ushort[] _groupOf = new ushort[char.MaxValue + 1];
    private readonly int[][] _groups;

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
        var byFirstChar = Enumerable.Range(0, _words.Length).GroupBy(i => _words[i][0]).ToList();
        _groups = [.. byFirstChar.Select(g => g.ToArray())];
        for (var g = 0; g < byFirstChar.Count; g++)
        {
            // At most one group per char value, and char.MaxValue + 1 groups would need a word opening with every char.
            _groupOf[byFirstChar[g].Key] = checked((ushort)(g + 1));
        }
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
            var group = _groupOf[phrase[i]];
            if (group == 0)
            {
                continue;
            }

            var rest = phrase[i..];
            foreach (var id in _groups[group - 1])
            {
                if (!present[id] && rest.StartsWith(_words[id], StringComparison.Ordinal))
                {
                    present[id] = true;
                }
            }
        }
    }
}
