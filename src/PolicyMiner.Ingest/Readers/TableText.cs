namespace PolicyMiner.Ingest.Readers;

/// <summary>How a table read from a document (DOCX, OFD) is written into its text: one line per row, cells separated by a tab.</summary>
/// <remarks>The one place tables become text, so a table model can take over here. A cell's own line breaks and tabs
/// become spaces, so one row stays one line. Stateless and thread-safe.</remarks>
public static class TableText
{
    /// <summary>The separator between the cells of a row.</summary>
    public const char CellSeparator = '\t';

    /// <summary>Each non-empty row as one line of tab-separated cells.</summary>
    public static IEnumerable<string> Rows(IEnumerable<IReadOnlyList<string>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        foreach (var row in rows)
        {
            var cells = row.Select(Cell).ToList();
            if (cells.Exists(c => c.Length > 0))
            {
                yield return string.Join(CellSeparator, cells);
            }
        }
    }

    private static string Cell(string text) =>
        string.Join(' ', text.Split(['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
