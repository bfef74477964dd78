using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace PolicyMiner.Cli.Bench;

/// <summary>Writes a corpus of many policy documents varied from a few samples in region, plan year and numbers.</summary>
/// <remarks>
/// Varies the samples of <c>corpus/</c> (TXT and HTML; PDFs cannot be varied as text) when given, else
/// <see cref="BuiltInTemplates"/>. Every generated document is unique (it carries its serial number), and a seed makes
/// the corpus reproducible. Regions are invented two-character names, like the samples'.
/// </remarks>
internal static partial class SyntheticCorpus
{
    private const string RegionFirst = "青云翠霞岚澄栖雾溪松桐柘榆枫苇蓼";
    private const string RegionSecond = "川岭屿汀坪湾峪塬沅浔泽陂";

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>TXT and HTML samples found in <paramref name="folder"/> (not recursive), or none if it does not exist.</summary>
    public static IReadOnlyList<CorpusTemplate> LoadTemplates(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return [];
        }

        return [.. Directory.EnumerateFiles(folder)
            .Where(f => Path.GetExtension(f).ToLowerInvariant() is ".txt" or ".html" or ".htm")
            .Order(StringComparer.Ordinal)
            .Select(f => FromBytes(Path.GetFileNameWithoutExtension(f), Path.GetExtension(f), File.ReadAllBytes(f)))];
    }

    /// <summary>A template from a file's bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030.</summary>
    public static CorpusTemplate FromBytes(string name, string extension, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        Encoding encoding;
        var bom = false;
        string text;
        if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            (encoding, bom, text) = (StrictUtf8, true, Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
        }
        else if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            (encoding, bom, text) = (Encoding.Unicode, true, Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2));
        }
        else
        {
            try
            {
                (encoding, text) = (StrictUtf8, StrictUtf8.GetString(bytes));
            }
            catch (DecoderFallbackException)
            {
                encoding = Gb18030();
                text = encoding.GetString(bytes);
            }
        }

        return new CorpusTemplate(name, extension, text, encoding, bom, FindRegionBase(text));
    }

    /// <summary>Writes <paramref name="count"/> documents into <paramref name="folder"/> (1,000 per subfolder); returns their paths.</summary>
    public static IReadOnlyList<string> Generate(string folder, int count, IReadOnlyList<CorpusTemplate> templates, int seed = 20260101)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (templates.Count == 0)
        {
            templates = BuiltInTemplates();
        }

        var random = new Random(seed);
        var paths = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var template = templates[i % templates.Count];
            var region = RegionName(random);
            var yearShift = random.Next(-8, 7);
            var text = Vary(template, region, yearShift, random, i);
            var subfolder = Path.Combine(folder, (i / 1000).ToString("D3", CultureInfo.InvariantCulture));
            Directory.CreateDirectory(subfolder);
            var path = Path.Combine(subfolder, $"{template.Name}-{i:D6}{template.Extension}");
            using (var stream = File.Create(path))
            {
                if (template.ByteOrderMark)
                {
                    stream.Write(template.Encoding.GetPreamble().Length > 0 ? template.Encoding.GetPreamble() : Encoding.UTF8.GetPreamble());
                }

                stream.Write(template.Encoding.GetBytes(text));
            }

            paths.Add(path);
        }

        return paths;
    }

    /// <summary>The template's text with its region renamed, its years shifted, its other numbers scaled and a serial number.</summary>
    public static string Vary(CorpusTemplate template, string regionBase, int yearShift, Random random, int serial)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(random);
        var text = template.RegionBase is { } original ? template.Text.Replace(original, regionBase, StringComparison.Ordinal) : template.Text;
        var factor = 0.6 + (random.NextDouble() * 0.9);
        var source = text;
        text = Number().Replace(source, m => VaryNumber(source, m, yearShift, factor));
        var mark = $"(样例编号{serial.ToString(CultureInfo.InvariantCulture)})";
        var bodyEnd = text.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        return bodyEnd >= 0 ? text.Insert(bodyEnd, $"<p>{mark}</p>") : text + "\n" + mark + "\n";
    }

    private static string VaryNumber(string text, Match match, int yearShift, double factor)
    {
        var value = match.Value;
        var before = match.Index > 0 ? text[match.Index - 1] : '\0';
        var end = match.Index + match.Length;
        var after = end < text.Length ? text[end] : '\0';

        // Years move together so that due years stay after plan years; document numbers 〔2013〕 move with them.
        if (value.Length == 4 && (value.StartsWith("19", StringComparison.Ordinal) || value.StartsWith("20", StringComparison.Ordinal)) && !value.Contains('.', StringComparison.Ordinal))
        {
            return (int.Parse(value, CultureInfo.InvariantCulture) + yearShift).ToString(CultureInfo.InvariantCulture);
        }

        // Heading and list numbers (1. 2、 （3）), times, dates and codes stay as they are.
        if (before is '（' or '(' or ':' or '-' or '/' or '〔' || after is '.' or '、' or '）' or ')' or ':' or '-' or '/' or '号' or '月' or '日' || char.IsAsciiLetter(before))
        {
            return value;
        }

        var dot = value.IndexOf('.', StringComparison.Ordinal);
        var number = double.Parse(value, CultureInfo.InvariantCulture) * factor;
        return dot < 0
            ? Math.Max(1, (long)Math.Round(number)).ToString(CultureInfo.InvariantCulture)
            : number.ToString("F" + (value.Length - dot - 1).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    /// <summary>The two characters before 市 or 县 that occur most often, taken as the sample's region.</summary>
    private static string? FindRegionBase(string text)
    {
        return RegionMention().Matches(text)
            .Select(m => m.Groups[1].Value)
            .Where(b => b.AsSpan().IndexOfAny("全本各我该市县省区镇的和与在") < 0)
            .GroupBy(b => b, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key)
            .FirstOrDefault();
    }

    internal static string RegionName(Random random) =>
        string.Concat(RegionFirst[random.Next(RegionFirst.Length)], RegionSecond[random.Next(RegionSecond.Length)]);

    private static Encoding Gb18030()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("gb18030");
    }

    [GeneratedRegex(@"[0-9]+(?:\.[0-9]+)?")]
    private static partial Regex Number();

    [GeneratedRegex(@"([\u4e00-\u9fff]{2})[市县]")]
    private static partial Regex RegionMention();
}
