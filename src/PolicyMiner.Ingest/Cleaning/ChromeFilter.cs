using System.Buffers;
using System.Collections.Frozen;
using System.Text.RegularExpressions;
using PolicyMiner.Core.Text;

namespace PolicyMiner.Ingest.Cleaning;

/// <summary>Text with web-page chrome removed, plus what the chrome told us about the document.</summary>
/// <param name="Text">Kept paragraphs, one per line, whitespace collapsed.</param>
/// <param name="Map">Offsets in <paramref name="Text"/> back to the text given to the filter.</param>
/// <param name="Fields">Government metadata-table fields (索引号, 文号, 发文日期 …) by key without spaces; empty values left out.</param>
/// <param name="TitleHint">A title named by a content-farm lead-in ("为你精心准备了X参考范文"), if any.</param>
/// <param name="Domains">Host names seen in dropped chrome (site banners), for region inference.</param>
/// <param name="DroppedLines">Number of lines removed as chrome.</param>
public sealed record CleanedText(
    string Text,
    OffsetMap Map,
    IReadOnlyDictionary<string, string> Fields,
    string? TitleHint,
    IReadOnlyList<string> Domains,
    int DroppedLines);

/// <summary>
/// Removes the chrome that scraped pages carry — site names, breadcrumbs, lead-ins, share/print links,
/// footers, ICP and 公安备案 lines, phone numbers — line by line, and reads metadata-table lines into fields.
/// </summary>
/// <remarks>Rules describe phenomena of Chinese government and content-farm pages, not particular files. Stateless and thread-safe.</remarks>
public static partial class ChromeFilter
{
    /// <summary>Keys of the metadata tables of government pages (spaces removed).</summary>
    public static FrozenSet<string> FieldKeys { get; } = new[]
    {
        "索引号", "文号", "发文字号", "统一登记号", "登记号", "公开方式", "公开形式", "公开范围", "公开时限", "信息时效期",
        "时效", "有效性", "签署日期", "登记日期", "所属机构", "所属主题", "主题分类", "体裁分类", "组配分类", "服务对象",
        "信息分类", "发文日期", "成文日期", "发布日期", "印发日期", "生效日期", "实施日期", "废止日期", "公开责任部门", "发布机构",
        "发文机关", "发文单位", "制发机关", "发文机构", "名称", "标题", "主题词", "关键词", "来源", "信息来源", "文章来源",
        "责任编辑", "编辑", "作者", "浏览次数", "点击数", "访问次数", "阅读次数", "发布时间", "更新时间", "文件编号",
        "分类", "内容分类", "信息名称", "效力状况", "公开时间",
    }.ToFrozenSet(StringComparer.Ordinal);

    // Phrases that only occur in page chrome: sharing, printing, site navigation, footers, registrations, lead-ins.
    private static readonly SearchValues<string> ChromeMarkers = SearchValues.Create(
    [
        "扫一扫", "在手机打开", "手机扫码", "手机版", "打印本页", "关闭窗口", "【打印", "【关闭", "【字体", "字体：", "字体:", "字号：",
        "分享到", "收藏本页", "加入收藏", "设为首页", "网站地图", "网站帮助", "联系我们", "主办单位", "承办单位", "协办单位",
        "技术支持", "网站标识码", "ICP备", "ICP证", "icp备", "公网安备", "公安备案", "版权所有", "Copyright", "copyright", "©",
        "您的位置", "当前位置", "您现在的位置", "现在位置", "首页 >", "首页>", "首页 »", "首页»", "首页 ›", "浏览次数", "访问量",
        "点击数", "阅读次数", "上一篇", "下一篇", "推荐资讯", "点击排行", "热门文章", "相关文章", "相关链接", "免责声明",
        "本站声明", "转载请注明", "如有侵权", "联系电话", "联系方式", "传真：", "邮编：", "E-mail", "邮箱：", "发布时间",
        "来源于网友上传", "责任编辑", "本站小编", "精心准备了", "精心整理", "范文网", "欢迎阅读", "欢迎深入阅读", "欢迎下载", "请勿转载",
        "下载文档", "原文下载", "在线咨询", "无障碍", "长者模式", "关怀版",
    ], StringComparison.Ordinal);

