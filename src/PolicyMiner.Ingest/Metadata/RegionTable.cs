using System.Collections.Frozen;
using System.Reflection;

namespace PolicyMiner.Ingest.Metadata;

/// <summary>A prefecture-level division (市, 自治州, 地区, 盟): its name, province, document-number abbreviations and host-name labels.</summary>
/// <param name="ShortName">The name used in running text and at the start of issuers (郴州, 湘西).</param>
/// <param name="IsCommonWord">True when <paramref name="ShortName"/> is also an ordinary word (来宾, 日照), so a mention of it proves nothing.</param>
public sealed record City(string Name, string ShortName, string Province, IReadOnlyList<string> NumberPrefixes, IReadOnlyList<string> Hosts, bool IsCommonWord);

/// <summary>
/// Every province-level and prefecture-level division of China with the abbreviations their document numbers start
/// with (湘政发 → 湖南省, 郴政发 → 郴州市), read from <c>models/doc-number-prefixes.tsv</c> (built in).
/// </summary>
/// <remarks>An abbreviation shared by several regions (青: 青海省 and 青岛市) gives a region only when a province known
/// from elsewhere picks one; otherwise none, never a guess. Immutable and thread-safe.</remarks>
public static class RegionTable
{
    private const string ResourceName = "PolicyMiner.Ingest.Metadata.doc-number-prefixes.tsv";

    private static readonly Table Data = Load();

    /// <summary>Every prefecture-level division in the table.</summary>
    public static IReadOnlyList<City> All => Data.Cities;

    /// <summary>Every province-level division's full name (湖南省, 广西壮族自治区, 北京市).</summary>
    public static IReadOnlyList<string> Provinces => Data.Provinces;

    /// <summary>The city whose full or short name starts <paramref name="text"/> (郴州市人民政府 → 郴州市); a province's name is not a city's (吉林省 ≠ 吉林市).</summary>
    public static City? CityAtStart(ReadOnlySpan<char> text)
    {
        City? best = null;
        foreach (var city in Data.Cities)
        {
            if (text.StartsWith(city.ShortName, StringComparison.Ordinal) && (best is null || city.ShortName.Length > best.ShortName.Length))
            {
                best = city;
            }
        }

        // 海南省 is not 海南州, 吉林省 not 吉林市: a province's full name wins over a city's short one.
        return best is not null && ProvinceAtStart(text) is { } province && text.StartsWith(province, StringComparison.Ordinal)
            && !text.StartsWith(best.Name, StringComparison.Ordinal)
            ? null
            : best;
    }

    /// <summary>The province whose name starts <paramref name="text"/> (湖南省科技厅 → 湖南省).</summary>
    public static string? ProvinceAtStart(ReadOnlySpan<char> text)
    {
        foreach (var (shortName, province) in Data.ProvinceShortNames)
        {
            if (text.StartsWith(shortName, StringComparison.Ordinal))
            {
                return province;
            }
        }

        return null;
    }

    /// <summary>The city of a document-number prefix (郴政发 → 郴州市, 潭市发 → 湘潭市), or null when the prefix is a
    /// province's or is shared and <paramref name="provinceHint"/> does not pick one city.</summary>
    /// <remarks>An abbreviation counts only when a document-type character (政, 市, 发, 办, 委, 府 …) follows it, so a
    /// two-character place name such as 青川 is not read as 青 (青岛).</remarks>
    public static City? CityOfNumberPrefix(ReadOnlySpan<char> prefix, string? provinceHint = null)
    {
        var (cities, provinces) = Abbreviated(prefix);
        if (cities.Count == 0)
        {
            return null;
        }

        if (provinceHint is not null)
        {
            var inProvince = cities.Where(c => c.Province == provinceHint).ToList();
            return inProvince.Count == 1 && !provinces.Contains(provinceHint) ? inProvince[0] : null;
        }

        return cities.Count == 1 && provinces.Count == 0 ? cities[0] : null;
    }

    /// <summary>The province of a provincial document-number prefix (湘政发 → 湖南省), or null when a city shares the
    /// abbreviation and <paramref name="provinceHint"/> does not name the province.</summary>
    public static string? ProvinceOfNumberPrefix(ReadOnlySpan<char> prefix, string? provinceHint = null)
    {
        var (cities, provinces) = Abbreviated(prefix);
        if (provinces.Count != 1)
        {
            return null;
        }

        return cities.Count == 0 || provinceHint == provinces[0] ? provinces[0] : null;
    }

