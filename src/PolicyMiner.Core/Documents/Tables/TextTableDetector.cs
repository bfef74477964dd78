using PolicyMiner.Core.Text;

namespace PolicyMiner.Core.Documents.Tables;

/// <summary>Finds tables written as text rows: cells separated by tabs, runs of two or more spaces (or full-width spaces), or
/// <c>|</c>. The readers write HTML, PDF and DOCX tables in this form (one row a line, cells separated by tabs), so one
/// detector serves every format.</summary>
/// <remarks>Pure and thread-safe. A table is two or more consecutive lines of two or more cells; a short single-cell line
/// between such lines is a group row. Leading rows without a value cell are header rows.</remarks>
public static class TextTableDetector
{
    private const int MaxMeanCellLength = 40;

    /// <summary>The tables of <paramref name="text"/>, in text order.</summary>
    public static IReadOnlyList<DocumentTable> Detect(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tables = new List<DocumentTable>();
        if (text.AsSpan().IndexOfAny('\t', '|', '｜') < 0 && !text.Contains("  ", StringComparison.Ordinal) && !text.Contains('\u3000'))
        {
            return tables;
        }

        var run = new List<(TextSpan Line, List<TextSpan> Cells)>();
        var lineStart = 0;
        while (lineStart <= text.Length)
        {
            var lineEnd = text.IndexOf('\n', lineStart);
            if (lineEnd < 0)
            {
                lineEnd = text.Length;
            }

            var line = text.AsSpan(lineStart, lineEnd - lineStart);
            var blank = line.IsWhiteSpace();
            if (run.Count == 0 && (blank || !MaySplit(line)))
            {
                // Most lines are prose: no separator, no table to continue.
                lineStart = lineEnd + 1;
                continue;
            }

            var cells = SplitCells(text, lineStart, lineEnd);
            var filled = Filled(cells);
            if (filled >= 2)
            {
                run.Add((new TextSpan(lineStart, lineEnd), cells));
            }
            else if (run.Count > 0 && !blank && filled == 1 && IsGroupLabel(text, lineStart, lineEnd))
            {
                run.Add((new TextSpan(lineStart, lineEnd), cells));
            }
            else if (!blank || run.Count == 0)
            {
                Flush(text, run, tables);
            }

            lineStart = lineEnd + 1;
        }

        Flush(text, run, tables);
        return tables;
    }

    /// <summary>The cells of one line; separators are a tab (each one: two tabs leave an empty cell between), <c>|</c>, <c>｜</c>,
    /// or a run of two or more spaces. Cells are trimmed; a line with no separator is one cell.</summary>
    public static List<TextSpan> SplitCells(string text, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(text);
        var cells = new List<TextSpan>();
        var cellStart = start;
        var i = start;
        while (i < end)
        {
            var c = text[i];
            if (c is '\t' or '|' or '｜')
            {
                cells.Add(Trim(text, cellStart, i));
                cellStart = ++i;
                continue;
            }

            if (c is ' ' or '\u3000')
            {
                var j = i;
                while (j < end && text[j] is ' ' or '\u3000')
                {
                    j++;
                }

                // Two or more spaces, or a full-width space between characters, separate cells; a leading run only indents.
                if ((j - i >= 2 || c == '\u3000') && j < end && text[j] is not ('\t' or '|' or '｜') && !IsBlank(text, cellStart, i))
                {
                    cells.Add(Trim(text, cellStart, i));
                    cellStart = j;
                }

                i = j;
                continue;
            }

            i++;
        }

        cells.Add(Trim(text, cellStart, end));

        // "| a | b |": the outer bars open and close the row.
        if (cells.Count > 2 && cells[0].Length == 0 && text.AsSpan(start, end - start).TrimStart().StartsWith("|"))
        {
            cells.RemoveAt(0);
        }

        if (cells.Count > 1 && cells[^1].Length == 0 && text.AsSpan(start, end - start).TrimEnd().EndsWith("|"))
        {
            cells.RemoveAt(cells.Count - 1);
        }

        return cells;
    }

    /// <summary>True when the cell text is a value: a number, optionally with a comparison sign, unit or range ("≥90", "85%", "1.2万", "3-5").</summary>
    public static bool IsValue(ReadOnlySpan<char> cell)
    {
        cell = cell.Trim();
        cell = cell.TrimStart("≥≤><＞＜约~～").TrimEnd("以上下内左右");
        if (cell.IsEmpty || !char.IsAsciiDigit(cell[0]))
        {
            return false;
        }

        var digits = 0;
        var others = 0;
        foreach (var c in cell)
        {
            if (char.IsAsciiDigit(c) || c is '.' or ',' or '-' or '～' or '~' or '%')
            {
                digits++;
            }
            else
            {
                others++;
            }
        }

        // A short unit may follow (亿元, 万人, 个); 2015年目标 is a title, not a value.
        return others <= 3 && !cell.Contains('年');
    }

