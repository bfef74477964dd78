using System.Text.RegularExpressions;
using PolicyMiner.Core.Documents;
using PolicyMiner.Core.Text;

namespace PolicyMiner.Ingest.Structure;

/// <summary>The numbering styles of Chinese official documents' headings.</summary>
public enum HeadingStyle
{
    /// <summary>第一部分</summary>
    Part,

    /// <summary>第一章</summary>
    Chapter,

    /// <summary>第一节</summary>
    Section,

    /// <summary>第一条</summary>
    Article,

    /// <summary>一、</summary>
    ChineseNumeral,

    /// <summary>（一）</summary>
    ParenthesisedChineseNumeral,

    /// <summary>1. or 1．</summary>
    ArabicDot,

    /// <summary>1、</summary>
    ArabicComma,

    /// <summary>（1）</summary>
    ParenthesisedArabic,

    /// <summary>①</summary>
    Circled,
}

/// <summary>Headings and sentences of a normalised text.</summary>
public sealed record DocumentStructure(IReadOnlyList<Section> Sections, IReadOnlyList<TextSpan> Sentences);

/// <summary>
/// Finds headings at line starts (一、 / （一） / 1. / 1、 / （1） / ① / 第一章 / 第一条), nests them by order of first
/// appearance of each style, and splits sentences on 。；！？, line ends and list items.
/// </summary>
/// <remarks>Stateless and thread-safe.</remarks>
public static partial class StructureParser
{
    private const int MaxHeadingLength = 40;

    private static readonly System.Buffers.SearchValues<char> HeadingStarts =
        System.Buffers.SearchValues.Create("第一二三四五六七八九十（(0123456789①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳");

    /// <summary>Parses the structure of <paramref name="text"/>.</summary>
    /// <param name="styledHeadings">Lines the source marks as headings without a number (a Word heading style or outline
    /// level): the line's start in <paramref name="text"/> and its outline level (1 outermost); null or empty for none.</param>
    public static DocumentStructure Parse(string text, IReadOnlyDictionary<int, int>? styledHeadings = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new DocumentStructure(Sections(text, styledHeadings), Sentences(text));
    }

    /// <summary>The headings of <paramref name="text"/> with their nesting level and span.</summary>
    /// <remarks>Numbered headings nest by the order in which their numbering styles first appear; a styled heading without a
    /// number takes part in the same order as the style "outline level N", so a 标题 1 line over 一、 items holds them.</remarks>
    public static IReadOnlyList<Section> Sections(string text, IReadOnlyDictionary<int, int>? styledHeadings = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<(int Start, int Level, string Number, string Heading)>();
        // Numbering styles by their enum value; outline levels of styled headings after them (StyledKey).
        var styles = new List<int>();
        var lineStart = 0;
        while (lineStart < text.Length)
        {
            var lineEnd = text.IndexOf('\n', lineStart);
            if (lineEnd < 0)
            {
                lineEnd = text.Length;
            }

            int? key = null;
            var number = string.Empty;
            var heading = string.Empty;
            if (TryHeading(text.AsSpan(lineStart, lineEnd - lineStart), out var style, out number, out heading))
            {
                key = (int)style;
            }
            else if (StyledLevel(text, lineStart, lineEnd, styledHeadings) is { } outline)
            {
                key = StyledKey + outline;
                heading = StyledHeadingText(text.AsSpan(lineStart, lineEnd - lineStart));
            }

            if (key is { } k && heading.Length > 0)
            {
                var depth = styles.IndexOf(k);
                if (depth < 0)
                {
                    // A styled heading of an outer outline level than one already open closes it, as Word's outline does.
                    var outer = k >= StyledKey ? styles.FindIndex(open => open >= StyledKey && open > k) : -1;
                    if (outer >= 0)
                    {
                        styles.RemoveRange(outer, styles.Count - outer);
                    }

                    styles.Add(k);
                    depth = styles.Count - 1;
                }
                else
                {
                    styles.RemoveRange(depth + 1, styles.Count - depth - 1);
                }

                found.Add((lineStart, depth + 1, number, heading));
            }

            lineStart = lineEnd + 1;
        }

        var sections = new Section[found.Count];
        for (var i = 0; i < found.Count; i++)
        {
            var end = text.Length;
            for (var j = i + 1; j < found.Count; j++)
            {
                if (found[j].Level <= found[i].Level)
                {
                    end = found[j].Start;
                    break;
                }
            }

            while (end > found[i].Start && text[end - 1] == '\n')
            {
                end--;
            }

            sections[i] = new Section(found[i].Level, found[i].Number, found[i].Heading, new TextSpan(found[i].Start, end));
        }

        return sections;
    }

