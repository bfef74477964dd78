namespace PolicyMiner.Ingest.Tests.Samples;

/// <summary>What a line of a sample source is: how the generators lay it out.</summary>
internal enum SampleLineKind
{
    /// <summary><c># text</c>: the title, centred and large.</summary>
    Title,

    /// <summary><c>= text</c>: a centred line under the title (the document number).</summary>
    Centred,

    /// <summary><c>1 text</c> / <c>2 text</c>: a numbered heading of level 1 (一、) or 2 (（一）), numbered by the format.</summary>
    Heading,

    /// <summary><c>| a | b |</c>: a table row.</summary>
    TableRow,

    /// <summary><c>@ text</c>: a right-aligned signature or date line.</summary>
    Signature,

    /// <summary>Anything else: a body paragraph, first line indented.</summary>
    Body,
}

/// <summary>One line of a sample source.</summary>
/// <param name="Level">1 or 2 for headings, else 0.</param>
/// <param name="Cells">The cells of a table row, else empty.</param>
internal sealed record SampleLine(SampleLineKind Kind, string Text, int Level, IReadOnlyList<string> Cells);

/// <summary>
/// The source of a generated sample document (Samples/*.sample.txt): a line-based markup the DOCX and OFD generators
/// lay out, so one invented text yields a Word file with automatic numbering and an OFD with fixed positions.
/// </summary>
internal static class SampleSource
{
    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "Samples");

    public static IReadOnlyList<SampleLine> Read(string name)
    {
        var lines = new List<SampleLine>();
        foreach (var raw in File.ReadAllLines(Path.Combine(Folder, name + ".sample.txt")))
        {
            if (raw.Length == 0)
            {
                continue;
            }

            lines.Add(raw switch
            {
                ['#', ' ', ..] => new SampleLine(SampleLineKind.Title, raw[2..], 0, []),
                ['=', ' ', ..] => new SampleLine(SampleLineKind.Centred, raw[2..], 0, []),
                ['@', ' ', ..] => new SampleLine(SampleLineKind.Signature, raw[2..], 0, []),
                ['1' or '2', ' ', ..] => new SampleLine(SampleLineKind.Heading, raw[2..], raw[0] - '0', []),
                ['|', ..] => new SampleLine(SampleLineKind.TableRow, raw, 0,
                    [.. raw.Trim('|').Split('|').Select(c => c.Trim())]),
                _ => new SampleLine(SampleLineKind.Body, raw, 0, []),
            });
        }

        return lines;
    }

    /// <summary>The heading labels a reader sees (一、 and （一）), numbered as Word numbers a two-level list.</summary>
    public static IReadOnlyList<string> Labels(IReadOnlyList<SampleLine> lines)
    {
        var labels = new List<string>();
        int first = 0, second = 0;
        foreach (var line in lines)
        {
            if (line.Kind != SampleLineKind.Heading)
            {
                labels.Add(string.Empty);
            }
            else if (line.Level == 1)
            {
                first++;
                second = 0;
                labels.Add(Chinese(first) + "、");
            }
            else
            {
                second++;
                labels.Add("（" + Chinese(second) + "）");
            }
        }

        return labels;
    }

    /// <summary>The plain text a reader should produce: every line, headings with their labels, table rows tab-separated.</summary>
    public static string ExpectedText(IReadOnlyList<SampleLine> lines)
    {
        var labels = Labels(lines);
        return string.Join('\n', lines.Select((line, i) => line.Kind == SampleLineKind.TableRow ? string.Join('\t', line.Cells) : labels[i] + line.Text));
    }

    private static string Chinese(int value) => value switch
    {
        <= 10 => "一二三四五六七八九十"[value - 1].ToString(),
        < 20 => "十" + "一二三四五六七八九"[value - 11],
        _ => throw new ArgumentOutOfRangeException(nameof(value), "samples have fewer than 20 headings per level"),
    };
}
