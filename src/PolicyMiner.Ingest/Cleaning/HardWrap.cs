using System.Buffers;
using PolicyMiner.Core.Documents;
using PolicyMiner.Ingest.Structure;

namespace PolicyMiner.Ingest.Cleaning;

/// <summary>
/// Finds the line breaks that a fixed page width put inside paragraphs of text saved from a PDF (every line the same
/// width, double-spaced or not): "到⏎2035年", "提⏎高到", "45%以⏎上". Such a break joins its lines again; a paragraph's last
/// line, a heading and a list item keep theirs.
/// </summary>
/// <remarks>Text written paragraph by paragraph has lines of every width, so it never reaches the share of equal-width lines
/// that marks a wrapped text, and its line breaks stay. Stateless and thread-safe.</remarks>
internal static class HardWrap
{
    // A wrapped text: at least this many lines, and this share of its kept lines, are as wide as its page width.
    private const int MinWrappedLines = 20;
    private const double MinWrappedShare = 0.4;

    // Narrower lines are paragraph ends or headings whatever the text; a page width is 20 ideographs or more.
    private const int MinPageWidth = 40;

    // The page width's window: lines up to two ideographs shorter (a punctuation mark pushed to the next line, a paragraph's
    // indent lost) or longer (marks hung in the margin, narrower Latin glyphs) are full lines too.
    private const int ShortBy = 5;
    private const int LongBy = 4;

    // A page number alone on its line between two halves of a paragraph: one to three digits.
    private const int MaxPageNumberLength = 3;

    /// <summary>For each line, whether the break after it is a wrap inside a paragraph (false for every line of a text that
    /// is not hard-wrapped); page-number lines between two halves of a wrapped paragraph are cleared in <paramref name="keep"/>.</summary>
    public static bool[] Joins(string source, List<(int Start, int Length)> lines, bool[] keep, bool[] aligned)
    {
        var joins = new bool[lines.Count];
        var widths = new int[lines.Count];
        var histogram = new Dictionary<int, int>();
        var kept = 0;
        for (var n = 0; n < lines.Count; n++)
        {
            if (!keep[n] || aligned[n])
            {
                continue;
            }

            var line = Trimmed(source, lines[n]);
            kept++;
            if (line.Contains('\t'))
            {
                continue;
            }

            widths[n] = Width(line);
            if (widths[n] >= MinPageWidth)
            {
                histogram[widths[n]] = histogram.GetValueOrDefault(widths[n]) + 1;
            }
        }

        var (page, full) = PageWidth(histogram);
        if (full < MinWrappedLines || full < kept * MinWrappedShare)
        {
            return joins;
        }

        for (var n = 0; n < lines.Count; n++)
        {
            if (widths[n] < page - ShortBy || widths[n] > page + LongBy || EndsParagraph(Trimmed(source, lines[n])))
            {
                continue;
            }

            var next = NextKept(lines, keep, n);
            if (next >= 0 && IsPageNumber(Trimmed(source, lines[next])) && NextKept(lines, keep, next) is >= 0 and var after
                && Continues(source, lines[after], aligned[after]))
            {
                keep[next] = false;
                next = after;
            }

            joins[n] = next >= 0 && Continues(source, lines[next], aligned[next]);
        }

        return joins;
    }

    /// <summary>Whether the wrap between two joined lines stood for a space: between two Latin words, and where the line broke
    /// beside a number set apart by spaces ("到⏎2025 年", "到 2025⏎年"), so that the number is padded on both sides as it was laid out.</summary>
    public static bool KeepsSpace(string source, (int Start, int Length) before, (int Start, int Length) after)
    {
        var end = Trimmed(source, before);
        var start = Trimmed(source, after);
        if (end.Length == 0 || start.Length == 0)
        {
            return false;
        }

        if (char.IsAsciiLetter(end[^1]) && char.IsAsciiLetter(start[0]))
        {
            return true;
        }

        return (IsIdeograph(end[^1]) && PaddedNumberOpens(start)) || (IsIdeograph(start[0]) && PaddedNumberEnds(end));
    }

