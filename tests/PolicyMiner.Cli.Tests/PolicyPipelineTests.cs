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
