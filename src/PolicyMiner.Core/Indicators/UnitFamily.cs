namespace PolicyMiner.Core.Indicators;

/// <summary>The kind of quantity a unit measures; values of one family can be compared after conversion.</summary>
public enum UnitFamily
{
    /// <summary>No unit, or a unit PolicyMiner does not know ("大", "倍" …): fits every indicator.</summary>
    Unknown,

    /// <summary>"%": a share or a rate.</summary>
    Percent,

    /// <summary>"个百分点": a change of a share; shown apart from <see cref="Percent"/>.</summary>
    PercentagePoint,

    /// <summary>元, 万元, 亿元 …; base unit 元.</summary>
    Money,

    /// <summary>平方米, 万平方米; base unit 平方米. 亩 stays apart because it is not converted.</summary>
    Area,

    /// <summary>家, 个, 项, 件, 人, 名, 次, 人次 …: a number of things, people or events.</summary>
    Count,
}

/// <summary>A value converted to the base unit of its family (元, 平方米), or left as written.</summary>
/// <param name="Value">The value in <paramref name="Unit"/>.</param>
/// <param name="Unit">The base unit for money and area, else the unit as written.</param>
public readonly record struct BaseQuantity(double Value, string Unit, UnitFamily Family);

/// <summary>Classifies the units written after numbers in Chinese policy texts and converts them to base units.</summary>
public static class Units
{
    private static readonly Dictionary<string, double> MoneyFactors = new(StringComparer.Ordinal)
    {
        ["元"] = 1, ["万元"] = 1e4, ["十万元"] = 1e5, ["百万元"] = 1e6, ["千万元"] = 1e7, ["亿元"] = 1e8,
        ["十亿元"] = 1e9, ["百亿元"] = 1e10, ["千亿元"] = 1e11, ["万亿元"] = 1e12, ["亿"] = 1e8, ["万亿"] = 1e12,
    };

    private static readonly Dictionary<string, double> AreaFactors = new(StringComparer.Ordinal)
    {
        ["平方米"] = 1, ["平米"] = 1, ["m2"] = 1, ["㎡"] = 1, ["万平方米"] = 1e4, ["万平米"] = 1e4, ["万㎡"] = 1e4,
        ["平方公里"] = 1e6, ["平方千米"] = 1e6,
        // 1 亩 = 10000/15 平方米; 1 公顷 = 10000 平方米 (farmland, forest and land are counted in these).
        ["亩"] = 1e4 / 15, ["万亩"] = 1e8 / 15, ["公顷"] = 1e4, ["万公顷"] = 1e8,
    };

    private static readonly HashSet<string> CountUnits = new(StringComparer.Ordinal)
    {
        "家", "个", "项", "件", "所", "座", "名", "人", "位", "场", "次", "人次", "批", "支", "户", "台", "套",
        "条", "篇", "部", "期", "款", "种", "类", "份", "处", "只", "万人", "万人次", "万件", "万户", "万家", "万个",
        "张", "辆", "艘", "栋", "间", "架", "头", "株", "口", "万名", "万张", "万辆", "万头", "万株",
    };

    /// <summary>The family of <paramref name="unit"/> as written ("亿元" → Money, "家" → Count, "" → Unknown).</summary>
    public static UnitFamily Classify(string? unit)
    {
        if (string.IsNullOrEmpty(unit))
        {
            return UnitFamily.Unknown;
        }

        unit = unit.Trim();
        return unit switch
        {
            "%" or "％" or "‰" => UnitFamily.Percent,
            "个百分点" or "百分点" => UnitFamily.PercentagePoint,
            _ when MoneyFactors.ContainsKey(unit) => UnitFamily.Money,
            _ when AreaFactors.ContainsKey(unit) => UnitFamily.Area,
            _ when CountUnits.Contains(unit) => UnitFamily.Count,
            _ => UnitFamily.Unknown,
        };
    }

    /// <summary>Converts a value to the base unit of its family: 30 亿元 → 3e9 元, 2 万平方米 → 20000 平方米; other units unchanged.</summary>
    public static BaseQuantity ToBase(double value, string? unit)
    {
        var written = unit?.Trim() ?? "";
        if (MoneyFactors.TryGetValue(written, out var money))
        {
            return new BaseQuantity(value * money, "元", UnitFamily.Money);
        }

        if (AreaFactors.TryGetValue(written, out var area))
        {
            return new BaseQuantity(value * area, "平方米", UnitFamily.Area);
        }

        return new BaseQuantity(value, written, Classify(written));
    }
}
