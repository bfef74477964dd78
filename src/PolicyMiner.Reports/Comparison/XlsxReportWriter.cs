using MiniExcelLibs;
using PolicyMiner.Reports.Export;

namespace PolicyMiner.Reports.Comparison;

/// <summary>
/// Writes a <see cref="ComparisonReport"/> as XLSX: "全部目标", then one sheet per indicator named by its Chinese name
/// (shortened safely, see <see cref="SpreadsheetLayout.SheetName"/>); every sheet has column widths and a frozen header.
/// </summary>
internal static class XlsxReportWriter
{
    /// <summary>Name of the sheet with every selected target.</summary>
    public const string AllTargetsSheet = "全部目标";

    /// <summary>The columns of an indicator's sheet, in order.</summary>
    private static readonly string[] IndicatorColumns =
    [
        "title", "region", "province", "plan_year", "due_year", "label", "value", "value_max", "unit", "comparator", "kind",
        "commitment", "indicator", "quote", "doc", "issue_date",
    ];

    public static void Write(ComparisonReport report, Stream output)
    {
        var sheets = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase)
        {
            [AllTargetsSheet] = AllTargets(report),
        };
        foreach (var section in report.Sections)
        {
            sheets[SpreadsheetLayout.SheetName(section.Indicator.Name, sheets.Keys)] = IndicatorRows(section);
        }

        // One configuration for all sheets: widths are looked up by column name, so both kinds of sheet get theirs.
        MiniExcel.SaveAs(output, sheets, configuration: SpreadsheetLayout.For(ExportColumns.All.Select(c => c.Name).Union(IndicatorColumns)));
    }

    private static IEnumerable<Dictionary<string, object?>> AllTargets(ComparisonReport report)
    {
        foreach (var section in report.Sections)
        {
            foreach (var target in section.Targets)
            {
                yield return TargetExporter.ToDictionary(target.Row, section.Indicator);
            }
        }

        foreach (var row in report.Unmatched)
        {
            yield return TargetExporter.ToDictionary(row, null);
        }
    }

    private static IEnumerable<Dictionary<string, object?>> IndicatorRows(IndicatorSection section) =>
        section.Targets
            .OrderBy(t => t.Plan)
            .ThenBy(t => t.Target.Year ?? int.MaxValue)
            .Select(t => new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["title"] = t.Row.Document.Metadata.Title,
                ["region"] = t.Plan.Place,
                ["province"] = t.Row.Document.Metadata.Province,
                ["plan_year"] = t.Plan.PlanYear,
                ["due_year"] = t.Target.Year,
                ["label"] = t.Label,
                ["value"] = t.DisplayValue,
                ["value_max"] = t.DisplayValueMax,
                ["unit"] = t.DisplayUnit,
                ["comparator"] = PolicyMiner.Core.Targets.ComparatorText.ToSymbol(t.Target.Comparator),
                ["kind"] = t.Target.Kind.ToString().ToLowerInvariant(),
                ["commitment"] = t.Target.Commitment.ToString().ToLowerInvariant(),
                ["indicator"] = t.Target.Indicator,
                ["quote"] = t.Target.Quote,
                ["doc"] = t.Row.Document.Name,
                ["issue_date"] = t.Row.Document.Metadata.Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            })
            .Select(SpreadsheetCell.SafeRow);
}
