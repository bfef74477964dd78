using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace PolicyMiner.Extraction.Quantities;

/// <summary>A unit as matched after a number: written form, magnitude and the standard unit it converts to.</summary>
/// <param name="Written">The unit exactly as written ("万平方米", "亿元", "%", "家").</param>
/// <param name="Factor">Multiplier from the written unit to <paramref name="Standard"/> (1e8 for 亿元).</param>
/// <param name="Standard">The standard unit ("元", "平方米", "%"; "" for a bare magnitude).</param>
public sealed record UnitMatch(string Written, int Length, double Factor, string Standard, UnitKind Kind);

/// <summary>One line of the unit catalogue: a base unit, what it measures and how it converts.</summary>
/// <param name="Alone">True when the unit only counts with no word after it ("6000G", not "5G基站").</param>
public sealed record UnitDefinition(string Written, UnitKind Kind, string Standard, double Factor, bool Alone);

/// <summary>The units PolicyMiner understands after a number, with magnitude prefixes (万, 亿, 千万 …).</summary>
/// <remarks>Immutable and thread-safe. The units are data (<c>Quantities/units.tsv</c>): a new unit is one line there and one
/// spec example. Matching is longest-first so 个百分点 wins over 个 and 人次 over 人.</remarks>
public sealed class UnitCatalogue
{
    private const string EmbeddedName = "PolicyMiner.Extraction.Quantities.units.tsv";

    private static readonly (string Prefix, double Factor)[] Magnitudes =
    [
        ("万亿", 1e12), ("千万", 1e7), ("百万", 1e6), ("十万", 1e5), ("万", 1e4), ("亿", 1e8), ("千", 1e3),
    ];

    /// <summary>The bare magnitudes that stand alone, in the order of <see cref="Magnitudes"/> (null for the others).</summary>
    private static readonly UnitMatch?[] BareMagnitudes =
        [.. Magnitudes.Select(m => StandsAlone(m.Prefix) ? new UnitMatch(m.Prefix, m.Prefix.Length, m.Factor, "", UnitKind.None) : null)];

    private readonly FrozenDictionary<char, UnitEntry[]> _byFirstChar;

