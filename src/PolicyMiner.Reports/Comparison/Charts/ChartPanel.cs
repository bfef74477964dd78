using PolicyMiner.Core.Targets;

namespace PolicyMiner.Reports.Comparison.Charts;

/// <summary>One chart of an indicator: targets of one scope, one kind and one display unit, each its own mark.</summary>
/// <param name="Scope">Whose targets: the regions' own, or requirements on their subordinate units.</param>
/// <param name="Kind">What the values are (share, growth rate, count, amount …); never mixed in one chart.</param>
/// <param name="Unit">The one unit of the y axis.</param>
/// <param name="Marks">Every dated target of that scope, kind and unit; none merged or averaged.</param>
public sealed record ChartPanel(TargetScope Scope, TargetKind Kind, string Unit, IReadOnlyList<ChartMark> Marks)
{
    /// <summary>Chart title: what is plotted, whose, and in which unit ("比重 · 本地区目标（%）").</summary>
    public string Title => $"{KindName(Kind)} · {TargetScopes.Name(Scope)}（{(Unit.Length > 0 ? Unit : "无单位")}）";

    /// <summary>Chinese name of a kind of value.</summary>
    public static string KindName(TargetKind kind) => kind switch
    {
        TargetKind.Level => "水平值",
        TargetKind.Growth => "增长率",
        TargetKind.Share => "比重",
        TargetKind.Count => "数量",
        TargetKind.Amount => "总量",
        TargetKind.Increase => "新增量",
        TargetKind.Requirement => "达标要求",
        _ => kind.ToString(),
    };
}

/// <summary>One stated target as a chart mark: x is its due year, y its value as stated (a range spans Value to ValueMax).</summary>
/// <param name="Target">The target; its quote, document and plan are what a hover or tap shows.</param>
public sealed record ChartMark(ComparedTarget Target)
{
    /// <summary>Due year (x).</summary>
    public int Year => Target.Target.Year!.Value;

    /// <summary>The stated value in the panel's unit (y), or the low end of a range.</summary>
    public double Value => Target.DisplayValue;

    /// <summary>The high end of a range, else null.</summary>
    public double? ValueMax => Target.Target.Comparator == Comparator.Range ? Target.DisplayValueMax : null;
}
