using PolicyMiner.Segmentation.Dictionary;

namespace PolicyMiner.Segmentation;

/// <summary>A jieba-compatible Chinese word segmenter: same dictionary, same algorithm, same tokens as Python jieba 0.42.1.</summary>
/// <remarks>
/// Immutable and safe to share across threads. User words give a new instance (<see cref="WithUserWords"/>), so
/// segmenters with different user dictionaries coexist. Text never makes it throw; the tokens of
/// <see cref="Cut"/> always concatenate to the input.
/// </remarks>
public sealed class JiebaSegmenter
{
    private static readonly Lazy<JiebaSegmenter> SharedDefault = new(() => LoadDefault(), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly JiebaModel _model;

    private JiebaSegmenter(JiebaModel model) => _model = model;

    /// <summary>The plain-jieba segmenter over the default models folder, loaded once per process on first use.</summary>
    /// <exception cref="JiebaModelMissingException">The model files are missing.</exception>
    public static JiebaSegmenter Default => SharedDefault.Value;

    /// <summary>Loads the model from the default models folder (see <see cref="ModelsDirectory.Locate"/>).</summary>
    /// <exception cref="JiebaModelMissingException">The model files are missing.</exception>
    public static JiebaSegmenter LoadDefault() => Load(JiebaDictionaryPaths.Default);

    /// <summary>Loads the model from explicit paths, using (and refreshing) its compiled cache.</summary>
    /// <exception cref="JiebaModelMissingException">The model files are missing.</exception>
    public static JiebaSegmenter Load(JiebaDictionaryPaths paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        return new JiebaSegmenter(ModelCompiler.Load(paths));
    }

    /// <summary>Sum of the dictionary frequencies (Python's <c>total</c>).</summary>
    public long TotalFrequency => _model.Total;

    /// <summary>A new segmenter with these words added in order, as jieba's <c>add_word</c>; this one is unchanged.</summary>
    /// <remarks>
    /// JIEBA-COMPAT: each word's frequency also enters the total; a word without frequency gets jieba's suggested
    /// one; frequency 0 forbids the HMM from producing the word whole.
    /// </remarks>
    public JiebaSegmenter WithUserWords(IEnumerable<UserWord> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var trie = _model.Trie.Clone();
        var total = _model.Total;
        var forced = _model.ForcedSplits is null ? new HashSet<string>(StringComparer.Ordinal) : new HashSet<string>(_model.ForcedSplits, StringComparer.Ordinal);
        foreach (var word in words)
        {
            if (string.IsNullOrEmpty(word.Word))
            {
                throw new ArgumentException("A user word cannot be empty.", nameof(words));
            }

            var frequency = word.Frequency ?? SuggestFrequency(new JiebaModel(trie, total, _model.Hmm), word.Word);
            ArgumentOutOfRangeException.ThrowIfNegative(frequency, nameof(words));
            trie.SetWord(trie.AddPath(word.Word), frequency, word.Tag);
            total += frequency;
            if (frequency == 0)
            {
                forced.Add(word.Word);
            }
        }

        return new JiebaSegmenter(new JiebaModel(trie, total, _model.Hmm, forced));
    }

    /// <summary>A new segmenter with the words of a user dictionary file added (see <see cref="UserDictionary"/>).</summary>
    /// <exception cref="InvalidDataException">A line cannot be read; the message names the file and line.</exception>
    public JiebaSegmenter WithUserDictionary(string path) => WithUserWords(UserDictionary.Load(path));

    // JIEBA-COMPAT: suggest_freq(word, tune=False): the product of the pieces' probabilities without the HMM, scaled
    // by the total, plus one, but never below the word's current frequency.
    private static int SuggestFrequency(JiebaModel model, string word)
    {
        var probability = 1.0;
        var total = (double)model.Total;
        using var ranges = new TokenRanges(word.Length);
        using var scratch = new SegmentScratch();
        model.Cut(word, BlockCut.RouteOnly, ranges, scratch);
        for (var i = 0; i < ranges.Count; i++)
        {
            probability *= (model.Frequency(word.AsSpan(ranges.Start(i), ranges.Length(i))) ?? 1) / total;
        }

        var suggested = (long)(probability * model.Total) + 1;
        var current = model.Frequency(word) ?? 1;
        return (int)Math.Min(int.MaxValue, Math.Max(suggested, current));
    }

    /// <summary>Cuts text into words (jieba <c>cut</c>), with or without the HMM for unknown words.</summary>
    public List<string> Cut(ReadOnlySpan<char> text, bool hmm = true) => Cut(text, SegmentMode.Default, hmm);

    /// <summary>Cuts text for search indexing (jieba <c>cut_for_search</c>): long words are preceded by their dictionary 2- and 3-grams.</summary>
    public List<string> CutForSearch(ReadOnlySpan<char> text, bool hmm = true) => Cut(text, SegmentMode.Search, hmm);

    /// <summary>Lists every dictionary word in the text (jieba <c>cut(cut_all=True)</c>); tokens overlap.</summary>
    public List<string> CutAll(ReadOnlySpan<char> text) => Cut(text, SegmentMode.Full);

    /// <summary>Cuts text in the given mode (the HMM setting does not apply to full mode).</summary>
    public List<string> Cut(ReadOnlySpan<char> text, SegmentMode mode, bool hmm = true)
    {
        using var scratch = new SegmentScratch();
        using var ranges = new TokenRanges(text.Length / 2 + 1);
        _model.Segment(text, mode, hmm, ranges, scratch);
        var words = new List<string>(ranges.Count);
        for (var i = 0; i < ranges.Count; i++)
        {
            words.Add(ranges.GluedText(i) ?? new string(text.Slice(ranges.Start(i), ranges.Length(i))));
        }

        return words;
    }

    /// <summary>Tokens with their offsets in <paramref name="text"/> (jieba <c>tokenize</c>; full mode too).</summary>
    public List<Token> Tokenize(string text, SegmentMode mode = SegmentMode.Default, bool hmm = true)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var scratch = new SegmentScratch();
        using var ranges = new TokenRanges(text.Length / 2 + 1);
        _model.Segment(text, mode, hmm, ranges, scratch);
        var tokens = new List<Token>(ranges.Count);
        for (var i = 0; i < ranges.Count; i++)
        {
            var start = ranges.Start(i);
            var length = ranges.Length(i);
            tokens.Add(new Token(ranges.GluedText(i) ?? text.Substring(start, length), start, start + length));
        }

        return tokens;
    }

