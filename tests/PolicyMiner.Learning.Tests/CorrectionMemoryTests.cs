using System.Text.Json;
using PolicyMiner.Core.Serialization;
using PolicyMiner.Core.Targets;
using PolicyMiner.Extraction;
using PolicyMiner.Extraction.Evaluation;
using PolicyMiner.Learning.Models;

namespace PolicyMiner.Learning.Tests;

public sealed class CorrectionMemoryTests
{
    private const string Reviewed = "澄川市2025年政府工作报告\n二、2025年主要目标任务\n新增湿地保护覆盖面积1000平方公里。建成5G基站2000个。\n";

    [Fact]
    public void Recall_SameClauseFrameInASibling_CorrectsWhatTheEditorCorrected()
    {
        var memory = CorrectionMemory.Learn(Review("澄川市_2025.txt", Reviewed, kindOf: t => t.Unit == "平方公里" ? "amount" : null));
        var sibling = Candidates("汐江市_2025.txt", "汐江市2025年政府工作报告\n二、2025年主要目标任务\n新增湿地保护面积800平方公里。建成5G基站3000个。\n");

        var area = sibling.Single(c => c.Target.Unit == "平方公里");
        Assert.Equal(TargetKind.Increase, area.Target.Kind);
        var (correction, rejection) = memory.Recall(area.Keys, area.Target);
        Assert.Null(rejection);
        Assert.NotNull(correction);
        Assert.Equal(TargetKind.Amount, correction.Kind);
        Assert.Null(correction.Category);
        Assert.Contains("澄川市_2025", correction.Because, StringComparison.Ordinal);
        // Another frame (建成…个) recalls nothing.
        var station = sibling.Single(c => c.Target.Unit == "个");
        Assert.Equal((null, null), memory.Recall(station.Keys, station.Target));
    }

    [Fact]
    public void Learn_ValueKeptAsOftenAsCorrected_TeachesNothing()
    {
        // Under 新增…平方公里 one report's editor corrects the kind and another's keeps it: no majority, no lesson.
        var corrected = Review("澄川市_2025.txt", Reviewed, kindOf: t => t.Unit == "平方公里" ? "amount" : null);
        var kept = Review("汐江市_2025.txt", Reviewed.Replace("澄川", "汐江", StringComparison.Ordinal), kindOf: _ => null);

        var memory = CorrectionMemory.Learn([.. corrected, .. kept]);

        Assert.DoesNotContain(memory.Lessons, l => l.Field == "kind");
    }

    [Fact]
    public void Recall_RejectedIndicator_RecallsTheRejectionOnlyUnderThatIndicator()
    {
        var candidates = Candidates("澄川市_2025.txt", Reviewed);
        var evidence = candidates.Select(c => new LessonEvidence("澄川市_2025", c.Keys, c.Target, c.Target.Unit == "个" ? null : Gold(c.Target, null)));

        var memory = CorrectionMemory.Learn(evidence);

        var station = candidates.Single(c => c.Target.Unit == "个");
        var area = candidates.Single(c => c.Target.Unit == "平方公里");
        Assert.Equal(1, memory.Recall(station.Keys, station.Target).Rejection?.Taught);
        Assert.Equal((null, null), memory.Recall(area.Keys, area.Target));
    }

    [Theory]
    [InlineData("“浙江制造”标准 20项", "浙江制造标准#项")]
    [InlineData("引进3.5亿元以上项目", "引进#亿元以上项目")]
    public void Normalise_MasksNumbersAndDropsQuotes(string text, string expected) => Assert.Equal(expected, LessonKeys.Normalise(text));

    private static List<(LessonKeys Keys, PolicyTarget Target)> Candidates(string name, string text)
    {
        var candidates = TargetExtractor.Default.Candidates(PlainTextDocument.Create(name, text, 2025), out var context);
        return [.. candidates.Select(c => (LessonKeys.Of(context, c), c.Target))];
    }

    /// <summary>An editor's review of every target of one document: accepted, or its kind corrected where <paramref name="kindOf"/> says.</summary>
    private static IEnumerable<LessonEvidence> Review(string name, string text, Func<PolicyTarget, string?> kindOf) =>
        Candidates(name, text).Select(c => new LessonEvidence(Path.GetFileNameWithoutExtension(name), c.Keys, c.Target, Gold(c.Target, kindOf(c.Target))));

    private static GoldTarget Gold(PolicyTarget t, string? kind) => new()
    {
        Quote = t.Quote,
        Value = t.Value,
        Unit = t.Unit,
        Comparator = t.Comparator.ToSymbol(),
        Kind = kind ?? Name(t.Kind),
        Commitment = Name(t.Commitment),
        Indicator = t.Indicator,
        Category = t.Category,
        Year = t.Year,
    };

    private static string Name<T>(T value)
        where T : struct, Enum => JsonSerializer.Serialize(value, PolicyJson.Options).Trim('"');
}
