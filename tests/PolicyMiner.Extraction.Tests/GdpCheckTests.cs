using PolicyMiner.Core.Targets;
using PolicyMiner.Extraction.Evaluation;

namespace PolicyMiner.Extraction.Tests;

public sealed class GdpCheckTests
{
    private static readonly GdpExpectation Six = new("a.txt", "样例市", 2024, true, 6, null, "~", "地区生产总值增长6%左右");

    private static IReadOnlyList<PolicyTarget> Extract(string text, int year) =>
        TargetExtractor.Default.Extract(PlainTextDocument.Create("a.txt", text, year));

    [Fact]
    public void Grade_TheReportsOwnTargetOnly_IsRight()
    {
        var outcome = GdpCheck.Grade(Six, Extract("今年主要预期目标是：地区生产总值增长6%左右，固定资产投资增长8%。", 2024));

        Assert.True(outcome.Right, outcome.Got);
    }

    [Fact]
    public void Grade_LastYearsAchievedGrowthAlsoOut_IsWrong()
    {
        var targets = new List<PolicyTarget>
        {
            Target(6, Comparator.Approximately),
            Target(5.2, Comparator.Equal),
        };

        var outcome = GdpCheck.Grade(Six, targets);

        Assert.False(outcome.Right);
        Assert.Equal("~ 6% | = 5.2%", outcome.Got);
    }

    [Fact]
    public void Grade_CommittedAndStretchFigure_TheCommittedOneIsTheReportsTarget()
    {
        var outcome = GdpCheck.Grade(Six with { Comparator = "=" }, Extract("今年主要预期目标是：地区生产总值确保增长6%、力争6.5%以上，一般公共预算收入增长5%。", 2024));

        Assert.True(outcome.Right, outcome.Got);
    }

    [Fact]
    public void Grade_OnlyAStretchFigure_IsTheReportsTarget() =>
        Assert.Equal("~ 6%", GdpCheck.Grade(Six, [Target(6, Comparator.Approximately) with { Commitment = Commitment.Aspirational }]).Got);

    [Fact]
    public void Grade_SameFigureTwice_CountsOnce() =>
        Assert.True(GdpCheck.Grade(Six, [Target(6, Comparator.Approximately), Target(6, Comparator.Approximately)]).Right);

    [Fact]
    public void Grade_ReportWithoutTargetAndNothingOut_IsRight()
    {
        var none = Six with { Found = false, Value = null, Comparator = null };

        Assert.True(GdpCheck.Grade(none, Extract("今年全市新增企业50家。", 2024)).Right);
        Assert.False(GdpCheck.Grade(none, [Target(6, Comparator.Approximately)]).Right);
    }

    [Fact]
    public void Grade_FigureDueInAnotherYear_DoesNotCount() =>
        Assert.Equal("none", GdpCheck.Grade(Six, [Target(6, Comparator.Approximately) with { Year = 2025 }]).Got);

    [Fact]
    public void Load_FileWithABadLine_ReportsTheLineAndKeepsTheRest()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(path, [
                """{"file": "a.txt", "region": "样例市", "year": 2024, "found": true, "value": 6.0, "value_max": null, "comparator": "~", "quote": "q"}""",
                "{not json",
            ]);
            var problems = new List<string>();

            var list = GdpCheck.Load(path, problems);

            Assert.Single(list);
            Assert.Equal(6.0, list[0].Value);
            Assert.Single(problems);
            Assert.Contains(":2:", problems[0], StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static PolicyTarget Target(double value, Comparator comparator) => new()
    {
        Doc = "a.txt", Quote = "q", Start = 0, End = 1, Indicator = "地区生产总值", Category = "gdp_growth", IndicatorId = GdpCheck.IndicatorId,
        Value = value, Unit = "%", Comparator = comparator, Year = 2024,
    };
}
