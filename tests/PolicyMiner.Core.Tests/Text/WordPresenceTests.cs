using PolicyMiner.Core.Text;

namespace PolicyMiner.Core.Tests.Text;

public sealed class WordPresenceTests
{
    [Fact]
    public void Mark_RandomPhrases_SameAsOrdinalContainsPerWord()
    {
        var random = new Random(11);
        const string Alphabet = "研发投入强度增长企业家%1";
        string Draw(int length) => new([.. Enumerable.Range(0, length).Select(_ => Alphabet[random.Next(Alphabet.Length)])]);
        var words = Enumerable.Range(0, 60).Select(_ => Draw(random.Next(1, 4))).Distinct(StringComparer.Ordinal).ToArray();
        var presence = new WordPresence(words);

        for (var round = 0; round < 200; round++)
        {
            var phrase = Draw(random.Next(0, 30));
            var present = new bool[presence.Count];
            presence.Mark(phrase, present);

            foreach (var word in words)
            {
                Assert.Equal(phrase.Contains(word, StringComparison.Ordinal), present[presence.IdOf(word)]);
            }
        }
    }

    [Fact]
    public void Constructor_RepeatedAndEmptyWords_CountedOnce()
    {
        var presence = new WordPresence(["企业", "", "企业", "研发"]);

        Assert.Equal(2, presence.Count);
        Assert.Equal(presence.IdOf("企业"), presence.IdOf("企业"));
    }
}