    // "2025 年…": digits, then a space.
    private static bool PaddedNumberOpens(ReadOnlySpan<char> line)
    {
        var digits = line.IndexOfAnyExcept(NumberCharacters);
        return digits > 0 && line[digits] == ' ';
    }

    // "…到 2025": a space, then digits.
    private static bool PaddedNumberEnds(ReadOnlySpan<char> line)
    {
        var space = line.LastIndexOfAnyExcept(NumberCharacters);
        return space >= 0 && space < line.Length - 1 && line[space] == ' ';
    }

    private static readonly SearchValues<char> NumberCharacters = SearchValues.Create("0123456789.");

    private static bool IsIdeograph(char c) => c is >= '\u4E00' and <= '\u9FFF';

    // The page width is the commonest width of long lines; the full lines are those within its window.
    private static (int Page, int Full) PageWidth(Dictionary<int, int> histogram)
    {
        int page = 0, most = 0;
        foreach (var (width, count) in histogram)
        {
            if (count > most || (count == most && width > page))
            {
                (page, most) = (width, count);
            }
        }

        var full = 0;
        for (var w = page - ShortBy; w <= page + LongBy; w++)
        {
            full += histogram.GetValueOrDefault(w);
        }

        return (page, full);
    }

    // The next line goes on the paragraph: not indented, no table row, no heading, no list item.
    private static bool Continues(string source, (int Start, int Length) line, bool aligned)
    {
        if (aligned || line.Length == 0 || source[line.Start] is ' ' or '\u3000' or '\t')
        {
            return false;
        }

        var text = Trimmed(source, line);
        return text.Length > 0 && !text.Contains('\t') && !OpensItem(text)
            && !StructureParser.TryHeading(text, out _, out _, out _);
    }

    // "一、" "（二）" "4.4.1 " "——" open an item; "2.69 万亿元" carried over from the line above is a number. A number with one
    // decimal ("2.5") cannot be told from a heading number ("1.1"), so it stays a line start.
    private static bool OpensItem(ReadOnlySpan<char> line)
    {
        if (!ItemNumber.Opens(line))
        {
            return false;
        }

        var i = 0;
        while (i < line.Length && char.IsAsciiDigit(line[i]))
        {
            i++;
        }

        if (i == 0 || i >= line.Length || line[i] != '.')
        {
            return true;
        }

        var decimals = 0;
        while (i + 1 + decimals < line.Length && char.IsAsciiDigit(line[i + 1 + decimals]))
        {
            decimals++;
        }

        var afterDecimals = i + 1 + decimals;
        return decimals < 2 || (afterDecimals < line.Length && line[afterDecimals] == '.');
    }

    // 。！？；： end a sentence or open a list: the break after them is the author's.
    private static bool EndsParagraph(ReadOnlySpan<char> line) =>
        line.Length == 0 || line[^1] is '。' or '！' or '？' or '；' or '：' or '!' or '?' or ';' or ':';

    private static bool IsPageNumber(ReadOnlySpan<char> line)
    {
        if (line.Length is 0 or > MaxPageNumberLength)
        {
            return false;
        }

        foreach (var c in line)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static int NextKept(List<(int Start, int Length)> lines, bool[] keep, int n)
    {
        for (var m = n + 1; m < lines.Count; m++)
        {
            if (keep[m])
            {
                return m;
            }
        }

        return -1;
    }

    // Display width: an ideograph or full-width mark is two columns, an ASCII character one.
    private static int Width(ReadOnlySpan<char> line)
    {
        var width = 0;
        foreach (var c in line)
        {
            width += c < '\u2000' ? 1 : 2;
        }

        return width;
    }

    private static ReadOnlySpan<char> Trimmed(string source, (int Start, int Length) line) =>
        source.AsSpan(line.Start, line.Length).Trim(" \t\u3000\u00A0\r\f\v");
}
