using PolicyMiner.Cli.Pipeline;
using PolicyMiner.Core.Indicators;
using PolicyMiner.Storage;
using PolicyMiner.Storage.Ingestion;

namespace PolicyMiner.Cli.Tests;

/// <summary>Which copy of a document held twice in one folder (a text file and an HTML page of it) is stored does not
/// depend on the order the parallel readers hand them to the writer.</summary>
public sealed class DuplicateChoiceTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "pm-dupchoice-" + Guid.NewGuid().ToString("N")[..8]);

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>The real documents of ../shared (read in place, never copied) that exist as both .txt and .html.</summary>
    [SkippableFact]
    public async Task Ingest_RealDocumentsAsTextAndHtml_InEitherOrder_StoreTheSameCopiesAndTargets()
    {
        var real = Path.GetFullPath(Path.Combine(RepositoryRoot(), "..", "shared", "real"));
        Skip.IfNot(Directory.Exists(real), $"skipped: {real} (the shared real documents) is not present");
        var pairs = Directory.EnumerateFiles(real, "*.html", SearchOption.AllDirectories)
            .Where(html => File.Exists(Path.ChangeExtension(html, ".txt")))
            .Order(StringComparer.Ordinal)
            .SelectMany(html => new[] { Path.ChangeExtension(html, ".txt"), html })
            .ToList();
        Skip.If(pairs.Count == 0, $"skipped: no document in {real} exists as both .txt and .html");

        // Pages held back until every text file was read, then text files held back until every page was: the writer
        // meets the copies in both orders.
        var pagesLast = await Stored("pages-last", pairs, late: ".html");
        var textsLast = await Stored("texts-last", pairs, late: ".txt");

        Assert.Equal(pagesLast.Targets, textsLast.Targets);
        Assert.Equal(pagesLast.Documents, textsLast.Documents);
        // Where the two copies were found to be one document, the page is the copy stored.
        var folded = pagesLast.Documents.Where(d => !d.EndsWith("<- ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(folded);
        Assert.All(folded, d => Assert.Contains(".html ", d, StringComparison.Ordinal));
    }

    /// <summary>Ingests <paramref name="pairs"/> with the real reader and extractor, reading files ending in
    /// <paramref name="late"/> only after all the others were read; returns the stored targets, and each stored document
    /// as "path id &lt;- folded sources".</summary>
    private async Task<(int Targets, string[] Documents)> Stored(string name, List<string> pairs, string late)
    {
        var early = pairs.Where(f => !f.EndsWith(late, StringComparison.Ordinal)).ToList();
        var earlyRead = new CountdownEvent(early.Count);
        var stages = PolicyPipeline.Create(IngestOptions.DefaultMaxFileBytes, IndicatorTaxonomy.Default).Stages;
        var held = stages with
        {
            Read = (path, bytes, hash, progress) =>
            {
                if (path.EndsWith(late, StringComparison.Ordinal))
                {
                    Assert.True(earlyRead.Wait(TimeSpan.FromMinutes(2)), "the other copies were never read");
                    return stages.Read(path, bytes, hash, progress);
                }

                var read = stages.Read(path, bytes, hash, progress);
                earlyRead.Signal();
                return read;
            },
        };

        Directory.CreateDirectory(_folder);
        using var store = PolicyStore.Open(Path.Combine(_folder, name + ".db"));
        // The early copies are listed first, so the workers take them before any held-back file.
        await new BatchIngester(store, held).RunAsync([.. early, .. pairs.Except(early)], []);
        var documents = store.Documents()
            .OrderBy(d => d.SourcePath, StringComparer.Ordinal)
            .Select(d => $"{d.SourcePath} {d.Id} <- {string.Join(";", store.FoldedSourcesOf(d.Id))}")
            .ToArray();
        return (store.TargetCount, documents);
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "PolicyMiner.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("PolicyMiner.sln not found above the test folder.");
    }
}