    private const int StyledKey = 100;

    // The outline level of a styled heading line (its start may sit after leading spaces).
    private static int? StyledLevel(string text, int lineStart, int lineEnd, IReadOnlyDictionary<int, int>? styledHeadings)
    {
        if (styledHeadings is not { Count: > 0 })
        {
            return null;
        }

        var start = lineStart;
        while (start < lineEnd && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        return styledHeadings.TryGetValue(start, out var level) || styledHeadings.TryGetValue(lineStart, out level) ? level : null;
    }

    private static string StyledHeadingText(ReadOnlySpan<char> line)
    {
        line = line.Trim();
        return (line.Length > MaxHeadingLength ? line[..MaxHeadingLength] : line).Trim().ToString();
    }

    /// <summary>Characters of a line matched for its heading number: longer than any number with its marks (第一百二十五部分).</summary>
    private const int HeadingOpening = 16;

    /// <summary>Reads a heading at the start of <paramref name="line"/>: its style, number as written, and heading text.</summary>
    public static bool TryHeading(ReadOnlySpan<char> line, out HeadingStyle style, out string number, out string heading)
    {
        style = default;
        number = string.Empty;
        heading = string.Empty;
        line = line.TrimStart();
        if (line.Length < 2 || !HeadingStarts.Contains(line[0]))
        {
            return false;
        }

        // Matched on the span first, and then on the line's opening only: most lines tried are paragraphs, and a string of the
        // whole line for each was most of what finding the sections allocated. The number and its marks are a few characters;
        // a match reaching the end of the opening may go on past it, so then the whole line is matched.
        if (!HeadingPattern().IsMatch(line) || AttachmentPattern().IsMatch(line))
        {
            return false;
        }

        var match = HeadingPattern().Match(line[..Math.Min(line.Length, HeadingOpening)].ToString());
        if (match.Length == HeadingOpening && line.Length > HeadingOpening)
        {
            match = HeadingPattern().Match(line.ToString());
        }

        if (match.Groups["chapter"].Success)
        {
            style = match.Groups["kind"].ValueSpan switch
            {
                "部分" => HeadingStyle.Part,
                "章" => HeadingStyle.Chapter,
                "节" => HeadingStyle.Section,
                _ => HeadingStyle.Article,
            };
            number = match.Groups["chapter"].Value;
        }
        else if (match.Groups["cn"].Success)
        {
            style = HeadingStyle.ChineseNumeral;
            number = match.Groups["cn"].Value;
        }
        else if (match.Groups["pcn"].Success)
        {
            style = HeadingStyle.ParenthesisedChineseNumeral;
            number = match.Groups["pcn"].Value;
        }
        else if (match.Groups["ad"].Success)
        {
            style = HeadingStyle.ArabicDot;
            number = match.Groups["ad"].Value;
        }
        else if (match.Groups["ac"].Success)
        {
            style = HeadingStyle.ArabicComma;
            number = match.Groups["ac"].Value;
        }
        else if (match.Groups["pa"].Success)
        {
            style = HeadingStyle.ParenthesisedArabic;
            number = match.Groups["pa"].Value;
        }
        else
        {
            style = HeadingStyle.Circled;
            number = match.Groups["circled"].Value;
        }

        var rest = line[match.Length..].Trim();
        if (rest.IsEmpty && style is not (HeadingStyle.Chapter or HeadingStyle.Part or HeadingStyle.Section))
        {
            return false;
        }

        // A numbered paragraph's heading is its lead phrase: up to the first sentence or clause end.
        var stop = rest.IndexOfAny("。；;！？!?：:");
        if (stop >= 0)
        {
            rest = rest[..stop];
        }

        if (rest.Length > MaxHeadingLength)
        {
            rest = rest[..MaxHeadingLength];
        }

        heading = rest.Trim().ToString();
        return true;
    }

    /// <summary>Sentence spans: split after 。；！？ (and ASCII ;!?), at line ends and before inline list items; trimmed, never empty.</summary>
    public static IReadOnlyList<TextSpan> Sentences(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sentences = new List<TextSpan>(text.Length / 30);
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                Add(text, sentences, start, i);
                start = i + 1;
            }
            else if (c is '。' or '；' or '！' or '？' or ';' or '!' or '?')
            {
                var end = i + 1;
                // Closing quotes and brackets belong to the sentence they close.
                while (end < text.Length && text[end] is '”' or '’' or '」' or '』' or '）' or ')' or '》' && !IsListItemAt(text, end))
                {
                    end++;
                }

                Add(text, sentences, start, end);
                start = end;
                i = end - 1;
            }
            else if (i > start && IsListItemAt(text, i) && !IsOnlySpaceBetween(text, start, i))
            {
                Add(text, sentences, start, i);
                start = i;
            }
        }