    /// <summary>The province a document-number prefix points to, directly or through its city, when that is unambiguous.</summary>
    public static string? ProvinceOfAnyNumberPrefix(ReadOnlySpan<char> prefix)
    {
        var (cities, provinces) = Abbreviated(prefix);
        var all = cities.Select(c => c.Province).Concat(provinces).Distinct(StringComparer.Ordinal).ToList();
        return all.Count == 1 ? all[0] : null;
    }

    /// <summary>The city named by a label of a host name (xtst.xiangtan.gov.cn → 湘潭市); labels shared by two cities name none.</summary>
    public static City? CityOfHost(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        foreach (var label in host.Split('.'))
        {
            if (label.Length >= 4 && Data.ByHost.TryGetValue(label, out var city))
            {
                return city;
            }
        }

        return null;
    }

    // The longest abbreviation that starts the prefix and is followed by a type character, and every region using it.
    private static (List<City> Cities, List<string> Provinces) Abbreviated(ReadOnlySpan<char> prefix)
    {
        for (var length = Math.Min(prefix.Length - 1, Data.LongestPrefix); length >= 1; length--)
        {
            if (!IsTypeCharacter(prefix[length]))
            {
                continue;
            }

            var key = prefix[..length].ToString();
            var cities = Data.CitiesByPrefix.GetValueOrDefault(key);
            var provinces = Data.ProvincesByPrefix.GetValueOrDefault(key);
            if (cities is not null || provinces is not null)
            {
                return ([.. cities ?? []], [.. provinces ?? []]);
            }
        }

        return ([], []);
    }

    private static bool IsTypeCharacter(char c) => c is '政' or '市' or '发' or '办' or '委' or '府' or '字' or '科' or '财' or '教' or '农' or '函' or '通' or '署' or '区';

    private sealed record Table(
        City[] Cities,
        string[] Provinces,
        (string ShortName, string Province)[] ProvinceShortNames,
        FrozenDictionary<string, City[]> CitiesByPrefix,
        FrozenDictionary<string, string[]> ProvincesByPrefix,
        FrozenDictionary<string, City> ByHost,
        int LongestPrefix);

    private static Table Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        var cities = new List<City>();
        var provinces = new List<(string Name, string Short, string[] Prefixes)>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var columns = line.Split('\t');
            if (columns.Length != 7)
            {
                throw new InvalidDataException($"doc-number-prefixes.tsv line {lineNumber}: expected 7 tab-separated columns, found {columns.Length}.");
            }

            string[] List(string column) => column == "-" ? [] : column.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            switch (columns[0])
            {
                case "province":
                    provinces.Add((columns[1], columns[2], List(columns[4])));
                    break;
                case "city":
                    cities.Add(new City(columns[1], columns[2], columns[3], List(columns[4]), List(columns[5]), columns[6] == "word"));
                    break;
                default:
                    throw new InvalidDataException($"doc-number-prefixes.tsv line {lineNumber}: unknown kind '{columns[0]}'.");
            }
        }

        var citiesByPrefix = cities.SelectMany(c => c.NumberPrefixes.Select(p => (Prefix: p, City: c)))
            .GroupBy(x => x.Prefix, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.Select(x => x.City).ToArray(), StringComparer.Ordinal);
        var provincesByPrefix = provinces.SelectMany(p => p.Prefixes.Select(x => (Prefix: x, p.Name)))
            .GroupBy(x => x.Prefix, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.Select(x => x.Name).ToArray(), StringComparer.Ordinal);
        var byHost = cities.SelectMany(c => c.Hosts.Select(h => (Host: h, City: c)))
            .GroupBy(x => x.Host, StringComparer.Ordinal)
            .Where(g => g.Count() == 1)
            .ToFrozenDictionary(g => g.Key, g => g.Single().City, StringComparer.Ordinal);
        var longest = citiesByPrefix.Keys.Concat(provincesByPrefix.Keys).Max(k => k.Length);

        // Longer short names first, so 内蒙古 is tried before a two-character name could match.
        var shortNames = provinces.Select(p => (p.Short, p.Name)).OrderByDescending(p => p.Short.Length).ToArray();
        return new Table([.. cities], [.. provinces.Select(p => p.Name)], shortNames, citiesByPrefix, provincesByPrefix, byHost, longest);
    }
}
