using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace PolicyMiner.Ingest.Tests.Samples;

/// <summary>
/// Writes a sample source as a Word document the way an office would: headings numbered by a two-level automatic list
/// (一、 / （一）, not typed), heading styles, a table, a running header and page-number footer, a deleted revision, and
/// the title and author in the core properties.
/// </summary>
internal static class SampleDocxWriter
{
    /// <summary>Text of the running header (must not reach the document's text).</summary>
    public const string HeaderText = "样例文件页眉：不属于正文";

    /// <summary>Text of a deleted tracked change (must not reach the document's text).</summary>
    public const string DeletedText = "已删除的修订文字";

    public static byte[] Write(IReadOnlyList<SampleLine> lines, string author)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            AddStyles(main);
            AddNumbering(main);
            var header = main.AddNewPart<HeaderPart>();
            header.Header = new Header(new Paragraph(new Run(new Text(HeaderText))));
            var footer = main.AddNewPart<FooterPart>();
            footer.Footer = new Footer(new Paragraph(new Run(new Text("— 1 —"))));

            var body = new Body();
            Table? table = null;
            foreach (var line in lines)
            {
                if (line.Kind == SampleLineKind.TableRow)
                {
                    table ??= NewTable(body);
                    table.Append(new TableRow(line.Cells.Select(c => new TableCell(new Paragraph(new Run(new Text(c)))))));
                    continue;
                }

                table = null;
                body.Append(Paragraph(line));
            }

            body.Append(new SectionProperties(
                new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(header) },
                new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) }));
            main.Document = new Document(body);
            document.PackageProperties.Title = lines.FirstOrDefault(l => l.Kind == SampleLineKind.Title)?.Text;
            document.PackageProperties.Creator = author;
            document.PackageProperties.Created = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            document.PackageProperties.Modified = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        }

        return stream.ToArray();
    }

    private static Paragraph Paragraph(SampleLine line)
    {
        var properties = new ParagraphProperties();
        var paragraph = new Paragraph(properties);
        switch (line.Kind)
        {
            case SampleLineKind.Title:
                properties.Append(new Justification { Val = JustificationValues.Center });
                // Split into two runs, as Word does after an edit; the reader must join them.
                var half = line.Text.Length / 2;
                paragraph.Append(new Run(new RunProperties(new Bold()), new Text(line.Text[..half])), new Run(new RunProperties(new Bold()), new Text(line.Text[half..])));
                return paragraph;
            case SampleLineKind.Centred:
                properties.Append(new Justification { Val = JustificationValues.Center });
                break;
            case SampleLineKind.Signature:
                properties.Append(new Justification { Val = JustificationValues.Right });
                break;
            case SampleLineKind.Heading:
                properties.Append(
                    new ParagraphStyleId { Val = line.Level == 1 ? "Heading1" : "Heading2" },
                    new NumberingProperties(new NumberingLevelReference { Val = line.Level - 1 }, new NumberingId { Val = 1 }));
                break;
            default:
                properties.Append(new Indentation { FirstLineChars = 200 });
                break;
        }

        paragraph.Append(new Run(new Text(line.Text) { Space = SpaceProcessingModeValues.Preserve }));
        if (line.Kind == SampleLineKind.Body && line.Text.EndsWith('。'))
        {
            paragraph.Append(new DeletedRun(new Run(new DeletedText(DeletedText))) { Id = "1", Author = "样例", Date = new DateTime(2020, 1, 2, 0, 0, 0, DateTimeKind.Utc) });
        }

        return paragraph;
    }

    private static Table NewTable(Body body)
    {
        var table = new Table(new TableProperties(new TableBorders(new TopBorder { Val = BorderValues.Single }, new BottomBorder { Val = BorderValues.Single })));
        body.Append(table);
        return table;
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var part = main.AddNewPart<StyleDefinitionsPart>();
        part.Styles = new Styles(
            new Style(new StyleName { Val = "Normal" }) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            new Style(new StyleName { Val = "heading 1" }, new BasedOn { Val = "Normal" }, new StyleParagraphProperties(new OutlineLevel { Val = 0 })) { Type = StyleValues.Paragraph, StyleId = "Heading1" },
            new Style(new StyleName { Val = "heading 2" }, new BasedOn { Val = "Normal" }, new StyleParagraphProperties(new OutlineLevel { Val = 1 })) { Type = StyleValues.Paragraph, StyleId = "Heading2" });
    }

    private static void AddNumbering(MainDocumentPart main)
    {
        var part = main.AddNewPart<NumberingDefinitionsPart>();
        part.Numbering = new Numbering(
            new AbstractNum(
                new Level(new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = NumberFormatValues.ChineseCounting }, new LevelText { Val = "%1、" }, new LevelSuffix { Val = LevelSuffixValues.Nothing }) { LevelIndex = 0 },
                new Level(new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = NumberFormatValues.ChineseCounting }, new LevelText { Val = "（%2）" }, new LevelSuffix { Val = LevelSuffixValues.Nothing }) { LevelIndex = 1 })
            { AbstractNumberId = 1 },
            new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = 1 });
    }
}
