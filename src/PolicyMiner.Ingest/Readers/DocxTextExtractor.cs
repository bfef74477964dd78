using System.Globalization;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace PolicyMiner.Ingest.Readers;

/// <summary>The text of a Word document: paragraphs one per line with their list numbers as Word shows them, tables row by row.</summary>
/// <param name="Text">Body paragraphs in order, each on its own line; headers, footers and comments are not part of it.</param>
/// <param name="Title">The title in the package's core properties, when set.</param>
/// <param name="Author">The creator in the package's core properties, when set.</param>
/// <param name="Headings">Paragraphs with a heading style or outline level: their line in <paramref name="Text"/> and level (1 outermost).</param>
/// <param name="Tables">Number of tables read.</param>
public sealed record DocxContent(string Text, string? Title, string? Author, IReadOnlyList<(int Line, int Level)> Headings, int Tables);

/// <summary>
/// Reads .docx files with the Open XML SDK: body paragraphs (runs, tabs, line breaks) with automatic numbering rendered
/// as Word renders it (一、 （一） 1. ①), so the structure parser sees the same headings a reader sees; tables as rows
/// of tab-separated cells (<see cref="TableText"/>); headers, footers, footnotes and deleted revisions dropped.
/// </summary>
/// <remarks>Stateless and thread-safe. Expected failures come back as a reason, never as an exception.</remarks>
public static class DocxTextExtractor
{
    /// <summary>Extracts the text of the .docx in <paramref name="bytes"/>; on failure returns null and a one-line reason.</summary>
    public static DocxContent? Extract(byte[] bytes, out string? failure)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        failure = PackageCheck.Failure(bytes, "DOCX");
        if (failure is not null)
        {
            return null;
        }

        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using var document = WordprocessingDocument.Open(stream, false);
            var body = document.MainDocumentPart?.Document?.Body;
            if (body is null)
            {
                failure = ReadFailures.NotOpenXml("DOCX", "no word/document.xml body");
                return null;
            }

