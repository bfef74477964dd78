using PolicyMiner.Extraction.Evaluation;

namespace PolicyMiner.Extraction.Tests;

/// <summary>Runs the extractor over the shared real documents (when ../shared exists) and the repository's corpus samples.</summary>
public sealed class SharedGoldTests
{
    /// <summary>The repository root: the first folder upwards holding PolicyMiner.sln.</summary>
    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PolicyMiner.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("PolicyMiner.sln not found above the test folder.");
    }

    [Fact]
    public void Evaluate_SharedDocuments_MeetTheIssueFloors()
    {
        var shared = Path.GetFullPath(Path.Combine(RepositoryRoot(), "..", "shared"));
        var corpus = Path.Combine(shared, "corpus");
        var goldDir = Path.Combine(shared, "gold");
        if (!Directory.Exists(corpus) || !Directory.Exists(goldDir))
        {
            return; // ../shared is absent outside the team machine: nothing to check.
        }

        var gold = GoldSet.Load(goldDir);
        var inputs = Directory.EnumerateFiles(corpus, "*.txt").Order(StringComparer.Ordinal).Select(path =>
        {
            var document = PlainTextDocument.Create(Path.GetFileName(path), File.ReadAllText(path), gold.PlanYear(path));
            return new EvaluationInput(document, TargetExtractor.Default.Extract(document), gold.For(path));
        }).ToList();

        var report = Evaluator.Evaluate(inputs);

        Assert.True(report.F1 >= 0.92, $"F1 {report.F1}");
        Assert.True(report.Year.Value >= 0.95, $"year {report.Year}");
        Assert.True(report.Responsible.Value >= 0.90, $"responsible {report.Responsible}");
        Assert.True(report.IndicatorOverlap >= 0.80, $"indicator {report.IndicatorOverlap}");
    }
}
