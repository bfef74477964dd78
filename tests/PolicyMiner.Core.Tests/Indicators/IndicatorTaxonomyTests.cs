using System.Diagnostics;
using System.Text;
using PolicyMiner.Core.Indicators;
using PolicyMiner.Core.Targets;
using Xunit.Abstractions;

namespace PolicyMiner.Core.Tests.Indicators;

public sealed class IndicatorTaxonomyTests(ITestOutputHelper output)
{
    private static readonly IndicatorTaxonomy Taxonomy = IndicatorTaxonomy.Default;

    [Theory]
    [InlineData("研究与开发经费占国内生产总值的比重")]
    [InlineData("全社会研发经费(R&D)支出占GDP的比重")]
    [InlineData("R&D占地区生产总值的比重")]
    [InlineData("研发投入强度")]
    [InlineData("全社会研究开发投入占国内生产总值的比例")]
    [InlineData("全社会研发经费（Ｒ＆Ｄ）支出占ＧＤＰ比重")]
    [InlineData("r&d经费支出占地区生产总值比重")]
    public void Match_RdIntensityWordings_AllMapToOneId(string phrase)
    {
        Assert.Equal("rd_intensity", Taxonomy.Match(phrase, "rd_intensity", "%"));
        Assert.Equal("rd_intensity", Taxonomy.Match(phrase, null, "%"));
    }

    [Theory]
    [InlineData("高新技术产业产值", "high_tech_output", "亿元", "high_tech_output_value")]
    [InlineData("高新技术产业产值", "high_tech_output", "%", "high_tech_output_growth")]
    [InlineData("高新技术产业增加值占GDP比重", "high_tech_share", "%", "high_tech_added_value_share")]
    [InlineData("高新技术产业增加值占GDP比重", "high_tech_share", "个百分点", "high_tech_added_value_share")]
    [InlineData("技术合同成交额", "tech_contracts", "亿元", "tech_contract_turnover")]
    [InlineData("技术合同认定登记", "tech_contracts", "项", "tech_contract_count")]
    [InlineData("发明专利申请量", "patents", "件", "invention_patent_applications")]
    [InlineData("专利申请量", "patents", "件", "patent_applications")]
    [InlineData("每万人发明专利拥有量", "patents", "件", "invention_patents_per_10k")]
    [InlineData("众创空间", "incubators", "家", "makerspaces")]
    [InlineData("财政科技支出占财政一般预算支出", "fiscal_st_spending", "%", "fiscal_st_spending_share")]
    [InlineData("財政科技支出", "fiscal_st_spending", "万元", "fiscal_st_spending")]
    public void Match_UnitFamilySeparatesIndicators_ExpectedId(string phrase, string category, string unit, string expected) =>
        Assert.Equal(expected, Taxonomy.Match(phrase, category, unit));

    [Fact]
    public void Match_PhraseOfNoIndicatorWithoutCategory_ReturnsNull() =>
        Assert.Null(Taxonomy.Match("青川市云岭县", null, "家"));

    [Theory]
    [InlineData("省级政务云平台", "个")]
    [InlineData("新改建农村户厕", "座")]
    [InlineData("新增贷款", "亿元")]
    public void MatchDecided_TargetDecidedOther_NoTopicEntryCompetes(string phrase, string unit)
    {
        // Undecided, every entry competes and one of a science or farming topic shares a word of the phrase.
        Assert.NotNull(Taxonomy.Match(phrase, TargetCategories.Other, unit));
        Assert.Null(Taxonomy.MatchDecided(phrase, TargetCategories.Other, unit));
    }

    [Theory]
    [InlineData("常住人口城镇化率", "%", "urbanization_rate")]
    [InlineData("新增可再生能源装机", "万千瓦", "renewable_capacity")]
    public void MatchDecided_TargetDecidedOther_EntriesOfOtherStillMatch(string phrase, string unit, string expected) =>
        Assert.Equal(expected, Taxonomy.MatchDecided(phrase, TargetCategories.Other, unit));

    [Fact]
    public void MatchDecided_TopicCategory_SameAsMatch() =>
        Assert.Equal(Taxonomy.Match("技术合同成交额", "tech_contracts", "亿元"), Taxonomy.MatchDecided("技术合同成交额", "tech_contracts", "亿元"));

    [Fact]
    public void Match_CategoryWithDefaultForUnitFamily_UsesDefault()
    {
        var match = Taxonomy.FindWithEvidence("总数", "high_tech_enterprises", "家");
        Assert.Equal("high_tech_enterprises", match.Definition?.Id);
        Assert.True(match.FromDefault);
    }

    [Fact]
    public void Match_UnitOfWrongFamily_DoesNotMatchMoneyIndicator() =>
        Assert.NotEqual("tech_contract_turnover", Taxonomy.Match("技术合同成交额", "tech_contracts", "项"));

    [Fact]
    public void Definitions_EverySchemaCategory_HasAnIndicator()
    {
        foreach (var category in TargetCategories.All)
        {
            Assert.Contains(Taxonomy.Definitions, d => d.Category == category);
        }
    }

