using System.Text;
using PolicyMiner.Core.Indicators;
using PolicyMiner.Extraction.Pipeline;

namespace PolicyMiner.Extraction.Tests;

/// <summary>The extractor version changes whenever rules, their code or data, or the taxonomy change, and only then.</summary>
public sealed class ExtractorFingerprintTests
{
    private const string Overlay = """
        { "indicators": [ { "id": "county_rd_intensity", "name": "县域研发投入强度", "category": "rd_intensity",
          "unit_family": "percent", "synonyms": ["全县研究与开发经费占地区生产总值的比重"] } ] }
        """;

    private static IndicatorTaxonomy Extended(string overlay = Overlay) =>
        IndicatorTaxonomy.Default.Extend(new MemoryStream(Encoding.UTF8.GetBytes(overlay)));

    [Fact]
    public void Version_DefaultExtractor_IsReadableAndStable()
    {
        var version = TargetExtractor.Default.Version;

        Assert.Matches(@"^policyminer-extract/\d+\.\d+\+rules\.[0-9a-f]{12}\.taxonomy\.[0-9a-f]{12}$", version);
        Assert.Equal(version, new TargetExtractor().Version);
        Assert.Equal(version, new TargetExtractor(TargetExtractor.Default.Pipeline, IndicatorTaxonomy.Default).Version);
    }

    [Fact]
    public void Version_ChangedTaxonomy_ChangesTaxonomyPartOnly()
    {
        var before = TargetExtractor.Default.Version;
        var after = new TargetExtractor(TargetExtractor.Default.Pipeline, Extended()).Version;

        Assert.NotEqual(before, after);
        Assert.Equal(before[..before.IndexOf(".taxonomy.", StringComparison.Ordinal)], after[..after.IndexOf(".taxonomy.", StringComparison.Ordinal)]);
    }

    [Fact]
    public void Version_OneMoreSynonymInTheTaxonomy_Changes()
    {
        const string synonym = """{ "indicators": [ { "id": "rd_intensity", "synonyms": ["研发强度指数"] } ] }""";

        Assert.NotEqual(TargetExtractor.Default.Version, new TargetExtractor(TargetExtractor.Default.Pipeline, Extended(synonym)).Version);
    }

    [Fact]
    public void Fingerprint_SameTaxonomyLoadedTwice_IsEqual()
    {
        Assert.Equal(Extended().Fingerprint, Extended().Fingerprint);
        Assert.NotEqual(IndicatorTaxonomy.Default.Fingerprint, Extended().Fingerprint);
    }

    [Fact]
    public void Version_DifferentRuleSet_ChangesRulesPart()
    {
        var fewer = new ExtractionPipelineBuilder().UseQuantities().UseComparators().Build();

        var version = new TargetExtractor(fewer).Version;

        Assert.NotEqual(TargetExtractor.Default.Version, version);
        Assert.EndsWith(TargetExtractor.Default.Version[TargetExtractor.Default.Version.IndexOf(".taxonomy.", StringComparison.Ordinal)..], version);
    }

    [Fact]
    public void Compose_ChangedDataFile_ChangesVersion()
    {
        string[] rules = ["QuantityScanRule", "IndicatorRule"];
        Guid[] code = [new("6f1c2d3e-0000-4000-8000-000000000001")];
        (string, byte[])[] lexicon = [("PolicyMiner.Extraction.Lexicon.lexicon.tsv", "growth\t增长\n"u8.ToArray())];
        (string, byte[])[] edited = [("PolicyMiner.Extraction.Lexicon.lexicon.tsv", "growth\t增长\ngrowth\t提高\n"u8.ToArray())];
        (string, byte[])[] renamed = [("PolicyMiner.Extraction.Lexicon.units.tsv", "growth\t增长\n"u8.ToArray())];

        var version = ExtractorFingerprint.Compose(rules, code, lexicon, "abc");

        Assert.Equal(version, ExtractorFingerprint.Compose(rules, code, lexicon, "abc"));
        Assert.NotEqual(version, ExtractorFingerprint.Compose(rules, code, edited, "abc"));
        Assert.NotEqual(version, ExtractorFingerprint.Compose(rules, code, renamed, "abc"));
        Assert.NotEqual(version, ExtractorFingerprint.Compose(rules, code, [], "abc"));
        Assert.NotEqual(version, ExtractorFingerprint.Compose(rules, [Guid.Empty], lexicon, "abc"));
        Assert.NotEqual(version, ExtractorFingerprint.Compose([.. rules.Reverse()], code, lexicon, "abc"));
        Assert.NotEqual(version, ExtractorFingerprint.Compose(rules, code, lexicon, "abd"));
        Assert.StartsWith(ExtractorFingerprint.Prefix + "+rules.", version, StringComparison.Ordinal);
    }
}
