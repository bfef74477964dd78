using System.Collections.Frozen;
using System.Text.RegularExpressions;
using PolicyMiner.Core.Documents;
using PolicyMiner.Core.Text;

namespace PolicyMiner.Ingest.Metadata;

/// <summary>What metadata extraction works from: the normalised text and what the reader and chrome filter found.</summary>
/// <param name="Text">The normalised document text.</param>
/// <param name="Fields">Metadata-table fields by key (索引号, 文号, 发文日期 …).</param>
/// <param name="TitleHints">Titles named outside the text (page title, lead-in blurb), best first.</param>
/// <param name="Domains">Host names of the page the text was scraped from.</param>
/// <param name="TitleSource">Gives the as-written form of a span of <paramref name="Text"/> (no traditional folding), for the title.</param>
public sealed record MetadataInput(
    string Text,
    IReadOnlyDictionary<string, string> Fields,
    IReadOnlyList<string> TitleHints,
    IReadOnlyList<string> Domains,
    Func<TextSpan, string>? TitleSource = null);

/// <summary>Infers title, issuer, own document number, date of issue, region, province and plan year. Unknown stays null.</summary>
/// <remarks>Stateless and thread-safe.</remarks>
public static partial class MetadataExtractor
{
    private const int HeadLines = 15;

    private static readonly string[] OrganisationEndings =
    [
        "人民政府办公室", "人民政府办公厅", "人民政府", "政府办公室", "政府办公厅", "政府", "办公室", "办公厅", "委员会", "管委会",
        "领导小组", "局", "厅", "委", "院", "中心", "协会", "联合会", "党委", "党组", "委员会办公室",
    ];

    private static readonly (string Keyword, string Bureau)[] Bureaus =
    [
        ("科技", "科技局"), ("教育", "教育局"), ("财政", "财政局"), ("商务", "商务局"), ("统计", "统计局"), ("农业", "农业农村局"),
        ("林业", "林业局"), ("交通", "交通运输局"), ("水利", "水利局"), ("审计", "审计局"), ("民政", "民政局"), ("司法", "司法局"),
        ("工业和信息化", "工业和信息化局"), ("人力资源", "人力资源和社会保障局"),
    ];

