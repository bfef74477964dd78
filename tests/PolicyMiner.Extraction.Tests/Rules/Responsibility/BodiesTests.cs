using PolicyMiner.Extraction.Rules.Responsibility;

namespace PolicyMiner.Extraction.Tests.Rules.Responsibility;

public sealed class BodiesTests
{
    [Theory]
    [InlineData("省农业农村厅、省商务厅和各市、县〔区〕人民政府", new[] { "省农业农村厅", "省商务厅", "各市、县〔区〕人民政府" })]
    [InlineData("各县（市、区）人民政府、市财政局", new[] { "各县（市、区）人民政府", "市财政局" })]
    [InlineData("省经济和信息化厅、各市、各县", new[] { "省经济和信息化厅", "各市", "各县" })]
    public void Split_ListOfBodies_KeepsEachNameWhole(string list, string[] expected)
    {
        Assert.Equal(expected, Bodies.Split(list, labelled: true));
    }
}
