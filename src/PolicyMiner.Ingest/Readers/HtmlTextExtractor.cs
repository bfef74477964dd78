using System.Collections.Frozen;
using System.Text;
using System.Text.RegularExpressions;
using HtmlAgilityPack;

namespace PolicyMiner.Ingest.Readers;

/// <summary>The readable text of an HTML page: main content with paragraph breaks, and titles the page names.</summary>
/// <param name="Text">Main content, one block per line.</param>
/// <param name="FieldText">Text of the page's metadata tables (索引号, 发文机关 …), one row per line; may be empty.</param>
/// <param name="TitleHints">Titles from meta tags, &lt;h1&gt; and &lt;title&gt;, best first.</param>
public sealed record HtmlContent(string Text, string FieldText, IReadOnlyList<string> TitleHints);

/// <summary>
/// Extracts the main content of an HTML page with HtmlAgilityPack: scripts, styles, navigation, sidebars,
/// share/print links and footers are dropped; blocks become lines.
/// </summary>
/// <remarks>Stateless and thread-safe.</remarks>
public static partial class HtmlTextExtractor
{
    private static readonly FrozenSet<string> DroppedElements = new[]
    {
        "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas", "nav", "aside", "form",
        "select", "button", "input", "textarea", "head", "link", "meta", "map", "audio", "video", "footer", "img",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> BlockElements = new[]
    {
        "p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "section", "article", "header",
        "blockquote", "pre", "dd", "dt", "dl", "center", "hr", "main", "tbody", "thead", "figure", "figcaption", "body", "html",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> Containers = new[]
    {
        "div", "ul", "ol", "table", "section", "dl", "header", "td", "tbody", "p", "span",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>The charset an HTML page declares in a &lt;meta&gt; tag within its first bytes, or null.</summary>
    public static string? DeclaredCharset(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, 4096)]);
        var match = CharsetPattern().Match(head);
        return match.Success ? match.Groups["charset"].Value : null;
    }

    /// <summary>Extracts the content of <paramref name="html"/>; null when the page has no body at all.</summary>
    public static HtmlContent? Extract(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var document = new HtmlDocument { OptionFixNestedTags = true };
        document.LoadHtml(html);
        var root = document.DocumentNode;
        var body = root.SelectSingleNode("//body");
        if (body is null && !HasTextOutsideHead(root))
        {
            return null;
        }

        body ??= root;
        var hints = TitleHints(root);

        var stats = new Dictionary<HtmlNode, (int Text, int LinkText, int Links)>();
        Measure(body, stats, insideLink: false);

        var fieldText = new StringBuilder();
        CollectFieldTables(body, fieldText);

        var content = MainContent(body, stats) ?? body;
        var text = new StringBuilder(html.Length / 4);
        if (!ReferenceEquals(content, body))
        {
            // The title usually sits above the content block; keep it as the first line.
            var h1 = body.SelectSingleNode(".//h1");
            if (h1 is not null && !IsDescendant(h1, content))
            {
                Write(h1, text, stats);
                text.Append('\n');
            }
        }

        Write(content, text, stats);
        return new HtmlContent(text.ToString(), fieldText.ToString(), hints);
    }

    private static bool HasTextOutsideHead(HtmlNode root)
    {
        foreach (var node in root.Descendants())
        {
            if (node.NodeType == HtmlNodeType.Text && !string.IsNullOrWhiteSpace(node.InnerText)
                && node.Ancestors().All(a => !DroppedElements.Contains(a.Name)))
            {
                return true;
            }
        }

        return false;
    }

