using PolicyMiner.Extraction;
using PolicyMiner.Learning.Features;
using PolicyMiner.Learning.Models;
using PolicyMiner.Learning.Training;

namespace PolicyMiner.Learning.Tests;

public sealed class ExtractorModelTests
{
    private static readonly TrainerOptions Small = new(Trees: 20, MinimumLeafRows: 3, CalibrationFolds: 2);

    [SkippableFact]
    public void ShippedModel_MatchesTheFeatureSchemaTheCodeComputes()
    {
        var path = Path.Combine(SampleTraining.RepoRoot, ExtractorModel.RelativePath);
        Skip.IfNot(File.Exists(path), "models/extractor.zip is not shipped: the extractor runs on rules alone");
        // Throws ModelException ("model is stale …") when the features changed after the model was trained: retrain it.
        using var model = ExtractorModel.Load(path);
        Assert.Equal(TargetFeatures.Current.Fingerprint, model.Manifest.FeatureFingerprint);
        Assert.Equal(TargetFeatures.Current.Length, model.Manifest.FeatureCount);
    }

    [Fact]
    public void Load_ModelOfAnotherFeatureSchema_IsRefusedWithOneLine()
    {
        var path = Path.Combine(Path.GetTempPath(), $"pm-model-{Guid.NewGuid():N}.zip");
        try
        {
            using (var model = new ModelTrainer(Small).Fit([.. SampleTraining.Set().Rows]))
            {
                model.Save(path);
            }

            ModelFileEdit.ReplaceInManifest(path, TargetFeatures.Current.Fingerprint, "0123456789abcdef");

            var e = Assert.Throws<ModelException>(() => ExtractorModel.Load(path));
            Assert.Contains("stale", e.Message, StringComparison.Ordinal);
            Assert.Contains(path, e.Message, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', e.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Save_SameTrainingTwice_WritesTheSameBytes()
    {
        var rows = SampleTraining.Set().Rows.ToList();
        var a = Path.Combine(Path.GetTempPath(), $"pm-model-{Guid.NewGuid():N}.zip");
        var b = Path.Combine(Path.GetTempPath(), $"pm-model-{Guid.NewGuid():N}.zip");
        try
        {
            using (var first = new ModelTrainer(Small).Fit(rows))
            {
                first.Save(a);
            }

            using (var second = new ModelTrainer(Small).Fit(rows))
            {
                second.Save(b);
            }

            Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(b));
        }
        finally
        {
            File.Delete(a);
            File.Delete(b);
        }
    }

    [Fact]
    public void Extract_WithLoadedModel_SetsModelConfidenceAndChangesTheVersion()
    {
        var path = Path.Combine(Path.GetTempPath(), $"pm-model-{Guid.NewGuid():N}.zip");
        try
        {
            using (var trained = new ModelTrainer(Small).Fit([.. SampleTraining.Set().Rows]))
            {
                trained.Save(path);
            }

            using var model = ExtractorModel.Load(path);
            var withModel = TargetExtractor.Default.WithScorer(new LearnedScorer(model.WithThreshold(0)));
            Assert.NotEqual(TargetExtractor.Default.Version, withModel.Version);
            Assert.Contains(".model." + model.Fingerprint[..12], withModel.Version, StringComparison.Ordinal);

            var document = SampleTraining.Documents()[0].Document;
            var rules = TargetExtractor.Default.Extract(document);
            var scored = withModel.Extract(document);
            // Threshold 0 keeps every target; the confidence is the model's probability, not the rule heuristic.
            Assert.Equal(rules.Select(t => (t.Start, t.Value)), scored.Select(t => (t.Start, t.Value)));
            Assert.All(scored, t => Assert.InRange(t.Confidence, 0.0, 1.0));
            Assert.NotEqual(rules.Select(t => t.Confidence), scored.Select(t => t.Confidence));
        }
        finally
        {
            File.Delete(path);
        }
    }
}

public sealed class TreeScorerTests
{
    [Fact]
    public void Score_EveryRow_EqualsMlNetScoring()
    {
        var rows = SampleTraining.Set().Rows.ToList();
        using var model = new ModelTrainer(new TrainerOptions(Trees: 30, MinimumLeafRows: 3, CalibrationFolds: 2)).Fit(rows);
        var features = rows.Select(r => r.Features).ToList();
        var (scored, record) = model.RawScores(features);
        var target = Assert.IsType<float[]>(scored);
        Assert.NotNull(TreeScorer.TryCreate(model.Targethood!));
        Assert.NotNull(TreeScorer.TryCreate(model.Record));
        for (var i = 0; i < rows.Count; i++)
        {
            Assert.Equal(target[i], model.RawTarget(features[i]), 4);
            Assert.Equal(record[i], model.RawRecord(features[i]), 4);
        }

        // The scores differ between rows, so the comparison above is not between constants.
        Assert.True(record.Distinct().Count() > 1);
    }
}