    // The central bodies whose names have no place prefix or a short form the general rule cannot see (国务院, 财政部).
    private static readonly FrozenSet<string> CentralOrgans = new[]
    {
        "国务院", "国务院办公厅", "中共中央", "中共中央办公厅", "中央军委", "中央军委办公厅", "中央军事委员会", "全国人大常委会",
        "全国人民代表大会常务委员会", "最高人民法院", "最高人民检察院", "外交部", "国防部", "教育部", "科技部", "公安部", "民政部",
        "司法部", "财政部", "商务部", "审计署", "水利部", "文化部", "卫生部", "监察部", "铁道部", "人事部", "建设部", "农业部", "交通部",
        "国土资源部", "环境保护部", "工业和信息化部", "人力资源社会保障部", "人力资源和社会保障部", "自然资源部", "生态环境部",
        "住房城乡建设部", "住房和城乡建设部", "交通运输部", "农业农村部", "文化和旅游部", "退役军人事务部", "应急管理部",
        "国家发展改革委", "国家卫生健康委", "国家民委", "人民银行", "中国人民银行", "海关总署", "税务总局", "国家税务总局",
        "市场监管总局", "国家市场监督管理总局", "国家统计局", "国务院国资委", "中央编办", "中央组织部", "中央宣传部",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly char[] JointSeparators = ['、', '，', ',', ' ', '\u3000', '\t'];

    private static readonly string[] DateFieldsOfIssue = ["成文日期", "签署日期", "印发日期"];

    /// <summary>Extracts metadata; every field is null unless the text or its page states or clearly implies it.</summary>
    public static DocumentMetadata Extract(MetadataInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var lines = Lines(input.Text);
        var head = HeadOf(input.Text, lines);

        var docNumber = OwnNumber(input, head);
        var title = Title(input, head);
        var byline = Byline(input, head);
        var date = IssueDate(input, lines) ?? byline?.Date ?? FieldDate(input, "发文日期");
        var issuer = Issuer(input, head, lines, title) ?? byline?.Issuer;

        var provinceNamed = new Lazy<string?>(() => ProvinceNamedByText(input.Text));
        var (region, province) = Place(input, issuer, docNumber, title, provinceNamed);
        if (issuer is null && region is not null)
        {
            issuer = IssuerByNumberCode(docNumber, region) ?? BureauBySelfReference(input.Text, title, region);
        }

        if (province is null && (region is not null || issuer is not null))
        {
            province = provinceNamed.Value;
        }

        var basis = Citations(input.Text, docNumber);
        var year = PlanYear(input.Text, title, date, docNumber, basis);
        return new DocumentMetadata(
            title, issuer, docNumber, region, province, year, date,
            Published: FieldDate(input, "发布日期") ?? FieldDate(input, "公开日期"),
            Uploaded: FieldDate(input, "发布时间") ?? FieldDate(input, "更新时间") ?? FieldDate(input, "公开时间"),
            IndexNumber: input.Fields.TryGetValue("索引号", out var index) && index.Length > 0 ? index.Trim() : null,
            Basis: basis);
    }

    private static DateOnly? FieldDate(MetadataInput input, string key) =>
        input.Fields.TryGetValue(key, out var value) ? DateText.FindFirst(value) : null;

    /// <summary>The issuer and date of a byline under the title ("2008-03-28 X市科技局", "X市科技局 2008年3月28日").</summary>
    private static (string Issuer, DateOnly Date)? Byline(MetadataInput input, List<TextSpan> head)
    {
        foreach (var span in head)
        {
            var line = input.Text.Substring(span.Start, span.Length).Trim();
            if (line.Length > 50)
            {
                continue;
            }

            var match = BylinePattern().Match(line);
            if (!match.Success)
            {
                continue;
            }

            var organisation = match.Groups["org"].Value.Trim();
            if (DateText.FindFirst(match.Groups["date"].Value) is { } date && Organisations(organisation) is { } issuer)
            {
                return (issuer, date);
            }
        }

        return null;
    }

    /// <summary>Every document the text cites as 《title》（number）, once each, the document's own number left out.</summary>
    private static List<CitedDocument> Citations(string text, string? own)
    {
        var cited = new List<CitedDocument>();
        foreach (Match match in CitationPattern().Matches(text))
        {
            var number = Compact(match.Groups["number"].Value);
            if (number == own || cited.Exists(c => c.Number == number))
            {
                continue;
            }

            var year = NumberYearPattern().Match(number) is { Success: true } y ? int.Parse(y.Groups["y"].ValueSpan) : (int?)null;
            cited.Add(new CitedDocument(match.Groups["title"].Value, number, year));
        }

        return cited;
    }

    private static string? OwnNumber(MetadataInput input, List<TextSpan> head)
    {
        foreach (var key in (string[])["文号", "发文字号", "文件编号"])
        {
            if (input.Fields.TryGetValue(key, out var value))
            {
                if (DocNumberPattern().Match(value) is { Success: true } m)
                {
                    return Compact(m.Value);
                }

                if (OrderNumber(value) is { } order)
                {
                    return order;
                }
            }
        }

        // A decree is numbered by its issuer's order series: "中华人民共和国国务院令" over "第707号", or on one line.
        for (var i = 0; i < head.Count; i++)
        {
            var line = input.Text.Substring(head[i].Start, head[i].Length).Trim();
            if (line.EndsWith('令') && i + 1 < head.Count)
            {
                line += input.Text.Substring(head[i + 1].Start, head[i + 1].Length).Trim();
            }

            if (OrderNumber(line) is { } order && OrderNumberPattern().Match(line).Index == 0)
            {
                return order;
            }
        }

        // The document's own number stands at the start of a line in the head; numbers inside sentences are citations.
        foreach (var span in head)
        {
            var line = input.Text.Substring(span.Start, span.Length);
            var match = DocNumberPattern().Match(line);
            if (match.Success && match.Index == 0)
            {
                return Compact(match.Value);
            }
        }

        return null;
    }

    // 国务院令第707号 and 中华人民共和国国务院令第707号 are written 国令第707号, as the State Council numbers them.
    private static string? OrderNumber(string text)
    {
        var match = OrderNumberPattern().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var issuer = match.Groups["org"].Value;
        if (issuer.StartsWith("中华人民共和国", StringComparison.Ordinal))
        {
            issuer = issuer["中华人民共和国".Length..];
        }

        issuer = issuer is "国务院" or "国" ? "国" : issuer;
        return $"{issuer}令第{match.Groups["n"].Value}号";
    }

    private static string? Title(MetadataInput input, List<TextSpan> head)
    {
        foreach (var key in (string[])["名称", "标题", "信息名称"])
        {
            if (input.Fields.TryGetValue(key, out var value) && value.Length >= 4)
            {
                return value;
            }
        }

        // A title line in the document itself beats the page's title and a content farm's blurb.
        if (TitleInHead(input, head) is { } inText)
        {
            return inText;
        }

        foreach (var hint in input.TitleHints)
        {
            if (!string.IsNullOrWhiteSpace(hint))
            {
                return hint.Trim();
            }
        }

        return null;
    }

    private static string? TitleInHead(MetadataInput input, List<TextSpan> head)
    {
        for (var i = 0; i < head.Count; i++)
        {
            var span = head[i];
            var line = input.Text.AsSpan(span.Start, span.Length);
            var number = DocNumberPattern().Match(line.ToString());
            var start = span.Start;
            if (number.Success && number.Index == 0)
            {
                start += number.Length;
                line = line[number.Length..];
            }

            line = line.Trim();
            var titleStart = input.Text.IndexOf(line.ToString(), start, StringComparison.Ordinal);
            var titleSpan = new TextSpan(titleStart, titleStart + line.Length);

            // A long title wrapped onto a second line (centred PDF titles): the first part lacks the
            // document-type word that ends the second.
            if (!EndsWithDocumentType(line) && i + 1 < head.Count && line.Length >= 8 && !line.ContainsAny("，,：:。；")
                && !IsOrganisation(line.ToString()))
            {
                var next = input.Text.AsSpan(head[i + 1].Start, head[i + 1].Length).Trim();
                if (next.Length <= 40 && EndsWithDocumentType(next) && IsTitleLike(string.Concat(line, next)))
                {
                    titleSpan = new TextSpan(titleSpan.Start, head[i + 1].End);
                }
            }

            if (titleSpan.End == titleStart + line.Length && !IsTitleLike(line))
            {
                continue;
            }

            var text = input.TitleSource?.Invoke(titleSpan) ?? input.Text[titleSpan.Start..titleSpan.End];
            return text.Replace("\n", string.Empty, StringComparison.Ordinal).Trim();
        }

        return null;
    }

    private static bool IsTitleLike(ReadOnlySpan<char> line) =>
        line.Length is >= 5 and <= 80
        && !line.ContainsAny("。；;")
        && line[^1] is not ('：' or ':' or '，' or ',')
        && DocumentTypePattern().IsMatch(line.ToString());

    private static bool EndsWithDocumentType(ReadOnlySpan<char> line) => DocumentTypeEndPattern().IsMatch(line.ToString());

    private static DateOnly? IssueDate(MetadataInput input, List<TextSpan> lines)
    {
        foreach (var key in DateFieldsOfIssue)
        {
            if (input.Fields.TryGetValue(key, out var value) && DateText.FindFirst(value) is { } fieldDate)
            {
                return fieldDate;
            }
        }

        // The signature date stands alone on its line; the last one closes the document body.
        for (var i = lines.Count - 1; i >= 0; i--)
        {
            if (lines[i].Length > 24)
            {
                continue;
            }

            var line = input.Text.Substring(lines[i].Start, lines[i].Length);
            if (DateText.ParseWhole(line) is { } signed)
            {
                return signed;
            }
        }

        // "XX办公室2007年3月21日印发": the printing line of an official document.
        foreach (var span in lines)
        {
            var line = input.Text.AsSpan(span.Start, span.Length);
            if (line.Length <= 60 && line.EndsWith("印发", StringComparison.Ordinal)
                && PrintedPattern().Match(line.ToString()) is { Success: true } printed && DateText.FindFirst(printed.Value) is { } printedDate)
            {
                return printedDate;
            }
        }

        // A byline, then a metadata table's 发文日期, are only used when nothing in the text dates the document
        // (Extract); upload and registration timestamps (发布时间, 登记日期) never are.
        return null;
    }

    private static string? Issuer(MetadataInput input, List<TextSpan> head, List<TextSpan> lines, string? title)
    {
        foreach (var key in (string[])["发文机关", "发文单位", "制发机关", "发文机构", "发布机构"])
        {
            if (input.Fields.TryGetValue(key, out var value) && Organisations(value.Trim()) is { } named)
            {
                return named;
            }
        }

        foreach (var span in head)
        {
            var line = input.Text.Substring(span.Start, span.Length).Trim();
            if (Organisations(line) is { } named)
            {
                return named;
            }
        }

        if (title is not null)
        {
            var about = title.IndexOf("关于", StringComparison.Ordinal);
            if (about > 0 && Organisations(title[..about]) is { } named)
            {
                return named;
            }
        }

        // Signature: the organisation on the line just before the closing date.
        for (var i = lines.Count - 1; i > 0; i--)
        {
            if (lines[i].Length > 24)
            {
                continue;
            }

            var line = input.Text.Substring(lines[i].Start, lines[i].Length);
            if (DateText.ParseWhole(line) is not null)
            {
                var signer = input.Text.Substring(lines[i - 1].Start, lines[i - 1].Length).Trim();
                return Organisations(signer);
            }
        }

        return null;
    }

    /// <summary>One issuer or joint issuers ("国务院办公厅 中央军委办公厅", "国务院、中央军委") as 、-joined names, or null
    /// when any part is not the name of a body.</summary>
    public static string? Organisations(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (IsOrganisation(text))
        {
            return text;
        }

        var parts = text.Split(JointSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return parts.Length is >= 2 and <= 8 && Array.TrueForAll(parts, IsOrganisation) ? string.Join('、', parts) : null;
    }

    /// <summary>True for a plausible name of a government body: a place or state prefix and an organisational ending, nothing else.</summary>
    public static bool IsOrganisation(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (CentralOrgans.Contains(text))
        {
            return true;
        }

        if (text.Length is < 4 or > 30 || !OrganisationNamePattern().IsMatch(text) || text.Contains("关于", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var ending in OrganisationEndings)
        {
            if (text.EndsWith(ending, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static (string? Region, string? Province) Place(MetadataInput input, string? issuer, string? docNumber, string? title, Lazy<string?> provinceNamed)
    {
        if (issuer is not null)
        {
            if (RegionTable.CityAtStart(issuer) is { } city)
            {
                var county = issuer.StartsWith(city.Name, StringComparison.Ordinal) ? CountyPattern().Match(issuer[city.Name.Length..]) : Match.Empty;
                return (county.Success ? county.Value : city.Name, city.Province);
            }

            if (RegionTable.ProvinceAtStart(issuer) is { } issuerProvince)
            {
                var rest = issuer.StartsWith(issuerProvince, StringComparison.Ordinal) ? issuer[issuerProvince.Length..] : string.Empty;
                var local = LocalPattern().Match(rest);
                return (local.Success ? local.Value : null, issuerProvince);
            }

            var own = LocalPattern().Match(issuer);
            if (own.Success && own.Index == 0)
            {
                return (own.Value, null);
            }
        }

        if (docNumber is not null)
        {
            var bracket = docNumber.IndexOfAny(['〔', '[', '［', '【', '(', '（', '令']);
            var prefix = docNumber.AsSpan(0, bracket < 0 ? 0 : bracket);

            // An abbreviation two regions share (青: 青海省, 青岛市) is settled by the province the text names.
            var hint = RegionTable.ProvinceOfAnyNumberPrefix(prefix) is null && prefix.Length > 0 ? provinceNamed.Value : null;
            // A text that names another province is not that city's (an invented or unlisted place sharing its abbreviation).
            if (RegionTable.CityOfNumberPrefix(prefix, hint) is { } numbered && (provinceNamed.Value is not { } textProvince || textProvince == numbered.Province))
            {
                return (numbered.Name, numbered.Province);
            }

            if (RegionTable.ProvinceOfNumberPrefix(prefix, hint) is { } provincial)
            {
                return (null, provincial);
            }
        }

        // A title that opens with a place: "云岭县2021年农业科技推广工作计划".
        if (title is not null && TitlePlacePattern().Match(title) is { Success: true } titled)
        {
            var place = titled.Groups["place"].Value;
            if (RegionTable.CityAtStart(place) is { } titledCity && place.StartsWith(titledCity.Name, StringComparison.Ordinal))
            {
                return (titledCity.Name, titledCity.Province);
            }

            return (place, RegionTable.ProvinceAtStart(place));
        }

        foreach (var host in input.Domains)
        {
            if (RegionTable.CityOfHost(host) is { } hosted)
            {
                return (hosted.Name, hosted.Province);
            }
        }

        return CityNamedByText(input.Text) is { } named ? (named.Name, named.Province) : (null, null);
    }

    // A city-level document (全市 / 我市) that names one listed city again and again, and no other.
    private static City? CityNamedByText(string text)
    {
        if (!text.Contains("全市", StringComparison.Ordinal) && !text.Contains("我市", StringComparison.Ordinal))
        {
            return null;
        }

        City? best = null;
        int bestCount = 0, secondCount = 0;
        var counts = CityMentions.Default.Count(text);
        for (var c = 0; c < counts.Length; c++)
        {
            var city = RegionTable.All[c];
            var count = counts[c];
            if (count > bestCount)
            {
                secondCount = bestCount;
                best = city;
                bestCount = count;
            }
            else if (count > secondCount)
            {
                secondCount = count;
            }
        }

        return bestCount >= 2 && secondCount == 0 ? best : null;
    }

    // The type code of an official number names the issuing office: 政发 the government, 政办发 its general office.
    private static string? IssuerByNumberCode(string? docNumber, string region)
    {
        if (docNumber is null)
        {
            return null;
        }

        var code = NumberCodePattern().Match(docNumber);
        if (!code.Success)
        {
            return null;
        }

        return code.Groups["office"].Success ? region + "人民政府办公室" : region + "人民政府";
    }

    // A local document that names the province it answers to ("贯彻西岭省科技工作会议精神", "居湖南省前列").
    private static string? ProvinceNamedByText(string text)
    {
        string? found = null;
        for (var at = text.IndexOf('省', StringComparison.Ordinal); at >= 0; at = text.IndexOf('省', at + 1))
        {
            // Only the few characters around each 省 can name a province: match there, not over the whole text.
            var from = Math.Max(0, at - 6);
            var window = text.AsSpan(from, Math.Min(text.Length, at + 6) - from).ToString();
            var match = ProvinceMentionPattern().Match(window);
            if (!match.Success)
            {
                continue;
            }

            var name = match.Groups["province"].Value;
            if (found is null)
            {
                found = name;
            }
            else if (found != name)
            {
                return null;
            }
        }

        return found;
    }

    // A document that speaks of its own 局党组 / 局机关 is a bureau's; its subject names which bureau.
    private static string? BureauBySelfReference(string text, string? title, string region)
    {
        var selfReferences = CountOf(text, "局党组") + CountOf(text, "局机关") + CountOf(text, "局属") + CountOf(text, "本局") + CountOf(text, "我局");
        if (selfReferences < 2 || title is null)
        {
            return null;
        }

        foreach (var (keyword, bureau) in Bureaus)
        {
            if (title.Contains(keyword, StringComparison.Ordinal))
            {
                return region + bureau;
            }
        }

        return null;
    }

    // The plan year, from the strongest evidence first: the title, a stated work year, "YYYY年起", the date of issue,
    // the year of the own number. A document cannot plan for a year before a document it cites as its basis.
    private static int? PlanYear(string text, string? title, DateOnly? date, string? docNumber, List<CitedDocument> basis)
    {
        var floor = basis.Count == 0 ? 0 : basis.Max(b => b.Year ?? 0);
        bool Fits(int year) => year >= floor;

        if (title is not null && TitleYearPattern().Match(title) is { Success: true } titled && int.Parse(titled.Groups["y"].ValueSpan) is var t && Fits(t))
        {
            return t;
        }

        // The opening 3000 characters, searched in place rather than copied (neither pattern has an anchor or a lookaround).
        var opening = Math.Min(text.Length, 3000);
        if (PlanYearPattern().Match(text, 0, opening) is { Success: true } stated && int.Parse(stated.Groups["y"].ValueSpan) is var s && Fits(s))
        {
            return s;
        }

        // "从YYYY年起" starts the plan only when it does not lie before the document's own date: a dated report that
        // recalls a fund set up "从YYYY年开始" two years earlier is not planning for that year.
        if (StartYearPattern().Match(text, 0, opening) is { Success: true } starting && int.Parse(starting.Groups["y"].ValueSpan) is var f && Fits(f)
            && (date is null || f >= date.Value.Year))
        {
            return f;
        }

        // A report's part headings name its years: "二、YYYY年工作安排" the year it plans, "一、YYYY年工作回顾" the year before.
        if (HeadingYear(text) is { } headed && Fits(headed))
        {
            return headed;
        }

        // A dated plan or campaign is for the year it was issued in (a five-year plan's first year).
        if (date is { } issued && Fits(issued.Year))
        {
            return issued.Year;
        }

        return docNumber is not null && NumberYearPattern().Match(docNumber) is { Success: true } numbered
            && int.Parse(numbered.Groups["y"].ValueSpan) is var n && Fits(n)
            ? n
            : null;
    }

    // The first forward-looking part heading wins; a review heading alone implies the plan is for the next year.
    private static int? HeadingYear(string text)
    {
        int? reviewed = null;
        foreach (Match heading in PartHeadingYearPattern().Matches(text))
        {
            var year = int.Parse(heading.Groups["y"].ValueSpan);
            if (heading.Groups["ahead"].Success)
            {
                return year;
            }

            reviewed ??= year + 1;
        }

        return reviewed;
    }

    private static int CountOf(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static string Compact(string value) => value.Replace(" ", string.Empty, StringComparison.Ordinal);

    private static List<TextSpan> Lines(string text)
    {
        var lines = new List<TextSpan>();
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || text[i] == '\n')
            {
                if (i > start)
                {
                    lines.Add(new TextSpan(start, i));
                }

                start = i + 1;
            }
        }

        return lines;
    }

    // The head: the lines before the first body paragraph (a long line of running text), at most a few.
    private static List<TextSpan> HeadOf(string text, List<TextSpan> lines)
    {
        var head = new List<TextSpan>();
        foreach (var line in lines)
        {
            if (head.Count >= HeadLines || (line.Length > 60 && text.AsSpan(line.Start, line.Length).ContainsAny("。，,")))
            {
                break;
            }

            head.Add(line);
        }

        return head;
    }

    [GeneratedRegex(@"[\u4e00-\u9fa5]{1,12}\s*[〔\[［【(（]\s*(?:19|20)\d{2}\s*[〕\]］】)）]\s*(?:第\s*)?\d{1,5}\s*号")]
    internal static partial Regex DocNumberPattern();

    // An order number: 国务院令第707号, 中华人民共和国国务院令 第707号, 国令第707号, 湖南省人民政府令第200号.
    [GeneratedRegex(@"(?<org>[\u4e00-\u9fa5]{1,20}?)令\s*(?:第\s*)?(?<n>\d{1,5})\s*号")]
    private static partial Regex OrderNumberPattern();

    // The year in a number's brackets (〔2004〕).
    [GeneratedRegex(@"[〔\[［【(（]\s*(?<y>(?:19|20)\d{2})\s*[〕\]］】)）]")]
    private static partial Regex NumberYearPattern();

    // 《title》（number）: a cited document; the number may be a 文号 or an order number.
    [GeneratedRegex(@"《(?<title>[^《》\n]{4,100})》\s*[（(]\s*(?<number>[\u4e00-\u9fa5]{1,12}\s*[〔\[［【(（]\s*(?:19|20)\d{2}\s*[〕\]］】)）]\s*(?:第\s*)?\d{1,5}\s*号|[\u4e00-\u9fa5]{1,20}令\s*第\s*\d{1,5}\s*号)\s*[)）]")]
    private static partial Regex CitationPattern();

    // "从2019年起", "自2021年开始": the first year of a plan that runs from then on.
    [GeneratedRegex(@"(?:从|自|由)(?<y>(?:19|20)\d{2})年(?:起|开始)")]
    private static partial Regex StartYearPattern();

    // A byline under the title: a date and an issuer, either way round, nothing else ("2008-03-28 X市科技局").
    [GeneratedRegex(@"^(?:(?<date>(?:19|20)\d{2}(?:-\d{1,2}-\d{1,2}|/\d{1,2}/\d{1,2}|\.\d{1,2}\.\d{1,2}|年\d{1,2}月\d{1,2}日))\s+(?<org>[\u4e00-\u9fa5、 ]{3,40})|(?<org>[\u4e00-\u9fa5、 ]{3,40}?)\s+(?<date>(?:19|20)\d{2}(?:-\d{1,2}-\d{1,2}|/\d{1,2}/\d{1,2}|\.\d{1,2}\.\d{1,2}|年\d{1,2}月\d{1,2}日)))$")]
    private static partial Regex BylinePattern();

    [GeneratedRegex(@"(?:意见|通知|办法|要点|计划|规划|方案|决定|纲要|报告|细则|规定|条例|决议|批复|公告|通告|安排|总结|措施|实施|指南|制度|章程|标准|指引|目录|清单|函)")]
    private static partial Regex DocumentTypePattern();

    [GeneratedRegex(@"(?:意见|通知|办法|要点|计划|规划|方案|决定|纲要|报告|细则|规定|条例|决议|批复|公告|通告|安排|总结|措施|指南|制度|章程|标准|指引|目录|清单|函)[》”」]?[)）]?$")]
    private static partial Regex DocumentTypeEndPattern();

    [GeneratedRegex(@"^(?:中共)?[\u4e00-\u9fa5（）()]{2,30}$")]
    private static partial Regex OrganisationNamePattern();

    [GeneratedRegex(@"^(?<place>(?![关于印发开展做好全我本各])[\u4e00-\u9fa5]{2,6}?(?:自治州|自治县|市|县|区|旗))(?:(?:19|20)\d{2}年|人民政府|政府|科学技术|科技|关于|“)")]
    private static partial Regex TitlePlacePattern();

    [GeneratedRegex(@"^[\u4e00-\u9fa5]{1,3}?政(?<office>办)?发\s*[〔\[［【(（]")]
    private static partial Regex NumberCodePattern();

    [GeneratedRegex(@"(?:按照|落实|贯彻|围绕|根据|遵照|居|进入|位居|跻身|《|、|，|。|^)(?<province>(?![全本我各该外兄跨])[\u4e00-\u9fa5]{2,3}省)(?=关于|人民政府|政府|科技|科学技术|委|党委|建设|前列|重大|重点|“|的|第|领导|工作|会议|大会|“)", RegexOptions.Multiline)]
    private static partial Regex ProvinceMentionPattern();

    [GeneratedRegex(@"^[\u4e00-\u9fa5]{1,6}?(?:县|区|旗)")]
    private static partial Regex CountyPattern();

    [GeneratedRegex(@"^[\u4e00-\u9fa5]{1,7}?(?:自治州|地区|盟|市|县|区|旗)")]
    private static partial Regex LocalPattern();

    [GeneratedRegex(@"[\u4e00-\u9fa5]{2,20}(?:办公室|办公厅)\s*(?:(?:19|20)\d{2}年\d{1,2}月\d{1,2}日|[〇零○一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日)\s*印发")]
    private static partial Regex PrintedPattern();

    // A year in a title, or the first year of a range ("2018—2020年") in it, or a bare year between words ("数字云岭2021行动方案").
    [GeneratedRegex(@"(?<![\d\-—–－~～〜至到])(?<y>(?:19|20)\d{2})\s*(?:年\s*)?(?:(?:[-—–－~～〜至到]\s*(?:19|20)?\d{2,4}\s*)?年)|(?<=[\u4e00-\u9fa5])(?<y>(?:19|20)\d{2})(?=[\u4e00-\u9fa5])")]
    private static partial Regex TitleYearPattern();

    // A numbered part heading on its own line that names a year: a review ("一、2031年工作回顾") or the work ahead
    // ("二、2032年目标任务", "（二）2032年工作安排"); other headings (完成情况, 总结) say nothing of the plan year.
    [GeneratedRegex(@"^[ \t\u3000]*(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[)）])[ \t\u3000]*(?<y>(?:19|20)\d{2})年(?:[^\n。，；]{0,8}回顾|(?<ahead>[^\n。，；]{0,8}(?:安排|任务|重点|目标|思路|计划|打算|部署|要点))[^\n。，；]{0,10})[ \t\u3000]*$", RegexOptions.Multiline)]
    private static partial Regex PartHeadingYearPattern();

    // "做好2012年科技工作", "2007年在全市开展", "决定2007年…", "2018年全市科技工作要点".
    [GeneratedRegex(@"(?:做好|抓好|安排|部署|决定[，,]?\s*)(?<y>(?:19|20)\d{2})年|(?<y>(?:19|20)\d{2})年(?:在全[市县区省]|[\u4e00-\u9fa5]{0,12}工作(?:要点|计划|安排|意见|方案))")]
    private static partial Regex PlanYearPattern();
}
