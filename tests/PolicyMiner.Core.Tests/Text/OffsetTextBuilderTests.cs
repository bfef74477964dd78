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
}
