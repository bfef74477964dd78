namespace PolicyMiner.Extraction.Quantities;

/// <summary>A number with its unit as written and in standard form (30亿元 → 30 亿元 and 3000000000 元).</summary>
/// <param name="Value">The value in the written unit; the low end of a range.</param>
/// <param name="ValueMax">The high end of a range, else null.</param>
/// <param name="Unit">The unit as written ("" when none).</param>
/// <param name="ValueStd">The value in <paramref name="UnitStd"/>.</param>
/// <param name="UnitStd">The standard unit ("元", "平方米", "%"; "" when none).</param>
public readonly record struct Quantity(double Value, double? ValueMax, string Unit, double ValueStd, string UnitStd, UnitKind Kind)
{
    /// <summary>True when the quantity is a range (3-5家).</summary>
    public bool IsRange => ValueMax is not null;

    /// <summary>Builds a quantity from a value in a matched unit (or none).</summary>
    public static Quantity Create(double value, double? valueMax, UnitMatch? unit) => unit is null
        ? new Quantity(value, valueMax, "", value, "", UnitKind.None)
        : new Quantity(value, valueMax, unit.Written, Math.Round(value * unit.Factor, 6), unit.Standard, unit.Kind);

    public override string ToString() => ValueMax is { } max ? $"{Value}-{max}{Unit}" : $"{Value}{Unit}";
}
