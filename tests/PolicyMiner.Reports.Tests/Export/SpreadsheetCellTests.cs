using CsvHelper;
using MiniExcelLibs;
using PolicyMiner.Reports.Export;

namespace PolicyMiner.Reports.Tests.Export;

/// <summary>Issue 9: text cells that a spreadsheet would run as formulas are written with a leading apostrophe (OWASP).</summary>
public sealed class SpreadsheetCellTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x.example\",\"点击\")", "'=HYPERLINK(\"http://x.example\",\"点击\")")]
    [InlineData("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(1)", "'@SUM(1)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("\r=1", "'\r=1")]
    [InlineData("到2025年达到3%", "到2025年达到3%")]
    [InlineData("a=b", "a=b")]
    [InlineData("", "")]
    public void SafeText_FormulaLeadingCharacter_GetsApostrophe(string text, string expected) =>
        Assert.Equal(expected, SpreadsheetCell.SafeText(text));

    [Fact]
    public void Safe_Numbers_AreLeftAlone() => Assert.Equal(-2.5, SpreadsheetCell.Safe(-2.5));

    [Fact]
    public void Write_CsvAndXlsx_FormulaTitlesAndFileNamesAreText()
    {
        var document = SampleRows.Document("=HYPERLINK(\"http://x.example\").txt", "青川市", 2018, title: "@SUM(1)");
        var rows = new[] { SampleRows.Row(document, "研发经费投入强度", "rd_intensity", 2.5, "%", 2020) };

        using var csvStream = new MemoryStream();
        TargetExporter.Write(ExportFormat.Csv, rows, csvStream);
        using var xlsxStream = new MemoryStream();
        TargetExporter.Write(ExportFormat.Xlsx, rows, xlsxStream);

        using var csv = CsvReader.Create(new MemoryStream(csvStream.ToArray()));
        Assert.True(csv.Read());
        Assert.Equal("'=HYPERLINK(\"http://x.example\").txt", csv.GetString("doc"));
        Assert.Equal("'@SUM(1)", csv.GetString("title"));
        xlsxStream.Position = 0;
        var sheet = xlsxStream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().Single();
        Assert.Equal("'=HYPERLINK(\"http://x.example\").txt", sheet["doc"]);
        Assert.Equal("'@SUM(1)", sheet["title"]);
    }
}
