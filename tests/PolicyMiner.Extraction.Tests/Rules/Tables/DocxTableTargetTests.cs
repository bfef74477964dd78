using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using PolicyMiner.Ingest;

namespace PolicyMiner.Extraction.Tests.Rules.Tables;

/// <summary>A Word table with merged cells, read and extracted end to end: a title spanning the year columns (gridSpan) and a
/// 牵头单位 merged down over two indicators (vMerge) give every value its own year and the lead body.</summary>
public sealed class DocxTableTargetTests
{
    [Fact]
    public void Extract_WordTableWithMergedCells_GivesEachValueItsYearAndLeadBody()
    {
        var docx = Write(
            Row(Cell("指标", MergedCellValues.Restart), Cell("单位", MergedCellValues.Restart), Cell("2020年实绩", MergedCellValues.Restart),
                Cell("预期目标", span: 2), Cell("牵头单位", MergedCellValues.Restart)),
            Row(Cell("", MergedCellValues.Continue), Cell("", MergedCellValues.Continue), Cell("", MergedCellValues.Continue), Cell("2023年"),
                Cell("2025年"), Cell("", MergedCellValues.Continue)),
            Row(Cell("森林覆盖率"), Cell("%"), Cell("40"), Cell("41"), Cell("43"), Cell("县林业局", MergedCellValues.Restart)),
            Row(Cell("湿地保护率"), Cell("%"), Cell("48"), Cell("50"), Cell("55"), Cell("", MergedCellValues.Continue)));
        var read = new DocumentReader().Read(docx, "merged.docx", Core.Documents.DocumentFormat.Docx);
        Assert.True(read.Succeeded, read.Message);

        var targets = TargetExtractor.Default.Extract(read.Document!);

        Assert.Equal(
            [("森林覆盖率", 2023, 41.0, 40.0, "县林业局"), ("森林覆盖率", 2025, 43.0, 40.0, "县林业局"),
             ("湿地保护率", 2023, 50.0, 48.0, "县林业局"), ("湿地保护率", 2025, 55.0, 48.0, "县林业局")],
            targets.Select(t => (t.Indicator, t.Year ?? 0, t.Value, t.Baseline ?? 0, string.Join("、", t.Responsible))));
    }

    private static TableRow Row(params TableCell[] cells) => new(cells);

    private static TableCell Cell(string text, MergedCellValues? merge = null, int span = 1)
    {
        var properties = new TableCellProperties();
        if (span > 1)
        {
            properties.Append(new GridSpan { Val = span });
        }

        if (merge is { } value)
        {
            properties.Append(value == MergedCellValues.Continue ? new VerticalMerge() : new VerticalMerge { Val = value });
        }

        return new TableCell(properties, new Paragraph(new Run(new DocumentFormat.OpenXml.Wordprocessing.Text(text))));
    }

    private static byte[] Write(params TableRow[] rows)
    {
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var body = new Body(
                new Paragraph(new Run(new DocumentFormat.OpenXml.Wordprocessing.Text("示例县生态保护主要指标（样例文件，地区与数据均为虚构）"))),
                new Paragraph(new Run(new DocumentFormat.OpenXml.Wordprocessing.Text("示例县2021年印发，主要指标如下表。"))));
            var table = new Table(new TableProperties(new TableBorders(new TopBorder { Val = BorderValues.Single })));
            foreach (var row in rows)
            {
                table.Append(row);
            }

            body.Append(table);
            word.AddMainDocumentPart().Document = new Document(body);
        }

        return stream.ToArray();
    }
}
