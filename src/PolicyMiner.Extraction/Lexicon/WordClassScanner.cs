namespace PolicyMiner.Extraction.Lexicon;

/// <summary>Finds which of several word classes occur in a text in one pass, instead of one search per class.</summary>
/// <remarks>
/// <see cref="Mark"/> sets exactly the flags that <see cref="WordClass.OccursIn"/> of each class would give: at every character
/// that opens a word, compare the words opening with it. The texts scanned are short windows around a number (tens of
/// characters, once per candidate), where one table lookup per character costs less than setting up a vectorised search and
/// a dictionary lookup per hit. Immutable and thread-safe.
/// </remarks>
public sealed class WordClassScanner
{
    // _groupOf[c] is 1 + the index in _groups of the words opening with c, or 0 when no word opens with c (64K entries, 128 KB).
    private readonly ushort[] _groupOf = new ushort[char.MaxValue + 1];
    private readonly (string Word, int Class)[][] _groups;

    public WordClassScanner(IReadOnlyList<WordClass> classes)
    {
        ArgumentNullException.ThrowIfNull(classes);
        Count = classes.Count;
        var byFirst = classes
            .SelectMany((c, i) => c.Words.Where(w => w.Length > 0).Select(w => (Word: w, Class: i)))
            .GroupBy(e => e.Word[0])
            .ToList();
        _groups = [.. byFirst.Select(g => g.ToArray())];
        for (var g = 0; g < byFirst.Count; g++)
        {
            _groupOf[byFirst[g].Key] = (ushort)(g + 1);
        }
    }

    /// <summary>Number of classes; the length <see cref="Mark"/> expects.</summary>
    public int Count { get; }

    /// <summary>Sets <paramref name="present"/>[i] when a word of the i-th class occurs in <paramref name="text"/>; other flags are left as they are.</summary>
    public void Mark(ReadOnlySpan<char> text, Span<bool> present)
    {
        if (present.Length < Count)
        {
            throw new ArgumentException($"expected {Count} flags, got {present.Length}", nameof(present));
        }

        for (var at = 0; at < text.Length; at++)
        {
            var group = _groupOf[text[at]];
            if (group == 0)
            {
                continue;
            }

            var rest = text[at..];
            foreach (var (word, cls) in _groups[group - 1])
            {
                if (!present[cls] && rest.StartsWith(word, StringComparison.Ordinal))
                {
                    present[cls] = true;
                }
            }
        }
    }
}