    /// <summary>Appends the offsets of the words of <paramref name="text"/> (default mode) to <paramref name="sink"/> without making
    /// strings: the hot-path form of <see cref="Tokenize"/> for callers that need only word boundaries.</summary>
    public void WordBounds(ReadOnlySpan<char> text, List<(int Start, int End)> sink, bool hmm = true)
    {
        ArgumentNullException.ThrowIfNull(sink);
        // Extraction asks for the words of many short runs per document: this thread's working arrays are kept between calls
        // instead of being rented and returned each time (they grow to the longest text cut, and are not returned).
        var scratch = t_boundsScratch ??= new SegmentScratch();
        var ranges = t_boundsRanges ??= new TokenRanges(64);
        ranges.Clear();
        _model.Segment(text, SegmentMode.Default, hmm, ranges, scratch);
        for (var i = 0; i < ranges.Count; i++)
        {
            sink.Add((ranges.Start(i), ranges.Start(i) + ranges.Length(i)));
        }
    }

    [ThreadStatic]
    private static SegmentScratch? t_boundsScratch;

    [ThreadStatic]
    private static TokenRanges? t_boundsRanges;

    /// <summary>Part-of-speech tag of a dictionary or user word (jieba's dict.txt tags), or null when it has none.</summary>
    public string? PosTag(ReadOnlySpan<char> word)
    {
        var node = _model.Trie.Find(word);
        return node == PrefixTrie.None ? null : _model.Trie.Tag(node);
    }

    /// <summary>Dictionary frequency of a word; 0 when it is not a word.</summary>
    public int Frequency(ReadOnlySpan<char> word) => _model.Frequency(word) ?? 0;

    /// <summary>True when the word is in the dictionary (or was added) with a positive frequency.</summary>
    public bool Contains(ReadOnlySpan<char> word) => _model.IsWord(word);
}
