using PolicyMiner.Core.Serialization;
using System.Text.Json;

namespace PolicyMiner.Extraction.Tests;

/// <summary>Runs every example of <c>Specs/*.md</c> through the default extractor.</summary>
public sealed class SpecTests
{
    private static readonly string SpecDirectory = Path.Combine(AppContext.BaseDirectory, "Specs");

    public static TheoryData<SpecExample> Examples()
    {
        var data = new TheoryData<SpecExample>();
        foreach (var example in SpecExample.Load(SpecDirectory))
        {
            data.Add(example);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Extract_SpecExample_MatchesExpectedTargets(SpecExample example)
    {
        var document = PlainTextDocument.Create("spec.txt", example.Text, example.PlanYear);
        var targets = TargetExtractor.Default.Extract(document);
        var got = string.Join("\n", targets.Select(t => JsonSerializer.Serialize(t, PolicyJson.Options)));

        Assert.True(targets.Count == example.Expected.Count,
            $"{example}: expected {example.Expected.Count} targets, got {targets.Count}:\n{got}");
        for (var i = 0; i < targets.Count; i++)
        {
            var problems = SpecExample.Check(targets[i], example.Expected[i]);
            Assert.True(problems.Count == 0, $"{example} target {i + 1}: {string.Join("; ", problems)}\n{got}");
            Assert.Equal(example.Text[targets[i].Start..targets[i].End], targets[i].Quote);
        }
    }

    [Fact]
    public void Load_ShippedSpecs_ParseWithoutErrorsAndMatchTheirPins()
    {
        // Load throws with every malformed fence, key or pin listed; the pins make a dropped example an error.
        var examples = SpecExample.Load(SpecDirectory);

        Assert.True(examples.Count >= 228, $"only {examples.Count} examples");
        var files = Directory.GetFiles(SpecDirectory, "*.md").Select(Path.GetFileName);
        Assert.All(files, f => Assert.Contains(examples, e => e.File == f));
    }
}
