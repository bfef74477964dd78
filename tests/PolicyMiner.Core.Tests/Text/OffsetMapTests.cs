using PolicyMiner.Core.Text;

namespace PolicyMiner.Core.Tests.Text;

public sealed class OffsetMapTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void ToSource_RandomEdits_EqualsThePerPositionDefinition(int seed)
    {
        var random = new Random(seed);
        var offsets = RandomOffsets(random, random.Next(1, 400));
        var map = new OffsetMap(offsets);

        Assert.Equal(offsets.Length - 1, map.NormalisedLength);
        for (var i = -2; i < offsets.Length + 2; i++)
        {
            Assert.Equal(offsets[Math.Clamp(i, 0, offsets.Length - 1)], map.ToSource(i));
        }

        for (var start = 0; start < offsets.Length; start++)
        {
            for (var end = start; end < Math.Min(offsets.Length, start + 6); end++)
            {
                Assert.Equal(DenseSpan(offsets, start, end), map.ToSource(new TextSpan(start, end)));
            }
        }
    }

    [Theory]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    public void Then_RandomMaps_EqualsComposingEveryPosition(int seed)
    {
        var random = new Random(seed);
        var inner = RandomOffsets(random, random.Next(1, 300));
        var outer = RandomOffsets(random, random.Next(1, 300), maxValue: inner.Length + 3);

        var composed = new OffsetMap(outer).Then(new OffsetMap(inner));

        for (var i = 0; i < outer.Length; i++)
        {
            Assert.Equal(inner[Math.Clamp(outer[i], 0, inner.Length - 1)], composed.ToSource(i));
        }
    }

    [Fact]
    public void Identity_AnyPosition_MapsToItself()
    {
        var map = OffsetMap.Identity(10);

        Assert.Equal(10, map.NormalisedLength);
        Assert.Equal(7, map.ToSource(7));
        Assert.Equal(10, map.ToSource(99));
        Assert.Equal(new TextSpan(2, 5), map.ToSource(new TextSpan(2, 5)));
    }

    // Non-decreasing offsets with the edits normalisation makes: runs of +1, dropped source characters, repeats.
    private static int[] RandomOffsets(Random random, int length, int? maxValue = null)
    {
        var offsets = new int[length];
        var value = random.Next(3);
        for (var i = 0; i < length; i++)
        {
            offsets[i] = maxValue is { } max ? Math.Min(value, max) : value;
            value += random.Next(10) switch { 0 => 0, 1 => 1 + random.Next(5), _ => 1 };
        }

        return offsets;
    }

    private static TextSpan DenseSpan(int[] offsets, int start, int end)
    {
        var s = offsets[Math.Clamp(start, 0, offsets.Length - 1)];
        if (end <= start)
        {
            return new TextSpan(s, s);
        }

        var own = offsets[end - 1];
        var next = offsets[^1];
        for (var i = end; i < offsets.Length; i++)
        {
            if (offsets[i] > own)
            {
                next = offsets[i];
                break;
            }
        }

        return new TextSpan(s, Math.Max(s, next));
    }
}
