using PolicyMiner.Core.Text;
using PolicyMiner.Segmentation;

namespace PolicyMiner.Extraction.Text;

/// <summary>Word boundaries and part-of-speech tags of one document, segmented lazily: only the runs of text a rule asks about.</summary>
/// <remarks>
/// A run is what jieba cuts as one block (Han characters, letters, digits and <c>+#&amp;._%-</c>); segmenting a run alone gives the same
/// tokens as segmenting the whole text, so each run is cut once, on first use, and cached for the document. Not thread-safe: one
/// instance belongs to one <see cref="Pipeline.ExtractionContext"/>. Without the jieba model every position counts as a boundary.
/// </remarks>
public sealed class ClauseWords
{
    /// <summary>Longest stretch cut on each side of a position: keeps text without punctuation linear.</summary>
    private const int MaxReach = 120;

    private static readonly Lazy<JiebaSegmenter?> SharedSegmenter = new(LoadSegmenter, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string _text;
    private readonly JiebaSegmenter? _segmenter;
    private readonly Dictionary<int, TextSpan[]> _runs = [];
    private readonly List<(int Start, int End)> _bounds = [];

    // The run RunAt returned last, when it starts where its run of words truly starts: rules and features ask about
    // neighbouring positions, and any position in it (within MaxReach of its start) would find the same cache entry.
    private TextSpan[]? _lastRun;
    private int _lastRunStart;

    public ClauseWords(string text)
        : this(text, SharedSegmenter.Value)
    {
    }

    public ClauseWords(string text, JiebaSegmenter? segmenter)
    {
        _text = text;
        _segmenter = segmenter;
    }

    /// <summary>True when segmentation is available (the jieba model was found).</summary>
    public bool IsAvailable => _segmenter is not null;

    /// <summary>True when the segmenter's dictionary holds <paramref name="word"/>; false without the jieba model.</summary>
    public bool IsDictionaryWord(ReadOnlySpan<char> word) => _segmenter is not null && _segmenter.Contains(word);

    /// <summary>True when no word spans <paramref name="position"/>: it is the start or end of a word, or outside any run of words.</summary>
    public bool IsBoundary(int position) =>
        position <= 0 || position >= _text.Length || !IsRunChar(_text[position - 1]) || !IsRunChar(_text[position])
        || WordAt(position) is not { } word || word.Start == position;

    /// <summary>The word holding the character at <paramref name="position"/>, or null outside a run of words.</summary>
    public TextSpan? WordAt(int position)
    {
        if (_segmenter is null || position < 0 || position >= _text.Length || !IsRunChar(_text[position]))
        {
            return null;
        }

        var tokens = RunAt(position);
        int lo = 0, hi = tokens.Length - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (tokens[mid].End <= position)
            {
                lo = mid + 1;
            }
            else if (tokens[mid].Start > position)
            {
                hi = mid - 1;
            }
            else
            {
                return tokens[mid];
            }
        }

        return null;
    }

    /// <summary>The jieba dictionary tag (n, nt, v, vn, …) of the word at <paramref name="position"/>, or null when it has none.</summary>
    public string? TagAt(int position) =>
        WordAt(position) is { } word ? _segmenter!.PosTag(_text.AsSpan(word.Start, word.Length)) : null;

    /// <summary>The next whole word after <paramref name="position"/> that starts at or after it, or null at the end of the run.</summary>
    public TextSpan? WordStartingAt(int position) =>
        WordAt(position) is { } word && word.Start == position ? word : null;

    /// <summary>The word ending right before <paramref name="position"/>, or null.</summary>
    public TextSpan? WordEndingAt(int position) =>
        position > 0 && WordAt(position - 1) is { } word && word.End == position ? word : null;

    // JIEBA-COMPAT: re_han_default = [\u4E00-\u9FD5a-zA-Z0-9+#&\._%\-]+ delimits the blocks jieba cuts independently.
    private static bool IsRunChar(char c) =>
        c is >= '\u4e00' and <= '\u9fd5' or >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '+' or '#' or '&' or '.' or '_' or '%' or '-';

    private TextSpan[] RunAt(int position)
    {
        if (_lastRun is { } last && position >= _lastRunStart && position < last[^1].End && position - _lastRunStart <= MaxReach)
        {
            // Every character from the run's start to position is a run character (the run was cut from them), so the walk
            // back below would stop at the same start and the cache would return this same run.
            return last;
        }

        var start = position;
        var floor = Math.Max(0, position - MaxReach);
        while (start > floor && IsRunChar(_text[start - 1]))
        {
            start--;
        }

        if (_runs.TryGetValue(start, out var cached) && cached.Length > 0 && cached[^1].End > position)
        {
            Remember(start, cached);
            return cached;
        }

        var end = position + 1;
        var ceiling = Math.Min(_text.Length, position + MaxReach);
        while (end < ceiling && IsRunChar(_text[end]))
        {
            end++;
        }

        _bounds.Clear();
        _segmenter!.WordBounds(_text.AsSpan(start, end - start), _bounds);
        var spans = new TextSpan[_bounds.Count];
        for (var i = 0; i < _bounds.Count; i++)
        {
            spans[i] = new TextSpan(start + _bounds[i].Start, start + _bounds[i].End);
        }

        _runs[start] = spans;
        _lastRun = null;
        Remember(start, spans);
        return spans;
    }

    private void Remember(int start, TextSpan[] run)
    {
        // Only a run that starts at a true run start is position-independent; one cut short by MaxReach is not.
        if (run.Length > 0 && (start == 0 || !IsRunChar(_text[start - 1])))
        {
            _lastRun = run;
            _lastRunStart = start;
        }
        else
        {
            _lastRun = null;
        }
    }

    private static JiebaSegmenter? LoadSegmenter()
    {
        try
        {
            return JiebaSegmenter.Default;
        }
        catch (JiebaModelMissingException)
        {
            // Extraction still works without the model; spans are then bounded by characters only.
            return null;
        }
    }
}
