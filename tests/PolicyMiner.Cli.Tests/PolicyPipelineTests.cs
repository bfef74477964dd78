using System.Text;
using PolicyMiner.Cli.Pipeline;
using PolicyMiner.Core.Indicators;
using PolicyMiner.Extraction;

namespace PolicyMiner.Cli.Tests;

public sealed class PolicyPipelineTests
{
    [Fact]
    public void Extract_UserTaxonomy_AssignsTheUsersIndicator()
    {
        const string overlay = """
            { "format": "policyminer-indicators", "version": 1, "indicators": [
              { "id": "county_rd_intensity", "name": "县域研发投入强度", "category": "rd_intensity", "unit_family": "percent",
                "synonyms": ["全县研究与开发经费占地区生产总值的比重"] } ] }
            """;
        var taxonomy = IndicatorTaxonomy.Default.Extend(new MemoryStream(Encoding.UTF8.GetBytes(overlay)));
        var document = PlainTextDocument.Create("county.txt", "到2020年，全县研究与开发经费占地区生产总值的比重达到2%。", 2018);

        var builtIn = Assert.Single(PolicyPipeline.Create(1 << 20, IndicatorTaxonomy.Default).Stages.Extract(document));
        var withUserFile = Assert.Single(PolicyPipeline.Create(1 << 20, taxonomy).Stages.Extract(document));

        Assert.Equal("rd_intensity", builtIn.IndicatorId);
        Assert.Equal("county_rd_intensity", withUserFile.IndicatorId);
    }
}

/// <summary>Scopes that need the reader's section structure, which the rule specs (plain text, no sections) do not have.</summary>
public sealed class SectionScopeTests
{
    [Fact]
    public void Extract_GlossaryUnderOneSection_EndsWithThatSection()
    {
        // The glossary heading (注释) stands in section 一; its entry's 1个 is a note, and section 二's target stands.
        const string text = "样例县工作要点\n一、工作目标\n今年建成乡村公园6个。\n注释\n1.“三个一”工程：每个乡镇建成1个文化站。\n二、保障措施\n年内培训基层干部200人次。\n";
        var read = new PolicyMiner.Ingest.DocumentReader(new PolicyMiner.Ingest.DocumentReaderOptions(1 << 20))
            .Read(Encoding.UTF8.GetBytes(text), "sample.txt", PolicyMiner.Core.Documents.DocumentFormat.Txt);
        Assert.True(read.Succeeded);
        var document = read.Document with { Metadata = read.Document.Metadata with { Year = 2021 } };

        var values = PolicyPipeline.Create(1 << 20, IndicatorTaxonomy.Default).Stages.Extract(document).Select(t => t.Quote).ToList();

        Assert.Equal(["今年建成乡村公园6个", "年内培训基层干部200人次"], values);
    }
}

/// <summary>A store re-extracts the documents it holds when the extractor version differs, e.g. after a taxonomy change.</summary>
public sealed class ExtractorVersionIngestTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pm-version-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Ingest_ChangedTaxonomy_ReExtractsStoredDocument()
    {
        var file = Path.Combine(_folder, "county.txt");
        File.WriteAllText(file, "青川县科技工作要点（样例）\n到2020年，全县研究与开发经费占地区生产总值的比重达到2%。\n");
        var database = Path.Combine(_folder, "t.db");
        const string overlay = """
            { "indicators": [ { "id": "county_rd_intensity", "name": "县域研发投入强度", "category": "rd_intensity",
              "unit_family": "percent", "synonyms": ["全县研究与开发经费占地区生产总值的比重"] } ] }
            """;
        var builtIn = PolicyPipeline.Create(1 << 20, IndicatorTaxonomy.Default);
        var extended = PolicyPipeline.Create(1 << 20, IndicatorTaxonomy.Default.Extend(new MemoryStream(Encoding.UTF8.GetBytes(overlay))));

        var first = await Ingest(database, file, builtIn);
        var again = await Ingest(database, file, builtIn);
        var changed = await Ingest(database, file, extended);

        Assert.Equal(1, first.Counts.Added);
        Assert.Equal(1, again.Counts.Unchanged);
        Assert.Equal(1, changed.Counts.Updated);
        using var store = PolicyMiner.Storage.PolicyStore.Open(database);
        var target = Assert.Single(store.QueryTargets(PolicyMiner.Storage.TargetQuery.All));
        Assert.Equal(extended.Stages.ExtractorVersion, target.ExtractorVersion);
        Assert.NotEqual(builtIn.Stages.ExtractorVersion, extended.Stages.ExtractorVersion);
        Assert.Equal("county_rd_intensity", target.Target.IndicatorId);
    }

    private static async Task<PolicyMiner.Storage.Ingestion.IngestSummary> Ingest(string database, string file, PolicyPipeline pipeline)
    {
        using var store = PolicyMiner.Storage.PolicyStore.Open(database);
        var ingester = new PolicyMiner.Storage.Ingestion.BatchIngester(store, pipeline.Stages);
        return await ingester.RunAsync([file], [file]);
    }
}
