using System.Text.Json;
using PolicyMiner.Core.Text;

namespace PolicyMiner.Ingest.Tests;

/// <summary>The repository's own sample documents (corpus/) against their gold metadata and quotes.</summary>
public sealed class SampleCorpusTests
{
    private static readonly DocumentReader Reader = new();

    private static string Corpus => Path.Combine(TestPaths.RepoRoot, "corpus");

    public static TheoryData<string> Samples()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Corpus).Where(DocumentReader.IsSupported).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Read_Sample_MatchesGoldMetadata(string file)
    {
        var gold = Path.Combine(Corpus, "gold", Path.GetFileNameWithoutExtension(file) + ".meta.json");
        var result = Reader.Read(Path.Combine(Corpus, file));

        Assert.True(result.Succeeded, result.Message);
        using var expected = JsonDocument.Parse(File.ReadAllText(gold));
        MetadataAssert.Matches(expected.RootElement, result.Document.Metadata, file);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Read_Sample_KeepsEveryGoldQuoteAndMapsBack(string file)
    {
        var document = Reader.Read(Path.Combine(Corpus, file)).Document!;
        var targets = Path.Combine(Corpus, "gold", Path.GetFileNameWithoutExtension(file) + ".jsonl");

        foreach (var line in File.ReadLines(targets).Where(l => l.Length > 0))
        {
            using var target = JsonDocument.Parse(line);
            // Gold quotes are written as in the source; the same normalisation makes them substrings of the text.
            var quote = TextNormaliser.Normalise(target.RootElement.GetProperty("quote").GetString()!).Text;
            Assert.True(document.Text.Contains(quote, StringComparison.Ordinal), $"{file}: normalised text lost the gold quote '{quote}'");
        }

        OffsetChecks.AssertMapsBack(document);
    }
}
