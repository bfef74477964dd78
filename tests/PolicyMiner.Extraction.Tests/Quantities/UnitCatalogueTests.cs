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
}