            var walker = new Walker(document.MainDocumentPart!);
            walker.Blocks(body);
            var properties = document.PackageProperties;
            return new DocxContent(walker.Text.ToString(), Clean(properties.Title), Clean(properties.Creator), walker.Headings, walker.Tables);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException or System.Xml.XmlException or IOException)
        {
            failure = ReadFailures.NotOpenXml("DOCX", e.Message);
            return null;
        }
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>One pass over a document body, keeping list counters as Word does.</summary>
    private sealed class Walker(MainDocumentPart part)
    {
        private readonly Numbering? _numbering = part.NumberingDefinitionsPart?.Numbering;
        private readonly Styles? _styles = part.StyleDefinitionsPart?.Styles;
        private readonly Dictionary<int, int[]> _counters = [];
        private int _line;

        public StringBuilder Text { get; } = new();

        public List<(int Line, int Level)> Headings { get; } = [];

        public int Tables { get; private set; }

        public void Blocks(OpenXmlElement container)
        {
            foreach (var element in container.ChildElements)
            {
                switch (element)
                {
                    case Paragraph paragraph:
                        Paragraph(paragraph);
                        break;
                    case Table table:
                        Table(table);
                        break;
                    case SdtBlock sdt when sdt.SdtContentBlock is { } content:
                        Blocks(content);
                        break;
                    case CustomXmlBlock custom:
                        Blocks(custom);
                        break;
                }
            }
        }

        private void Paragraph(Paragraph paragraph)
        {
            var text = new StringBuilder();
            text.Append(NumberLabel(paragraph));
            Runs(paragraph, text);
            var line = text.ToString().Trim();
            if (line.Length == 0)
            {
                return;
            }

            if (HeadingLevel(paragraph) is { } level)
            {
                Headings.Add((_line, level));
            }

            AppendLine(line);
        }

        private static void Runs(OpenXmlElement element, StringBuilder text)
        {
            foreach (var child in element.Descendants())
            {
                switch (child)
                {
                    case Text t when t.Parent is Run:
                        text.Append(t.Text);
                        break;
                    case TabChar:
                        text.Append('\t');
                        break;
                    case Break br when br.Type is null || br.Type.Value == BreakValues.TextWrapping:
                        text.Append('\n');
                        break;
                    case CarriageReturn:
                        text.Append('\n');
                        break;
                    case NoBreakHyphen:
                        text.Append('-');
                        break;
                }
            }
        }

        /// <summary>Writes a table on Word's grid, as the HTML reader writes colspan and rowspan: a cell spanning columns
        /// (<c>w:gridSpan</c>) fills its first grid column and leaves the others empty, so the cells right of it stay under their
        /// titles; a cell merged down (<c>w:vMerge</c>) repeats its text in each row it covers (a 牵头单位 merged over three
        /// indicators answers for all three); columns skipped at a row's start (<c>w:gridBefore</c>) stay empty.</summary>
        private void Table(Table table)
        {
            Tables++;
            var rows = new List<IReadOnlyList<string>>();
            var above = new Dictionary<int, string>();
            foreach (var row in table.Elements<TableRow>())
            {
                var cells = new List<string>();
                var before = row.TableRowProperties?.GetFirstChild<GridBefore>()?.Val?.Value ?? 0;
                for (var skip = 0; skip < Math.Clamp(before, 0, 50); skip++)
                {
                    cells.Add(string.Empty);
                }

                foreach (var cell in row.Elements<TableCell>())
                {
                    var properties = cell.TableCellProperties;
                    var span = Math.Clamp(properties?.GridSpan?.Val?.Value ?? 1, 1, 50);
                    var column = cells.Count;
                    var text = CellText(cell);
                    if (properties?.VerticalMerge is { } merge)
                    {
                        // A continuing cell (no val, or val="continue") is the cell above, carried down.
                        var restart = merge.Val is { } val && val.Value == MergedCellValues.Restart;
                        if (restart)
                        {
                            above[column] = text;
                        }
                        else if (text.Length == 0 && above.TryGetValue(column, out var carried))
                        {
                            text = carried;
                        }
                    }
                    else
                    {
                        above.Remove(column);
                    }

                    cells.Add(text);
                    for (var extra = 1; extra < span; extra++)
                    {
                        cells.Add(string.Empty);
                    }
                }

                rows.Add(cells);
            }

            foreach (var line in TableText.Rows(rows))
            {
                AppendLine(line);
            }
        }

        private string CellText(TableCell cell)
        {
            var text = new StringBuilder();
            foreach (var paragraph in cell.Descendants<Paragraph>())
            {
                if (text.Length > 0)
                {
                    text.Append('\n');
                }

                text.Append(NumberLabel(paragraph));
                Runs(paragraph, text);
            }

            return text.ToString();
        }

        private void AppendLine(string line)
        {
            Text.Append(line).Append('\n');
            _line += 1 + line.Count(c => c == '\n');
        }

        // Heading 1…9 (by style id, style name or outline level): level 1 outermost.
        private int? HeadingLevel(Paragraph paragraph)
        {
            if (paragraph.ParagraphProperties?.OutlineLevel?.Val?.Value is { } outline && outline < 9)
            {
                return outline + 1;
            }

            for (var style = StyleOf(paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value); style is not null; style = StyleOf(style.BasedOn?.Val?.Value))
            {
                if (style.StyleParagraphProperties?.OutlineLevel?.Val?.Value is { } styleOutline && styleOutline < 9)
                {
                    return styleOutline + 1;
                }

                var name = style.StyleName?.Val?.Value ?? style.StyleId?.Value ?? string.Empty;
                foreach (var prefix in (string[])["heading ", "Heading", "标题 ", "标题"])
                {
                    if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
                        && int.TryParse(name.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var level) && level is >= 1 and <= 9)
                    {
                        return level;
                    }
                }
            }

            return null;
        }

        private Style? StyleOf(string? id) =>
            id is null ? null : _styles?.Elements<Style>().FirstOrDefault(s => s.StyleId?.Value == id);

        // The list number Word draws before a numbered paragraph ("一、", "（二）", "3."), counting as Word counts.
        private string NumberLabel(Paragraph paragraph)
        {
            if (_numbering is null || NumberingOf(paragraph) is not { } numbering)
            {
                return string.Empty;
            }

            var (numId, ilvl) = numbering;
            var instance = _numbering.Elements<NumberingInstance>().FirstOrDefault(n => n.NumberID?.Value == numId);
            var abstractId = instance?.AbstractNumId?.Val?.Value;
            var definition = _numbering.Elements<AbstractNum>().FirstOrDefault(a => a.AbstractNumberId?.Value == abstractId);
            if (definition is null)
            {
                return string.Empty;
            }

            var levels = new Level?[9];
            foreach (var level in definition.Elements<Level>())
            {
                if (level.LevelIndex?.Value is >= 0 and < 9 and var index)
                {
                    levels[index] = level;
                }
            }

            var current = levels[ilvl];
            if (current is null)
            {
                return string.Empty;
            }

            if (!_counters.TryGetValue(numId, out var counters))
            {
                counters = new int[9];
                for (var i = 0; i < 9; i++)
                {
                    counters[i] = (levels[i]?.StartNumberingValue?.Val?.Value ?? 1) - 1;
                }

                _counters[numId] = counters;
            }

            counters[ilvl]++;
            for (var deeper = ilvl + 1; deeper < 9; deeper++)
            {
                counters[deeper] = (levels[deeper]?.StartNumberingValue?.Val?.Value ?? 1) - 1;
            }

            var format = current.NumberingFormat?.Val?.Value;
            if (format == NumberFormatValues.Bullet || format == NumberFormatValues.None)
            {
                return string.Empty;
            }

            var pattern = current.LevelText?.Val?.Value ?? string.Empty;
            var label = new StringBuilder();
            for (var i = 0; i < pattern.Length; i++)
            {
                if (pattern[i] == '%' && i + 1 < pattern.Length && pattern[i + 1] is >= '1' and <= '9')
                {
                    var level = pattern[i + 1] - '1';
                    var levelFormat = level == ilvl ? format : levels[level]?.NumberingFormat?.Val?.Value;
                    label.Append(ListNumber.Format(Math.Max(counters[level], 1), levelFormat));
                    i++;
                }
                else
                {
                    label.Append(pattern[i]);
                }
            }

            // Word separates the number from the text by a tab unless told otherwise; a label ending in punctuation needs nothing.
            if (label.Length > 0 && current.LevelSuffix?.Val?.Value != LevelSuffixValues.Nothing && char.IsLetterOrDigit(label[^1]))
            {
                label.Append(' ');
            }

            return label.ToString();
        }

        private (int NumId, int Level)? NumberingOf(Paragraph paragraph)
        {
            var direct = paragraph.ParagraphProperties?.NumberingProperties;
            if (direct?.NumberingId?.Val?.Value is { } id)
            {
                return id == 0 ? null : (id, Math.Clamp(direct.NumberingLevelReference?.Val?.Value ?? 0, 0, 8));
            }

            for (var style = StyleOf(paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value); style is not null; style = StyleOf(style.BasedOn?.Val?.Value))
            {
                var numbering = style.StyleParagraphProperties?.NumberingProperties;
                if (numbering?.NumberingId?.Val?.Value is { } styleId)
                {
                    return styleId == 0 ? null : (styleId, Math.Clamp(numbering.NumberingLevelReference?.Val?.Value ?? direct?.NumberingLevelReference?.Val?.Value ?? 0, 0, 8));
                }
            }

            return null;
        }
    }
}

