using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml.Linq;

namespace PolicyMiner.Ingest.Tests.Samples;

/// <summary>
/// Writes a sample source as an OFD package (GB/T 33190): OFD.xml with DocInfo, Doc_0/Document.xml, a public font
/// resource and one Content.xml per A4 page. Text is laid out as an official document prints: a centred title, body
/// lines wrapped at the right margin with a two-character first-line indent, table cells at column stops, right-aligned
/// signature lines and a "— N —" page number; every character is placed through TextCode X/Y and DeltaX, written
/// with the "g N v" repetition where the advance repeats.
/// </summary>
internal static class SampleOfdWriter
{
    private const double PageWidth = 210, PageHeight = 297, Left = 28, Right = 184, Top = 37, Bottom = 262;
    private const double BodySize = 5.6, TitleSize = 7.8;

    private static readonly XNamespace Ofd = "http://www.ofdspec.org/2016";

    /// <summary>Writes the package; <paramref name="info"/> becomes DocInfo (Title, Author, and the rest as CustomData).</summary>
    public static byte[] Write(IReadOnlyList<SampleLine> lines, IReadOnlyDictionary<string, string> info, bool encrypted = false)
    {
        var pages = Layout(lines);
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "OFD.xml", new XElement(Ofd + "OFD", new XAttribute(XNamespace.Xmlns + "ofd", Ofd), new XAttribute("Version", "1.0"), new XAttribute("DocType", "OFD"),
                new XElement(Ofd + "DocBody",
                    DocInfo(info),
                    new XElement(Ofd + "DocRoot", "Doc_0/Document.xml"))));
            Add(zip, "Doc_0/Document.xml", new XElement(Ofd + "Document", new XAttribute(XNamespace.Xmlns + "ofd", Ofd),
                new XElement(Ofd + "CommonData",
                    new XElement(Ofd + "MaxUnitID", 10_000),
                    new XElement(Ofd + "PageArea", new XElement(Ofd + "PhysicalBox", $"0 0 {PageWidth} {PageHeight}")),
                    new XElement(Ofd + "PublicRes", "PublicRes.xml")),
                new XElement(Ofd + "Pages", pages.Select((_, i) => new XElement(Ofd + "Page", new XAttribute("ID", i + 1), new XAttribute("BaseLoc", $"Pages/Page_{i}/Content.xml"))))));
            Add(zip, "Doc_0/PublicRes.xml", new XElement(Ofd + "Res", new XAttribute(XNamespace.Xmlns + "ofd", Ofd), new XAttribute("BaseLoc", "Res"),
                new XElement(Ofd + "Fonts", new XElement(Ofd + "Font", new XAttribute("ID", 2), new XAttribute("FontName", "宋体"), new XAttribute("FamilyName", "宋体")))));
            for (var i = 0; i < pages.Count; i++)
            {
                Add(zip, $"Doc_0/Pages/Page_{i}/Content.xml", Page(pages[i], i + 1));
            }

