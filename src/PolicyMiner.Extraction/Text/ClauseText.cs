using System.Buffers;

namespace PolicyMiner.Extraction.Text;

/// <summary>Character classes and boundary walks over Chinese policy text: sentences, clauses, paragraphs, quotes.</summary>
/// <remarks>Hand-written character tests instead of regular expressions, because these run for every candidate.</remarks>
public static class ClauseText
{
    /// <summary>Longest stretch a sentence or clause walk covers: keeps text without punctuation linear.</summary>
    public const int MaxSentence = 400;

    /// <summary>Longest stretch a paragraph walk covers.</summary>
    public const int MaxParagraph = 2000;

    private static readonly SearchValues<char> SentenceEnds = SearchValues.Create("。！？!?\n\r");

    // The characters a clause walk stops at (clause punctuation, openers, closers), and those a name walk stops at (sentence
    // ends, name openers and closers): the walks jump from one to the next with a vectorised search instead of testing every
    // character. Built from the predicates themselves, so a set never disagrees with the tests the walks apply at each stop.
    private static readonly SearchValues<char> ClauseStops = CharsWhere(c => IsClauseEnd(c) || IsOpener(c) || IsCloser(c));
    private static readonly SearchValues<char> NameStops = CharsWhere(c => IsSentenceEnd(c) || IsNameCloser(c) || IsNameOpener(c));

    /// <summary>Ends a sentence: 。！？ and their ASCII forms, and line breaks.</summary>
    public static bool IsSentenceEnd(char c) => c is '。' or '！' or '？' or '!' or '?' or '\n' or '\r';

    /// <summary>Ends a clause: sentence ends plus commas, semicolons and colons, and the tab between two cells of a table row
    /// (a cell's words never run on into the next cell).</summary>
    public static bool IsClauseEnd(char c) => IsSentenceEnd(c) || c is '，' or ',' or '；' or ';' or '：' or ':' or '\t';

    /// <summary>Opens a bracketed or quoted stretch.</summary>
    public static bool IsOpener(char c) => c is '(' or '（' or '“' or '《' or '「' or '〈' or '[' or '【' or '‘';

    /// <summary>Closes a bracketed or quoted stretch.</summary>
    public static bool IsCloser(char c) => c is ')' or '）' or '”' or '》' or '」' or '〉' or ']' or '】' or '’';

    /// <summary>True for CJK ideographs.</summary>
    public static bool IsHan(char c) => c is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf';

