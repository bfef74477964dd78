using PolicyMiner.Core.Targets;
using PolicyMiner.Extraction.Evaluation;

namespace PolicyMiner.Extraction.Tests;

public sealed class EvaluatorTests
{
    private const string Text = "青川市（样例）年内新增高新技术企业40家，专利申请量达到3000件。";

    private static GoldTarget Gold(string quote, double value, string unit, string indicator) => new()
    {
        Id = "x", Quote = quote, Value = value, Unit = unit, Indicator = indicator, Comparator = "=", Kind = "increase",
        Commitment = "plain", Category = "high_tech_enterprises", Year = 2018, Doc = "sample",
    };

    [Fact]
    public void Evaluate_OneHitOneMiss_ScoresPrecisionRecallAndLists()
    {
        var document = PlainTextDocument.Create("sample.txt", Text, 2018);
        var predicted = TargetExtractor.Default.Extract(document).Take(1).ToList();
        var gold = new List<GoldTarget>
        {
            Gold("新增高新技术企业40家", 40, "家", "新增高新技术企业"),
            Gold("专利申请量达到3000件", 3000, "件", "专利申请量"),
        };

        var report = Evaluator.Evaluate([new EvaluationInput(document, predicted, gold)]);

        Assert.Equal(1.0, report.Precision);
        Assert.Equal(0.5, report.Recall);
        Assert.Single(report.Misses);
        Assert.Equal(3000, report.Misses[0].Value);
        Assert.Empty(report.FalseAlarms);
    }

    [Fact]
    public void Evaluate_WrongUnit_IsNotAMatch()
    {
        var document = PlainTextDocument.Create("sample.txt", Text, 2018);
        var predicted = TargetExtractor.Default.Extract(document);
        var gold = new List<GoldTarget> { Gold("新增高新技术企业40家", 40, "个", "新增高新技术企业") };

        var report = Evaluator.Evaluate([new EvaluationInput(document, predicted, gold)]);

        Assert.Equal(0, report.Recall);
        Assert.Equal(2, report.FalseAlarms.Count);
    }

    [Fact]
    public void Evaluate_TwoTargetsOnOneQuote_PairsByIndicator()
    {
        var document = PlainTextDocument.Create("sample.txt", "污水处理率、垃圾无害化处理率均达到95%。", 2018);
        var predicted = TargetExtractor.Default.Extract(document);
        var gold = new List<GoldTarget>
        {
            // Listed in the opposite order of the predictions: pairing must follow the indicators, not the order.
            Gold("污水处理率、垃圾无害化处理率均达到95%", 95, "%", "垃圾无害化处理率") with { Kind = "share", Category = "other" },
            Gold("污水处理率、垃圾无害化处理率均达到95%", 95, "%", "污水处理率") with { Kind = "share", Category = "other" },
        };

        var report = Evaluator.Evaluate([new EvaluationInput(document, predicted, gold)]);

        Assert.Equal(2, predicted.Count);
        Assert.Equal(1.0, report.Recall);
        Assert.Equal(1.0, report.IndicatorOverlap);
    }

    [Theory]
    [InlineData(2.0 / 3, 0.6667, true)]
    [InlineData(1.0 / 3, 0.333, true)]
    [InlineData(0.6666, 0.6667, false)]
    [InlineData(6.45, 6.5, false)]
    [InlineData(6.5, 6.5, true)]
    [InlineData(6.5000001, 6.5, true)]
    public void Same_GoldRoundedFraction_MatchesAtTheGoldPrecisionOnly(double predicted, double gold, bool expected)
    {
        Assert.Equal(expected, Evaluator.SameValue(predicted, gold));
    }

    [Theory]
    [InlineData("专利申请量", "专利申请量", 1.0)]
    [InlineData("专利申请", "专利申请量", 0.888888)]
    [InlineData("进入孵化阶段的科技型企业", "科技型企业进入孵化阶段", 0.956521)]
    [InlineData("", "专利", 0.0)]
    public void IndicatorDice_Phrases_CharacterOverlap(string predicted, string gold, double expected)
    {
        Assert.Equal(expected, Evaluator.IndicatorDice(predicted, gold), 5);
    }

    [Fact]
    public void Fold_FullWidthBrackets_EqualHalfWidth()
    {
        Assert.Equal("各县(市、区)", Evaluator.Fold("各县（市、区）"));
    }

    [Fact]
    public void Evaluate_FieldDifferences_AreReportedPerField()
    {
        var document = PlainTextDocument.Create("sample.txt", Text, 2018);
        var predicted = TargetExtractor.Default.Extract(document).Take(1).ToList();
        var gold = new List<GoldTarget> { Gold("新增高新技术企业40家", 40, "家", "新增高新技术企业") with { Commitment = "firm" } };

        var report = Evaluator.Evaluate([new EvaluationInput(document, predicted, gold)]);

        Assert.Equal(0, report.Commitment.Right);
        Assert.Contains(report.FieldErrors, e => e.Field == "commitment" && e.Expected == "firm" && e.Actual == "plain");
        Assert.Equal(Commitment.Plain, predicted[0].Commitment);
    }

    [Fact]
    public void Evaluate_TopicOutsideTheGoldSchema_ComparesAsOther()
    {
        var document = PlainTextDocument.Create("sample.txt", "今年固定资产投资增长8%。", 2024);
        var predicted = TargetExtractor.Default.Extract(document);
        var gold = new List<GoldTarget>
        {
            new()
            {
                Id = "x", Quote = "固定资产投资增长8%", Value = 8, Unit = "%", Indicator = "固定资产投资", Comparator = "=", Kind = "growth",
                Commitment = "plain", Category = "other", Year = 2024, Doc = "sample",
            },
        };

        var report = Evaluator.Evaluate([new EvaluationInput(document, predicted, gold)]);

        Assert.Equal("investment", Assert.Single(predicted).Category);
        Assert.Equal(1, report.Category.Right);
    }
}