/// <summary>Checks the container of an Office Open XML or OFD package before a parser sees it, so bad files get a plain reason.</summary>
internal static class PackageCheck
{
    /// <summary>Null when <paramref name="bytes"/> start like a zip package; otherwise why not (encrypted Office file, legacy .doc, not a zip).</summary>
    public static string? Failure(byte[] bytes, string format)
    {
        if (bytes.AsSpan().StartsWith("PK\u0003\u0004"u8) || bytes.AsSpan().StartsWith("PK\u0005\u0006"u8))
        {
            return null;
        }

        // Password-protected Office files are OLE compound files holding an EncryptionInfo stream.
        if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]))
        {
            return bytes.AsSpan().IndexOf("E\0n\0c\0r\0y\0p\0t\0i\0o\0n\0I\0n\0f\0o\0"u8) >= 0
                ? ReadFailures.EncryptedOffice(format)
                : ReadFailures.LegacyWordNamedAs(format);
        }

        return ReadFailures.NotZip(format);
    }

    /// <summary>True when the zip's central directory can be read (catches truncated packages with a plain reason).</summary>
    public static bool TryOpen(byte[] bytes, out ZipArchive? archive, out string? detail)
    {
        try
        {
            archive = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            detail = null;
            return true;
        }
        catch (InvalidDataException e)
        {
            archive = null;
            detail = e.Message;
            return false;
        }
    }
}
