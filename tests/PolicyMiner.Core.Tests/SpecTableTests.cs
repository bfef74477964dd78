using PolicyMiner.Tests.Shared;

namespace PolicyMiner.Core.Tests;

/// <summary>The strict spec-table reader shared by the Core and Ingest spec tests, fed malformed files.</summary>
public sealed class SpecTableTests
{
    private static readonly string[] Columns = ["input", "expected"];

    private static SpecTableParse Parse(params string[] lines) => SpecTable.Parse("t.md", lines, Columns);

    [Fact]
    public void Parse_WellFormedTable_ReadsRowsWithEscapes()
    {
        var parsed = Parse("<!-- spec-rows: 2 -->", "", "| input | expected |", "|---|---|", "| a\\|b | c |", "| 零\\u200B宽 | 零宽 |");

        Assert.Empty(parsed.Errors);
        Assert.Equal(["a|b", "c"], parsed.Rows[0].Cells);
        Assert.Equal("零\u200B宽", parsed.Rows[1].Cells[0]);
        Assert.Equal(5, parsed.Rows[0].Line);
    }

    [Theory]
    [InlineData("| a | b | c |", "t.md:5: row has 3 cells, expected 2")]
    [InlineData("| a |", "t.md:5: row has 1 cells, expected 2")]
    [InlineData("| a | b", "t.md:5: table row does not end with '|'")]
    [InlineData("| a\\u12 | b |", "t.md:5: malformed escape '\\u12'")]
    public void Parse_MalformedRow_IsAnError(string row, string error)
    {
        var parsed = Parse("<!-- spec-rows: 2 -->", "", "| input | expected |", "|---|---|", row, "| x | y |");

        Assert.Contains(parsed.Errors, e => e.StartsWith(error, StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_RowWithoutLeadingPipe_IsAnError()
    {
        var parsed = Parse("<!-- spec-rows: 1 -->", "| input | expected |", "|---|---|", "| x | y |", "a | b |");

        Assert.Contains("t.md:5: table row does not start with '|'", parsed.Errors);
    }

    [Fact]
    public void Parse_WrongHeaderOrMissingSeparator_IsAnError()
    {
        var parsed = Parse("<!-- spec-rows: 1 -->", "| input | output |", "| x | y |", "| z | w |");

        Assert.Contains("t.md:2: table header is 'input | output', expected 'input | expected'", parsed.Errors);
        Assert.Contains("t.md:3: the header must be followed by a separator row (|---|---|)", parsed.Errors);
    }

    [Fact]
    public void Parse_CountDiffersFromPin_IsAnError()
    {
        var parsed = Parse("<!-- spec-rows: 3 -->", "| input | expected |", "|---|---|", "| x | y |");

        Assert.Contains("t.md: pins 3 rows but holds 1 (update the pin when adding or removing rows)", parsed.Errors);
    }

    [Theory]
    [InlineData(new[] { "| input | expected |", "|---|---|" }, "t.md: no '<!-- spec-rows: N -->' line")]
    [InlineData(new[] { "<!-- spec-rows: many -->" }, "t.md:1: malformed pin")]
    public void Parse_MissingOrMalformedPin_IsAnError(string[] lines, string error)
    {
        Assert.Contains(Parse(lines).Errors, e => e.StartsWith(error, StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_PipesInsideCodeFences_AreNotRows()
    {
        var parsed = Parse("<!-- spec-rows: 0 -->", "```", "| not | a | row |", "```");

        Assert.Empty(parsed.Errors);
    }

    [Fact]
    public void Load_MalformedFile_ThrowsWithFileAndLine()
    {
        var path = Path.Combine(Path.GetTempPath(), $"pm-spec-{Guid.NewGuid():N}.md");
        File.WriteAllLines(path, ["<!-- spec-rows: 1 -->", "| input | expected |", "|---|---|", "| x |"]);
        try
        {
            var e = Assert.Throws<InvalidDataException>(() => SpecTable.Load(path, Columns));

            Assert.Contains($"{Path.GetFileName(path)}:4: row has 1 cells, expected 2", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
