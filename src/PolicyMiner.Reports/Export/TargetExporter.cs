using System.Globalization;
using System.Text.Json;
using CsvHelper;
using MiniExcelLibs;
using PolicyMiner.Core.Indicators;
using PolicyMiner.Core.Serialization;

namespace PolicyMiner.Reports.Export;

/// <summary>Writes every target with its document's metadata and quote as CSV, XLSX or JSONL.</summary>
/// <remarks>Rows are streamed for CSV and JSONL; the indicator id is the target's own, else the taxonomy's match.</remarks>
public static class TargetExporter
{
    /// <summary>Name of the one sheet of an XLSX export.</summary>
    public const string SheetName = "目标";

    /// <summary>Writes <paramref name="rows"/> to <paramref name="output"/> in <paramref name="format"/>; returns the number of rows written.</summary>
    /// <param name="byteOrderMark">CSV only: start with a UTF-8 BOM (for Excel); false for a pipe to another program.</param>
    public static int Write(ExportFormat format, IEnumerable<ReportRow> rows, Stream output, IndicatorTaxonomy? taxonomy = null, bool byteOrderMark = true)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(output);
        taxonomy ??= IndicatorTaxonomy.Default;
        return format switch
        {
            ExportFormat.Csv => WriteCsv(rows, output, taxonomy, byteOrderMark),
            ExportFormat.Xlsx => WriteXlsx(rows, output, taxonomy),
            ExportFormat.Jsonl => WriteJsonl(rows, output, taxonomy),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
        };
    }

    /// <summary>The indicator a row is reported under: its stored id when the taxonomy knows it, else the taxonomy's match.</summary>
    public static IndicatorDefinition? IndicatorOf(ReportRow row, IndicatorTaxonomy taxonomy)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(taxonomy);
        var target = row.Target;
        return taxonomy.Get(target.IndicatorId) ?? taxonomy.Find(target.Indicator, target.Category, target.Unit);
    }

    /// <summary>Like <see cref="IndicatorOf(ReportRow, IndicatorTaxonomy)"/>, remembering answers: a corpus repeats its phrases.</summary>
    internal static IndicatorDefinition? IndicatorOf(ReportRow row, IndicatorTaxonomy taxonomy, Dictionary<(string, string, string), IndicatorDefinition?> seen)
    {
        var target = row.Target;
        if (taxonomy.Get(target.IndicatorId) is { } stored)
        {
            return stored;
        }

        var key = (target.Indicator, target.Category, target.Unit);
        if (!seen.TryGetValue(key, out var found))
        {
            seen[key] = found = taxonomy.Find(target.Indicator, target.Category, target.Unit);
        }

        return found;
    }

    private static int WriteCsv(IEnumerable<ReportRow> rows, Stream output, IndicatorTaxonomy taxonomy, bool byteOrderMark)
    {
        var seen = new Dictionary<(string, string, string), IndicatorDefinition?>();
        // The BOM makes Excel read the file as UTF-8 instead of the system code page.
        using var csv = CsvWriter.Create(output, new CsvWriterOptions { WriteByteOrderMark = byteOrderMark }, leaveOpen: true);
        csv.WriteHeader([.. ExportColumns.All.Select(c => c.Name)]);
        var count = 0;
        foreach (var row in rows)
        {
            var indicator = IndicatorOf(row, taxonomy, seen);
            foreach (var column in ExportColumns.All)
            {
                csv.WriteField(Format(SpreadsheetCell.Safe(column.Read(row, indicator))));
            }

            csv.EndRecord();
            count++;
        }

        return count;
    }

    private static int WriteXlsx(IEnumerable<ReportRow> rows, Stream output, IndicatorTaxonomy taxonomy)
    {
        var seen = new Dictionary<(string, string, string), IndicatorDefinition?>();
        var count = 0;
        var sheet = rows.Select(row =>
        {
            count++;
            return ToDictionary(row, IndicatorOf(row, taxonomy, seen));
        });
        MiniExcel.SaveAs(output, sheet, sheetName: SheetName, configuration: SpreadsheetLayout.For(ExportColumns.All.Select(c => c.Name)));
        return count;
    }

    private static int WriteJsonl(IEnumerable<ReportRow> rows, Stream output, IndicatorTaxonomy taxonomy)
    {
        var seen = new Dictionary<(string, string, string), IndicatorDefinition?>();
        var newline = "\n"u8.ToArray();
        var count = 0;
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = PolicyJson.Options.Encoder, SkipValidation = true });
        foreach (var row in rows)
        {
            var indicator = IndicatorOf(row, taxonomy, seen);
            json.WriteStartObject();
            foreach (var column in ExportColumns.All)
            {
                json.WritePropertyName(column.Name);
                JsonSerializer.Serialize(json, column.Read(row, indicator), PolicyJson.Options);
            }

            json.WriteEndObject();
            json.Flush();
            output.Write(newline);
            json.Reset();
            count++;
        }

        return count;
    }

    /// <summary>A row as column name → value, the shape MiniExcel writes; text cells are made formula-safe (<see cref="SpreadsheetCell"/>).</summary>
    internal static Dictionary<string, object?> ToDictionary(ReportRow row, IndicatorDefinition? indicator)
    {
        var values = new Dictionary<string, object?>(ExportColumns.All.Count, StringComparer.Ordinal);
        foreach (var column in ExportColumns.All)
        {
            values[column.Name] = SpreadsheetCell.Safe(column.Read(row, indicator));
        }

        return values;
    }

    private static string Format(object? value) => value switch
    {
        null => "",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