        Add(text, sentences, start, text.Length);
        return sentences;
    }

    // Inline list items: ①…⑳ and （1）/(1) after a colon or clause end ("主要目标：（1）…（2）…").
    private static bool IsListItemAt(string text, int i)
    {
        var c = text[i];
        if (c is >= '①' and <= '⑳')
        {
            return true;
        }

        if (c is not ('（' or '(') || i + 2 >= text.Length)
        {
            return false;
        }

        var j = i + 1;
        while (j < text.Length && j - i <= 3 && char.IsAsciiDigit(text[j]))
        {
            j++;
        }

        if (j == i + 1 || j >= text.Length || text[j] is not ('）' or ')'))
        {
            return false;
        }

        var before = i - 1;
        while (before >= 0 && text[before] == ' ')
        {
            before--;
        }

        return before >= 0 && text[before] is '：' or ':' or '，' or ',' or '、';
    }

    private static bool IsOnlySpaceBetween(string text, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (!char.IsWhiteSpace(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static void Add(string text, List<TextSpan> sentences, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end > start && !IsOnlyPunctuation(text.AsSpan(start, end - start)))
        {
            sentences.Add(new TextSpan(start, end));
        }
    }

    private static bool IsOnlyPunctuation(ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (char.IsLetterOrDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    // Items of an attachment list ("2.青川市重点项目汇总表.docx") name files, not sections.
    [GeneratedRegex(@"\.(?:docx?|xlsx?|pdf|wps|et|zip|rar|jpg|png)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex AttachmentPattern();

    [GeneratedRegex(@"^(?:(?<chapter>第[一二三四五六七八九十百零〇\d]{1,5})(?<kind>部分|章|节|条)[\s、：:]*|(?<cn>[一二三四五六七八九十]{1,3})[、.．]\s*|(?<pcn>[（(][一二三四五六七八九十]{1,3}[）)])[、.．]?\s*|(?<ad>\d{1,2})[.．](?!\d)\s*|(?<ac>\d{1,2})、\s*|(?<pa>[（(]\d{1,2}[）)])[、.．]?\s*|(?<circled>[①-⑳])\s*)")]
    private static partial Regex HeadingPattern();
}
