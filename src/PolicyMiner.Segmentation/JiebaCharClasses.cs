namespace PolicyMiner.Segmentation;

/// <summary>The character classes jieba 0.42.1 uses to split text into blocks, as hand-written tests instead of regexes.</summary>
internal static class JiebaCharClasses
{
    private const char FirstHan = '\u4E00';
    private const char LastHan = '\u9FD5';

    // JIEBA-COMPAT: re_han_default = [\u4E00-\u9FD5a-zA-Z0-9+#&\._%\-]; everything else is cut one character
    // (or one whitespace token) at a time. Full-width digits and CJK extension characters are deliberately outside.
    private static readonly bool[] AsciiInHanBlock = BuildAsciiTable("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+#&._%-");

    private static bool[] BuildAsciiTable(string members)
    {
        var table = new bool[128];
        foreach (var c in members)
        {
            table[c] = true;
        }

        return table;
    }

    /// <summary>True for the ideographs jieba treats as Chinese (U+4E00..U+9FD5).</summary>
    public static bool IsHan(char c) => (uint)(c - FirstHan) <= LastHan - FirstHan;

    /// <summary>True for characters that belong to a dictionary-segmented block (jieba's <c>re_han_default</c>).</summary>
    public static bool IsInHanBlock(char c) => c < 128 ? AsciiInHanBlock[c] : IsHan(c);

    /// <summary>True for ASCII letters and digits (jieba's <c>re_eng</c>).</summary>
    public static bool IsAsciiLetterOrDigit(char c) => char.IsAsciiLetterOrDigit(c);

    /// <summary>True for the characters Python's <c>\s</c> matches in a str pattern (Py_UNICODE_ISSPACE).</summary>
    // JIEBA-COMPAT: this is Python 3's set, not .NET's char.IsWhiteSpace: it includes U+001C..U+001F and
    // leaves out nothing Python matches; verified against python3 over the whole BMP.
    public static bool IsPythonWhitespace(char c) => c switch
    {
        >= '\t' and <= '\r' => true,
        >= '\u001C' and <= ' ' => true,
        '\u0085' or '\u00A0' or '\u1680' => true,
        >= '\u2000' and <= '\u200A' => true,
        '\u2028' or '\u2029' or '\u202F' or '\u205F' or '\u3000' => true,
        _ => false,
    };

    /// <summary>Trims what Python's <c>bytes.strip()</c> trims: ASCII space, \t, \n, \r, \v, \f.</summary>
    // JIEBA-COMPAT: jieba strips dictionary lines as bytes, before decoding, so a leading U+00A0 or U+3000 is
    // part of the word; trimming Unicode whitespace here would silently change which words exist.
    public static ReadOnlySpan<char> TrimAsciiWhitespace(ReadOnlySpan<char> line) => line.Trim(AsciiWhitespace);

    private const string AsciiWhitespace = " \t\n\r\v\f";
}
