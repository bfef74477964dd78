using PolicyMiner.Core.Targets;
using PolicyMiner.Extraction.Rules.Categories;

namespace PolicyMiner.Extraction.Tests.Rules.Categories;

public sealed class CategoryTableTests
{
    [Fact]
    public void Parse_GroupsAndContext_ReadsEntriesInOrder()
    {
        var table = CategoryTable.Parse("# c\n[topics]  # t\npatents  专利|商标\nrd_platforms  实验室 + 省级|国家级  @ 平台|中心\n");

        var entries = table["topics"];
        Assert.Equal(2, entries.Length);
        Assert.Equal("patents", entries[0].Category);
        Assert.Equal([["专利", "商标"]], entries[0].Groups);
        Assert.Null(entries[0].Context);
        Assert.Equal([["实验室"], ["省级", "国家级"]], entries[1].Groups);
        Assert.Equal(["平台", "中心"], entries[1].Context ?? []);
    }

    [Theory]
    [InlineData("patents  专利\n", "line 1: entry before any [table]")]
    [InlineData("[t]\nno_such_category  专利\n", "line 2: unknown category")]
    [InlineData("[t]\npatents  专利 + \n", "line 2: empty keyword group")]
    [InlineData("[t]\npatents\n", "line 2: a category needs keywords")]
    [InlineData("[t]\npatents  专利\n[t]\n", "appears twice")]
    public void Parse_MalformedText_ThrowsNamingTheLine(string text, string expected)
    {
        var e = Assert.Throws<FormatException>(() => CategoryTable.Parse(text));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ratios")]
    [InlineData("topics")]
    public void Default_TablesTheRuleReads_HoldOnlyKnownCategories(string name)
    {
        var entries = CategoryTable.Default[name];

        Assert.NotEmpty(entries);
        Assert.All(entries, e => Assert.Contains(e.Category, TargetCategories.All));
    }
}
