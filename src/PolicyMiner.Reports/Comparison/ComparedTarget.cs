using System.Globalization;
using PolicyMiner.Core.Indicators;
using PolicyMiner.Core.Targets;

namespace PolicyMiner.Reports.Comparison;

/// <summary>A target placed in the comparison: its row, and its value in the unit its indicator is shown in.</summary>
/// <param name="DisplayValue">The value converted to <paramref name="DisplayUnit"/> (30 亿元 shown in 万元 is 300000).</param>
/// <param name="DisplayUnit">亿元 / 万元 for money, 万平方米 / 平方米 for area, % and 个百分点 kept apart, else the unit as written.</param>
public sealed record ComparedTarget(ReportRow Row, double DisplayValue, double? DisplayValueMax, string DisplayUnit, UnitFamily Family)
{
    /// <summary>The target itself.</summary>
    public PolicyTarget Target => Row.Target;

    /// <summary>The row of the region × year table the target sits in.</summary>
    public PlanKey Plan { get; } = PlanKey.Of(Row.Document);

    /// <summary>The region's own target, or one set for each of its subordinate units.</summary>
    public TargetScope Scope { get; } = TargetScopes.Of(Row.Target);

    /// <summary>True for 新增 / 增加 targets, which are increments, not levels.</summary>
    public bool IsIncrease => Row.Target.Kind == TargetKind.Increase;

    /// <summary>Short label: comparator, "+" for increments, value, unit ("≥2.5%", "3–5家", "≥+20家", "约30亿元").</summary>
    public string Label
    {
        get
        {
            var value = DisplayValueMax is { } max && Target.Comparator == Comparator.Range
                ? $"{Number(DisplayValue)}–{Number(max)}"
                : Number(DisplayValue);
            var prefix = Target.Comparator switch
            {
                Comparator.AtLeast => "≥",
                Comparator.GreaterThan => ">",
                Comparator.AtMost => "≤",
                Comparator.LessThan => "<",
                Comparator.Approximately => "约",
                _ => "",
            };
            return $"{prefix}{(IsIncrease ? "+" : "")}{value}{DisplayUnit}";
        }
    }

    /// <summary>确保 / 力争 / "" for plain targets.</summary>
    public string CommitmentText => Target.Commitment switch
    {
        Commitment.Firm => "确保",
        Commitment.Aspirational => "力争",
        _ => "",
    };

    /// <summary>A number with at most four decimals and no thousands separator.</summary>
    public static string Number(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}

/// <summary>A row of the comparison tables: one region's plan of one year.</summary>
/// <param name="Place">Region, else province, else "(地区不详)".</param>
public sealed record PlanKey(string Place, int? PlanYear) : IComparable<PlanKey>
{
    /// <summary>The label used when a document names no region or province.</summary>
    public const string UnknownPlace = "(地区不详)";

    /// <summary>The plan key of a document.</summary>
    public static PlanKey Of(ReportDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return new(document.Place ?? UnknownPlace, document.Metadata.Year);
    }

    /// <inheritdoc/>
    public int CompareTo(PlanKey? other)
    {
        if (other is null)
        {
            return 1;
        }

        var byPlace = string.CompareOrdinal(Place, other.Place);
        return byPlace != 0 ? byPlace : Nullable.Compare(PlanYear, other.PlanYear);
    }

    /// <summary>"湘潭市 · 2018年规划" style label.</summary>
    public override string ToString() => PlanYear is { } year ? $"{Place} · {year}年" : $"{Place} · 年份不详";
}
