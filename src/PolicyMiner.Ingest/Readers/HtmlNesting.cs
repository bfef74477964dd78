namespace PolicyMiner.Ingest.Readers;

/// <summary>How deeply an HTML page nests its elements, measured by a linear scan before any parser builds a tree.</summary>
/// <remarks>
/// HtmlAgilityPack builds one node per open tag and some of its members recurse per level, so 20,000 nested tags
/// overflow the stack and 100,000 unclosed ones take minutes. This scan is one pass with no allocation per tag. Void
/// elements and those whose end tag HTML lets authors omit (p, li, td …) do not count: browsers close them implicitly.
/// </remarks>
internal static class HtmlNesting
{
    public static int MaxDepth(ReadOnlySpan<char> html)
    {
        var depth = 0;
        var deepest = 0;
        var i = 0;
        while ((i = Next(html, i)) >= 0)
        {
            if (html[i..].StartsWith("<!--"))
            {
                var end = html[(i + 4)..].IndexOf("-->");
                i = end < 0 ? html.Length : i + 4 + end + 3;
                continue;
            }

            var closing = i + 1 < html.Length && html[i + 1] == '/';
            var nameStart = i + (closing ? 2 : 1);
            var nameEnd = nameStart;
            while (nameEnd < html.Length && (char.IsAsciiLetterOrDigit(html[nameEnd]) || html[nameEnd] is '-' or ':'))
            {
                nameEnd++;
            }

            var tagEnd = html[nameEnd..].IndexOf('>');
            if (nameEnd == nameStart || !char.IsAsciiLetter(html[nameStart]))
            {
                i = nameStart;
                continue;
            }

            var name = html[nameStart..nameEnd];
            var next = tagEnd < 0 ? html.Length : nameEnd + tagEnd + 1;
            if (!closing && IsRawText(name))
            {
                // Script and style content is not markup.
                var close = IndexOfIgnoreCase(html[next..], name);
                i = close < 0 ? html.Length : next + close;
                continue;
            }

            if (!Counts(name))
            {
                i = next;
                continue;
            }

            if (closing)
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (tagEnd < 0 || html[nameEnd + tagEnd - 1] != '/')
            {
                depth++;
                deepest = Math.Max(deepest, depth);
            }

            i = next;
        }

        return deepest;
    }

    private static int Next(ReadOnlySpan<char> html, int from)
    {
        if (from >= html.Length)
        {
            return -1;
        }

        var at = html[from..].IndexOf('<');
        return at < 0 ? -1 : from + at;
    }

    private static bool IsRawText(ReadOnlySpan<char> name) =>
        name.Equals("script", StringComparison.OrdinalIgnoreCase) || name.Equals("style", StringComparison.OrdinalIgnoreCase);

    private static int IndexOfIgnoreCase(ReadOnlySpan<char> html, ReadOnlySpan<char> name)
    {
        Span<char> closing = stackalloc char[name.Length + 2];
        "</".CopyTo(closing);
        name.CopyTo(closing[2..]);
        return html.IndexOf(closing, StringComparison.OrdinalIgnoreCase);
    }

    private static bool Counts(ReadOnlySpan<char> name)
    {
        Span<char> lower = stackalloc char[Math.Min(name.Length, 16)];
        if (name.Length > 16)
        {
            return true;
        }

        name.ToLowerInvariant(lower);
        return lower switch
        {
            "area" or "base" or "br" or "col" or "embed" or "hr" or "img" or "input" or "link" or "meta" or "source" or "track" or "wbr"
                or "param" or "keygen" => false,
            "p" or "li" or "dt" or "dd" or "tr" or "td" or "th" or "option" or "optgroup" or "thead" or "tbody" or "tfoot"
                or "colgroup" or "rb" or "rt" or "rp" or "html" or "head" or "body" => false,
            _ => true,
        };
    }
}
