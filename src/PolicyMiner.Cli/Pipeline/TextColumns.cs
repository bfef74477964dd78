using System.Text;

namespace PolicyMiner.Cli.Pipeline;

/// <summary>Wraps mixed Chinese and ASCII text for a terminal column without breaking numbers, units or words.</summary>
/// <remarks>
/// A run of ASCII letters, digits and number punctuation (2.5%, 2005, R&amp;D) is never split; a line may break between
/// two Chinese characters, but never before closing punctuation (，。、) so no line starts with one.
/// </remarks>
internal static class TextColumns
{
    /// <summary>Terminal cells a string takes: two for East Asian wide characters, one otherwise.</summary>
    public static int Width(ReadOnlySpan<char> text)
    {
        var width = 0;
        foreach (var c in text)
        {
            width += IsWide(c) ? 2 : 1;
        }

        return width;
    }

    /// <summary><paramref name="text"/> as lines of at most <paramref name="width"/> cells, joined by '\n'.</summary>
    public static string Wrap(string text, int width)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 4);
        var lines = new StringBuilder(text.Length + 8);
        var lineWidth = 0;
        var i = 0;
        while (i < text.Length)
        {
            var end = TokenEnd(text, i);
            var token = text.AsSpan(i, end - i);
            var tokenWidth = Width(token);
            if (lineWidth > 0 && lineWidth + tokenWidth > width)
            {
                lines.Append('\n');
                lineWidth = 0;
            }

            if (tokenWidth > width)
            {
                // Longer than a whole line (a long URL): cut it where the line ends.
                foreach (var c in token)
                {
                    var w = IsWide(c) ? 2 : 1;
                    if (lineWidth + w > width)
                    {
                        lines.Append('\n');
                        lineWidth = 0;
                    }

                    lines.Append(c);
                    lineWidth += w;
                }
            }
            else
            {
                lines.Append(token);
                lineWidth += tokenWidth;
            }

            i = end;
        }

        return lines.ToString();
    }

    /// <summary>End of the unbreakable token at <paramref name="start"/>: an ASCII run or one character, plus closing punctuation.</summary>
    private static int TokenEnd(string text, int start)
    {
        var end = start;
        if (IsAsciiWordChar(text[end]))
        {
            while (end < text.Length && IsAsciiWordChar(text[end]))
            {
                end++;
            }
        }
        else
        {
            end++;
        }

        while (end < text.Length && IsClosing(text[end]))
        {
            end++;
        }

        return end;
    }

    private static bool IsAsciiWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '%' or '‰' or '-' or '–' or '+' or '&' or '_' or '/' or '~' or '>' or '<' or '=' or '≥' or '≤';

    private static bool IsClosing(char c) => c is '，' or '。' or '、' or '；' or '：' or '）' or '」' or '』' or '》' or '”' or '！' or '？' or ',' or ';' or ':' or ')';

    private static bool IsWide(char c) =>
        c is (>= '\u1100' and <= '\u115F') or (>= '\u2E80' and <= '\uA4CF') or (>= '\uAC00' and <= '\uD7A3')
            or (>= '\uF900' and <= '\uFAFF') or (>= '\uFE30' and <= '\uFE4F') or (>= '\uFF00' and <= '\uFF60') or (>= '\uFFE0' and <= '\uFFE6');
}
