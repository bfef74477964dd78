using System.Text.Json;
using PolicyMiner.Core.Text;

namespace PolicyMiner.Ingest.Tests;

/// <summary>The repository's own sample documents (corpus/) against their gold metadata and quotes.</summary>
public sealed class SampleCorpusTests
{
    private static readonly DocumentReader Reader = new();

    // Both theories read each sample; OCR of the scan takes seconds a page, so each file is read once per test run.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<ReadResult>> Reads = new(StringComparer.Ordinal);

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

    [SkippableTheory]
    [MemberData(nameof(Samples))]
    public void Read_Sample_MatchesGoldMetadata(string file)
    {
        var gold = Path.Combine(Corpus, "gold", Path.GetFileNameWithoutExtension(file) + ".meta.json");
        var result = Read(file);

        Assert.True(result.Succeeded, result.Message);
        using var expected = JsonDocument.Parse(File.ReadAllText(gold));
        MetadataAssert.Matches(expected.RootElement, result.Document.Metadata, file);
    }

    [SkippableTheory]
    [MemberData(nameof(Samples))]
    public void Read_Sample_KeepsEveryGoldQuoteAndMapsBack(string file)
    {
        var result = Read(file);
        Assert.True(result.Succeeded, result.Message);
        var document = result.Document;
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

    /// <summary>The sample read by the default reader; skips, saying why, when it needs a Debian program that is missing
    /// (LibreOffice for .doc, Tesseract and pdftoppm for the scan), which is what `run` then reports for that file.</summary>
    private static ReadResult Read(string file)
    {
        if (DocumentReader.FormatOf(file) == Core.Documents.DocumentFormat.Doc)
        {
            Skip.IfNot(External.LegacyWordConverter.Default.IsAvailable, $"{file} needs soffice (Debian libreoffice-writer-nogui)");
        }

        if (file.EndsWith("-scan.pdf", StringComparison.Ordinal))
        {
            Skip.IfNot(External.OcrEngine.Default.PdfUnavailableReason is null, $"{file}: {External.OcrEngine.Default.PdfUnavailableReason}");
        }

        return Reads.GetOrAdd(file, name => new Lazy<ReadResult>(() => Reader.Read(Path.Combine(Corpus, name)))).Value;
    }
}