    private static bool OpensLikeNext(string text, List<(TextSpan Line, List<TextSpan> Cells)> run, int row)
    {
        if (row + 1 >= run.Count)
        {
            return false;
        }

        var first = run[row].Cells[0];
        var below = run[row + 1].Cells[0];
        return first.Length > 0 && text.AsSpan(first.Start, first.Length).SequenceEqual(text.AsSpan(below.Start, below.Length));
    }

    private static bool MaySplit(ReadOnlySpan<char> line) =>
        line.IndexOfAny('\t', '|', '｜') >= 0 || line.IndexOf('\u3000') >= 0 || line.IndexOf("  ", StringComparison.Ordinal) >= 0;

    private static int Filled(List<TextSpan> cells)
    {
        var filled = 0;
        foreach (var cell in cells)
        {
            filled += cell.Length > 0 ? 1 : 0;
        }

        return filled;
    }

    private static bool IsGroupLabel(string text, int start, int end)
    {
        var line = text.AsSpan(start, end - start).Trim();
        return line.Length <= 20 && line.IndexOfAny('。', '；', '，') < 0 && !IsCaptionOrUnitLine(line);
    }

    /// <summary>The caption of the next table ("附表2 …计划表", "表3 …") or a unit line ("单位：人"): it opens a table of its own,
    /// so it ends the one above rather than labelling its rows.</summary>
    private static bool IsCaptionOrUnitLine(ReadOnlySpan<char> line) =>
        line.EndsWith("表") || line.StartsWith("附表") || (line.Length > 1 && line[0] == '表' && char.IsAsciiDigit(line[1]))
        || line.Contains("单位：", StringComparison.Ordinal) || line.Contains("单位:", StringComparison.Ordinal);

    private static bool IsBlank(string text, int start, int end) => text.AsSpan(start, end - start).IsWhiteSpace();

    private static TextSpan Trim(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return start == end ? new TextSpan(start, start) : new TextSpan(start, end);
    }

    private static void Flush(string text, List<(TextSpan Line, List<TextSpan> Cells)> run, List<DocumentTable> tables)
    {
        // Group rows at the end belong to what follows, not to this table.
        while (run.Count > 0 && run[^1].Cells.Count(c => c.Length > 0) < 2)
        {
            run.RemoveAt(run.Count - 1);
        }

        if (run.Count >= 2 && Build(text, run) is { } table)
        {
            tables.Add(table);
        }

        run.Clear();
    }

    private static DocumentTable? Build(string text, List<(TextSpan Line, List<TextSpan> Cells)> run)
    {
        var columns = run.Max(r => r.Cells.Count);
        long length = 0;
        var count = 0;
        foreach (var (_, cells) in run)
        {
            foreach (var cell in cells)
            {
                if (cell.Length > 0)
                {
                    length += cell.Length;
                    count++;
                }
            }
        }

        // Prose split at double spaces is not a table.
        if (count == 0 || length / count > MaxMeanCellLength)
        {
            return null;
        }

        var rows = new List<TableRow>();
        var inHeader = true;
        for (var r = 0; r < run.Count; r++)
        {
            var (line, cells) = run[r];
            var filled = cells.Count(c => c.Length > 0);
            var group = filled < 2;
            var hasValue = false;
            for (var c = 1; c < cells.Count; c++)
            {
                hasValue |= IsValue(text.AsSpan(cells[c].Start, cells[c].Length));
            }

            if (hasValue || (group && r > 0))
            {
                inHeader = false;
            }

            // A header row short of cells lost its empty top-left cell: align it to the right. Unless its first title is repeated
            // in the row below (a title spanning both rows): then the row is whole on the left and its last title spans the
            // columns it lacks (a group title over year columns).
            var shift = inHeader && cells.Count < columns && !OpensLikeNext(text, run, r) ? columns - cells.Count : 0;
            var placed = new List<TableCell>(cells.Count);
            for (var c = 0; c < cells.Count; c++)
            {
                placed.Add(new TableCell(rows.Count, c + shift, cells[c]));
            }

            rows.Add(new TableRow(rows.Count, line, placed, inHeader && !group, group && !inHeader));
        }

        // A table of headers only, or without a header, still has its rows; the extraction rules decide what to read.
        return new DocumentTable(new TextSpan(run[0].Line.Start, run[^1].Line.End), rows, columns);
    }
}