    /// <summary>True when every character is a CJK ideograph (true for an empty span).</summary>
    public static bool IsAllHan(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!IsHan(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The opener that a closer pairs with.</summary>
    public static char OpenerOf(char closer) => closer switch
    {
        ')' => '(',
        '）' => '（',
        '”' => '“',
        '》' => '《',
        '」' => '「',
        '〉' => '〈',
        ']' => '[',
        '】' => '【',
        '’' => '‘',
        _ => '\0',
    };

    /// <summary>True for 《 and “: marks of titles and names.</summary>
    public static bool IsNameOpener(char c) => c is '“' or '《' or '「' or '‘' or '〈';

    /// <summary>Closes a quoted or titled name: ” 》 」 ’ 〉.</summary>
    private static bool IsNameCloser(char c) => c is '”' or '》' or '」' or '’' or '〉';

    private static SearchValues<char> CharsWhere(Func<char, bool> test)
    {
        var chars = new List<char>();
        for (var c = char.MinValue; c < char.MaxValue; c++)
        {
            if (test(c))
            {
                chars.Add(c);
            }
        }

        return SearchValues.Create(chars.ToArray());
    }

    /// <summary>Start of the line holding <paramref name="position"/>.</summary>
    public static int ParagraphStart(string text, int position)
    {
        var from = Math.Max(0, Math.Min(position, text.Length) - 1);
        if (text.Length == 0)
        {
            return 0;
        }

        var count = Math.Min(from + 1, MaxParagraph);
        var i = text.LastIndexOf('\n', from, count);
        return i >= 0 ? i + 1 : from + 1 - count == 0 ? 0 : from + 1 - count;
    }

    /// <summary>End (exclusive, before the line break) of the line holding <paramref name="position"/>.</summary>
    public static int ParagraphEnd(string text, int position)
    {
        var from = Math.Clamp(position, 0, text.Length);
        var count = Math.Min(text.Length - from, MaxParagraph);
        var i = text.IndexOf('\n', from, count);
        return i >= 0 ? i : from + count;
    }

    /// <summary>Start of the sentence holding <paramref name="position"/>.</summary>
    public static int SentenceStart(string text, int position)
    {
        var end = Math.Clamp(position, 0, text.Length);
        var floor = Math.Max(0, end - MaxSentence);
        var i = text.AsSpan(floor, end - floor).LastIndexOfAny(SentenceEnds);
        return i < 0 ? floor : floor + i + 1;
    }

    /// <summary>End (exclusive, including the final mark) of the sentence holding <paramref name="position"/>.</summary>
    public static int SentenceEnd(string text, int position)
    {
        var start = Math.Clamp(position, 0, text.Length);
        var ceiling = Math.Min(text.Length, start + MaxSentence);
        var i = text.AsSpan(start, ceiling - start).IndexOfAny(SentenceEnds);
        if (i < 0)
        {
            return ceiling;
        }

        i += start;
        return text[i] is '\n' or '\r' ? i : i + 1;
    }

    /// <summary>Start of the clause holding <paramref name="position"/>: walks back over balanced brackets and quotes, stops at
    /// clause punctuation or at an unbalanced opener (the clause is inside that bracket).</summary>
    public static int ClauseStart(string text, int position, int floor = 0)
    {
        // Never below the text's start: the span search below needs a real index.
        floor = Math.Max(Math.Max(floor, 0), position - MaxSentence);
        var i = Math.Min(position, text.Length) - 1;
        while (i >= floor)
        {
            var stop = text.AsSpan(floor, i - floor + 1).LastIndexOfAny(ClauseStops);
            if (stop < 0)
            {
                break;
            }

            i = floor + stop;
            if (!IsCloser(text[i]))
            {
                return i + 1;
            }

            var open = FindOpener(text, i, Math.Max(floor, i - 200));
            if (open < 0)
            {
                return i + 1;
            }

            i = open - 1;
        }

        return Math.Max(floor, 0);
    }

    /// <summary>End of the clause holding <paramref name="position"/>: walks forward over balanced brackets, stops at clause
    /// punctuation or an unbalanced closer.</summary>
    public static int ClauseEnd(string text, int position)
    {
        var i = Math.Max(0, position);
        var ceiling = Math.Min(text.Length, i + MaxSentence);
        while (i < ceiling)
        {
            var stop = text.AsSpan(i, ceiling - i).IndexOfAny(ClauseStops);
            if (stop < 0)
            {
                i = ceiling;
                break;
            }

            i += stop;
            var c = text[i];
            if (IsClauseEnd(c) || IsCloser(c))
            {
                return i;
            }

            var close = FindCloser(text, i, Math.Min(text.Length, i + 200));
            if (close < 0)
            {
                return i;
            }

            i = close + 1;
        }

        return Math.Min(i, text.Length);
    }

    /// <summary>True when <paramref name="position"/> lies inside “…”, 《…》 or 「…」 that opened in the same sentence.</summary>
    public static bool IsInsideName(string text, int position) => EnclosingName(text, position) is not null;

    /// <summary>The quoted or titled stretch (“…”, 《…》, 「…」) holding <paramref name="position"/>: opener index and closer index
    /// (-1 when unclosed), or null when the position is not inside one.</summary>
    public static (int Open, int Close)? EnclosingName(string text, int position)
    {
        var depth = 0;
        var floor = Math.Max(0, position - 120);
        for (var i = position - 1; i >= floor; i--)
        {
            var stop = text.AsSpan(floor, i - floor + 1).LastIndexOfAny(NameStops);
            if (stop < 0)
            {
                break;
            }

            i = floor + stop;
            var c = text[i];
            if (IsSentenceEnd(c))
            {
                return null;
            }

            if (IsNameCloser(c))
            {
                depth++;
            }
            else
            {
                if (depth == 0)
                {
                    // Opened before us and not closed between: we are inside, if it closes later in the sentence.
                    var close = FindCloser(text, i, Math.Min(text.Length, i + 120));
                    return close < 0 || close >= position ? (i, close) : null;
                }

                depth--;
            }
        }

        return null;
    }

    /// <summary>Index of the opener matching the closer at <paramref name="closeIndex"/>, or -1.</summary>
    public static int FindOpener(string text, int closeIndex, int floor)
    {
        var closer = text[closeIndex];
        var opener = OpenerOf(closer);
        var depth = 0;
        for (var i = closeIndex - 1; i >= floor; i--)
        {
            if (text[i] == closer || (opener is '(' or '（' && text[i] is ')' or '）'))
            {
                depth++;
            }
            else if (text[i] == opener || (opener is '(' or '（' && text[i] is '(' or '（'))
            {
                if (depth == 0)
                {
                    return i;
                }

                depth--;
            }
            else if (text[i] == '\n')
            {
                return -1;
            }
        }

        return -1;
    }

    /// <summary>Index of the closer matching the opener at <paramref name="openIndex"/>, or -1.</summary>
    public static int FindCloser(string text, int openIndex, int ceiling)
    {
        var opener = text[openIndex];
        var paren = opener is '(' or '（';
        var depth = 0;
        for (var i = openIndex + 1; i < ceiling; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                return -1;
            }

            if (paren ? c is '(' or '（' : c == opener && opener != '“')
            {
                depth++;
            }
            else if (paren ? c is ')' or '）' : OpenerOf(c) == opener)
            {
                if (depth == 0)
                {
                    return i;
                }

                depth--;
            }
        }

        return -1;
    }

    /// <summary>True when <paramref name="text"/> at <paramref name="index"/> starts with <paramref name="word"/>.</summary>
    public static bool At(string text, int index, string word) =>
        index >= 0 && index + word.Length <= text.Length && string.CompareOrdinal(text, index, word, 0, word.Length) == 0;

    /// <summary>True when the text just before <paramref name="index"/> ends with <paramref name="word"/>.</summary>
    public static bool EndsAt(string text, int index, string word) => At(text, index - word.Length, word);

    /// <summary>Length of <paramref name="word"/> at <paramref name="index"/> when its characters may be parted by layout
    /// whitespace (a page's line break or a spacing blank: "以 上", "左\n\n右"), or -1; at most <paramref name="maxGap"/>
    /// whitespace characters between two of its characters.</summary>
    public static int AtAcrossLayout(string text, int index, string word, int maxGap = 4)
    {
        var i = index;
        for (var k = 0; k < word.Length; k++)
        {
            if (k > 0)
            {
                var gap = 0;
                while (i < text.Length && gap < maxGap && text[i] is ' ' or '\u3000' or '\n' or '\r' or '\t')
                {
                    i++;
                    gap++;
                }
            }

            if (i >= text.Length || text[i] != word[k])
            {
                return -1;
            }

            i++;
        }

        return i - index;
    }
}
