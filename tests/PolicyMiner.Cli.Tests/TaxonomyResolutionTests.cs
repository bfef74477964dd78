using System.CommandLine;
using System.Text.Json;
using PolicyMiner.Cli.Pipeline;
using PolicyMiner.Core.Indicators;
using PolicyMiner.Reports.Taxonomy;

namespace PolicyMiner.Cli.Tests;

/// <summary>Every verb that extracts or reports resolves the taxonomy the same way, whatever the working directory.</summary>
public sealed class TaxonomyResolutionTests : IDisposable
{
    private const string Sentence = "青川县科技工作要点（样例）\n到2020年，全县研究与开发经费占地区生产总值的比重达到2%。\n";

    // A taxonomy that would rename the target if a verb picked it up from the working directory.
    private const string Decoy = """
        { "indicators": [ { "id": "decoy_rd", "name": "诱饵", "category": "rd_intensity", "unit_family": "percent",
          "synonyms": ["全县研究与开发经费占地区生产总值的比重"] } ] }
        """;

    private const string User = """
        { "indicators": [ { "id": "county_rd_intensity", "name": "县域研发投入强度", "category": "rd_intensity",
          "unit_family": "percent", "synonyms": ["全县研究与开发经费占地区生产总值的比重"] } ] }
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("pm-taxonomy-").FullName;

    public TaxonomyResolutionTests()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "models"));
        File.WriteAllText(Path.Combine(_folder, "models", "indicators.json"), Decoy);
        File.WriteAllText(Path.Combine(_folder, "user.json"), User);
        File.WriteAllText(Path.Combine(_folder, "county.txt"), Sentence);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("extract")]
    [InlineData("eval")]
    [InlineData("ingest")]
    [InlineData("run")]
    [InlineData("export")]
    [InlineData("compare")]
    public void Verb_ThatExtractsOrReports_TakesTheSameIndicatorsOption(string verb)
    {
        var command = Verbs.All().Single(c => c.Name == verb);

        var option = Assert.Single(command.Options, o => o.Name == TaxonomyOption.Name);
        Assert.Contains("merged over the built-in one", option.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadDefault_NoUserFile_IsTheInstalledTaxonomy()
    {
        var installed = IndicatorTaxonomyFiles.InstalledFile();

        // The build copies models/indicators.json beside the binary; it is the file the built-in copy was made from.
        Assert.NotNull(installed);
        Assert.Equal(IndicatorTaxonomy.Default.Fingerprint, IndicatorTaxonomyFiles.LoadDefault().Fingerprint);
    }

    [Fact]
    public void Load_UserFile_IsMergedOverTheBase()
    {
        var taxonomy = IndicatorTaxonomyFiles.Load(null, Path.Combine(_folder, "user.json"));

        Assert.NotNull(taxonomy.Get("county_rd_intensity"));
        Assert.NotNull(taxonomy.Get("rd_intensity"));
        Assert.Equal(IndicatorTaxonomy.Default.Definitions.Count + 1, taxonomy.Definitions.Count);
    }

    [Fact]
    public void Load_MissingUserFile_IsAOneLineCliError()
    {
        var e = Assert.Throws<CliException>(() => TaxonomyOption.Load(Path.Combine(_folder, "nope.json")));

        Assert.EndsWith("nope.json: indicator taxonomy file not found", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExtractAndIngest_FromAFolderHoldingAnotherTaxonomy_IgnoreItAndAgreeWithEachOther()
    {
        var builtIn = IndicatorIds(Run("extract", "county.txt"));
        var withUser = IndicatorIds(Run("extract", "county.txt", "--indicators", "user.json"));
        Run("ingest", "county.txt", "--db", "plain.db", "--no-progress");
        Run("ingest", "county.txt", "--db", "user.db", "--no-progress", "--indicators", "user.json");

        Assert.Equal(["rd_intensity"], builtIn);
        Assert.Equal(["county_rd_intensity"], withUser);
        Assert.Equal(builtIn, IndicatorIds(Run("targets", "--db", "plain.db", "--format", "jsonl")));
        Assert.Equal(withUser, IndicatorIds(Run("targets", "--db", "user.db", "--format", "jsonl")));
    }

    private static List<string?> IndicatorIds(string jsonl) =>
        [.. jsonl.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line =>
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            var target = root.TryGetProperty("target", out var inner) ? inner : root;
            return target.GetProperty("indicator_id").GetString();
        })];

    private string Run(params string[] args)
    {
        var result = PolicyminerProcess.Run(_folder, args);
        Assert.True(result.ExitCode == 0, $"policyminer {string.Join(' ', args)} exited {result.ExitCode}: {result.Stderr}");
        return result.Stdout;
    }
}