    private static List<string> TitleHints(HtmlNode root)
    {
        var hints = new List<string>();
        foreach (var name in (string[])["ArticleTitle", "articletitle", "title", "og:title"])
        {
            var meta = root.SelectSingleNode($"//meta[@name='{name}' or @property='{name}']");
            var content = meta?.GetAttributeValue("content", string.Empty);
            if (!string.IsNullOrWhiteSpace(content))
            {
                hints.Add(Clean(content));
            }
        }

        var h1 = root.SelectSingleNode("//h1");
        if (h1 is not null && !string.IsNullOrWhiteSpace(h1.InnerText))
        {
            hints.Add(Clean(h1.InnerText));
        }

        var title = root.SelectSingleNode("//title");
        if (title is not null && !string.IsNullOrWhiteSpace(title.InnerText))
        {
            // "<document title> - <site name>": the longest part is the document's.
            var parts = TitleSeparator().Split(Clean(title.InnerText));
            hints.Add(parts.MaxBy(p => p.Length)!.Trim());
        }

        return hints.Where(h => h.Length >= 4).ToList();
    }

    private static string Clean(string text) => WhitespaceRun().Replace(HtmlEntity.DeEntitize(text), " ").Trim();

    private static (int Text, int LinkText, int Links) Measure(HtmlNode node, Dictionary<HtmlNode, (int, int, int)> stats, bool insideLink)
    {
        if (node.NodeType == HtmlNodeType.Text)
        {
            var length = CountVisible(node.InnerText);
            return (length, insideLink ? length : 0, 0);
        }

        if (node.NodeType != HtmlNodeType.Element && node.NodeType != HtmlNodeType.Document || DroppedElements.Contains(node.Name))
        {
            return (0, 0, 0);
        }

        var isLink = node.Name.Equals("a", StringComparison.OrdinalIgnoreCase);
        int text = 0, linkText = 0, links = isLink ? 1 : 0;
        foreach (var child in node.ChildNodes)
        {
            var (t, l, n) = Measure(child, stats, insideLink || isLink);
            text += t;
            linkText += l;
            links += n;
        }

        stats[node] = (text, linkText, links);
        return (text, linkText, links);
    }

