using PolicyMiner.Extraction.Quantities;

namespace PolicyMiner.Extraction.Tests.Quantities;

public sealed class ChineseNumberTests
{
    [Theory]
    [InlineData("两", 2)]
    [InlineData("十", 10)]
    [InlineData("十二", 12)]
    [InlineData("二十", 20)]
    [InlineData("一百二十", 120)]
    [InlineData("一百零五", 105)]
    [InlineData("一千", 1000)]
    [InlineData("一万五千", 15000)]
    [InlineData("三亿五千万", 350000000)]
    [InlineData("壹佰贰拾", 120)]
    [InlineData("二〇〇七", 2007)]
    [InlineData("三点五", 3.5)]
    public void ParseChinese_Numeral_ReadsValue(string text, double expected)
    {
        var parse = ChineseNumber.ParseChinese(text);

        Assert.True(parse.Success);
        Assert.Equal(text.Length, parse.Length);
        Assert.Equal(expected, parse.Value, 6);
    }

    [Fact]
    public void ParseChinese_TrailingMagnitude_LeftForTheUnit()
    {
        var parse = ChineseNumber.ParseChinese("三百五十万元", leaveMagnitude: true);

        Assert.Equal(350, parse.Value);
        Assert.Equal(4, parse.Length);
    }

    [Theory]
    [InlineData("1.45%", 1.45, 4)]
    [InlineData("1,200万元", 1200, 5)]
    [InlineData("3500件", 3500, 4)]
    [InlineData("１２项", 12, 2)]
    public void ParseArabic_Number_ReadsValueAndLength(string text, double expected, int length)
    {
        var parse = ChineseNumber.ParseArabic(text);

        Assert.Equal(expected, parse.Value, 6);
        Assert.Equal(length, parse.Length);
    }

    [Fact]
    public void ParseHalf_Ban_IsOneHalf()
    {
        Assert.Equal(0.5, ChineseNumber.ParseHalf("半年").Value);
        Assert.False(ChineseNumber.ParseHalf("一年").Success);
    }

    [Fact]
    public void ParseArabic_NoDigits_Fails()
    {
        Assert.False(ChineseNumber.ParseArabic("年内").Success);
    }
}
