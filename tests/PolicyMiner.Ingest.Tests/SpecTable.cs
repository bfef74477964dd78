using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace PolicyMiner.Ingest.Tests;

/// <summary>Reads the rows of the Markdown table in a spec file as theory data.</summary>
internal static partial class SpecTable
{
    public static TheoryData<string, string> Rows(string specFile)
    {
        var data = new TheoryData<string, string>();
        var header = true;
        foreach (var line in File.ReadLines(Path.Combine(TestPaths.Specs, specFile)))
        {
            if (!line.StartsWith('|'))
            {
                continue;
            }

            var cells = SplitCells(line);
            if (header || cells.All(c => c.Trim('-', ' ').Length == 0))
            {
                header = false;
                continue;
            }

            data.Add(Unescape(cells[0]), Unescape(cells[1]));
        }

        return data;
    }

    private static List<string> SplitCells(string line)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        for (var i = 1; i < line.Length; i++)
        {
            if (line[i] == '\\' && i + 1 < line.Length && line[i + 1] == '|')
            {
                cell.Append('|');
                i++;
            }
            else if (line[i] == '|')
            {
                cells.Add(cell.ToString().Trim());
                cell.Clear();
            }
            else
            {
                cell.Append(line[i]);
            }
        }

        return cells;
    }

    private static string Unescape(string cell) =>
        Escape().Replace(cell, m => ((char)int.Parse(m.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString());

    [GeneratedRegex(@"\\u([0-9A-Fa-f]{4})")]
    private static partial Regex Escape();
}
