using PolicyMiner.Core.Targets;

namespace PolicyMiner.Reports.Comparison.Charts;

/// <summary>
/// What the report's script reads: every sectioned target once (place, years, kind, commitment, scope, label, document;
/// its quote is read from the page's quote list) and each chart as a list of marks pointing at those targets. Serialised as JSON into the page.
/// </summary>
/// <remarks>Marks carry the stated value of their own target only; the test suite checks that no other value appears.</remarks>
internal sealed class ReportData
{
    private readonly Dictionary<ComparedTarget, int> _index;

    private ReportData(Dictionary<ComparedTarget, int> index, IReadOnlyList<string> places, IReadOnlyList<int> dueYears, object json)
    {
        _index = index;
        Places = places;
        DueYears = dueYears;
        Json = json;
    }

    /// <summary>Region names, ordinal order; targets refer to them by position.</summary>
    public IReadOnlyList<string> Places { get; }

    /// <summary>Distinct due years of the sectioned targets, ascending.</summary>
    public IReadOnlyList<int> DueYears { get; }

    /// <summary>The object serialised into the page (see the remarks of <see cref="ReportData"/>).</summary>
    public object Json { get; }

    /// <summary>Position of a target in the page's target list.</summary>
    public int IndexOf(ComparedTarget target) => _index[target];

    public static ReportData Of(ComparisonReport report)
    {
        var targets = report.Sections.SelectMany(s => s.Targets).ToArray();
        var places = targets.Select(t => t.Plan.Place).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var placeIndex = places.Select((p, i) => (p, i)).ToDictionary(x => x.p, x => x.i, StringComparer.Ordinal);
        var dueYears = targets.Where(t => t.Target.Year is not null).Select(t => t.Target.Year!.Value).Distinct().Order().ToArray();
        var documents = new List<string>();
        var documentIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var rows = new object?[targets.Length][];
        for (var i = 0; i < targets.Length; i++)
        {
            var c = targets[i];
            var t = c.Target;
            var document = c.Row.Document;
            if (!documentIndex.TryGetValue(document.Id, out var d))
            {
                documentIndex[document.Id] = d = documents.Count;
                documents.Add($"{document.Metadata.Title ?? document.Name}（{document.Name}）");
            }

            rows[i] =
            [
                placeIndex[c.Plan.Place], c.Plan.PlanYear, t.Year, (int)t.Kind, (int)t.Commitment, (int)c.Scope, c.Label, d, t.Comparator.ToSymbol(),
            ];
        }

        var index = new Dictionary<ComparedTarget, int>(targets.Length, ReferenceEqualityComparer.Instance);
        for (var i = 0; i < targets.Length; i++)
        {
            index[targets[i]] = i;
        }

        var charts = report.Sections
            .SelectMany(s => s.Charts.Select(panel => new Dictionary<string, object?>
            {
                ["title"] = $"{s.Indicator.Name} — {panel.Title}",
                ["unit"] = panel.Unit,
                ["kind"] = (int)panel.Kind,
                ["scope"] = (int)panel.Scope,
                // [target, due year, value, high end of a range or null]
                ["marks"] = panel.Marks.Select(m => new object?[] { index[m.Target], m.Year, m.Value, m.ValueMax }).ToArray(),
            }))
            .ToArray();
        return new ReportData(index, places, dueYears, new Dictionary<string, object?>
        {
            ["places"] = places,
            // "title（file name）" of each document the targets come from.
            ["documents"] = documents,
            // [place, plan year, due year, kind, commitment, scope, label, document, comparator]; the quote is in the page once, in li#q<i>.
            ["targets"] = rows,
            ["charts"] = charts,
        });
    }
}
