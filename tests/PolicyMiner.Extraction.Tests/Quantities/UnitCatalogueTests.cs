using PolicyMiner.Extraction.Quantities;

namespace PolicyMiner.Extraction.Tests.Quantities;

public sealed class UnitCatalogueTests
{
    [Theory]
    [InlineData("亿元以上", "亿元", 1e8, "元")]
    [InlineData("万平方米", "万平方米", 1e4, "平方米")]
    [InlineData("个百分点", "个百分点", 1, "个百分点")]
    [InlineData("人次", "人次", 1, "人次")]
    [InlineData("％", "％", 1, "%")]
    [InlineData("千万元", "千万元", 1e7, "元")]
    [InlineData("万千瓦", "万千瓦", 1e4, "千瓦")]
    [InlineData("公顷", "公顷", 1e4, "平方米")]
    [InlineData("亿斤以上", "亿斤", 5e4, "吨")]
    [InlineData("万千升", "万千升", 1e7, "升")]
    [InlineData("微克/立方米以下", "微克/立方米", 1, "微克/立方米")]
    [InlineData("毫秒以内", "毫秒", 1, "毫秒")]
    [InlineData("G以上", "G", 1, "G")]
    [InlineData("M，", "M", 0.001, "G")]
    public void Match_KnownUnit_GivesWrittenAndStandardForms(string text, string written, double factor, string standard)
    {
        var unit = UnitCatalogue.Default.Match(text);

        Assert.NotNull(unit);
        Assert.Equal(written, unit.Written);
        Assert.Equal(factor, unit.Factor);
        Assert.Equal(standard, unit.Standard);
    }

    [Theory]
    [InlineData("年")]
    [InlineData("号")]
    [InlineData("大科技行动")]
    [InlineData("千企")]
    [InlineData("G基站")]
    [InlineData("G、千兆光网")]
    [InlineData("Mbit")]
    public void Match_NotAUnit_ReturnsNull(string text)
    {
        Assert.Null(UnitCatalogue.Default.Match(text));
    }

    [Fact]
    public void Create_PercentQuantity_StaysPercent()
    {
        var q = Quantity.Create(30, null, UnitCatalogue.Default.Parse("%"));

        Assert.Equal(30, q.ValueStd);
        Assert.Equal("%", q.UnitStd);
        Assert.Equal(UnitKind.Percent, q.Kind);
    }

    [Fact]
    public void Parse_MalformedLine_NamesTheLine()
    {
        var tsv = "# comment\n艘\tCount\t艘\t1\n吨\tWeight\t吨\t1\n";

        var error = Assert.Throws<FormatException>(() => UnitCatalogue.Parse(new StringReader(tsv), "units.tsv"));

        Assert.StartsWith("units.tsv:3:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Default_EveryUnitOnce_NoDuplicates()
    {
        var written = UnitCatalogue.Default.Units.Select(u => u.Written).ToList();

        Assert.True(written.Count > 60);
        Assert.Equal(written.Count, written.Distinct(StringComparer.Ordinal).Count());
    }
}
