using PolicyMiner.Core.Indicators;
using PolicyMiner.Core.Targets;
using PolicyMiner.Reports.Comparison.Charts;
using PolicyMiner.Reports.Export;

namespace PolicyMiner.Reports.Comparison;

/// <summary>Collects documents and targets and builds an immutable <see cref="ComparisonReport"/>.</summary>
/// <remarks>Not thread-safe; the report it builds is.</remarks>
public sealed class ComparisonReportBuilder(IndicatorTaxonomy taxonomy)
{
    private readonly List<ReportDocument> _documents = [];
    private readonly List<ReportRow> _rows = [];

    /// <summary>Only targets of these categories (the target's or its indicator's); empty means all.</summary>
    public ISet<string> Categories { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Only these canonical indicators; empty means all.</summary>
    public ISet<string> IndicatorIds { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Report title.</summary>
    public string Title { get; set; } = "PolicyMiner 指标对比报告";

    /// <summary>Whether to draw charts per indicator (their data, drawn by the reader's browser).</summary>
    public bool IncludeCharts { get; set; } = true;

    /// <summary>Adds documents, including those without targets (listed as such).</summary>
    public ComparisonReportBuilder AddDocuments(IEnumerable<ReportDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        _documents.AddRange(documents);
        return this;
    }

    /// <summary>Adds targets with their documents.</summary>
    public ComparisonReportBuilder AddRows(IEnumerable<ReportRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        _rows.AddRange(rows);
        return this;
    }

    /// <summary>Where the report comes from (generation time, tool version, database); stated at the top of the HTML.</summary>
    public ReportProvenance? Provenance { get; set; }

    /// <summary>Matches targets to indicators, lays them out and plans the charts.</summary>
    public ComparisonReport Build()
    {
        var documents = new Dictionary<string, ReportDocument>(StringComparer.Ordinal);
        foreach (var document in _documents.Concat(_rows.Select(r => r.Document)))
        {
            documents.TryAdd(document.Id, document);
        }

        var withTargets = new HashSet<string>(_rows.Select(r => r.Document.Id), StringComparer.Ordinal);
        var byIndicator = new Dictionary<string, List<ReportRow>>(StringComparer.Ordinal);
        var unmatched = new List<ReportRow>();
        var seen = new Dictionary<(string, string, string), IndicatorDefinition?>();
        foreach (var row in _rows)
        {
            var indicator = TargetExporter.IndicatorOf(row, taxonomy, seen);
            if (!Selected(row.Target, indicator))
            {
                continue;
            }

            if (indicator is null)
            {
                unmatched.Add(row);
                continue;
            }

            if (!byIndicator.TryGetValue(indicator.Id, out var list))
            {
                byIndicator[indicator.Id] = list = [];
            }

            list.Add(row);
        }

        var sections = taxonomy.Definitions
            .Where(d => byIndicator.ContainsKey(d.Id))
            .Select(d => new IndicatorSection(d, Place(byIndicator[d.Id])))
            .ToArray();
        if (IncludeCharts)
        {
            foreach (var section in sections)
            {
                section.Charts = ChartPlanner.Plan(section);
            }
        }

        var ordered = documents.Values
            .OrderBy(d => PlanKey.Of(d))
            .ThenBy(d => d.Name, StringComparer.Ordinal)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToArray();
        var counts = _rows.GroupBy(r => r.Document.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return new ComparisonReport(
            Title,
            sections,
            unmatched,
            ordered,
            [.. ordered.Where(d => !withTargets.Contains(d.Id))],
            counts,
            Provenance ?? ReportProvenance.Now(database: null));
    }

    private bool Selected(PolicyTarget target, IndicatorDefinition? indicator) =>
        (Categories.Count == 0 || Categories.Contains(target.Category) || (indicator is not null && Categories.Contains(indicator.Category)))
        && (IndicatorIds.Count == 0 || (indicator is not null && IndicatorIds.Contains(indicator.Id)));

    /// <summary>Converts the targets of one indicator to one money or area unit, chosen so typical values read well.</summary>
    private static ComparedTarget[] Place(List<ReportRow> rows)
    {
        var bases = rows.Select(r => Units.ToBase(r.Target.Value, r.Target.Unit)).ToArray();
        var moneyScale = Scale(bases, UnitFamily.Money, (1e8, "亿元"), (1e4, "万元"));
        var areaScale = Scale(bases, UnitFamily.Area, (1e4, "万平方米"), (1, "平方米"));
        var placed = new ComparedTarget[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var target = rows[i].Target;
            var quantity = bases[i];
            var (factor, unit) = quantity.Family switch
            {
                UnitFamily.Money => moneyScale,
                UnitFamily.Area => areaScale,
                UnitFamily.Percent => (1.0, "%"),
                UnitFamily.PercentagePoint => (1.0, "个百分点"),
                _ => (1.0, target.Unit),
            };
            var scaled = quantity.Family is UnitFamily.Money or UnitFamily.Area;
            var value = scaled ? quantity.Value / factor : target.Value;
            double? max = target.ValueMax is { } high
                ? (scaled ? Units.ToBase(high, target.Unit).Value / factor : high)
                : null;
            placed[i] = new ComparedTarget(rows[i], value, max, unit, quantity.Family);
        }

        return placed;
    }

    private static (double Factor, string Unit) Scale(BaseQuantity[] values, UnitFamily family, (double, string) large, (double, string) small)
    {
        var ofFamily = values.Where(v => v.Family == family).Select(v => v.Value).Order().ToArray();
        return ofFamily.Length > 0 && ofFamily[ofFamily.Length / 2] >= large.Item1 ? large : small;
    }
}
