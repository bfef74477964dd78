using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace PolicyMiner.Reports.Export;

/// <summary>How PolicyMiner's XLSX files are laid out: readable column widths, a frozen header row, safe Chinese sheet names.</summary>
public static class SpreadsheetLayout
{
    /// <summary>Excel's limit on a sheet name's length.</summary>
    public const int MaxSheetName = 31;

    /// <summary>Column widths in Excel's character units (a Chinese character takes about two); other columns fit their header.</summary>
    private static readonly Dictionary<string, double> Widths = new(StringComparer.Ordinal)
    {
        ["title"] = 44, ["region"] = 10, ["province"] = 10, ["plan_year"] = 9, ["issue_date"] = 11, ["issuer"] = 24,
        ["doc_number"] = 18, ["doc"] = 30, ["doc_id"] = 16, ["indicator_id"] = 22, ["indicator_name"] = 30, ["indicator"] = 30,
        ["category"] = 18, ["value"] = 10, ["value_max"] = 10, ["unit"] = 8, ["value_std"] = 14, ["unit_std"] = 8,
        ["comparator"] = 10, ["kind"] = 11, ["commitment"] = 12, ["year"] = 6, ["year_text"] = 12, ["baseline"] = 9,
        ["responsible"] = 30, ["confidence"] = 10, ["quote"] = 70, ["start"] = 7, ["end"] = 7, ["due_year"] = 9, ["label"] = 14,
    };

    /// <summary>The MiniExcel configuration of a sheet with these columns: widths set, header row frozen.</summary>
    public static OpenXmlConfiguration For(IEnumerable<string> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        return new OpenXmlConfiguration
        {
            FreezeRowCount = 1,
            FreezeColumnCount = 0,
            DynamicColumns =
            [
                .. columns.Select(name => new DynamicExcelColumn(name) { Width = Widths.GetValueOrDefault(name, Math.Max(8, name.Length + 2)) }),
            ],
        };
    }

    /// <summary>
    /// A sheet name from <paramref name="wanted"/> (an indicator's Chinese name): Excel's forbidden characters ([ ] : * ? / \)
    /// replaced, no leading or trailing apostrophe, at most 31 characters without splitting a surrogate pair, and unique
    /// among <paramref name="taken"/> ignoring case (a "~2" suffix).
    /// </summary>
    public static string SheetName(string wanted, ICollection<string> taken)
    {
        ArgumentNullException.ThrowIfNull(wanted);
        ArgumentNullException.ThrowIfNull(taken);
        var clean = new string([.. wanted.Select(c => c is '[' or ']' or ':' or '*' or '?' or '/' or '\\' || char.IsControl(c) ? '_' : c)]).Trim().Trim('\'');
        if (clean.Length == 0)
        {
            clean = "sheet";
        }

        var name = Cut(clean, MaxSheetName);
        for (var n = 2; taken.Any(t => string.Equals(t, name, StringComparison.OrdinalIgnoreCase)); n++)
        {
            var suffix = $"~{n}";
            name = Cut(clean, MaxSheetName - suffix.Length) + suffix;
        }

        return name;
    }

    private static string Cut(string text, int length)
    {
        if (text.Length <= length)
        {
            return text;
        }

        var end = char.IsHighSurrogate(text[length - 1]) ? length - 1 : length;
        return text[..end].TrimEnd('\'');
    }
}
