using static PolicyMiner.Ingest.Readers.PdfTextExtractor;

namespace PolicyMiner.Ingest.Readers;

/// <summary>Finds the tables of a PDF page among its lines and writes each row as one line of tab-separated cells
/// (<see cref="TableText"/>), as the DOCX and HTML readers do, so extraction reads PDF tables by their columns.</summary>
/// <remarks>
/// A PDF has no table, only letters: a table shows as consecutive lines split by wide gaps into runs whose left edges line up
/// from line to line (the columns). Prose never lines up so: a line with a stray wide gap has no partner below it. A
/// vertically centred row whose cells wrap ("2020年实" over "绩" beside a one-line "指标") comes as lines closer than a line
/// height; they are one row, and each column joins its runs top to bottom. Top-aligned wrapped cells are as far apart as rows
/// and stay rows of their own. Stateless and thread-safe.
/// </remarks>
internal static class PdfTableRows
{
    /// <summary>A gap wider than this share of the font size ends a run (a cell); letters of one word sit closer, a digit
    /// beside a Han character about 0.2.</summary>
    internal const double CellGap = 0.35;

    /// <summary>A gap wider than this share of the font size ends a piece of a run: header cells set tight sit about 0.24 apart,
    /// against 0.35 between ordinary cells, so a run may cross columns; its pieces are placed by the columns the other rows
    /// found (<see cref="Row"/>).</summary>
    internal const double PieceGap = 0.1;

    /// <summary>Left edges closer than this share of the font size are one column.</summary>
    private const double AlignTolerance = 0.25;

    /// <summary>Lines of one row lie closer than this share of the font size (rows are at least a line height apart).</summary>
    private const double SameRow = 0.9;

    /// <summary>The page's lines with each table's lines replaced by its rows; other lines as they were.</summary>
    internal static List<PdfLine> Join(List<PdfLine> lines)
    {
        var result = new List<PdfLine>(lines.Count);
        var i = 0;
        while (i < lines.Count)
        {
            var end = RunEnd(lines, i);
            if (end - i >= 2 && Columns(lines, i, end) is { Count: >= 2 } columns)
            {
                result.AddRange(Rows(lines, i, end, columns));
                i = end;
                continue;
            }

            result.Add(lines[i]);
            i++;
        }

        return result;
    }

    // A run: lines of two or more segments, and one-segment lines that a centred wrapped cell puts within a row of the line above.
    private static int RunEnd(List<PdfLine> lines, int start)
    {
        var end = start;
        while (end < lines.Count && (lines[end].Segments is { Count: >= 2 }
                                     || (end > start && lines[end].Segments is { Count: 1 } && CloseBelow(lines[end - 1], lines[end]))))
        {
            end++;
        }

        return end;
    }

    private static bool CloseBelow(PdfLine above, PdfLine line) => above.Baseline - line.Baseline < Math.Max(above.Size, 1) * SameRow;

    /// <summary>The left edges of the columns, when at least two of them are shared by two or more lines of the run and
    /// nearly every segment starts at one; else null.</summary>
    private static List<double>? Columns(List<PdfLine> lines, int start, int end)
    {
        var size = Math.Max(lines[start].Size, 1);
        var lefts = new List<(double Left, int Line)>();
        for (var i = start; i < end; i++)
        {
            lefts.AddRange(lines[i].Segments!.Select(s => (s.Left, i)));
        }

        lefts.Sort((a, b) => a.Left.CompareTo(b.Left));
        var clusters = new List<(double Left, HashSet<int> Lines, int Segments)>();
        foreach (var (left, line) in lefts)
        {
            if (clusters.Count > 0 && left - clusters[^1].Left <= size * AlignTolerance)
            {
                clusters[^1].Lines.Add(line);
                clusters[^1] = clusters[^1] with { Segments = clusters[^1].Segments + 1 };
            }
            else
            {
                clusters.Add((left, [line], 1));
            }
        }

        var shared = clusters.Where(c => c.Lines.Count >= 2).ToList();
        var aligned = shared.Sum(c => c.Segments);
        return shared.Count >= 2 && aligned * 10 >= lefts.Count * 9 ? [.. shared.Select(c => c.Left)] : null;
    }

    private static IEnumerable<PdfLine> Rows(List<PdfLine> lines, int start, int end, List<double> columns)
    {
        var row = new List<PdfLine> { lines[start] };
        for (var i = start + 1; i <= end; i++)
        {
            if (i < end && CloseBelow(row[^1], lines[i]))
            {
                row.Add(lines[i]);
                continue;
            }

            yield return Row(row, columns);
            if (i < end)
            {
                row = [lines[i]];
            }
        }
    }

    private static PdfLine Row(List<PdfLine> lines, List<double> columns)
    {
        var size = Math.Max(lines[0].Size, 1);
        var cells = new string[columns.Count];
        Array.Fill(cells, string.Empty);
        foreach (var segment in lines.SelectMany(l => l.Segments!))
        {
            // A run that crosses the left edge of a later column (header cells set tight: "2020年实绩2023年目标") is placed piece by piece.
            var crosses = segment.Pieces is { Count: > 1 } && columns.Exists(left => left > segment.Left + (size * AlignTolerance) && left < segment.Right);
            foreach (var part in crosses ? segment.Pieces! : [segment])
            {
                // The rightmost column starting at or left of the part (a part a little left of its column still belongs to it).
                var column = columns.FindLastIndex(left => left <= part.Left + (size * AlignTolerance));
                column = Math.Max(column, 0);
                cells[column] += part.Text;
            }
        }

        var last = Array.FindLastIndex(cells, c => c.Length > 0);
        var text = string.Join(TableText.CellSeparator, cells[..(last + 1)]);
        return new PdfLine(text, lines.Min(l => l.Left), lines.Max(l => l.Right), lines[0].Baseline, lines.Max(l => l.Size), null, IsTableRow: true);
    }
}
