using PolicyMiner.Extraction;
using PolicyMiner.Extraction.Evaluation;
using PolicyMiner.Learning.Training;

namespace PolicyMiner.Learning.Tests;

/// <summary>The bundled sample documents (corpus/*.txt) with their gold (corpus/gold), as a training set.</summary>
internal static class SampleTraining
{
    public static string RepoRoot { get; } = FindRoot();

    public static IReadOnlyList<LabelledDocument> Documents()
    {
        var gold = GoldSet.Load(Path.Combine(RepoRoot, "corpus", "gold"));
        var list = new List<LabelledDocument>();
        foreach (var path in Directory.EnumerateFiles(Path.Combine(RepoRoot, "corpus"), "*.txt").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            if (gold.For(name) is { } targets)
            {
                var document = PlainTextDocument.Create(name, File.ReadAllText(path), gold.PlanYear(name));
                list.Add(new LabelledDocument(document, targets, [], LabelSource.Gold));
            }
        }

        return list;
    }

    public static TrainingSet Set() => TrainingSet.Build(TargetExtractor.Default, Documents());

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PolicyMiner.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("PolicyMiner.sln not found above the test folder.");
    }
}
