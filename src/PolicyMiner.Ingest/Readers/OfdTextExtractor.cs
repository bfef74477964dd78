using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace PolicyMiner.Ingest.Readers;

/// <summary>The text of an OFD document in reading order, paragraphs one per line, and its document info.</summary>
/// <param name="Text">Paragraphs joined from lines as for PDF, running headers, footers and page numbers removed.</param>
/// <param name="Pages">Number of pages read.</param>
/// <param name="RemovedLines">Running header/footer and page-number lines removed.</param>
/// <param name="Info">DocInfo entries of OFD.xml (Title, Author, CreationDate, and every CustomData by its name).</param>
public sealed record OfdContent(string Text, int Pages, int RemovedLines, IReadOnlyDictionary<string, string> Info);

/// <summary>
/// Reads OFD files (GB/T 33190, the Chinese fixed-layout format): the zip package's OFD.xml → DocRoot Document.xml →
/// each page's Content.xml, text objects placed by their boundary, TextCode X/Y and DeltaX (with its "g N v"
/// repetition), grouped into lines by baseline and joined into paragraphs as PDF lines are.
/// </summary>
/// <remarks>Stateless and thread-safe. Expected failures come back as a reason, never as an exception. Page transforms
/// (CTM) other than translation are ignored: official documents set text upright.</remarks>
public static class OfdTextExtractor
{
    private static readonly XmlReaderSettings Safe = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };

    private sealed record Glyph(string Text, double X, double Right, double Baseline, double Size);

    /// <summary>Extracts the text of the OFD in <paramref name="bytes"/>; on failure returns null and a one-line reason.</summary>
    public static OfdContent? Extract(byte[] bytes, out string? failure)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        failure = PackageCheck.Failure(bytes, "OFD");
        if (failure is not null)
        {
            return null;
        }

        if (!PackageCheck.TryOpen(bytes, out var archive, out var detail))
        {
            failure = ReadFailures.NotOpenXml("OFD", detail ?? "unreadable zip");
            return null;
        }

        using (archive)
        {
            try
            {
                return Read(archive!, out failure);
            }
            catch (Exception e) when (e is XmlException or InvalidDataException or IOException or FormatException)
            {
                failure = ReadFailures.NotOpenXml("OFD", e.Message);
                return null;
            }
        }
    }

    private static OfdContent? Read(ZipArchive archive, out string? failure)
    {
        failure = null;
        if (Load(archive, "OFD.xml") is not { } root)
        {
            failure = ReadFailures.NotOpenXml("OFD", "no OFD.xml entry");
            return null;
        }

        var body = Child(root.Root!, "DocBody");
        if (archive.Entries.Any(e => e.FullName.EndsWith("Encrypt.xml", StringComparison.OrdinalIgnoreCase) || e.FullName.EndsWith("Encryptions.xml", StringComparison.OrdinalIgnoreCase)))
        {
            failure = ReadFailures.EncryptedOfd;
            return null;
        }

        var info = DocInfo(body is null ? null : Child(body, "DocInfo"));
        var docRoot = body is null ? null : Child(body, "DocRoot")?.Value.Trim();
        if (string.IsNullOrEmpty(docRoot) || Load(archive, docRoot) is not { } document)
        {
            failure = ReadFailures.NotOpenXml("OFD", "DocRoot names no document in the package");
            return null;
        }

        var documentFolder = Folder(docRoot);
        var pages = new List<List<PdfTextExtractor.PdfLine>>();
        var pagesElement = Child(document.Root!, "Pages");
        foreach (var page in pagesElement?.Elements().Where(e => e.Name.LocalName == "Page") ?? [])
        {
            var location = page.Attribute("BaseLoc")?.Value;
            if (location is null)
            {
                continue;
            }

            var content = Load(archive, Resolve(documentFolder, location));
            pages.Add(content is null ? [] : Lines(content));
        }

        if (pages.Count == 0 || pages.All(p => p.Count == 0))
        {
            failure = ReadFailures.NoText;
            return null;
        }

        var removed = PdfTextExtractor.RemoveRunningLines(pages);
        return new OfdContent(PdfTextExtractor.Paragraphs(pages, splitNumbers: true), pages.Count, removed, info);
    }

    private static Dictionary<string, string> DocInfo(XElement? docInfo)
    {
        var info = new Dictionary<string, string>(StringComparer.Ordinal);
        if (docInfo is null)
        {
            return info;
        }

        foreach (var element in docInfo.Elements())
        {
            if (element.Name.LocalName == "CustomDatas")
            {
                foreach (var custom in element.Elements())
                {
                    if (custom.Attribute("Name")?.Value is { Length: > 0 } name && custom.Value.Trim() is { Length: > 0 } value)
                    {
                        info.TryAdd(name.Trim(), value);
                    }
                }
            }
            else if (!element.HasElements && element.Value.Trim() is { Length: > 0 } value)
            {
                info.TryAdd(element.Name.LocalName, value);
            }
        }

        return info;
    }

    // Text objects of one page (in layers and nested page blocks) as lines, top to bottom, left to right.
    private static List<PdfTextExtractor.PdfLine> Lines(XDocument content)
    {
        var glyphs = new List<Glyph>();
        foreach (var textObject in content.Descendants().Where(e => e.Name.LocalName == "TextObject"))
        {
            var boundary = Numbers(textObject.Attribute("Boundary")?.Value);
            var size = Number(textObject.Attribute("Size")?.Value, 3.5);
            var (originX, originY) = boundary.Count >= 2 ? (boundary[0], boundary[1]) : (0.0, 0.0);
            double x = 0, y = 0;
            foreach (var code in textObject.Elements().Where(e => e.Name.LocalName == "TextCode"))
            {
                // X and Y carry over from the previous TextCode when absent.
                x = Number(code.Attribute("X")?.Value, x);
                y = Number(code.Attribute("Y")?.Value, y);
                var deltas = Deltas(code.Attribute("DeltaX")?.Value);
                var position = x;
                var text = code.Value;
                var index = 0;
                foreach (var rune in text.EnumerateRunes())
                {
                    var advance = index < deltas.Count ? deltas[index] : size;
                    var value = rune.ToString();
                    if (!string.IsNullOrWhiteSpace(value))
                    {
                        glyphs.Add(new Glyph(value, originX + position, originX + position + size, originY + y, size));
                    }

                    position += advance;
                    index++;
                }

                x = position;
            }
        }

        var lines = new List<PdfTextExtractor.PdfLine>();
        var current = new List<Glyph>();
        foreach (var glyph in glyphs.OrderBy(g => Math.Round(g.Baseline, 1)).ThenBy(g => g.X))
        {
            if (current.Count > 0 && Math.Abs(glyph.Baseline - current[0].Baseline) > glyph.Size * 0.4)
            {
                lines.Add(Line(current));
                current.Clear();
            }

            current.Add(glyph);
        }

        if (current.Count > 0)
        {
            lines.Add(Line(current));
        }

        return lines;
    }

    // OFD's y axis points down; the PDF line joiner expects baselines growing upwards, so the baseline is negated.
    private static PdfTextExtractor.PdfLine Line(List<Glyph> glyphs)
    {
        glyphs.Sort((a, b) => a.X.CompareTo(b.X));
        var text = new StringBuilder();
        Glyph? previous = null;
        foreach (var glyph in glyphs)
        {
            var gap = previous is null ? 0 : glyph.X - previous.Right;
            if (gap > glyph.Size)
            {
                // Text objects far apart on one baseline are the cells of a table row.
                text.Append(TableText.CellSeparator);
            }
            else if (gap > glyph.Size * 0.2 && IsLatin(previous!.Text[^1]) && IsLatin(glyph.Text[0]))
            {
                text.Append(' ');
            }

            text.Append(glyph.Text);
            previous = glyph;
        }

        return new PdfTextExtractor.PdfLine(text.ToString(), glyphs[0].X, glyphs[^1].Right, -glyphs[0].Baseline, glyphs.Max(g => g.Size));
    }

    private static bool IsLatin(char c) => c < '\u2E80' && char.IsLetterOrDigit(c);

    // DeltaX "5.29 5.29 g 3 4.2 1": plain numbers, and "g N v" for N repetitions of v.
    private static List<double> Deltas(string? value)
    {
        var deltas = new List<double>();
        if (string.IsNullOrWhiteSpace(value))
        {
            return deltas;
        }

        var parts = value.Split((char[])[' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i] == "g" && i + 2 < parts.Length
                && int.TryParse(parts[i + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) && count is > 0 and < 100_000)
            {
                var repeated = Number(parts[i + 2], 0);
                for (var k = 0; k < count; k++)
                {
                    deltas.Add(repeated);
                }

                i += 2;
            }
            else
            {
                deltas.Add(Number(parts[i], 0));
            }
        }

        return deltas;
    }

    private static List<double> Numbers(string? value) =>
        value is null ? [] : [.. value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(p => Number(p, 0))];

    private static double Number(string? value, double fallback) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number) ? number : fallback;

    private static XElement? Child(XElement parent, string localName) => parent.Elements().FirstOrDefault(e => e.Name.LocalName == localName);

    private static string Folder(string path)
    {
        var slash = path.TrimStart('/').LastIndexOf('/');
        return slash < 0 ? string.Empty : path.TrimStart('/')[..(slash + 1)];
    }

    // Locations are relative to the referring file's folder, or absolute from the package root when they start with '/'.
    private static string Resolve(string folder, string location) =>
        location.StartsWith('/') ? location.TrimStart('/') : folder + location;

    private static XDocument? Load(ZipArchive archive, string path)
    {
        var entry = archive.GetEntry(path.TrimStart('/'))
            ?? archive.Entries.FirstOrDefault(e => e.FullName.Equals(path.TrimStart('/'), StringComparison.OrdinalIgnoreCase));
        if (entry is null)
        {
            return null;
        }

        using var stream = entry.Open();
        using var reader = XmlReader.Create(stream, Safe);
        return XDocument.Load(reader);
    }
}