    private static int CountVisible(string text)
    {
        var count = 0;
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                count++;
            }
        }

        return count;
    }

    // The content block: an element whose class or id says so, holding most of the page's non-link text.
    private static HtmlNode? MainContent(HtmlNode body, Dictionary<HtmlNode, (int Text, int LinkText, int Links)> stats)
    {
        var (bodyText, bodyLinks, _) = stats.GetValueOrDefault(body);
        var bodyPlain = bodyText - bodyLinks;
        HtmlNode? best = null;
        var bestText = 0;
        foreach (var node in body.Descendants())
        {
            if (node.NodeType != HtmlNodeType.Element || !ContentHint().IsMatch(ClassAndId(node)) || IsChromeByName(node))
            {
                continue;
            }

            var (text, linkText, _) = stats.GetValueOrDefault(node);
            var plain = text - linkText;
            if (plain > bestText || (plain == bestText && best is not null && IsDescendant(node, best)))
            {
                best = node;
                bestText = plain;
            }
        }

        return best is not null && bestText >= 50 && bestText * 2 >= bodyPlain ? best : null;
    }

    private static bool IsDescendant(HtmlNode node, HtmlNode ancestor)
    {
        for (var current = node.ParentNode; current is not null; current = current.ParentNode)
        {
            if (ReferenceEquals(current, ancestor))
            {
                return true;
            }
        }

        return false;
    }

    private static string ClassAndId(HtmlNode node) =>
        node.GetAttributeValue("class", string.Empty) + " " + node.GetAttributeValue("id", string.Empty);

    private static bool IsChromeByName(HtmlNode node)
    {
        var names = ClassAndId(node);
        return names.Length > 1 && ChromeHint().IsMatch(names);
    }

    // Government pages put 索引号 / 发文机关 / 文号 … in a table or list above the text; read it wherever it is.
    private static void CollectFieldTables(HtmlNode body, StringBuilder fieldText)
    {
        foreach (var node in body.Descendants())
        {
            if (node.NodeType != HtmlNodeType.Element || node.Name is not ("table" or "ul" or "dl" or "div"))
            {
                continue;
            }

            var text = node.InnerText;
            if (text.Length > 2000 || FieldKeyCount(text) < 3 || node.Descendants().Any(d => d.Name is "table" or "ul" or "dl" or "div" && FieldKeyCount(d.InnerText) >= 3))
            {
                continue;
            }

            var builder = new StringBuilder();
            Write(node, builder, stats: null);
            fieldText.Append(builder).Append('\n');
        }
    }

    private static int FieldKeyCount(string text) => FieldKeyPattern().Count(text);

    private static void Write(HtmlNode node, StringBuilder text, Dictionary<HtmlNode, (int Text, int LinkText, int Links)>? stats)
    {
        switch (node.NodeType)
        {
            case HtmlNodeType.Text:
                AppendText(text, HtmlEntity.DeEntitize(node.InnerText));
                return;
            case HtmlNodeType.Comment:
                return;
        }

        if (DroppedElements.Contains(node.Name) || IsChromeByName(node))
        {
            return;
        }

        if (stats is not null && Containers.Contains(node.Name) && stats.TryGetValue(node, out var measured)
            && measured.Links >= 3 && measured.LinkText * 10 >= measured.Text * 6)
        {
            // Link lists: menus, "推荐资讯", "点击排行", related articles.
            return;
        }

        var block = BlockElements.Contains(node.Name);
        if (block)
        {
            NewLine(text);
        }

        foreach (var child in node.ChildNodes)
        {
            Write(child, text, stats);
            if (child.Name is "td" or "th")
            {
                text.Append(' ');
            }
        }

        if (block)
        {
            NewLine(text);
        }
    }

    private static void NewLine(StringBuilder text)
    {
        while (text.Length > 0 && text[^1] == ' ')
        {
            text.Length--;
        }

        if (text.Length > 0 && text[^1] != '\n')
        {
            text.Append('\n');
        }
    }

    // HTML whitespace: runs become one space, except a source line break between Chinese characters, which is nothing.
    private static void AppendText(StringBuilder text, string value)
    {
        var i = 0;
        while (i < value.Length)
        {
            var c = value[i];
            if (c is ' ' or '\t' or '\n' or '\r' or '\f')
            {
                var hasBreak = false;
                while (i < value.Length && value[i] is ' ' or '\t' or '\n' or '\r' or '\f')
                {
                    hasBreak |= value[i] is '\n' or '\r';
                    i++;
                }

                var previous = text.Length > 0 ? text[^1] : '\n';
                var next = i < value.Length ? value[i] : ' ';
                if (previous is not ('\n' or ' ') && !(hasBreak && IsCjk(previous) && IsCjk(next)))
                {
                    text.Append(' ');
                }

                continue;
            }

            text.Append(c);
            i++;
        }
    }

    private static bool IsCjk(char c) => c is >= '\u3000' and <= '\u9FFF' or >= '\uFF00' and <= '\uFFEF';

    [GeneratedRegex(@"<meta[^>]+charset\s*=\s*[""']?\s*(?<charset>[A-Za-z0-9_\-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex CharsetPattern();

    [GeneratedRegex(@"(?:^|[\s_\-])(?:content|article|zoom|text|main|detail|trs_?editor|conttext|zwnr|wzcon|news_?con|artibody|pages?_?content|view|xxgk_?content|info_?cont)(?:$|[\s_\-\d])", RegexOptions.IgnoreCase)]
    private static partial Regex ContentHint();

    [GeneratedRegex(@"(?:^|[\s_\-])(?:nav|navbar|menu|footer|foot|breadcrumbs?|crumbs?|sidebar|side|share|print|copyright|friend_?links?|links|related|hot|rank|recommend|comments?|toolbar|topbar|banner|position|location|weizhi|dqwz|bdsharebuttonbox|gotop|qrcode|ewm|fontsize|font|tools?)(?:$|[\s_\-\d])", RegexOptions.IgnoreCase)]
    private static partial Regex ChromeHint();

    [GeneratedRegex(@"(?:索\s*引\s*号|发文机关|发布机构|文\s*号|发文日期|成文日期|主\s*题\s*词|来\s*源|公开方式|所属主题|发文字号|主题分类)\s*[:：]")]
    private static partial Regex FieldKeyPattern();

    [GeneratedRegex(@"\s*(?:[-_|–—]|::)\s*")]
    private static partial Regex TitleSeparator();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespaceRun();
}
