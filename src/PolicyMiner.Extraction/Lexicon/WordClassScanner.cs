using System.Buffers;
using System.Collections.Frozen;

namespace PolicyMiner.Extraction.Lexicon;

/// <summary>Finds which of several word classes occur in a text in one pass, instead of one search per class.</summary>
/// <remarks>
/// <see cref="Mark"/> sets exactly the flags that <see cref="WordClass.OccursIn"/> of each class would give: jump to the next
/// character that opens any word, compare the words opening with it. Immutable and thread-safe.
/// </remarks>
public sealed class WordClassScanner
{
    private readonly SearchValues<char> _firsts;
    private readonly FrozenDictionary<char, (string Word, int Class)[]> _byFirst;

    public WordClassScanner(IReadOnlyList<WordClass> classes)
    {
        ArgumentNullException.ThrowIfNull(classes);
        Count = classes.Count;
        _byFirst = classes
            .SelectMany((c, i) => c.Words.Where(w => w.Length > 0).Select(w => (Word: w, Class: i)))
            .GroupBy(e => e.Word[0])
            .ToFrozenDictionary(g => g.Key, g => g.ToArray());
        _firsts = SearchValues.Create([.. _byFirst.Keys]);
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

        var offset = 0;
        while (offset < text.Length)
        {
            var next = text[offset..].IndexOfAny(_firsts);
            if (next < 0)
            {
                return;
            }

            var at = offset + next;
            var rest = text[at..];
            foreach (var (word, cls) in _byFirst[text[at]])
            {
                if (!present[cls] && rest.StartsWith(word, StringComparison.Ordinal))
                {
                    present[cls] = true;
                }
            }

            offset = at + 1;
        }
    }
}
