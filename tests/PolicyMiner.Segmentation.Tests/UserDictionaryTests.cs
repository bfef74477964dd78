namespace PolicyMiner.Segmentation.Tests;

public sealed class UserDictionaryTests
{
    private static readonly JiebaSegmenter Plain = JiebaSegmenter.Default;

    [Fact]
    public void WithUserWords_NewWord_IsKeptWholeAndTagged()
    {
        var extended = Plain.WithUserWords([new UserWord("云岭县科创谷", 2000, "ns")]);

        Assert.Contains("云岭县科创谷", extended.Cut("云岭县科创谷建设加快推进"));
        Assert.Equal("ns", extended.PosTag("云岭县科创谷"));
        Assert.DoesNotContain("云岭县科创谷", Plain.Cut("云岭县科创谷建设加快推进"));
        Assert.Null(Plain.PosTag("云岭县科创谷"));
    }

    [Fact]
    public void WithUserWords_TwoInstances_CoexistWithDifferentDictionaries()
    {
        var first = Plain.WithUserWords([new UserWord("青川科创谷", 5000)]);
        var second = Plain.WithUserWords([new UserWord("科创谷建设", 5000)]);
        const string text = "青川科创谷建设";

        Assert.Equal(["青川科创谷", "建设"], first.Cut(text));
        Assert.Equal(["青川", "科创谷建设"], second.Cut(text));
        Assert.Equal(Plain.TotalFrequency + 5000, first.TotalFrequency);
    }

    [Fact]
    public void WithUserWords_NoFrequency_SuggestsOneThatKeepsTheWordWhole()
    {
        // "研发经费" is cut as 研发/经费 by plain jieba; jieba's suggested frequency is just enough to join it.
        Assert.Equal(["研发", "经费"], Plain.Cut("研发经费"));

        var extended = Plain.WithUserWords([new UserWord("研发经费")]);

        Assert.Equal(["研发经费"], extended.Cut("研发经费"));
        Assert.True(extended.Frequency("研发经费") > 0);
    }

    [Fact]
    public void WithUserWords_ZeroFrequency_HmmNeverProducesTheWord()
    {
        var text = "杭研";
        Assert.Equal(["杭研"], Plain.Cut(text));

        var split = Plain.WithUserWords([new UserWord("杭研", 0)]);

        Assert.Equal(["杭", "研"], split.Cut(text));
    }

    [Fact]
    public void WithUserDictionary_PolicyTerms_JoinsIndicatorPhrases()
    {
        var policy = Plain.WithUserDictionary(TestPaths.PolicyTermsDictionary);
        const string text = "加大科技三项经费投入，新建院士工作站和众创空间";

        Assert.Contains("科技三项经费", policy.Cut(text));
        Assert.Contains("院士工作站", policy.Cut(text));
        Assert.DoesNotContain("科技三项经费", Plain.Cut(text));
        Assert.Equal("nz", policy.PosTag("院士工作站"));
    }

    [Fact]
    public void Parse_JiebaFormat_ReadsWordFrequencyAndTag()
    {
        var words = UserDictionary.Parse(new StringReader("\uFEFF云计算 5 n\n创新 办 3 i\n# comment\n\n单独词\nfoo bar\n#话题 7\n"), "test");

        Assert.Equal(
            [
                new UserWord("云计算", 5, "n"), new UserWord("创新 办", 3, "i"), new UserWord("单独词"), new UserWord("foo", null, "bar"),
                new UserWord("#话题", 7),
            ],
            words);
    }

    [Fact]
    public void Parse_NonAsciiSpaceAroundWord_IsPartOfTheWordAsInJieba()
    {
        // jieba strips the line as bytes, so only ASCII whitespace goes; U+00A0 stays in the word.
        var words = UserDictionary.Parse(new StringReader("\u00A0灭测 1384\t\r\n"), "test");

        Assert.Equal([new UserWord("\u00A0灭测", 1384)], words);
    }

    [Fact]
    public void Load_InvalidUtf8_FailsNamingTheFile()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(file, [0xE4, 0xB8, 0x20, 0x0A]);
            var error = Assert.Throws<InvalidDataException>(() => UserDictionary.Load(file));
            Assert.Contains(file, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Cut_ManyThreadsSharingInstances_GiveSameTokensAsOneThread()
    {
        var policy = Plain.WithUserDictionary(TestPaths.PolicyTermsDictionary);
        string[] texts =
        [
            "到2025年，青川市高新技术企业数量达到300家以上，研发经费投入强度达到2.5%。",
            "云岭县科技局牵头，建设院士工作站3个、众创空间5个。",
            "全县技术合同成交额力争突破1.2亿元，年均增长15%以上。",
        ];
        var expectedPlain = texts.Select(t => Plain.Cut(t)).ToArray();
        var expectedPolicy = texts.Select(t => policy.Cut(t)).ToArray();

        Parallel.For(0, 2000, i =>
        {
            var index = i % texts.Length;
            Assert.Equal(expectedPlain[index], Plain.Cut(texts[index]));
            Assert.Equal(expectedPolicy[index], policy.Cut(texts[index]));
        });
    }

    [Fact]
    public void CutAll_AsciiRunAroundUserWords_GluesPiecesLikeJieba()
    {
        // Python: load_userdict("BX 100\nB 50"); lcut("中aBXcd文", cut_all=True) == ['中', 'BX', 'acd', '文'] (empties dropped).
        var segmenter = Plain.WithUserWords([new UserWord("BX", 100), new UserWord("B", 50)]);

        Assert.Equal(["中", "BX", "acd", "文"], segmenter.CutAll("中aBXcd文"));
        Assert.Contains(new Token("acd", 1, 6), segmenter.Tokenize("中aBXcd文", SegmentMode.Full));
    }
}
