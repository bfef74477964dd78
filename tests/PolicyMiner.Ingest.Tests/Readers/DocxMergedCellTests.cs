using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace PolicyMiner.Ingest.Tests.Readers;

using DocumentFormat = PolicyMiner.Core.Documents.DocumentFormat;

/// <summary>Word tables with merged cells keep their columns: a title spanning columns (gridSpan) leaves the columns it covers
/// empty, a cell merged down (vMerge) is repeated in each row it covers, and columns skipped at a row's start (gridBefore)
/// stay empty, so every value stays under its own title, as in HTML tables with colspan and rowspan.</summary>
public sealed class DocxMergedCellTests
{
    [Fact]
    public void Read_GridSpanTitleOverYearColumns_KeepsValuesUnderTheirYears()
    {
        var docx = Write(
            Row(Cell("指标", merge: MergedCellValues.Restart), Cell("单位", merge: MergedCellValues.Restart), Cell("预期目标", span: 2), Cell("牵头单位", merge: MergedCellValues.Restart)),
            Row(Cell("", merge: MergedCellValues.Continue), Cell("", merge: MergedCellValues.Continue), Cell("2023年"), Cell("2025年"), Cell("", merge: MergedCellValues.Continue)),
            Row(Cell("森林覆盖率"), Cell("%"), Cell("41"), Cell("43"), Cell("县林业局", merge: MergedCellValues.Restart)),
            Row(Cell("湿地保护率"), Cell("%"), Cell("50"), Cell("55"), Cell("", merge: MergedCellValues.Continue)));

        var document = Read(docx);

        var table = Assert.Single(document.Tables);
        var cells = table.Rows.Select(r => r.Cells.Select(c => document.Text[c.Span.Start..c.Span.End]).ToArray()).ToArray();
        Assert.Equal(["指标", "单位", "预期目标", "", "牵头单位"], cells[0]);
        Assert.Equal(["指标", "单位", "2023年", "2025年", "牵头单位"], cells[1]);
        Assert.Equal(["湿地保护率", "%", "50", "55", "县林业局"], cells[3]);
        Assert.Equal("预期目标2025年", table.HeaderText(document.Text, 3));
    }

    [Fact]
    public void Read_GridBeforeSkipsLeadingColumns_RowStaysAligned()
    {
        var before = new TableRow(new TableRowProperties(new GridBefore { Val = 1 }), Cell("2023年"), Cell("2025年"));
        var docx = Write(
            Row(Cell("指标"), Cell("目标", span: 2)),
            before,
            Row(Cell("科普场馆数量（个）"), Cell("5"), Cell("8")));

        var document = Read(docx);

        var table = Assert.Single(document.Tables);
        var years = table.Rows[1].Cells.Where(c => c.Span.Length > 0).Select(c => (c.Column, document.Text[c.Span.Start..c.Span.End]));
        Assert.Equal([(1, "2023年"), (2, "2025年")], years);
    }

    private static TableRow Row(params TableCell[] cells) => new(cells);

    private static TableCell Cell(string text, int span = 1, MergedCellValues? merge = null)
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

        return new TableCell(properties, new Paragraph(new Run(new Text(text))));
    }

    private static Core.Documents.PolicyDocument Read(byte[] docx)
    {
        var result = new DocumentReader().Read(docx, "merged.docx", DocumentFormat.Docx);
        Assert.True(result.Succeeded, result.Message);
        return result.Document!;
    }

    private static byte[] Write(params TableRow[] rows)
    {
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, global::DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = word.AddMainDocumentPart();
            var body = new Body(
                new Paragraph(new Run(new Text("示例县生态环境主要指标（样例文件，地区与数据均为虚构）"))),
                new Paragraph(new Run(new Text("到2025年，主要指标如下表。"))));
            var table = new Table(new TableProperties(new TableBorders(new TopBorder { Val = BorderValues.Single })));
            foreach (var row in rows)
            {
                table.Append(row);
            }

            body.Append(table);
            body.Append(new Paragraph(new Run(new Text("示例县人民政府"))));
            main.Document = new Document(body);
        }

        return stream.ToArray();
    }
}
