using PolicyMiner.Core.Indicators;
using PolicyMiner.Core.Targets;
using PolicyMiner.Tests.Shared;

namespace PolicyMiner.Core.Tests.Indicators;

/// <summary>Every example row of Specs/indicator-taxonomy.md, matched against the shipped taxonomy.</summary>
public sealed class IndicatorTaxonomySpecTests
{
    private static readonly string SpecFile = Path.Combine(AppContext.BaseDirectory, "Specs", "indicator-taxonomy.md");

    public static TheoryData<string, string, string, string> Examples()
    {
        var data = new TheoryData<string, string, string, string>();
        // Strict: a row with a missing cell, a wrong header or a count that differs from the file's pin is an error.
        foreach (var row in SpecTable.Load(SpecFile, "phrase", "category", "unit", "id"))
        {
            data.Add(row.Cells[0], row.Cells[1], row.Cells[2], row.Cells[3]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Match_SpecExample_ExpectedId(string phrase, string category, string unit, string expected)
    {
        Assert.True(category.Length == 0 || TargetCategories.All.Contains(category), $"unknown category '{category}' in the spec row of '{phrase}'");
        var id = IndicatorTaxonomy.Default.Match(phrase, category.Length == 0 ? null : category, unit);

        Assert.Equal(expected == "(none)" ? null : expected, id);
    }

    [Fact]
    public void Examples_SpecFile_LoadsEveryPinnedRow() => Assert.Equal(73, SpecTable.Load(SpecFile, "phrase", "category", "unit", "id").Count);
}
