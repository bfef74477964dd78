namespace PolicyMiner.Segmentation;

/// <summary>A token and where it sits in the text: <c>text[Start..End]</c> (UTF-16 offsets).</summary>
/// <remarks>
/// JIEBA-COMPAT: Python's tokenize counts code points; these are UTF-16 offsets, which differ only after a
/// character outside the Basic Multilingual Plane.
/// </remarks>
public readonly record struct Token(string Word, int Start, int End)
{
    /// <summary>Number of UTF-16 code units the token covers.</summary>
    public int Length => End - Start;
}

/// <summary>jieba's segmentation modes.</summary>
public enum SegmentMode
{
    /// <summary>Most probable segmentation (jieba <c>cut</c>).</summary>
    Default,

    /// <summary>Default segmentation plus the dictionary 2- and 3-grams inside long words (jieba <c>cut_for_search</c>).</summary>
    Search,

    /// <summary>Every dictionary word found (jieba <c>cut(cut_all=True)</c>); tokens overlap.</summary>
    Full,
}
