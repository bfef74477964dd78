using PolicyMiner.Core.Indicators;
using PolicyMiner.Reports.Comparison.Charts;

namespace PolicyMiner.Reports.Comparison;

/// <summary>Everything the report shows for one canonical indicator: its targets laid out as plans × due years, and its chart.</summary>
public sealed class IndicatorSection
{
    private readonly Dictionary<(PlanKey Plan, int? Year), List<ComparedTarget>> _cells;

    internal IndicatorSection(IndicatorDefinition indicator, IReadOnlyList<ComparedTarget> targets)
    {
        Indicator = indicator;
        Targets = targets;
        _cells = [];
        foreach (var target in targets)
        {
            var key = (target.Plan, target.Target.Year);
            if (!_cells.TryGetValue(key, out var list))
            {
                _cells[key] = list = [];
            }

            list.Add(target);
        }

        Plans = [.. targets.Select(t => t.Plan).Distinct().Order()];
        // Targets without a due year go in a last column.
        DueYears = [.. targets.Select(t => t.Target.Year).Distinct().OrderBy(y => y ?? int.MaxValue)];
        Places = [.. Plans.Select(p => p.Place).Distinct()];
    }

    /// <summary>The canonical indicator.</summary>
    public IndicatorDefinition Indicator { get; }

    /// <summary>Every target of the indicator, in input order.</summary>
    public IReadOnlyList<ComparedTarget> Targets { get; }

    /// <summary>Table rows: each region's plans, by region then plan year.</summary>
    public IReadOnlyList<PlanKey> Plans { get; }

    /// <summary>Table columns: due years ascending, null (not stated) last.</summary>
    public IReadOnlyList<int?> DueYears { get; }

    /// <summary>The distinct regions (or provinces) of the targets.</summary>
    public IReadOnlyList<string> Places { get; }

    /// <summary>The charts of the indicator (see <see cref="ChartPlanner"/>); empty when no target has a due year or charts were not asked for.</summary>
    public IReadOnlyList<ChartPanel> Charts { get; internal set; } = [];

    /// <summary>The targets of one table cell; empty when there are none.</summary>
    public IReadOnlyList<ComparedTarget> Cell(PlanKey plan, int? dueYear) =>
        _cells.TryGetValue((plan, dueYear), out var list) ? list : [];
}
