using System.Text;

namespace PolicyMiner.Extraction.Text;

/// <summary>Note and item marks set into running text: enclosed numerals (② ⑮ ㉒ ⑴ ❸) and a bare number in brackets
/// (〔23〕 [14] （47）). Government reports number their notes this way ("…示范企业㉜达39家", "上云企业[14]突破300家") and number
/// the items of a list with the same characters ("③完成…"); either way the mark names nothing measured.</summary>
/// <remarks>A bracketed number counts as a mark only with one to three ASCII digits and nothing else inside, so "（含50人）" and
/// "（2021—2025年）" stay.</remarks>
public static class FootnoteMarks
{
    /// <summary>True for an enclosed or parenthesised numeral: ①–⒇ ⑴–⒇ ⒈–⒛ (U+2460–249B), ⓪–⓿ and ❶–➓ (dingbat circles),
    /// ㉑–㉟ and ㊱–㊿ (circled 21–50).</summary>
    public static bool IsEnclosedNumeral(char c) =>
        c is >= '\u2460' and <= '\u249B' or >= '\u24EA' and <= '\u24FF' or >= '\u2776' and <= '\u2793'
            or >= '\u3251' and <= '\u325F' or >= '\u32B1' and <= '\u32BF';

    /// <summary>The length of the mark starting at <paramref name="at"/>, or 0.</summary>
    public static int LengthAt(string text, int at, int limit)
    {
        if (at >= limit)
        {
            return 0;
        }

        if (IsEnclosedNumeral(text[at]))
        {
            return 1;
        }

        if (CloserOf(text[at]) is not { } closer)
        {
            return 0;
        }

        var i = at + 1;
        while (i < limit && i - at <= 3 && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        return i > at + 1 && i < limit && text[i] == closer ? i + 1 - at : 0;
    }

    /// <summary>The length of the mark ending at <paramref name="end"/> (exclusive), or 0.</summary>
    public static int LengthEndingAt(string text, int floor, int end)
    {
        if (end <= floor)
        {
            return 0;
        }

        if (IsEnclosedNumeral(text[end - 1]))
        {
            return 1;
        }

        var i = end - 2;
        while (i >= floor && end - 1 - i <= 3 && char.IsAsciiDigit(text[i]))
        {
            i--;
        }

        return i < end - 2 && i >= floor && CloserOf(text[i]) == text[end - 1] ? end - i : 0;
    }

    /// <summary>The phrase without the marks inside it ("“三防”（7）护栏" → "“三防”护栏"); the same string when it holds none.</summary>
    public static string Remove(string phrase)
    {
        StringBuilder? kept = null;
        var copied = 0;
        for (var i = 0; i < phrase.Length; i++)
        {
            if (LengthAt(phrase, i, phrase.Length) is > 0 and var length)
            {
                kept ??= new StringBuilder(phrase.Length);
                kept.Append(phrase, copied, i - copied);
                copied = i + length;
                i += length - 1;
            }
        }

        return kept is null ? phrase : kept.Append(phrase, copied, phrase.Length - copied).ToString();
    }

    private static char? CloserOf(char opener) => opener switch
    {
        '〔' => '〕',
        '[' => ']',
        '［' => '］',
        '（' => '）',
        '(' => ')',
        _ => null,
    };
}
