using PolicyMiner.Extraction.Lexicon;

namespace PolicyMiner.Extraction.Tests.Lexicon;

/// <summary>The fast searches of word classes give what a plain substring search over the words gives.</summary>
public sealed class WordClassSearchTests
{
    private static readonly WordClass[] Classes = [.. WordLexicon.Default.ClassNames.Order(StringComparer.Ordinal).Select(n => WordLexicon.Default[n])];

    [Fact]
    public void Searches_TextsMadeOfLexiconWords_AgreeWithPlainSubstringSearch()
    {
        foreach (var text in Texts())
        {
            foreach (var words in Classes)
            {
                Assert.True(PlainIndexIn(words, text) == words.IndexIn(text), $"IndexIn [{words.Name}] in 「{text}」");
                Assert.True(PlainMatchAtStart(words, text) == words.MatchAtStart(text), $"MatchAtStart [{words.Name}] in 「{text}」");
                Assert.True(PlainMatchAtEnd(words, text) == words.MatchAtEnd(text), $"MatchAtEnd [{words.Name}] in 「{text}」");
            }
        }
    }

    [Fact]
    public void Scanner_Mark_SetsExactlyTheClassesThatOccur()
    {
        var scanner = new WordClassScanner(Classes);
        var present = new bool[scanner.Count];
        var occurring = 0;
        foreach (var text in Texts())
        {
            Array.Clear(present);
            scanner.Mark(text, present);
            for (var i = 0; i < Classes.Length; i++)
            {
                Assert.True(Classes[i].OccursIn(text) == present[i], $"[{Classes[i].Name}] in 「{text}」");
                occurring += present[i] ? 1 : 0;
            }
        }

        // The texts are made of lexicon words: most of them hold some class.
        Assert.True(occurring > Classes.Length, $"only {occurring} classes found in the texts");
    }

    [Fact]
    public void Scanner_TooFewFlags_Throws() =>
        Assert.Throws<ArgumentException>(() => new WordClassScanner(Classes).Mark("增长", new bool[1]));

    /// <summary>Every lexicon word alone, cut short, between filler, and next to a word of another class (fixed seed).</summary>
    private static IEnumerable<string> Texts()
    {
        var all = Classes.SelectMany(c => c.Words).ToArray();
        var random = new Random(8);
        yield return "";
        foreach (var word in all)
        {
            yield return word;
            yield return word[..^1];
            yield return "全市" + word + "达到";
            yield return all[random.Next(all.Length)] + "，" + word[1..] + all[random.Next(all.Length)];
        }
    }

    private static int PlainIndexIn(WordClass words, string text)
    {
        var first = -1;
        foreach (var word in words.Words)
        {
            var at = text.IndexOf(word, StringComparison.Ordinal);
            if (at >= 0 && (first < 0 || at < first))
            {
                first = at;
            }
        }

        return first;
    }

    private static int PlainMatchAtStart(WordClass words, string text) =>
        words.Words.Where(w => text.StartsWith(w, StringComparison.Ordinal)).Select(w => w.Length).DefaultIfEmpty(0).Max();

    private static int PlainMatchAtEnd(WordClass words, string text) =>
        words.Words.Where(w => text.EndsWith(w, StringComparison.Ordinal)).Select(w => w.Length).DefaultIfEmpty(0).Max();
}
