namespace PolicyMiner.Segmentation.Tests;

public sealed class TokenizeTests
{
    private static readonly JiebaSegmenter Segmenter = JiebaSegmenter.Default;

    [Fact]
    public void Tokenize_Default_GivesPythonOffsets()
    {
        // Python: list(jieba.tokenize('永和服装饰品有限公司'))
        Assert.Equal(
            [new Token("永和", 0, 2), new Token("服装", 2, 4), new Token("饰品", 4, 6), new Token("有限公司", 6, 10)],
            Segmenter.Tokenize("永和服装饰品有限公司"));
    }

    [Fact]
    public void Tokenize_Search_AddsGramsBeforeTheWord()
    {
        // Python: list(jieba.tokenize('永和服装饰品有限公司', mode='search'))
        Assert.Equal(
            [
                new Token("永和", 0, 2), new Token("服装", 2, 4), new Token("饰品", 4, 6), new Token("有限", 6, 8),
                new Token("公司", 8, 10), new Token("有限公司", 6, 10),
            ],
            Segmenter.Tokenize("永和服装饰品有限公司", SegmentMode.Search));
    }

    [Fact]
    public void Tokenize_NonBmpCharacter_UsesUtf16Offsets()
    {
        var tokens = Segmenter.Tokenize("😀研究");

        Assert.Equal([new Token("😀", 0, 2), new Token("研究", 2, 4)], tokens);
    }

    [Fact]
    public void PosTag_DictionaryWords_ReturnJiebaTags()
    {
        Assert.Equal("ns", Segmenter.PosTag("北京"));
        Assert.Equal("vn", Segmenter.PosTag("研究"));
        Assert.Equal("v", Segmenter.PosTag("达到"));
        Assert.Null(Segmenter.PosTag("青川云岭"));
    }
}
