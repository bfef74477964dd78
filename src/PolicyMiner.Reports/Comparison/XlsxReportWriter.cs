using MiniExcelLibs;
using PolicyMiner.Reports.Export;

namespace PolicyMiner.Reports.Comparison;

/// <summary>Writes a <see cref="ComparisonReport"/> as XLSX: "all_targets", then one sheet per indicator named by its id.</summary>
internal static class XlsxReportWriter
{
    /// <summary>Name of the sheet with every selected target.</summary>
    public const string AllTargetsSheet = "all_targets";

    private const int MaxSheetName = 31;

    public static void Write(ComparisonReport report, Stream output)
    {
        var sheets = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase)
        {
            [AllTargetsSheet] = AllTargets(report),
        };
        foreach (var section in report.Sections)
        {
            sheets[SheetName(section.Indicator.Id, sheets)] = IndicatorRows(section);
        }

        MiniExcel.SaveAs(output, sheets);
    }

    /// <summary>The sheet name of an indicator: its id, cut to Excel's 31 characters and made unique.</summary>
    public static string SheetName(string id, IReadOnlyDictionary<string, object> taken)
    {
        var name = id.Length <= MaxSheetName ? id : id[..MaxSheetName];
        for (var n = 2; taken.ContainsKey(name); n++)
        {
            var suffix = $"~{n}";
            name = id[..Math.Min(id.Length, MaxSheetName - suffix.Length)] + suffix;
        }

        return name;
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
                ["region"] = t.Plan.Place,
                ["province"] = t.Row.Document.Metadata.Province,
                ["plan_year"] = t.Plan.PlanYear,
                ["due_year"] = t.Target.Year,
                ["value"] = t.DisplayValue,
                ["value_max"] = t.DisplayValueMax,
                ["unit"] = t.DisplayUnit,
                ["comparator"] = PolicyMiner.Core.Targets.ComparatorText.ToSymbol(t.Target.Comparator),
                ["kind"] = t.Target.Kind.ToString().ToLowerInvariant(),
                ["commitment"] = t.Target.Commitment.ToString().ToLowerInvariant(),
                ["label"] = t.Label,
                ["indicator"] = t.Target.Indicator,
                ["quote"] = t.Target.Quote,
                ["doc"] = t.Row.Document.Name,
                ["title"] = t.Row.Document.Metadata.Title,
                ["issue_date"] = t.Row.Document.Metadata.Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            })
            .Select(SpreadsheetCell.SafeRow);
}
