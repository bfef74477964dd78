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

    /// <summary>The text of every header cell of <paramref name="column"/>, joined from the top row down.</summary>
    public string HeaderText(string text, int column)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = new List<string>();
        foreach (var row in HeaderRows)
        {
            foreach (var cell in row.Cells)
            {
                if (cell.Column == column && cell.Span.Length > 0)
                {
                    parts.Add(text[cell.Span.Start..cell.Span.End]);
                }
            }
        }

        return string.Concat(parts);
    }
}
