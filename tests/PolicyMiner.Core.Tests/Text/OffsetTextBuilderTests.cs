using PolicyMiner.Core.Text;

namespace PolicyMiner.Core.Tests.Text;

public sealed class OffsetTextBuilderTests
{
    [Fact]
    public void Append_SpansBeyondCapacity_KeepTextAndEveryOffset()
    {
        var builder = new OffsetTextBuilder(16);
        var first = new string('研', 40);
        builder.Append(first, 100);
        builder.Append('。', 200);
        builder.Append("到2020年达到2.5%", 300);

        var (text, map) = builder.Build(400);

        Assert.Equal(first + "。到2020年达到2.5%", text);
        Assert.Equal(100, map.ToSource(new TextSpan(0, 1)).Start);
        Assert.Equal(139, map.ToSource(new TextSpan(39, 40)).Start);
        Assert.Equal(200, map.ToSource(new TextSpan(40, 41)).Start);
        Assert.Equal(new TextSpan(301, 306), map.ToSource(new TextSpan(42, 47)));
    }

    [Fact]
    public void Build_OnABufferAnEarlierBuilderGaveBack_HoldsOnlyItsOwnText()
    {
        // The character buffer comes from the shared pool: a disposed builder's characters must not show through.
        using (var earlier = new OffsetTextBuilder(64))
        {
            earlier.Append(new string('旧', 60), 0);
            _ = earlier.Build(60);
        }

        using var builder = new OffsetTextBuilder(64);
        builder.Append("达到3%", 10);
        builder.TrimEnd(c => c == '%');
        var (text, map) = builder.Build(14);

        Assert.Equal("达到3", text);
        Assert.Equal(3, map.NormalisedLength);
        Assert.Equal([10, 11, 12, 14], [.. Enumerable.Range(0, 4).Select(map.ToSource)]);
    }

    [Fact]
    public void Build_EndOffsetContinuingTheLastRun_MapsTheEndAfterIt()
    {
        using var builder = new OffsetTextBuilder();
        builder.Append("目标", 5);
        builder.Append('值', 9);

        var (text, map) = builder.Build(10);

        Assert.Equal("目标值", text);
        Assert.Equal(3, map.NormalisedLength);
        Assert.Equal([5, 6, 9, 10], [.. Enumerable.Range(0, 4).Select(map.ToSource)]);
    }

    [Fact]
    public void Append_GrowingFromAPooledToAnUnpooledBuffer_KeepsTextAndOffsets()
    {
        // Past 4 MiB of characters the buffer is allocated to size instead of pooled; the text must cross that line intact.
        using var builder = new OffsetTextBuilder(16);
        var chunk = new string('段', 1000) + "达到5%。";
        for (var i = 0; i < 5000; i++)
        {
            builder.Append(chunk, i * 2000);
        }

        var (text, map) = builder.Build(10_000_000);

        Assert.Equal(5000 * chunk.Length, text.Length);
        Assert.Equal(chunk, text[^chunk.Length..]);
        Assert.Equal(chunk, text.Substring(2500 * chunk.Length, chunk.Length));
        Assert.Equal(4999 * 2000 + 1001, map.ToSource(new TextSpan(4999 * chunk.Length + 1001, 4999 * chunk.Length + 1002)).Start);
        Assert.Equal(10_000_000, map.ToSource(text.Length));
    }
}