    /// <summary>A catalogue of <paramref name="units"/>.</summary>
    public UnitCatalogue(IEnumerable<UnitDefinition> units)
    {
        ArgumentNullException.ThrowIfNull(units);
        Units = [.. units];
        _byFirstChar = Units
            .GroupBy(u => u.Written[0])
            .ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(u => u.Written.Length).Select(u => new UnitEntry(u)).ToArray());
    }

    /// <summary>The built-in catalogue (<c>units.tsv</c>): every unit of the gold schema and the issues, and common physical units.</summary>
    public static UnitCatalogue Default { get; } = new(LoadEmbedded());

    /// <summary>The base units, as listed.</summary>
    public IReadOnlyList<UnitDefinition> Units { get; }

    /// <summary>Reads a catalogue in the <c>units.tsv</c> format; a malformed line throws with its line number.</summary>
    public static IReadOnlyList<UnitDefinition> Parse(TextReader reader, string name)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var units = new List<UnitDefinition>();
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var cells = line.Split('\t');
            if (cells.Length is < 4 or > 5 || cells[0].Length == 0
                || !Enum.TryParse<UnitKind>(cells[1], out var kind)
                || !double.TryParse(cells[3], NumberStyles.Float, CultureInfo.InvariantCulture, out var factor)
                || (cells.Length == 5 && cells[4] != "alone"))
            {
                throw new FormatException($"{name}:{number}: expected 'unit<TAB>kind<TAB>standard<TAB>factor[<TAB>alone]', got '{line}'");
            }

            units.Add(new UnitDefinition(cells[0], kind, cells[2], factor, cells.Length == 5));
        }

        return units;
    }

    private static IReadOnlyList<UnitDefinition> LoadEmbedded()
    {
        using var stream = typeof(UnitCatalogue).Assembly.GetManifestResourceStream(EmbeddedName)
            ?? throw new InvalidOperationException($"embedded resource {EmbeddedName} is missing");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Parse(reader, "units.tsv");
    }

    /// <summary>Matches the unit at the start of <paramref name="text"/>, or returns null when none is there.</summary>
    public UnitMatch? Match(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return null;
        }

        var plain = MatchBase(text);
        if (plain is not null)
        {
            return plain.Plain;
        }

        for (var m = 0; m < Magnitudes.Length; m++)
        {
            var (prefix, factor) = Magnitudes[m];
            if (!text.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            // 7000亿级, 万亿级: an output on the scale of that many yuan (元 left implicit).
            if (StandsAlone(prefix) && text[prefix.Length..].StartsWith('级'))
            {
                return new UnitMatch(prefix + "元", prefix.Length + 1, factor, "元", UnitKind.Money);
            }

            if (MatchBase(text[prefix.Length..])?.Scaled[m] is { } scaled)
            {
                return scaled;
            }

            return BareMagnitudes[m];
        }

        return null;
    }

    // A bare 万 / 亿 (50万, 3亿) still scales the number; 千 alone is too ambiguous (千企, 千亿产业).
    private static bool StandsAlone(string prefix) => prefix is "万" or "亿" or "万亿";

    /// <summary>The bare magnitude (万, 亿, 万亿) that opens <paramref name="text"/>, as a unit of its own, or null.</summary>
    /// <remarks>What <see cref="Match"/> falls back to when no unit follows the magnitude; the quantity scanner asks for it when the
    /// longer unit would end inside the next word (30亿项目: 亿, not 亿项).</remarks>
    public static UnitMatch? MatchMagnitude(ReadOnlySpan<char> text)
    {
        for (var m = 0; m < Magnitudes.Length; m++)
        {
            if (text.StartsWith(Magnitudes[m].Prefix, StringComparison.Ordinal))
            {
                return BareMagnitudes[m];
            }
        }

        return null;
    }

    /// <summary>Standard unit and factor for a written unit (for units read back from files).</summary>
    public UnitMatch? Parse(string written) => written.Length == 0 ? null : Match(written) is { } m && m.Length == written.Length ? m : null;

    private UnitEntry? MatchBase(ReadOnlySpan<char> text)
    {
        if (!_byFirstChar.TryGetValue(text[0], out var candidates))
        {
            return null;
        }

        foreach (var entry in candidates)
        {
            var unit = entry.Unit;
            if (text.StartsWith(unit.Written, StringComparison.Ordinal) && (!unit.Alone || StandsAlone(text[unit.Written.Length..])))
            {
                return entry;
            }
        }

        return null;
    }

    /// <summary>A unit with its matches made once (matches are immutable): a new match, and for 万元 a new string, for every
    /// number the scanner read was among the most allocated things of extraction.</summary>
    private sealed class UnitEntry(UnitDefinition unit)
    {
        public UnitDefinition Unit { get; } = unit;

        public UnitMatch Plain { get; } = new(unit.Written, unit.Written.Length, unit.Factor, unit.Standard, unit.Kind);

        /// <summary>The unit after each magnitude of <see cref="Magnitudes"/> (万元, 亿吨), or null where a magnitude does not scale it
        /// (a percentage or a duration: 万% is no unit).</summary>
        public UnitMatch?[] Scaled { get; } = [.. Magnitudes.Select(m => unit.Kind is UnitKind.Percent or UnitKind.PercentagePoint or UnitKind.Duration
            ? null
            : new UnitMatch(m.Prefix + unit.Written, m.Prefix.Length + unit.Written.Length, m.Factor * unit.Factor, unit.Standard, unit.Kind))];
    }

    // After an "alone" unit: nothing, punctuation, or a comparator word (以上, 以内, 左右, 及以上).
    private static bool StandsAlone(ReadOnlySpan<char> rest)
    {
        if (rest.IsEmpty)
        {
            return true;
        }

        var c = rest[0];
        if (char.IsAsciiLetterOrDigit(c) || c is '、' or '/' or '／' or '-' or '+' or '＋')
        {
            return false;
        }

        return c is < '\u3400' or > '\u9fff' || rest.StartsWith("以上") || rest.StartsWith("以内") || rest.StartsWith("以下")
            || rest.StartsWith("左右") || rest.StartsWith("及以上");
    }
}