    [Fact]
    public void Extend_UserFile_AddsIndicatorAndExtendsExisting()
    {
        const string user = """
            { "indicators": [
              { "id": "rd_intensity", "synonyms": ["创新投入强度"] },
              { "id": "digital_economy_share", "name": "数字经济核心产业增加值占GDP比重", "category": "industry_output",
                "unit_family": "percent", "patterns": ["数字经济 + 占|比重"] } ] }
            """;
        var extended = Taxonomy.Extend(new MemoryStream(Encoding.UTF8.GetBytes(user)));

        Assert.Null(Taxonomy.Match("创新投入强度", null, "%"));
        Assert.Equal("rd_intensity", extended.Match("创新投入强度", null, "%"));
        Assert.Equal("digital_economy_share", extended.Match("数字经济规模占比", "industry_output", "%"));
        Assert.Equal("研发经费投入强度(R&D经费占GDP比重)", extended.Get("rd_intensity")?.Name);
        Assert.Equal(Taxonomy.Definitions.Count + 1, extended.Definitions.Count);
    }

    [Theory]
    [InlineData("""{ "indicators": [ { "id": "x", "name": "X", "category": "nonsense", "synonyms": ["X"] } ] }""", "unknown category 'nonsense'")]
    [InlineData("""{ "indicators": [ { "id": "x", "name": "X", "category": "talent", "unit_family": "kg", "synonyms": ["X"] } ] }""", "unknown unit_family 'kg'")]
    [InlineData("""{ "indicators": [ { "id": "x", "name": "X", "category": "talent" } ] }""", "neither synonyms nor patterns")]
    [InlineData("""{ "indicators": [ """, "not a valid indicator taxonomy")]
    [InlineData("""{ "other": [] }""", "no \"indicators\" array")]
    public void Load_InvalidFile_ThrowsOneLineNamingFileAndReason(string json, string reason)
    {
        var e = Assert.Throws<InvalidDataException>(() =>
            IndicatorTaxonomy.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)), "my.json"));
        Assert.StartsWith("my.json: ", e.Message, StringComparison.Ordinal);
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("全社会研发经费（Ｒ＆Ｄ） 支出", "全社会研发经费(R&D)支出")]
    [InlineData("“百家企业高校行”", "百家企业高校行")]
    [InlineData("科技創新年", "科技创新年")]
    public void Normalize_WidthCaseSpacesQuotesTraditional_Canonical(string text, string expected) =>
        Assert.Equal(expected, IndicatorTaxonomy.Normalize(text));

    [SkippableTheory]
    [InlineData("shared")]
    [InlineData("samples")]
    public void Match_GoldIndicatorPhrases_MapToIndicatorOfTheirCategory(string source)
    {
        var gold = SharedGold.Indicators(source);
        // The samples' gold ships with the repository; only ../shared may be absent.
        Skip.If(gold.Count == 0 && source == "shared", "../shared/gold is not present beside the repository");
        Assert.NotEmpty(gold);

        int byPhrase = 0, byDefault = 0, unmatched = 0;
        var wrong = new List<string>();
        foreach (var g in gold)
        {
            var match = Taxonomy.FindWithEvidence(g.Indicator, g.Category, g.Unit);
            if (match.Definition is null)
            {
                unmatched++;
                output.WriteLine($"unmatched: {g.Category} | {g.Indicator} | {g.Unit}");
            }
            // "other" is the annotators' rest category: a specific indicator for such a phrase is not a mistake.
            else if (!match.Definition.BelongsTo(g.Category) && g.Category != TargetCategories.Other)
            {
                wrong.Add($"{g.Category} | {g.Indicator} | {g.Unit} -> {match.Definition.Id}");
            }
            else if (match.FromDefault)
            {
                byDefault++;
                output.WriteLine($"default: {g.Category} | {g.Indicator} | {g.Unit} -> {match.Definition.Id}");
            }
            else
            {
                byPhrase++;
                output.WriteLine($"phrase: {g.Category} | {g.Indicator} | {g.Unit} -> {match.Definition.Id}");
            }
        }

        output.WriteLine($"{source} gold phrases {gold.Count}: by phrase {byPhrase}, by category default {byDefault}, unmatched {unmatched}, other category {wrong.Count}");
        Assert.Empty(wrong);
        // Floors: nearly every gold phrase names its indicator in words the taxonomy knows.
        Assert.True(byPhrase >= gold.Count * 0.85, $"only {byPhrase} of {gold.Count} gold phrases matched by phrase");
        Assert.True(unmatched <= gold.Count * 0.05, $"{unmatched} of {gold.Count} gold phrases unmatched");

        foreach (var g in gold.Where(g => g.Category == "rd_intensity" && g.Unit == "%"))
        {
            Assert.Equal("rd_intensity", Taxonomy.Match(g.Indicator, g.Category, g.Unit));
        }
    }

    [Fact]
    public void Match_SameInputTwice_SameAnswer()
    {
        var stopwatch = Stopwatch.StartNew();
        foreach (var d in Taxonomy.Definitions)
        {
            foreach (var synonym in d.Synonyms)
            {
                Assert.Equal(Taxonomy.Match(synonym, d.Category, null), Taxonomy.Match(synonym, d.Category, null));
            }
        }

        output.WriteLine($"matched every synonym twice in {stopwatch.ElapsedMilliseconds} ms");
    }
}
