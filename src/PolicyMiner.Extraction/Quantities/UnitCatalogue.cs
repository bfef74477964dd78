using System.Collections.Frozen;

namespace PolicyMiner.Extraction.Quantities;

/// <summary>A unit as matched after a number: written form, magnitude and the standard unit it converts to.</summary>
/// <param name="Written">The unit exactly as written ("万平方米", "亿元", "%", "家").</param>
/// <param name="Factor">Multiplier from the written unit to <paramref name="Standard"/> (1e8 for 亿元).</param>
/// <param name="Standard">The standard unit ("元", "平方米", "%"; "" for a bare magnitude).</param>
public sealed record UnitMatch(string Written, int Length, double Factor, string Standard, UnitKind Kind);

/// <summary>The units PolicyMiner understands after a number, with magnitude prefixes (万, 亿, 千万 …).</summary>
/// <remarks>Immutable and thread-safe. Matching is longest-first so 个百分点 wins over 个 and 人次 over 人.</remarks>
public sealed class UnitCatalogue
{
    private static readonly (string Unit, UnitKind Kind)[] BaseUnits =
    [
        ("个百分点", UnitKind.PercentagePoint), ("百分点", UnitKind.PercentagePoint),
        ("%", UnitKind.Percent), ("％", UnitKind.Percent), ("‰", UnitKind.Percent),
        ("元", UnitKind.Money), ("美元", UnitKind.Money),
        ("平方米", UnitKind.Area), ("平方公里", UnitKind.Area), ("亩", UnitKind.Area), ("公顷", UnitKind.Area),
        ("立方米", UnitKind.Physical), ("吨", UnitKind.Physical), ("吨标准煤", UnitKind.Physical), ("公里", UnitKind.Physical),
        ("千瓦", UnitKind.Physical), ("千瓦时", UnitKind.Physical), ("兆瓦", UnitKind.Physical),
        ("人次", UnitKind.Count), ("人", UnitKind.Count), ("名", UnitKind.Count), ("位", UnitKind.Count),
        ("个", UnitKind.Count), ("家", UnitKind.Count), ("项", UnitKind.Count), ("件", UnitKind.Count),
        ("次", UnitKind.Count), ("场次", UnitKind.Count), ("场", UnitKind.Count), ("户次", UnitKind.Count), ("所", UnitKind.Count), ("座", UnitKind.Count),
        ("台", UnitKind.Count), ("套", UnitKind.Count), ("批", UnitKind.Count), ("支", UnitKind.Count),
        ("篇", UnitKind.Count), ("部", UnitKind.Count), ("门", UnitKind.Count), ("处", UnitKind.Count),
        ("条", UnitKind.Count), ("种", UnitKind.Count), ("户", UnitKind.Count), ("期", UnitKind.Count),
        ("株", UnitKind.Count), ("辆", UnitKind.Count), ("本", UnitKind.Count), ("册", UnitKind.Count),
        ("倍", UnitKind.Multiple),
        ("个工作日", UnitKind.Duration), ("工作日", UnitKind.Duration), ("天", UnitKind.Duration), ("个月", UnitKind.Duration),
    ];

    private static readonly (string Prefix, double Factor)[] Magnitudes =
    [
        ("万亿", 1e12), ("千万", 1e7), ("百万", 1e6), ("十万", 1e5), ("万", 1e4), ("亿", 1e8), ("千", 1e3),
    ];

    private readonly FrozenDictionary<char, (string Unit, UnitKind Kind)[]> _byFirstChar;

    private UnitCatalogue()
    {
        _byFirstChar = BaseUnits
            .GroupBy(u => u.Unit[0])
            .ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(u => u.Unit.Length).ToArray());
    }

    /// <summary>The catalogue of every unit listed in the gold schema and the issue, plus common physical units.</summary>
    public static UnitCatalogue Default { get; } = new();

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
            return plain;
        }

        foreach (var (prefix, factor) in Magnitudes)
        {
            if (!text.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var rest = MatchBase(text[prefix.Length..]);
            if (rest is not null && rest.Kind is not (UnitKind.Percent or UnitKind.PercentagePoint or UnitKind.Duration))
            {
                return new UnitMatch(prefix + rest.Written, prefix.Length + rest.Length, factor, rest.Standard, rest.Kind);
            }

            // A bare 万 / 亿 (50万, 3亿) still scales the number; 千 alone is too ambiguous (千企, 千亿产业).
            return prefix is "万" or "亿" or "万亿" ? new UnitMatch(prefix, prefix.Length, factor, "", UnitKind.None) : null;
        }

        return null;
    }

    /// <summary>Standard unit and factor for a written unit (for units read back from files).</summary>
    public UnitMatch? Parse(string written) => written.Length == 0 ? null : Match(written) is { } m && m.Length == written.Length ? m : null;

    private UnitMatch? MatchBase(ReadOnlySpan<char> text)
    {
        if (!_byFirstChar.TryGetValue(text[0], out var candidates))
        {
            return null;
        }

        foreach (var (unit, kind) in candidates)
        {
            if (text.StartsWith(unit, StringComparison.Ordinal))
            {
                var standard = unit is "％" ? "%" : unit is "百分点" ? "个百分点" : unit;
                return new UnitMatch(unit, unit.Length, 1, standard, kind);
            }
        }

        return null;
    }
}
