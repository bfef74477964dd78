namespace PolicyMiner.Reports.Export;

/// <summary>Keeps text cells from being read as formulas when a CSV or XLSX export is opened in a spreadsheet.</summary>
/// <remarks>
/// Document text, titles and file names come from the documents: a cell starting with <c>=</c>, <c>+</c>, <c>-</c>,
/// <c>@</c>, a tab or a carriage return can run as a formula (<c>=HYPERLINK(…)</c>, <c>+cmd|' /C calc'!A0</c>). As OWASP
/// advises for CSV injection, such a cell gets a leading apostrophe, which spreadsheets show as text. Numbers are left alone.
/// </remarks>
public static class SpreadsheetCell
{
    /// <summary>The value to write: text that could start a formula prefixed with <c>'</c>, anything else unchanged.</summary>
    public static object? Safe(object? value) => value is string text ? SafeText(text) : value;

    /// <summary>The text to write: prefixed with <c>'</c> when it could start a formula.</summary>
    public static string SafeText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
    }

    /// <summary>A row with every text cell made safe.</summary>
    public static Dictionary<string, object?> SafeRow(Dictionary<string, object?> row)
    {
        ArgumentNullException.ThrowIfNull(row);
        foreach (var key in row.Keys.ToList())
        {
            row[key] = Safe(row[key]);
        }

        return row;
    }
}
