using PolicyMiner.Extraction.Text;

namespace PolicyMiner.Extraction.Tests.Text;

public sealed class FootnoteMarksTests
{
    [Theory]
    [InlineData("“三防”（7）护栏", "“三防”护栏")]
    [InlineData("省级众创空间〔23〕", "省级众创空间")]
    [InlineData("上云企业[9]", "上云企业")]
    [InlineData("上云企业［9］", "上云企业")]
    [InlineData("示范企业㉜试点", "示范企业试点")]
    [InlineData("③完成投资", "完成投资")]
    [InlineData("⑴城区道路⑵乡村道路", "城区道路乡村道路")]
    public void Remove_NoteAndItemMarks_Dropped(string phrase, string expected)
    {
        Assert.Equal(expected, FootnoteMarks.Remove(phrase));
    }

    [Theory]
    [InlineData("就业见习人员（含50人）")]
    [InlineData("规划期（2021—2025年）")]
    [InlineData("二期（一）工程")]
    [InlineData("PM2.5平均浓度")]
    [InlineData("编号（1234）")]
    public void Remove_BracketsThatSaySomething_Kept(string phrase)
    {
        Assert.Same(phrase, FootnoteMarks.Remove(phrase));
    }

    [Fact]
    public void LengthAt_AndLengthEndingAt_MeasureOneMark()
    {
        const string text = "企业[16]达到";

        Assert.Equal(4, FootnoteMarks.LengthAt(text, 2, text.Length));
        Assert.Equal(4, FootnoteMarks.LengthEndingAt(text, 0, 6));
        Assert.Equal(0, FootnoteMarks.LengthAt(text, 0, text.Length));
        // The closer must fall inside the limit.
        Assert.Equal(0, FootnoteMarks.LengthAt(text, 2, 5));
    }
}
