using System.Text;
using PolicyMiner.Ingest.Metadata;

namespace PolicyMiner.Ingest.Tests;

public sealed class CityMentionsTests
{
    [Fact]
    public void Count_GeneratedText_EqualsALeftToRightSearchPerName()
    {
        // City names (short and full, so names nest and overlap) between filler characters, some of which open city names too.
        var random = new Random(8);
        var cities = RegionTable.All;
        var text = new StringBuilder();
        for (var i = 0; i < 5_000; i++)
        {
            var city = cities[random.Next(cities.Count)];
            text.Append(random.Next(3) switch
            {
                0 => city.ShortName,
                1 => city.Name,
                _ => "全市发展，新增年内。"[random.Next(10)].ToString(),
            });
        }

        var counts = CityMentions.Default.Count(text.ToString());

        Assert.Equal(cities.Count, counts.Length);
        Assert.Contains(counts, c => c > 0);
        for (var c = 0; c < cities.Count; c++)
        {
            var name = cities[c].IsCommonWord ? cities[c].Name : cities[c].ShortName;
            Assert.True(CountOf(text.ToString(), name) == counts[c], $"{cities[c].Name}: {counts[c]}");
        }
    }

    [Fact]
    public void Count_NoCityName_AllZero()
    {
        Assert.All(CityMentions.Default.Count("青川县今年种下梨树三百棵。"), c => Assert.Equal(0, c));
    }

    // Non-overlapping mentions, left to right: a match consumes its characters.
    private static int CountOf(string text, string name)
    {
        var count = 0;
        for (var at = text.IndexOf(name, StringComparison.Ordinal); at >= 0; at = text.IndexOf(name, at + name.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
