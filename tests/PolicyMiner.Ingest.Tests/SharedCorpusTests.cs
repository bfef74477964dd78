using System.Text.Json;
using PolicyMiner.Core.Text;

namespace PolicyMiner.Ingest.Tests;

/// <summary>The shared real documents (../shared, never copied into the repository): gold metadata and offsets. Skipped when absent.</summary>
public sealed class SharedCorpusTests
{
    private static readonly DocumentReader Reader = new();

    public static TheoryData<string> GoldFiles()
    {
        var data = new TheoryData<string>();
        var gold = Path.Combine(TestPaths.Shared, "gold");
        if (Directory.Exists(gold))
        {
            foreach (var file in Directory.EnumerateFiles(gold, "*.meta.json").Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetFileName(file));
            }
        }

        if (data.Count == 0)
        {
            data.Add(string.Empty);
        }

        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(GoldFiles))]
    public void Read_SharedDocument_FillsEveryGoldMetadataField(string goldFile)
    {
        Skip.If(goldFile.Length == 0, "../shared/gold is not present");
        using var gold = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestPaths.Shared, "gold", goldFile)));
        var doc = gold.RootElement.GetProperty("doc").GetString()!;
        var result = Reader.Read(Path.Combine(TestPaths.Shared, "corpus", doc));

        Assert.True(result.Succeeded, result.Message);
        MetadataAssert.Matches(gold.RootElement, result.Document.Metadata, doc, onlyFilled: true);
    }

    [SkippableTheory]
    [MemberData(nameof(GoldFiles))]
    public void Read_SharedDocument_KeepsEveryGoldQuoteAndMapsBack(string goldFile)
    {
        Skip.If(goldFile.Length == 0, "../shared/gold is not present");
        var doc = goldFile.Replace(".meta.json", ".txt", StringComparison.Ordinal);
        var document = Reader.Read(Path.Combine(TestPaths.Shared, "corpus", doc)).Document!;
        var targets = Path.Combine(TestPaths.Shared, "gold", goldFile.Replace(".meta.json", ".jsonl", StringComparison.Ordinal));
        Skip.IfNot(File.Exists(targets), "no target gold");

        foreach (var line in File.ReadLines(targets).Where(l => l.Length > 0))
        {
            using var target = JsonDocument.Parse(line);
            // Gold quotes are written as in the source; the same normalisation makes them substrings of the text.
            var quote = TextNormaliser.Normalise(target.RootElement.GetProperty("quote").GetString()!).Text;
            Assert.True(document.Text.Contains(quote, StringComparison.Ordinal), $"{doc}: normalised text lost the gold quote '{quote}'");
        }

        OffsetChecks.AssertMapsBack(document);
    }
}
