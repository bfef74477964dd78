using PolicyMiner.Core.Indicators;

namespace PolicyMiner.Core.Tests.Indicators;

/// <summary>Every example row of Specs/indicator-taxonomy.md, matched against the shipped taxonomy.</summary>
public sealed class IndicatorTaxonomySpecTests
{
    public static TheoryData<string, string, string, string> Examples()
    {
        var data = new TheoryData<string, string, string, string>();
        var path = Path.Combine(AppContext.BaseDirectory, "Specs", "indicator-taxonomy.md");
        foreach (var line in File.ReadLines(path))
        {
            var cells = line.Split('|');
            // Example rows have four cells between the outer pipes; skip the header and the separator.
            if (cells.Length != 6 || cells[1].Trim() is "phrase" or "---")
            {
                continue;
            }

            data.Add(cells[1].Trim(), cells[2].Trim(), cells[3].Trim(), cells[4].Trim());
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Match_SpecExample_ExpectedId(string phrase, string category, string unit, string expected)
    {
        var id = IndicatorTaxonomy.Default.Match(phrase, category.Length == 0 ? null : category, unit);

        Assert.Equal(expected == "(none)" ? null : expected, id);
    }

    [Fact]
    public void Examples_SpecFile_HasRows() => Assert.True(Examples().Count >= 15);
}
