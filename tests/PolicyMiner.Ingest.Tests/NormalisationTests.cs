using PolicyMiner.Core.Text;

namespace PolicyMiner.Ingest.Tests;

public sealed class NormalisationTests
{
    public static TheoryData<string, string> Cases => SpecRows.Of("Normalisation.md", "input", "expected");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Normalise_SpecCase_GivesExpectedText(string input, string expected)
    {
        Assert.Equal(expected, TextNormaliser.Normalise(input).Text);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Normalise_SpecCase_MapsEveryOffsetBackToItsSourceCharacter(string input, string expected)
    {
        var result = TextNormaliser.Normalise(input);
        Assert.Equal(expected.Length, result.Map.NormalisedLength);
        for (var i = 0; i < result.Text.Length; i++)
        {
            var source = input[result.Map.ToSource(i)];
            Assert.True(OffsetChecks.Equivalent(source, result.Text[i]), $"'{result.Text[i]}' at {i} maps to '{source}'");
        }

        Assert.Equal(input.Length, result.Map.ToSource(result.Text.Length));
    }

    [Fact]
    public void Normalise_FoldTraditionalOff_KeepsTraditionalButFoldsRadicals()
    {
        var result = TextNormaliser.Normalise("科技創新⼗佳", new NormalisationOptions(FoldTraditional: false));
        Assert.Equal("科技創新十佳", result.Text);
    }

    [Fact]
    public void Normalise_SpanOverRemovedGarbage_MapsToSourceSpanCoveringIt()
    {
        var input = "意见。□□\n一、目标";
        var result = TextNormaliser.Normalise(input);
        var start = result.Text.IndexOf('一', StringComparison.Ordinal);
        Assert.Equal(input.IndexOf('一', StringComparison.Ordinal), result.Map.ToSource(start));
        // A span ending before removed garbage covers it in the source, and nothing more.
        var source = result.Map.ToSource(new TextSpan(0, 3));
        Assert.Equal("意见。□□", input[source.Start..source.End]);
    }
}
