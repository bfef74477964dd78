using PolicyMiner.Core.Targets;

namespace PolicyMiner.Reports.Comparison.Charts;

/// <summary>Splits an indicator's dated targets into charts a reader can trust: one scope, kind and unit per chart.</summary>
/// <remarks>
/// A region stating two values for one year (确保2.3、力争2.4) gets two marks; nothing is averaged. Shares, growth rates,
/// counts and amounts never share an axis, and floors set for subordinate units (各县…不低于1.5%) never sit among the
/// region's own targets.
/// </remarks>
public static class ChartPlanner
{
    /// <summary>The charts of a section, the largest first; empty when no target has a due year.</summary>
    public static IReadOnlyList<ChartPanel> Plan(IndicatorSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return
        [
            .. section.Targets
                .Where(t => t.Target.Year is not null)
                .GroupBy(t => (t.Scope, t.Target.Kind, t.DisplayUnit))
                .Select(g => new ChartPanel(
                    g.Key.Scope,
                    g.Key.Kind,
                    g.Key.DisplayUnit,
                    [.. g.OrderBy(t => t.Target.Year).ThenBy(t => t.Plan).Select(t => new ChartMark(t))]))
                .OrderBy(p => p.Scope)
                .ThenByDescending(p => p.Marks.Count)
                .ThenBy(p => p.Kind)
                .ThenBy(p => p.Unit, StringComparer.Ordinal),
        ];
    }
}
