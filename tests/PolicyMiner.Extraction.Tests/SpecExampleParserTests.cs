using PolicyMiner.Core.Targets;

namespace PolicyMiner.Extraction.Tests;

/// <summary>The spec loader itself: malformed spec files are errors with file and line, never silently fewer examples.</summary>
public sealed class SpecExampleParserTests
{
    private static SpecParse Parse(params string[] lines) => SpecExample.Parse("t.md", lines);

    [Fact]
    public void Parse_WellFormedFile_ReadsExamplesAndPlanYear()
    {
        var parsed = Parse(
            "# T", "<!-- spec-examples: 2 -->",
            "```example plan=2018", "年内新增企业40家。", "=>", "40家 | year=2018 | ind~=企业", "```",
            "```example", "无目标。", "=>", "none", "```");

        Assert.Empty(parsed.Errors);
        Assert.Equal(2, parsed.Examples.Count);
        Assert.Equal(2018, parsed.Examples[0].PlanYear);
        Assert.Equal("年内新增企业40家。", parsed.Examples[0].Text);
        Assert.Equal(["40家 | year=2018 | ind~=企业"], parsed.Examples[0].Expected);
        Assert.Equal(3, parsed.Examples[0].Line);
        Assert.Null(parsed.Examples[1].PlanYear);
        Assert.Empty(parsed.Examples[1].Expected);
    }

    [Theory]
    [InlineData("``` example plan=2018", "example fence must read")]
    [InlineData("```Example plan=2018", "example fence must read")]
    [InlineData("```example plan=18x", "unknown example option")]
    [InlineData("```example year=2018", "unknown example option")]
    [InlineData("~~~example plan=2018", "example fence must read")]
    public void Parse_MalformedOpeningFence_IsAnError(string fence, string reason)
    {
        var parsed = Parse("<!-- spec-examples: 1 -->", fence, "新增企业40家。", "=>", "40家", "```");

        Assert.Contains(parsed.Errors, e => e.StartsWith("t.md:2:", StringComparison.Ordinal) && e.Contains(reason, StringComparison.Ordinal));
        Assert.Empty(parsed.Examples);
    }

    [Fact]
    public void Parse_UnclosedFence_IsAnError()
    {
        var parsed = Parse("<!-- spec-examples: 1 -->", "```example", "新增企业40家。", "=>", "40家");

        Assert.Contains(parsed.Errors, e => e.Contains("t.md:2: fence '```example' is never closed", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_FenceOpenedInsideAnExample_IsAnError()
    {
        // A missing closing fence before the next example used to swallow the next example into the first.
        var parsed = Parse("<!-- spec-examples: 2 -->", "```example", "新增企业40家。", "=>", "40家",
            "```example", "新增企业50家。", "=>", "50家", "```");

        Assert.Contains(parsed.Errors, e => e.Contains("a fence opens inside the block opened on line 2", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("40家 | yeer=2018", "unknown key 'yeer'")]
    [InlineData("40家 | year=2018 | year=2019", "key 'year' given twice")]
    [InlineData("40家 | year", "is not key=value")]
    [InlineData("year=2018 | 40家", "must start with the quantity")]
    [InlineData("none\n40家", "'none' must be the only line")]
    public void Parse_MalformedTargetLine_IsAnError(string expected, string reason)
    {
        var parsed = Parse(["<!-- spec-examples: 1 -->", "```example", "新增企业40家。", "=>", .. expected.Split('\n'), "```"]);

        Assert.Contains(parsed.Errors, e => e.StartsWith("t.md:2:", StringComparison.Ordinal) && e.Contains(reason, StringComparison.Ordinal));
        Assert.Empty(parsed.Examples);
    }

    [Theory]
    [InlineData(new[] { "```example", "新增企业40家。", "40家", "```" }, "exactly one '=>' line, found 0")]
    [InlineData(new[] { "```example", "新增企业40家。", "=>", "40家", "=>", "```" }, "exactly one '=>' line, found 2")]
    [InlineData(new[] { "```example", "=>", "40家", "```" }, "no text before '=>'")]
    [InlineData(new[] { "```example", "新增企业40家。", "=>", "```" }, "expects nothing after '=>'")]
    public void Parse_MalformedExampleBody_IsAnError(string[] block, string reason)
    {
        var parsed = Parse(["<!-- spec-examples: 1 -->", .. block]);

        Assert.Contains(parsed.Errors, e => e.Contains(reason, StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_ArrowOutsideAnyFence_IsAnError()
    {
        var parsed = Parse("<!-- spec-examples: 0 -->", "`` `example", "新增企业40家。", "=>", "40家", "```");

        Assert.Contains(parsed.Errors, e => e.Contains("t.md:4: '=>' outside an example fence", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_CountDiffersFromPin_IsAnError()
    {
        var parsed = Parse("<!-- spec-examples: 2 -->", "```example", "新增企业40家。", "=>", "40家", "```");

        Assert.Contains("t.md: pins 2 examples but holds 1 (update the pin when adding or removing examples)", parsed.Errors);
    }

    [Theory]
    [InlineData(new string[0], "no '<!-- spec-examples: N -->' line")]
    [InlineData(new[] { "<!-- spec-examples: two -->" }, "malformed pin")]
    [InlineData(new[] { "<!-- spec-examples: 0 -->", "<!-- spec-examples: 0 -->" }, "a second spec-examples pin")]
    public void Parse_MissingOrMalformedPin_IsAnError(string[] lines, string reason)
    {
        Assert.Contains(Parse(lines).Errors, e => e.Contains(reason, StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_OtherFencedBlocks_AreDocumentationNotExamples()
    {
        var parsed = Parse("<!-- spec-examples: 0 -->", "```json", "{ \"a\": 1 }", "```");

        Assert.Empty(parsed.Errors);
        Assert.Empty(parsed.Examples);
    }

    [Fact]
    public void Load_FolderWithAMalformedFile_ThrowsWithEveryProblem()
    {
        var folder = Directory.CreateTempSubdirectory("pm-spec-").FullName;
        try
        {
            File.WriteAllLines(Path.Combine(folder, "A.md"), ["<!-- spec-examples: 1 -->", "```example", "新增企业40家。", "=>", "40家 | colour=red", "```"]);

            var e = Assert.Throws<InvalidDataException>(() => SpecExample.Load(folder));

            Assert.Contains("A.md:2: unknown key 'colour'", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Check_TargetLineWithEveryKey_ReadsEachField()
    {
        var target = new PolicyTarget
        {
            Doc = "t.txt", Quote = "q", Start = 0, End = 1, Value = 40, Unit = "家", ValueStd = 40, UnitStd = "家",
            Comparator = Comparator.AtLeast, Kind = TargetKind.Level, Commitment = Commitment.Firm, Year = 2020, YearText = "到2020年",
            Responsible = ["市科技局", "市财政局"], Indicator = "高新技术企业", Category = "high_tech_firms",
        };
        var line = "40家 | cmp=>= | kind=level | commit=firm | year=2020 | year_text=到2020年 | baseline=null | resp=市科技局、市财政局"
            + " | ind~=技术 | cat=high_tech_firms | ind=高新技术企业 | std=40家";

        Assert.Empty(SpecExample.Check(target, line));
        Assert.Equal(SpecExample.Keys.Count, line.Split('|').Length - 1);
        Assert.Equal(["year: expected 2021, got 2020", "resp: expected 市科技局, got 市科技局、市财政局"],
            SpecExample.Check(target, "40家 | year=2021 | resp=市科技局"));
    }
}
