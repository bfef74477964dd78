using PolicyMiner.Core.Text;

namespace PolicyMiner.Core.Documents.Tables;

/// <summary>One cell of a table: its place and its text as a span of the normalised text (empty cells have an empty span).</summary>
public sealed record TableCell(int Row, int Column, TextSpan Span);

/// <summary>One line of a table.</summary>
/// <param name="IsGroup">A row with one short cell between data rows ("经济发展"): it labels the rows below and holds no values.</param>
public sealed record TableRow(int Index, TextSpan Span, IReadOnlyList<TableCell> Cells, bool IsHeader, bool IsGroup);

/// <summary>A table of the document: rows of cells, the leading header rows marked.</summary>
/// <remarks>Cells are aligned to <see cref="Columns"/>: a header row with fewer cells than the data rows is aligned to the right
/// (its top-left cell was left empty), and rows spanning several lines in the source repeat their text in each line.</remarks>
public sealed record DocumentTable(TextSpan Span, IReadOnlyList<TableRow> Rows, int Columns)
{
    /// <summary>The header rows (column titles), in order.</summary>
    public IEnumerable<TableRow> HeaderRows => Rows.Where(r => r.IsHeader);

    /// <summary>The rows holding values.</summary>
    public IEnumerable<TableRow> DataRows => Rows.Where(r => !r.IsHeader && !r.IsGroup);

    /// <summary>The title of <paramref name="column"/>: its header cells joined from the top row down.</summary>
    /// <remarks>A multi-row header is read as a tree: an empty cell of an upper header row, right of a titled cell, lies under
    /// that title's span (a group title such as 分年度目标 over three year columns), so it takes the title when the rows
    /// below give the column a title of its own. A cell repeated from the row above (a title spanning both rows) counts once.</remarks>
    public string HeaderText(string text, int column)
    {
        ArgumentNullException.ThrowIfNull(text);
        var headers = HeaderRows.ToList();
        var parts = new List<string>();
        for (var r = 0; r < headers.Count; r++)
        {
            var part = CellText(text, headers[r], column);
            if (part.Length == 0 && r < headers.Count - 1 && TitledBelow(text, headers, r, column))
            {
                part = GroupTitle(text, headers[r], column);
            }

            if (part.Length > 0 && (parts.Count == 0 || parts[^1] != part))
            {
                parts.Add(part);
            }
        }

        return string.Concat(parts);
    }

    private static string CellText(string text, TableRow row, int column)
    {
        foreach (var cell in row.Cells)
        {
            if (cell.Column == column && cell.Span.Length > 0)
            {
                return text[cell.Span.Start..cell.Span.End];
            }
        }

        return string.Empty;
    }

    private static bool TitledBelow(string text, List<TableRow> headers, int row, int column)
    {
        for (var r = row + 1; r < headers.Count; r++)
        {
            if (CellText(text, headers[r], column).Length > 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The nearest titled cell left of <paramref name="column"/> in an upper header row, when its span reaches the column:
    /// every column between them is titled in a lower row too (an untitled gap is a blank cell, not a span).</summary>
    private string GroupTitle(string text, TableRow row, int column)
    {
        for (var c = column - 1; c >= 0; c--)
        {
            var title = CellText(text, row, c);
            if (title.Length > 0)
            {
                // A title repeated in the next row spans rows, not columns.
                var next = Rows.FirstOrDefault(r => r.Index == row.Index + 1 && r.IsHeader);
                return next is not null && CellText(text, next, c) == title ? string.Empty : title;
            }
        }

        return string.Empty;
    }
}
