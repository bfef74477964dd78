using System.Globalization;
using System.Text;

namespace PolicyMiner.Tests.Shared;

/// <summary>One data row of a spec table, with where it is written.</summary>
public sealed record SpecRow(string File, int Line, IReadOnlyList<string> Cells)
{
    public override string ToString() => $"{File}:{Line}";
}

/// <summary>The rows of a spec file's tables and the problems that make it malformed (each "file:line: reason").</summary>
public sealed record SpecTableParse(IReadOnlyList<SpecRow> Rows, IReadOnlyList<string> Errors);

/// <summary>
/// Strict reader of the Markdown tables in <c>Specs/*.md</c> files that are test data: every table must have the
/// expected header, every row its number of cells, and the file pins its row count with
/// <c>&lt;!-- spec-rows: N --&gt;</c>, so a row that stops parsing fails the run instead of disappearing from it.
/// </summary>
/// <remarks>In cells, <c>\|</c> is a literal pipe and <c>\uXXXX</c> a character (for invisible or confusable ones).</remarks>
public static class SpecTable
{
    private const string PinPrefix = "<!-- spec-rows:";

    /// <summary>The data rows of the spec file at <paramref name="path"/>.</summary>
    /// <exception cref="InvalidDataException">The file is malformed; the message lists every problem with file and line.</exception>
    public static IReadOnlyList<SpecRow> Load(string path, params string[] columns)
    {
        var parsed = Parse(Path.GetFileName(path), File.ReadAllLines(path, Encoding.UTF8), columns);
        return parsed.Errors.Count == 0 ? parsed.Rows : throw new InvalidDataException(string.Join('\n', parsed.Errors));
    }

    /// <summary>The data rows of tables whose header is <paramref name="columns"/>, and every problem found.</summary>
    public static SpecTableParse Parse(string file, IReadOnlyList<string> lines, IReadOnlyList<string> columns)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(columns);
        var rows = new List<SpecRow>();
        var errors = new List<string>();
        int? pinned = null;
        var inTable = false;
        var rowInTable = 0;
        var inFence = false;
        for (var i = 0; i < lines.Count; i++)
        {
            var number = i + 1;
            var line = lines[i].Trim();
            if (line.StartsWith("```", StringComparison.Ordinal) || line.StartsWith("~~~", StringComparison.Ordinal))
            {
                inFence = !inFence;
                continue;
            }

            if (inFence)
            {
                continue;
            }

            if (line.StartsWith(PinPrefix, StringComparison.Ordinal))
            {
                if (pinned is not null)
                {
                    errors.Add($"{file}:{number}: a second spec-rows pin");
                }

                pinned = SpecPin.Parse(line, PinPrefix, file, number, errors);
                continue;
            }

            if (!line.StartsWith('|'))
            {
                if (inTable && line.Contains('|', StringComparison.Ordinal))
                {
                    errors.Add($"{file}:{number}: table row does not start with '|'");
                }

                inTable = false;
                continue;
            }

            if (!inTable)
            {
                inTable = true;
                rowInTable = 0;
            }

            rowInTable++;
            if (!TrySplit(line, out var cells, out var problem))
            {
                errors.Add($"{file}:{number}: {problem}");
                continue;
            }

            if (rowInTable == 1)
            {
                if (!cells.SequenceEqual(columns, StringComparer.Ordinal))
                {
                    errors.Add($"{file}:{number}: table header is '{string.Join(" | ", cells)}', expected '{string.Join(" | ", columns)}'");
                }

                continue;
            }

            if (rowInTable == 2)
            {
                if (cells.Count != columns.Count || cells.Any(c => c.Trim(':').Length == 0 || c.Trim(':').Any(ch => ch != '-')))
                {
                    errors.Add($"{file}:{number}: the header must be followed by a separator row (|---|---|)");
                }

                continue;
            }

            if (cells.Count != columns.Count)
            {
                errors.Add($"{file}:{number}: row has {cells.Count} cells, expected {columns.Count} ({string.Join(", ", columns)})");
                continue;
            }

            var decoded = new List<string>(cells.Count);
            foreach (var cell in cells)
            {
                if (Unescape(cell, out var value, out var bad))
                {
                    decoded.Add(value);
                }
                else
                {
                    errors.Add($"{file}:{number}: malformed escape '{bad}' (write \\uXXXX with four hex digits)");
                }
            }

            if (decoded.Count == cells.Count)
            {
                rows.Add(new SpecRow(file, number, decoded));
            }
        }

        if (pinned is null)
        {
            errors.Add($"{file}: no '{PinPrefix} N -->' line pinning the number of rows");
        }
        else if (pinned != rows.Count && errors.Count == 0)
        {
            errors.Add($"{file}: pins {pinned} rows but holds {rows.Count} (update the pin when adding or removing rows)");
        }

        return new SpecTableParse(rows, errors);
    }

    private static bool TrySplit(string line, out List<string> cells, out string problem)
    {
        cells = [];
        problem = "";
        var cell = new StringBuilder();
        var closed = false;
        for (var i = 1; i < line.Length; i++)
        {
            closed = false;
            if (line[i] == '\\' && i + 1 < line.Length && line[i + 1] == '|')
            {
                cell.Append('|');
                i++;
            }
            else if (line[i] == '|')
            {
                cells.Add(cell.ToString().Trim());
                cell.Clear();
                closed = true;
            }
            else
            {
                cell.Append(line[i]);
            }
        }

        if (!closed)
        {
            problem = "table row does not end with '|'";
            return false;
        }

        return true;
    }

    private static bool Unescape(string cell, out string value, out string bad)
    {
        bad = "";
        var at = cell.IndexOf("\\u", StringComparison.Ordinal);
        if (at < 0)
        {
            value = cell;
            return true;
        }

        var text = new StringBuilder(cell.Length);
        var i = 0;
        while (at >= 0)
        {
            text.Append(cell, i, at - i);
            var hex = cell.Length >= at + 6 ? cell.Substring(at + 2, 4) : cell[(at + 2)..];
            if (hex.Length != 4 || !int.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
            {
                bad = cell[at..Math.Min(cell.Length, at + 6)];
                value = cell;
                return false;
            }

            text.Append((char)code);
            i = at + 6;
            at = cell.IndexOf("\\u", i, StringComparison.Ordinal);
        }

        value = text.Append(cell, i, cell.Length - i).ToString();
        return true;
    }

}
