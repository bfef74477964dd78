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
    [InlineData("person-ending")]
    [InlineData("body-ending")]
    [InlineData("role-list-verb")]
    [InlineData("standing-opener")]
    [InlineData("obtain-object")]
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

    [Fact]
    public void WordClass_MatchAtIndex_FindsLongestStartingOrEndingThere_AndZeroOutsideTheText()
    {
        var words = WordLexicon.Parse("[w]\n截止\n截止到\n到\n").Words();
        const string text = "截止到2030年";

        Assert.Equal(3, words.MatchAt(text, 0));
        Assert.Equal(0, words.MatchAt(text, 3));
        Assert.Equal(3, words.MatchEndingAt(text, 3));
        Assert.Equal(2, words.MatchEndingAt(text, 2));
        Assert.Equal(0, words.MatchAt(text, text.Length));
        Assert.Equal(0, words.MatchAt(text, -1));
        Assert.Equal(0, words.MatchEndingAt(text, text.Length + 1));
    }

    [Fact]
    public void WordClass_Contains_IsExactWordMembership()
    {
        var words = WordLexicon.Parse("[w]\n省\n市\n县级\n").Words();

        Assert.True(words.Contains('市'));
        Assert.False(words.Contains('乡'));
        Assert.False(words.Contains('\0'));
        Assert.True(words.Contains("县级"));
        Assert.True(words.HasWordOpeningWith('县'));
        Assert.False(words.HasWordOpeningWith('级'));
        Assert.False(words.Contains("县级市"));
        Assert.False(words.Contains("县"));
        Assert.False(words.Contains(""));
    }
}

internal static class LexiconTestExtensions
{
    public static WordClass Words(this WordLexicon lexicon) => lexicon["w"];
}