            if (encrypted)
            {
                Add(zip, "Doc_0/Encrypt.xml", new XElement(Ofd + "Encryptions", new XAttribute(XNamespace.Xmlns + "ofd", Ofd)));
            }
        }

        return stream.ToArray();
    }

    private sealed record Placed(string Text, double X, double Baseline, double Size);

    private static XElement DocInfo(IReadOnlyDictionary<string, string> info)
    {
        var element = new XElement(Ofd + "DocInfo", new XElement(Ofd + "DocID", "0c8e1b6e5d7a4f1a9c2b3d4e5f607182"));
        foreach (var key in (string[])["Title", "Author", "CreationDate"])
        {
            if (info.TryGetValue(key, out var value))
            {
                element.Add(new XElement(Ofd + key, value));
            }
        }

        var custom = info.Where(kv => kv.Key is not ("Title" or "Author" or "CreationDate")).ToList();
        if (custom.Count > 0)
        {
            element.Add(new XElement(Ofd + "CustomDatas", custom.Select(kv => new XElement(Ofd + "CustomData", new XAttribute("Name", kv.Key), kv.Value))));
        }

        return element;
    }

    private static List<List<Placed>> Layout(IReadOnlyList<SampleLine> lines)
    {
        var pages = new List<List<Placed>> { new() };
        var y = Top;
        var labels = SampleSource.Labels(lines);
        void Place(string text, double x, double size)
        {
            if (y + size > Bottom)
            {
                pages.Add([]);
                y = Top;
            }

            pages[^1].Add(new Placed(text, x, y + size, size));
        }

        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            switch (line.Kind)
            {
                case SampleLineKind.Title:
                    // Official titles wrap at about 20 characters, centred.
                    foreach (var part in Chunks(line.Text, 20))
                    {
                        Place(part, ((Left + Right) / 2) - (part.Length * TitleSize / 2), TitleSize);
                        y += TitleSize * 1.6;
                    }

                    y += BodySize;
                    break;
                case SampleLineKind.Centred:
                    Place(line.Text, ((Left + Right) / 2) - (line.Text.Length * BodySize / 2), BodySize);
                    y += BodySize * 2.2;
                    break;
                case SampleLineKind.Signature:
                    Place(line.Text, Right - (line.Text.Length * BodySize) - (BodySize * 4), BodySize);
                    y += BodySize * 1.7;
                    break;
                case SampleLineKind.TableRow:
                    // Columns as wide as their longest cell plus two characters of padding, over the whole table.
                    var table = lines.Skip(i).TakeWhile(l => l.Kind == SampleLineKind.TableRow).Concat(lines.Take(i).Reverse().TakeWhile(l => l.Kind == SampleLineKind.TableRow)).ToList();
                    var x = Left;
                    for (var c = 0; c < line.Cells.Count; c++)
                    {
                        Place(line.Cells[c], x, BodySize);
                        x += (table.Max(r => c < r.Cells.Count ? r.Cells[c].Length : 0) + 2) * BodySize;
                    }

                    y += BodySize * 1.7;
                    break;
                default:
                    // Body and headings: first line indented two characters, wrapped at the right margin.
                    var text = labels[i] + line.Text;
                    var perLine = (int)((Right - Left) / BodySize);
                    var first = true;
                    while (text.Length > 0)
                    {
                        var room = first ? perLine - 2 : perLine;
                        var part = text[..Math.Min(room, text.Length)];
                        Place(part, first ? Left + (2 * BodySize) : Left, BodySize);
                        y += BodySize * 1.7;
                        text = text[part.Length..];
                        first = false;
                    }

                    break;
            }
        }

        return pages;
    }

    private static IEnumerable<string> Chunks(string text, int size)
    {
        for (var i = 0; i < text.Length; i += size)
        {
            yield return text.Substring(i, Math.Min(size, text.Length - i));
        }
    }

    private static XElement Page(List<Placed> placed, int number)
    {
        var id = number * 1000;
        var layer = new XElement(Ofd + "Layer", new XAttribute("ID", id++));
        var pageNumber = $"— {number} —";
        foreach (var text in placed.Append(new Placed(pageNumber, ((Left + Right) / 2) - (pageNumber.Length * BodySize / 4), 280, BodySize)))
        {
            var width = text.Text.Length * text.Size;
            // The boundary's origin is the text object's; TextCode X/Y are relative to it, Y at the baseline.
            layer.Add(new XElement(Ofd + "TextObject",
                new XAttribute("ID", id++),
                new XAttribute("Boundary", Format(text.X, text.Baseline - text.Size, width, text.Size * 1.2)),
                new XAttribute("Font", 2),
                new XAttribute("Size", Number(text.Size)),
                new XElement(Ofd + "TextCode",
                    new XAttribute("X", 0),
                    new XAttribute("Y", Number(text.Size)),
                    new XAttribute("DeltaX", text.Text.Length > 1 ? $"g {text.Text.Length - 1} {Number(text.Size)}" : string.Empty),
                    text.Text)));
        }

        return new XElement(Ofd + "Page", new XAttribute(XNamespace.Xmlns + "ofd", Ofd), new XElement(Ofd + "Content", layer));
    }

    private static string Format(params double[] values) => string.Join(' ', values.Select(Number));

    private static string Number(double value) => Math.Round(value, 3).ToString(CultureInfo.InvariantCulture);

    private static void Add(ZipArchive zip, string path, XElement root)
    {
        var entry = zip.CreateEntry(path, CompressionLevel.Optimal);
        entry.LastWriteTime = new DateTimeOffset(2023, 1, 1, 0, 0, 0, TimeSpan.Zero);
        using var writer = new StreamWriter(entry.Open(), new UTF8Encoding(false));
        writer.Write(new XDeclaration("1.0", "UTF-8", null) + "\n" + root.ToString(SaveOptions.DisableFormatting));
    }
}
