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
        // Syntax checking and nested-tag fixing cost half the parse time and change nothing in the visible text; nothing
        // looks nodes up by id, so the id index HtmlAgilityPack keeps by default is not built.
        var document = new HtmlDocument { OptionFixNestedTags = false, OptionCheckSyntax = false, OptionUseIdAttribute = false };
        document.LoadHtml(html);
        var root = document.DocumentNode;
        var body = AllNodes(root).FirstOrDefault(n => n.Name == "body");
        if (body is null && !HasTextOutsideHead(root))
        {
            return null;
        }

        body ??= root;

        var stats = new Dictionary<HtmlNode, Stats>();
        HtmlNode? firstH1 = null;
        Measure(body, stats, ref firstH1);
        var hints = TitleHints(root, body, firstH1);

        var fieldText = new StringBuilder();
        var fieldTables = new HashSet<HtmlNode>();
        CollectFieldTables(body, stats, fieldText, fieldTables);
        foreach (var table in fieldTables)
        {
            // Read into fields; the table itself is not document text.
            stats.Remove(table);
            table.Remove();
        }

        var content = MainContent(body, stats) ?? body;
        var text = new StringBuilder(html.Length / 4);
        if (!ReferenceEquals(content, body))
        {
            // The title usually sits above the content block; keep it as the first line.
            var heading = TitleElement(body, content);
            if (heading is not null)
            {
                Write(heading, text, stats);
                text.Append('\n');
            }
        }

        Write(content, text, stats);
        return new HtmlContent(text.ToString(), fieldText.ToString(), hints);
    }

    private static bool HasTextOutsideHead(HtmlNode root)
    {
        foreach (var node in AllNodes(root))
        {
            if (node.NodeType == HtmlNodeType.Text && !string.IsNullOrWhiteSpace(TextOf(node))
                && node.Ancestors().All(a => !DroppedElements.Contains(a.Name)))
            {
                return true;
            }
        }

        return false;
    }

    private static List<string> TitleHints(HtmlNode root, HtmlNode body, HtmlNode? h1)
    {
        string? metaTitle = null, title = null;
        var head = AllNodes(root).FirstOrDefault(n => n.Name == "head") ?? root;
        foreach (var node in AllNodes(head))
        {
            if (ReferenceEquals(node, body))
            {
                break;
            }

            switch (node.Name)
            {
                case "meta" when metaTitle is null:
                    var name = node.GetAttributeValue("name", node.GetAttributeValue("property", string.Empty));
                    if (name.Equals("ArticleTitle", StringComparison.OrdinalIgnoreCase) || name is "title" or "og:title")
                    {
                        var content = node.GetAttributeValue("content", string.Empty);
                        metaTitle = string.IsNullOrWhiteSpace(content) ? null : Clean(content);
                    }

                    break;
                case "title" when title is null && !string.IsNullOrWhiteSpace(node.InnerText):
                    // "<document title> - <site name>": the longest part is the document's.
                    title = TitleSeparator().Split(Clean(node.InnerText)).MaxBy(p => p.Length)!.Trim();
                    break;
            }
        }

        var heading = h1 is null || string.IsNullOrWhiteSpace(h1.InnerText) ? null : Clean(h1.InnerText);
        return new[] { heading, metaTitle, title }.Where(h => h is { Length: >= 4 }).Select(h => h!).ToList();
    }

    /// <summary>The text of a text node: what its <see cref="HtmlNode.InnerText"/> returns (the document keeps HtmlAgilityPack's
    /// default, backward-compatible InnerText), without the StringBuilder and second copy InnerText makes of it each call.</summary>
    private static string TextOf(HtmlNode node) => node is HtmlTextNode text ? text.Text : node.InnerText;

    private static string Clean(string text) => WhitespaceRun().Replace(DeEntitize(text), " ").Trim();

    /// <summary>HtmlAgilityPack's <see cref="HtmlEntity.DeEntitize"/>, which copies every text through two builders even when
    /// it holds no entity; text without an ampersand is returned as it is (the same characters).</summary>
    private static string DeEntitize(string text) => text.Contains('&', StringComparison.Ordinal) ? HtmlEntity.DeEntitize(text) : text;

    /// <summary>Visible characters, characters inside links, links, and metadata-table keys under a node.</summary>
    private readonly record struct Stats(int Text, int LinkText, int Links, int FieldKeys, bool Chrome = false, bool Content = false);

    // Post-order over an explicit stack: a page nested thousands of levels deep must not overflow the call stack.
    private static void Measure(HtmlNode root, Dictionary<HtmlNode, Stats> stats, ref HtmlNode? firstH1)
    {
        var partial = new Dictionary<HtmlNode, Stats>();
        var stack = new Stack<(HtmlNode Node, bool InsideLink, bool Closing)>();
        stack.Push((root, false, false));
        while (stack.TryPop(out var item))
        {
            var (node, insideLink, closing) = item;
            if (closing)
            {
                partial.Remove(node, out var total);
                // Class and id decide chrome and content once per element, here, rather than on every later visit.
                var names = node.HasAttributes ? ClassAndId(node) : string.Empty;
                var chrome = names.Length > 1 && ChromeHint().IsMatch(names);
                stats[node] = total with { Chrome = chrome, Content = !chrome && names.Length > 1 && ContentHint().IsMatch(names) };
                AddToParent(partial, root, node, total);
                continue;
            }

            if (node.NodeType == HtmlNodeType.Text)
            {
                AddToParent(partial, root, node, TextStats(TextOf(node), insideLink));
                continue;
            }

            if (node.NodeType != HtmlNodeType.Element && node.NodeType != HtmlNodeType.Document || DroppedElements.Contains(node.Name))
            {
                continue;
            }

            var isLink = node.Name.Equals("a", StringComparison.OrdinalIgnoreCase);
            if (firstH1 is null && node.Name == "h1")
            {
                firstH1 = node;
            }

            partial[node] = new Stats(0, 0, isLink ? 1 : 0, 0);
            stack.Push((node, insideLink, true));
            for (var c = node.ChildNodes.Count - 1; c >= 0; c--)
            {
                stack.Push((node.ChildNodes[c], insideLink || isLink, false));
            }
        }
    }

    private static void AddToParent(Dictionary<HtmlNode, Stats> partial, HtmlNode root, HtmlNode node, Stats part)
    {
        if (ReferenceEquals(node, root) || node.ParentNode is not { } parent || !partial.TryGetValue(parent, out var total))
        {
            return;
        }

        partial[parent] = new Stats(total.Text + part.Text, total.LinkText + part.LinkText, total.Links + part.Links, total.FieldKeys + part.FieldKeys);
    }

    private static Stats TextStats(string text, bool insideLink)
    {
        var length = CountVisible(text);
        var keys = length == 0 ? 0
            : text.Contains('：') || text.Contains(':') ? FieldKeyPattern().Count(text)
            : length <= 8 && IsBareFieldKey(text) ? 1 : 0;
        return new Stats(length, insideLink ? length : 0, 0, keys);
    }

    /// <summary>Every node under <paramref name="root"/> in document order, without recursion (HtmlAgilityPack's Descendants nests an iterator per level).</summary>
    internal static IEnumerable<HtmlNode> AllNodes(HtmlNode root)
    {
        var stack = new Stack<HtmlNode>();
        for (var c = root.ChildNodes.Count - 1; c >= 0; c--)
        {
            stack.Push(root.ChildNodes[c]);
        }

        while (stack.TryPop(out var node))
        {
            yield return node;
            for (var c = node.ChildNodes.Count - 1; c >= 0; c--)
            {
                stack.Push(node.ChildNodes[c]);
            }
        }
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
    private static HtmlNode? MainContent(HtmlNode body, Dictionary<HtmlNode, Stats> stats)
    {
        var bodyStats = stats.GetValueOrDefault(body);
        var bodyPlain = bodyStats.Text - bodyStats.LinkText;
        HtmlNode? best = null;
        var bestText = 0;
        foreach (var (node, measured) in stats)
        {
            if (!measured.Content || HasChromeAncestor(node, stats))
            {
                continue;
            }

            var plain = measured.Text - measured.LinkText;
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

    private static bool HasChromeAncestor(HtmlNode node, Dictionary<HtmlNode, Stats> stats)
    {
        for (var current = node.ParentNode; current is not null; current = current.ParentNode)
        {
            if (stats.TryGetValue(current, out var measured) && measured.Chrome)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsChromeByName(HtmlNode node)
    {
        var names = ClassAndId(node);
        return names.Length > 1 && ChromeHint().IsMatch(names);
    }

    // Government pages put 索引号 / 发文机关 / 文号 … in a table or list above the text; read it wherever it is:
    // the innermost element holding three or more keys is the table.
    private static void CollectFieldTables(HtmlNode root, Dictionary<HtmlNode, Stats> stats, StringBuilder fieldText, HashSet<HtmlNode> tables)
    {
        var stack = new Stack<HtmlNode>();
        stack.Push(root);
        while (stack.TryPop(out var node))
        {
            if (!stats.TryGetValue(node, out var measured) || measured.FieldKeys < 3)
            {
                continue;
            }

            var inner = false;
            for (var c = node.ChildNodes.Count - 1; c >= 0; c--)
            {
                var child = node.ChildNodes[c];
                if (stats.TryGetValue(child, out var childStats) && childStats.FieldKeys >= 3)
                {
                    inner = true;
                    stack.Push(child);
                }
            }

            if (inner || measured.Text > 2000 || node.Name is "body" or "html")
            {
                continue;
            }

            CollectFieldTable(node, stats, fieldText, tables);
        }
    }

    private static void CollectFieldTable(HtmlNode node, Dictionary<HtmlNode, Stats> stats, StringBuilder fieldText, HashSet<HtmlNode> tables)
    {
        // Rows of key and value cells ("<th>文　　号</th><td>…</td>") become "key：value" lines.
        var rows = node.Name is "table" or "tbody" ? AllNodes(node).Where(n => n.Name == "tr").ToList() : [];
        if (rows.Count > 0)
        {
            foreach (var row in rows)
            {
                var cells = row.ChildNodes.Where(c => c.Name is "td" or "th").Select(c => Clean(c.InnerText)).ToList();
                for (var i = 0; i < cells.Count; i++)
                {
                    if (IsBareFieldKey(cells[i]) && i + 1 < cells.Count && !IsBareFieldKey(cells[i + 1]))
                    {
                        fieldText.Append(cells[i].TrimEnd('：', ':')).Append('：').Append(cells[i + 1]).Append('\n');
                        i++;
                    }
                    else
                    {
                        fieldText.Append(cells[i]).Append('\n');
                    }
                }
            }
        }
        else
        {
            Write(node, fieldText, stats: null);
            fieldText.Append('\n');
        }

        tables.Add(node);
    }

    private static bool IsBareFieldKey(string text)
    {
        Span<char> compact = stackalloc char[Math.Min(text.Length, 16)];
        var length = 0;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c is '：' or ':')
            {
                continue;
            }

            if (length == compact.Length)
            {
                return false;
            }

            compact[length++] = c;
        }

        return length >= 2 && Cleaning.ChromeFilter.FieldKeys.GetAlternateLookup<ReadOnlySpan<char>>().Contains(compact[..length]);
    }

    // The document title shown above the content block: the page's h1, or an element whose class or id says "title".
    private static HtmlNode? TitleElement(HtmlNode body, HtmlNode content)
    {
        HtmlNode? titled = null;
        foreach (var node in AllNodes(body))
        {
            if (ReferenceEquals(node, content))
            {
                break;
            }

            if (node.NodeType != HtmlNodeType.Element)
            {
                continue;
            }

            if (node.Name == "h1")
            {
                return node;
            }

            if (titled is null && TitleHint().IsMatch(ClassAndId(node)) && node.InnerText.Trim().Length is >= 5 and <= 100)
            {
                titled = node;
            }
        }

        return titled;
    }

    private enum WriteStep
    {
        Visit,
        EndBlock,
        CellGap,
    }

    // Pre-order with closing steps on an explicit stack, for the same reason as Measure.
    private static void Write(HtmlNode root, StringBuilder text, Dictionary<HtmlNode, Stats>? stats)
    {
        var stack = new Stack<(HtmlNode Node, WriteStep Step)>();
        stack.Push((root, WriteStep.Visit));
        while (stack.TryPop(out var item))
        {
            var (node, step) = item;
            switch (step)
            {
                case WriteStep.EndBlock:
                    NewLine(text);
                    continue;
                case WriteStep.CellGap:
                    text.Append(' ');
                    continue;
            }

            switch (node.NodeType)
            {
                case HtmlNodeType.Text:
                    AppendText(text, DeEntitize(TextOf(node)));
                    continue;
                case HtmlNodeType.Comment:
                    continue;
            }

            if (DroppedElements.Contains(node.Name)
                || (stats is not null ? stats.TryGetValue(node, out var flags) && flags.Chrome : IsChromeByName(node)))
            {
                continue;
            }

            if (stats is not null && Containers.Contains(node.Name) && stats.TryGetValue(node, out var measured)
                && measured.Links >= 3 && measured.LinkText * 10 >= measured.Text * 6)
            {
                // Link lists: menus, "推荐资讯", "点击排行", related articles.
                continue;
            }

            if (node.Name == "table" && DataRows(node) is { } rows)
            {
                NewLine(text);
                WriteTable(rows, text);
                NewLine(text);
                continue;
            }

            if (BlockElements.Contains(node.Name))
            {
                NewLine(text);
                stack.Push((node, WriteStep.EndBlock));
            }

            for (var c = node.ChildNodes.Count - 1; c >= 0; c--)
            {
                var child = node.ChildNodes[c];
                if (child.Name is "td" or "th")
                {
                    stack.Push((child, WriteStep.CellGap));
                }

                stack.Push((child, WriteStep.Visit));
            }
        }
    }

    /// <summary>The rows of a data table, or null for a layout table (a nested table, a cell holding paragraphs of text, or a
    /// cell of page-length text) whose content is written as ordinary text. A grid of three or more rows of three or more cells
    /// is data even when its cells hold a paragraph each: Word saves every cell as one (<c>&lt;p class="MsoNormal"&gt;</c>), and a
    /// page's layout is never that regular.</summary>
    private static List<List<HtmlNode>>? DataRows(HtmlNode table)
    {
        var rows = new List<List<HtmlNode>>();
        var widest = 0;
        var paragraphCells = false;
        foreach (var row in OwnRows(table))
        {
            var cells = row.ChildNodes.Where(c => c.Name is "td" or "th").ToList();
            foreach (var cell in cells)
            {
                // An element's InnerText is built anew on every call: read its length once.
                var length = cell.InnerText.Length;
                if (length > 200 || (length > 60 && AllNodes(cell).Any(d => d.Name == "table")))
                {
                    return null;
                }

                paragraphCells |= length > 60 && AllNodes(cell).Any(d => d.Name is "p" or "div" or "li");
            }

            widest = Math.Max(widest, cells.Count);
            rows.Add(cells);
        }

        var grid = rows.Count(r => r.Count >= 3) >= 3;
        return rows.Count >= 2 && widest >= 2 && (!paragraphCells || grid) ? rows : null;
    }

    // The table's own rows: under it directly or under its thead/tbody/tfoot, never those of a nested table.
    private static IEnumerable<HtmlNode> OwnRows(HtmlNode table)
    {
        foreach (var child in table.ChildNodes)
        {
            if (child.Name == "tr")
            {
                yield return child;
            }
            else if (child.Name is "thead" or "tbody" or "tfoot")
            {
                foreach (var row in child.ChildNodes.Where(r => r.Name == "tr"))
                {
                    yield return row;
                }
            }
        }
    }

    /// <summary>Writes one line per row, cells separated by tabs. A cell spanning rows repeats its text in each row (a 牵头单位
    /// merged over three indicators answers for all three); a cell spanning columns fills the first and leaves the rest empty.</summary>
    private static void WriteTable(List<List<HtmlNode>> rows, StringBuilder text)
    {
        var pending = new Dictionary<int, (string Text, int Rows)>();
        foreach (var row in rows)
        {
            var line = new List<string>();
            var column = 0;
            var spanned = 0;
            foreach (var cell in row)
            {
                while (pending.TryGetValue(column, out var above))
                {
                    line.Add(above.Text);
                    pending[column] = (above.Text, above.Rows - 1);
                    if (above.Rows <= 1)
                    {
                        pending.Remove(column);
                    }

                    column++;
                }

                var content = new StringBuilder();
                Write(cell, content, stats: null);
                var value = WhitespaceRun().Replace(content.ToString(), " ").Trim();
                var rowSpan = Math.Clamp(cell.GetAttributeValue("rowspan", 1), 1, 100);
                var colSpan = Math.Clamp(cell.GetAttributeValue("colspan", 1), 1, 50);
                if (rowSpan > 1)
                {
                    pending[column] = (value, rowSpan - 1);
                }

                line.Add(value);
                column++;
                for (var extra = 1; extra < colSpan; extra++)
                {
                    line.Add(string.Empty);
                    column++;
                }

                if (colSpan > 1)
                {
                    spanned = line.Count;
                }
            }

            while (pending.TryGetValue(column, out var rest))
            {
                line.Add(rest.Text);
                pending[column] = (rest.Text, rest.Rows - 1);
                if (rest.Rows <= 1)
                {
                    pending.Remove(column);
                }

                column++;
            }

            // Trailing empty cells go, except those a spanning cell covers: a group title over three year columns keeps its
            // place so the row below lines up under it.
            while (line.Count > spanned && line[^1].Length == 0)
            {
                line.RemoveAt(line.Count - 1);
            }

            text.Append(string.Join('\t', line));
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

    [GeneratedRegex(@"(?:^|\s)(?:title|art_?title|article_?title|doc_?title|news_?title|tit)(?:$|\s)", RegexOptions.IgnoreCase)]
    private static partial Regex TitleHint();

    [GeneratedRegex(@"(?:^|[\s_\-])(?:con|content|article|zoom|text|main|detail|trs_?editor|conttext|zwnr|wzcon|news_?con|artibody|pages?_?content|view|xxgk_?content|info_?cont)(?:$|[\s_\-\d])", RegexOptions.IgnoreCase)]
    private static partial Regex ContentHint();

    [GeneratedRegex(@"(?:^|[\s_\-])(?:nav|navbar|menu|footer|foot|breadcrumbs?|crumbs?|sidebar|side|share|print|copyright|friend_?links?|links|related|hot|rank|recommend|comments?|toolbar|topbar|banner|position|location|weizhi|dqwz|bdsharebuttonbox|gotop|qrcode|ewm|fontsize|font|tools?)(?:$|[\s_\-\d])", RegexOptions.IgnoreCase)]
    private static partial Regex ChromeHint();

    [GeneratedRegex(@"(?:索\s*引\s*号|发文机关|发布机构|文\s*号|发文日期|成文日期|主\s*题\s*词|来\s*源|公开方式|所属主题|发文字号|主题分类)\s*[:：]")]
    private static partial Regex FieldKeyPattern();

    [GeneratedRegex(@"\s+[-|–—]\s+|\s*[_|｜]\s*|::")]
    private static partial Regex TitleSeparator();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespaceRun();
}
