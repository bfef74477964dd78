using PolicyMiner.Extraction.Lexicon;

namespace PolicyMiner.Extraction.Tests.Lexicon;

public sealed class WordLexiconTests
{
    [Fact]
    public void Parse_ClassesAndComments_ReadsWordsInOrder()
    {
        var lexicon = WordLexicon.Parse("# c\n[growth]   # g\n增长\n增速\n\n[modal]\n力争\n");

        Assert.Equal(["增长", "增速"], lexicon["growth"].Words);
        Assert.Equal(["力争"], lexicon["modal"].Words);
    }

    [Theory]
    [InlineData("增长\n", "line 1")]
    [InlineData("[a]\n[b]\n增长\n", "class [a] has no words")]
    [InlineData("[a]\n增长\n[a]\n增速\n", "appears twice")]
    public void Parse_MalformedText_ThrowsNamingTheLine(string text, string expected)
    {
        var e = Assert.Throws<FormatException>(() => WordLexicon.Parse(text));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Indexer_UnknownClass_Throws() =>
        Assert.Throws<KeyNotFoundException>(() => WordLexicon.Default["no-such-class"]);

    [Theory]
    [InlineData("review-heading")]
    [InlineData("plan-heading")]
    [InlineData("past-opening")]
    [InlineData("past-marker")]
    [InlineData("estimate")]
    [InlineData("threshold-noun")]
    [InlineData("yi-word")]
    [InlineData("addressee")]
    public void Default_ClassesTheRulesName_AreLoaded(string name) => Assert.NotEmpty(WordLexicon.Default[name].Words);

    [Fact]
    public void WordClass_Matches_FindLongestAtEdgesAndAnywhereInside()
    {
        var words = WordLexicon.Parse("[w]\n过去\n过去一年\n").Words();

        Assert.Equal(4, words.MatchAtStart("过去一年，全市"));
        Assert.Equal(2, words.MatchAtEnd("回顾过去"));
        Assert.Equal(2, words.IndexIn("回顾过去一年"));
        Assert.False(words.OccursIn("今年"));
    }
}

internal static class LexiconTestExtensions
{
    public static WordClass Words(this WordLexicon lexicon) => lexicon["w"];
}
