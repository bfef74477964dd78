using System.Text;
using System.Text.Json;
using CsvHelper;
using MiniExcelLibs;
using PolicyMiner.Reports.Export;

namespace PolicyMiner.Reports.Tests.Export;

public sealed class TargetExporterTests
{
    [Fact]
    public void Write_Csv_StartsWithBomAndRoundTripsChinese()
    {
        var (_, rows) = SampleRows.Corpus();
        using var stream = new MemoryStream();

        var written = TargetExporter.Write(ExportFormat.Csv, rows, stream);

        var bytes = stream.ToArray();
        Assert.Equal(rows.Count, written);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        using var reader = CsvReader.Create(new MemoryStream(bytes));
        var quotes = new List<string>();
        var regions = new List<string>();
        var indicatorIds = new List<string>();
        while (reader.Read())
        {
            quotes.Add(reader.GetString("quote"));
            regions.Add(reader.GetString("region"));
            indicatorIds.Add(reader.GetString("indicator_id"));
        }

        Assert.Equal(rows.Select(r => r.Target.Quote), quotes);
        Assert.Equal(rows.Select(r => r.Document.Metadata.Region!), regions);
        Assert.Equal("rd_intensity", indicatorIds[0]);
        Assert.Equal("tech_contract_turnover", indicatorIds[5]);
    }

    [Fact]
    public void Write_Csv_HeaderHasEveryColumn()
    {
        using var stream = new MemoryStream();
        TargetExporter.Write(ExportFormat.Csv, [], stream);

        var header = Encoding.UTF8.GetString(stream.ToArray()).TrimStart('\uFEFF').TrimEnd();
        Assert.Equal(string.Join(",", ExportColumns.All.Select(c => c.Name)), header);
        Assert.Contains("plan_year", header, StringComparison.Ordinal);
        Assert.Contains("issue_date", header, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_Jsonl_OneSnakeCaseObjectPerTargetWithReadableChinese()
    {
        var (_, rows) = SampleRows.Corpus();
        using var stream = new MemoryStream();

        TargetExporter.Write(ExportFormat.Jsonl, rows, stream);

        var text = Encoding.UTF8.GetString(stream.ToArray());
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(rows.Count, lines.Length);
        Assert.Contains("青川市", lines[0], StringComparison.Ordinal);
        using var first = JsonDocument.Parse(lines[0]);
        Assert.Equal("qingchuan-2018.txt", first.RootElement.GetProperty("doc").GetString());
        Assert.Equal(2018, first.RootElement.GetProperty("plan_year").GetInt32());
        Assert.Equal("2018-03-01", first.RootElement.GetProperty("issue_date").GetString());
        Assert.Equal(">=", first.RootElement.GetProperty("comparator").GetString());
        Assert.Equal("firm", first.RootElement.GetProperty("commitment").GetString());
        Assert.Equal(rows[0].Target.Quote, first.RootElement.GetProperty("quote").GetString());
    }

    [Fact]
    public void Write_Xlsx_OneRowPerTargetReadableByMiniExcel()
    {
        var (_, rows) = SampleRows.Corpus();
        using var stream = new MemoryStream();

        TargetExporter.Write(ExportFormat.Xlsx, rows, stream);

        stream.Position = 0;
        var read = MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(rows.Count, read.Count);
        Assert.Equal("云岭县", read[2]["region"]);
        Assert.Equal(rows[2].Target.Quote, read[2]["quote"]);
    }

    [Theory]
    [InlineData("csv", ExportFormat.Csv)]
    [InlineData("XLSX", ExportFormat.Xlsx)]
    [InlineData(".jsonl", ExportFormat.Jsonl)]
    public void TryParse_KnownName_Format(string text, ExportFormat expected)
    {
        Assert.True(ExportFormats.TryParse(text, out var format));
        Assert.Equal(expected, format);
    }

    [Fact]
    public void TryParse_UnknownName_False() => Assert.False(ExportFormats.TryParse("docx", out _));
}