    // Markers that start the page footer: after one of these near the end, short lines are footer too.
    private static readonly SearchValues<string> FooterMarkers = SearchValues.Create(
    [
        "扫一扫", "网站地图", "主办单位", "承办单位", "版权所有", "ICP备", "公网安备", "网站标识码", "Copyright", "上一篇",
    ], StringComparison.Ordinal);

    private static readonly SearchValues<string> BreadcrumbMarkers = SearchValues.Create(
        ["您的位置", "当前位置", "您现在的位置", "现在位置", "首页 >", "首页>", "首页 »", "首页»", "首页 ›"], StringComparison.Ordinal);

    private static readonly FrozenSet<string> ChromeWords = new[]
    {
        "打印", "关闭", "分享", "收藏", "返回顶部", "返回", "打印本页", "关闭窗口", "大中小", "默认", "字号", "字体", "字体大中小",
        "字号大中小", "分享到", "复制链接", "微信", "微博", "QQ空间", "【打印】", "【关闭】", "顶部", "TOP", "top",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly string[] SiteNameEndings = ["官网", "网站", "门户网站", "门户", "政府网", "之窗", "在线", "信息网", "网"];

    /// <summary>Removes chrome from <paramref name="source"/> and collects metadata-table fields.</summary>
    public static CleanedText Clean(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var lines = SplitLines(source);
        var keep = new bool[lines.Count];
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var domains = new List<string>();
        string? titleHint = null;
        var footerStart = int.MaxValue;

        for (var n = 0; n < lines.Count; n++)
        {
            var line = source.AsSpan(lines[n].Start, lines[n].Length).Trim();
            if (IsBlank(line))
            {
                continue;
            }

            if (TryReadFields(line, fields))
            {
                CollectDomains(line, domains);
                continue;
            }

            if (IsChrome(line))
            {
                titleHint ??= LeadInTitle(line);
                if (line.IndexOfAny(BreadcrumbMarkers) >= 0)
                {
                    DropSiteName(source, lines, keep, n);
                }

                CollectDomains(line, domains);
                if (n >= lines.Count * 6 / 10 && line.IndexOfAny(FooterMarkers) >= 0)
                {
                    footerStart = Math.Min(footerStart, n);
                }

                continue;
            }

            keep[n] = true;
        }

        // Below the footer's first marker, short lines are footer links and labels, not document text.
        for (var n = footerStart; n < lines.Count; n++)
        {
            if (keep[n] && source.AsSpan(lines[n].Start, lines[n].Length).Trim().Length <= 60)
            {
                keep[n] = false;
            }
        }

        PageNumbers.DropGlued(source, lines, keep);
        var aligned = AlignedRows(source, lines, keep);
        var joins = HardWrap.Joins(source, lines, keep, aligned);
        using var builder = new OffsetTextBuilder(source.Length);
        var dropped = 0;
        var previousEnd = -1;
        var joinsPrevious = false;
        var previousLine = (Start: 0, Length: 0);
        for (var n = 0; n < lines.Count; n++)
        {
            var (start, length) = lines[n];
            if (!keep[n])
            {
                if (!source.AsSpan(start, length).IsWhiteSpace())
                {
                    dropped++;
                }

                continue;
            }

            if (builder.Length > 0 && !joinsPrevious)
            {
                // The paragraph break maps to the line break that ended the previous kept line.
                builder.Append('\n', previousEnd);
            }
            else if (builder.Length > 0 && HardWrap.KeepsSpace(source, previousLine, lines[n]))
            {
                // A page width wrapped this paragraph: its halves join, with a space where the wrap took one.
                builder.Append(' ', previousEnd);
            }

            AppendCollapsed(builder, source, start, length, aligned[n]);
            previousEnd = start + length;
            previousLine = lines[n];
            joinsPrevious = joins[n];
        }

        var (text, map) = builder.Build(source.Length);
        return new CleanedText(text, map, fields, titleHint, domains, dropped);
    }

    // The short line right above a breadcrumb is the site's name ("江屿市科学技术局" as a banner), not text.
    private static void DropSiteName(string source, List<(int Start, int Length)> lines, bool[] keep, int breadcrumb)
    {
        for (var m = breadcrumb - 1; m >= 0; m--)
        {
            var line = source.AsSpan(lines[m].Start, lines[m].Length).Trim();
            if (IsBlank(line))
            {
                continue;
            }

            if (keep[m] && line.Length <= 25 && !line.ContainsAny("。；，,：:、"))
            {
                keep[m] = false;
            }

            return;
        }
    }

    /// <summary>True when a trimmed line is page chrome rather than document text.</summary>
    public static bool IsChrome(ReadOnlySpan<char> line)
    {
        if (line.Length <= 200 && line.IndexOfAny(ChromeMarkers) >= 0)
        {
            return true;
        }

        // Weather widgets in page headers: "今日江屿 多云 18℃～25℃".
        if (line.Length <= 30 && line.Contains('℃'))
        {
            return true;
        }

        if (line.StartsWith("导语") && line.Length > 2 && line[2] is ':' or '：')
        {
            return true;
        }

        Span<char> compact = stackalloc char[Math.Min(line.Length, 16)];
        if (line.Length <= 16)
        {
            var length = 0;
            foreach (var c in line)
            {
                if (!char.IsWhiteSpace(c) && c is not '|' and not '/' and not '·' and not ':' and not '：' and not '[' and not ']')
                {
                    compact[length++] = c;
                }
            }

            var lookup = ChromeWords.GetAlternateLookup<ReadOnlySpan<char>>();
            if (length == 0 || lookup.Contains(compact[..length]))
            {
                return true;
            }
        }

        // A printed page's footer saved with its text: "— 12 —", "- 3 -", "第 3 页 共 10 页" (a bare "12" may be a table cell).
        if (line.Length <= 20 && PageFooterPattern().IsMatch(line))
        {
            return true;
        }

        return IsNavigationBar(line) || IsSiteBanner(line) || IsPhoneLine(line);
    }

    private static bool TryReadFields(ReadOnlySpan<char> line, Dictionary<string, string> fields)
    {
        line = line.TrimStart("•·●◆■▪►*-—> \u3000");
        var colon = line.IndexOfAny(':', '：');
        if (colon <= 0 || colon > 12 || !IsFieldKey(line[..colon], out var firstKey))
        {
            return false;
        }

        // The rest of the line may hold further "key: value" pairs (table rows flattened into one line).
        var key = firstKey;
        var valueStart = colon + 1;
        var position = valueStart;
        while (position < line.Length)
        {
            var next = line[position..].IndexOfAny(':', '：');
            if (next < 0)
            {
                break;
            }

            var nextColon = position + next;
            if (FindKeyBefore(line, valueStart, nextColon, out var keyStart, out var nextKey))
            {
                AddField(fields, key, line[valueStart..keyStart]);
                key = nextKey;
                valueStart = nextColon + 1;
            }

            position = nextColon + 1;
        }

        AddField(fields, key, line[valueStart..]);
        return true;
    }

    private static bool IsFieldKey(ReadOnlySpan<char> candidate, out string key)
    {
        Span<char> compact = stackalloc char[candidate.Length];
        var length = 0;
        foreach (var c in candidate)
        {
            if (!char.IsWhiteSpace(c))
            {
                compact[length++] = c;
            }
        }

        var lookup = FieldKeys.GetAlternateLookup<ReadOnlySpan<char>>();
        return lookup.TryGetValue(compact[..length], out key!);
    }

    // Looks for a known key ending right before a colon (spaces inside the key allowed: "来 源").
    private static bool FindKeyBefore(ReadOnlySpan<char> line, int floor, int colon, out int keyStart, out string key)
    {
        var end = colon;
        while (end > floor && char.IsWhiteSpace(line[end - 1]))
        {
            end--;
        }

        for (var start = end - 1; start >= floor && end - start <= 10; start--)
        {
            if (char.IsWhiteSpace(line[start]))
            {
                continue;
            }

            if ((start == floor || !char.IsLetterOrDigit(line[start - 1]) || char.IsWhiteSpace(line[start - 1]))
                && IsFieldKey(line[start..end], out key))
            {
                keyStart = start;
                return true;
            }
        }

        keyStart = -1;
        key = string.Empty;
        return false;
    }

    private static void AddField(Dictionary<string, string> fields, string key, ReadOnlySpan<char> value)
    {
        value = value.Trim().TrimEnd("【[（(");
        value = value.Trim();
        if (!value.IsEmpty && !fields.ContainsKey(key))
        {
            fields[key] = value.ToString();
        }
    }

    private static string? LeadInTitle(ReadOnlySpan<char> line)
    {
        var match = LeadInTitlePattern().Match(line.ToString());
        return match.Success ? match.Groups["title"].Value.Trim() : null;
    }

    private static void CollectDomains(ReadOnlySpan<char> line, List<string> domains)
    {
        if (line.IndexOf('.') < 0)
        {
            return;
        }

        foreach (Match match in DomainPattern().Matches(line.ToString()))
        {
            domains.Add(match.Value.ToLowerInvariant());
        }
    }

    // "首页 | 新闻 | 政务公开 | 办事服务", "[网站地图](#) | [联系我们](#)": many short items between separators.
    private static bool IsNavigationBar(ReadOnlySpan<char> line)
    {
        if (line.Count("](") >= 2)
        {
            return true;
        }

        var separators = line.Count('|') + line.Count('｜');
        if (separators < 2)
        {
            return false;
        }

        var longest = 0;
        var current = 0;
        foreach (var c in line)
        {
            if (c is '|' or '｜')
            {
                longest = Math.Max(longest, current);
                current = 0;
            }
            else if (!char.IsWhiteSpace(c))
            {
                current++;
            }
        }

        return Math.Max(longest, current) <= 12;
    }

    // A short line naming the site: "XX市人民政府门户网站", "葡京官网", or one carrying a host name.
    private static bool IsSiteBanner(ReadOnlySpan<char> line)
    {
        if (line.Length <= 60 && line.Contains('.') && !line.ContainsAny("。；，") && DomainPattern().IsMatch(line))
        {
            return true;
        }

        if (line.Length > 20 || line.ContainsAny("。；，,:：、（(）)“”《》"))
        {
            return false;
        }

        // Headings ("第二节 建设物流网", "3.完善信息网") are not banners.
        if (line[0] is '第' or (>= '0' and <= '9') || "一二三四五六七八九十".Contains(line[0], StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var ending in SiteNameEndings)
        {
            if (line.EndsWith(ending, StringComparison.Ordinal) && line.Length > ending.Length
                && (ending != "网" || !line.ContainsAny(" \u3000")))
            {
                return true;
            }
        }

        return false;
    }

    // A line that is essentially a phone number: "电话 0735-2368507", "0731-88888888".
    private static bool IsPhoneLine(ReadOnlySpan<char> line) =>
        line.Length <= 40 && line.IndexOfAnyInRange('0', '9') >= 0 && PhonePattern().IsMatch(line);

    /// <summary>Lines of a table whose columns are aligned with spaces (text copied from a PDF or a Word table): two or more
    /// adjacent kept lines, each with at least two gaps of two or more spaces between its words. A spaced-out heading or a
    /// signature line has one gap at most, and one line alone is no table.</summary>
    private static bool[] AlignedRows(string source, List<(int Start, int Length)> lines, bool[] keep)
    {
        var wide = new bool[lines.Count];
        for (var n = 0; n < lines.Count; n++)
        {
            wide[n] = keep[n] && WideGaps(source.AsSpan(lines[n].Start, lines[n].Length)) >= 2;
        }

        var aligned = new bool[lines.Count];
        for (var n = 0; n < lines.Count; n++)
        {
            aligned[n] = wide[n] && ((n > 0 && wide[n - 1]) || (n + 1 < lines.Count && wide[n + 1]));
        }

        return aligned;
    }

    // Runs of two or more spaces (or full-width spaces) between words, not counting the indent or the line's end.
    private static int WideGaps(ReadOnlySpan<char> line)
    {
        line = line.Trim(" \t\u3000\u00A0\r");
        var gaps = 0;
        var run = 0;
        foreach (var c in line)
        {
            if (c is ' ' or '\u3000' or '\u00A0')
            {
                run++;
                continue;
            }

            gaps += run >= 2 ? 1 : 0;
            run = 0;
        }

        return gaps;
    }

    private static void AppendCollapsed(OffsetTextBuilder builder, string source, int start, int length, bool aligned = false)
    {
        var end = start + length;
        while (start < end && IsSpace(source[start]))
        {
            start++;
        }

        while (end > start && IsSpace(source[end - 1]))
        {
            end--;
        }

        // Runs between spaces go over in one block. A run of spaces becomes one space; a run holding tabs separates
        // table cells and keeps its tabs (one per tab written, so empty cells stay). Runs of spaces alone stay spaces
        // (headings are spaced out too), except the column gaps of a table aligned with spaces, which become tabs.
        var i = start;
        while (i < end)
        {
            var run = source.AsSpan(i, end - i).IndexOfAny(Spaces);
            if (run < 0)
            {
                builder.Append(source.AsSpan(i, end - i), i);
                break;
            }

            builder.Append(source.AsSpan(i, run), i);
            i += run;
            var j = i;
            var tabs = 0;
            while (j < end && IsSpace(source[j]))
            {
                tabs += source[j] == '\t' ? 1 : 0;
                j++;
            }

            if (tabs > 0)
            {
                for (var k = i; k < j; k++)
                {
                    if (source[k] == '\t')
                    {
                        builder.Append('\t', k);
                    }
                }
            }
            else if (aligned && j - i >= 2)
            {
                // A column gap of an aligned table separates cells, as a tab does.
                builder.Append('\t', i);
            }
            else
            {
                builder.Append(' ', i);
            }

            i = j;
        }
    }

    // Blank once normalised: only whitespace and garbage such as □.
    private static bool IsBlank(ReadOnlySpan<char> line)
    {
        foreach (var c in line)
        {
            if (!char.IsWhiteSpace(c) && !TextNormaliser.IsGarbage(c))
            {
                return false;
            }
        }

        return true;
    }

    private static readonly SearchValues<char> Spaces = SearchValues.Create(" \t\u3000\u00A0\r\f\v");

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\u3000' or '\u00A0' or '\r' or '\f' or '\v';

    private static List<(int Start, int Length)> SplitLines(string source)
    {
        var lines = new List<(int, int)>();
        var start = 0;
        for (var i = 0; i < source.Length; i++)
        {
            if (source[i] is '\n' or '\u2028' or '\u2029')
            {
                lines.Add((start, i - start));
                start = i + 1;
            }
            else if (source[i] == '\r' && (i + 1 >= source.Length || source[i + 1] != '\n'))
            {
                lines.Add((start, i - start));
                start = i + 1;
            }
        }

        lines.Add((start, source.Length - start));
        return lines;
    }

    [GeneratedRegex(@"(?:精心准备了|精心整理了|为您整理了|为你整理了|收集整理了|准备了)[“""《「]?(?<title>[^“”""《》「」，,。]{4,60}?)[”""》」]?(?:参考)?范文")]
    private static partial Regex LeadInTitlePattern();

    [GeneratedRegex(@"\b(?:[a-zA-Z0-9-]+\.)+(?:gov\.cn|com\.cn|org\.cn|net\.cn|edu\.cn|cn|com|net|org)\b")]
    private static partial Regex DomainPattern();

    [GeneratedRegex(@"^[^\d]{0,12}(?:\(?0\d{2,3}\)?[-－ ]?)?\d{7,8}(?:[-－]\d{1,4})?[^\d]{0,6}$")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"^(?:[-—－–‐]{1,2}\s*\d{1,4}\s*[-—－–‐]{1,2}|第\s*\d{1,4}\s*页(?:\s*[,，/／]?\s*共\s*\d{1,4}\s*页)?)$")]
    private static partial Regex PageFooterPattern();
}
