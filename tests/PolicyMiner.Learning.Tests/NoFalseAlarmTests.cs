using System.IO.Compression;
using PolicyMiner.Extraction;
using PolicyMiner.Learning.Models;
using PolicyMiner.Learning.Training;

namespace PolicyMiner.Learning.Tests;

/// <summary>Training on labels without a false alarm (clean reviewed gold): no targethood model, every candidate kept, the
/// whole-record model alone sets confidence; and model files of the previous format still load.</summary>
public sealed class NoFalseAlarmTests
{
    private static readonly TrainerOptions Small = new(Trees: 20, MinimumLeafRows: 3, CalibrationFolds: 2);

    /// <summary>The sample training rows with every false alarm left out: only targets, right and wrong records.</summary>
    private static List<TrainingRow> TargetsOnly()
    {
        var rows = SampleTraining.Set().Rows.Where(r => r.IsTarget).ToList();
        Assert.Contains(rows, r => r.RecordRight == true);
        Assert.Contains(rows, r => r.RecordRight == false);
        Assert.False(ModelTrainer.LearnsTargethood(rows));
        return rows;
    }

    [Fact]
    public void Fit_NoFalseAlarm_FitsWithoutATargethoodModel_SavesLoadsAndKeepsEveryCandidate()
    {
        var rows = TargetsOnly();
        var path = Path.Combine(Path.GetTempPath(), $"pm-model-{Guid.NewGuid():N}.zip");
        try
        {
            using (var fitted = new ModelTrainer(Small).Fit(rows))
            {
                Assert.Null(fitted.Targethood);
                Assert.False(fitted.Manifest.HasTargethood);
                Assert.Equal(0, fitted.Manifest.Threshold);
                // A threshold asked for cannot drop anything without a targethood model.
                using var asked = fitted.WithThreshold(0.5);
                Assert.Equal(0, asked.Manifest.Threshold);
                Assert.Empty(fitted.Importance(record: false, 8));
                Assert.NotEmpty(fitted.Importance(record: true, 8));
                fitted.Save(path);
            }

            using (var zip = ZipFile.OpenRead(path))
            {
                Assert.Null(zip.GetEntry("targethood.mlnet.zip"));
                Assert.NotNull(zip.GetEntry("record.mlnet.zip"));
            }

            using var model = ExtractorModel.Load(path);
            Assert.Equal(ModelManifest.CurrentFormat, model.Manifest.Format);
            Assert.False(model.Manifest.HasTargethood);
            Assert.Null(model.Targethood);
            var (target, record) = model.RawScores([.. rows.Select(r => r.Features)]);
            Assert.Null(target);
            for (var i = 0; i < rows.Count; i++)
            {
                var (p, confidence) = model.Score(rows[i].Features);
                Assert.Equal(1.0, p);
                Assert.Equal(model.Manifest.RecordProbability(record[i]), confidence, 9);
            }

            // The confidence comes from the whole-record model: it differs between records.
            Assert.True(rows.Select(r => model.Score(r.Features).Record).Distinct().Count() > 1);

            // In the extractor: every rule candidate is kept, with the model's confidence instead of the rules' heuristic.
            var withModel = TargetExtractor.Default.WithScorer(new LearnedScorer(model));
            foreach (var labelled in SampleTraining.Documents())
            {
                var rules = TargetExtractor.Default.Extract(labelled.Document);
                var scored = withModel.Extract(labelled.Document);
                Assert.Equal(rules.Select(t => (t.Start, t.Value)), scored.Select(t => (t.Start, t.Value)));
            }

            var documents = SampleTraining.Set().Documents;
            var kept = documents.Sum(d => ModelApplication.Apply(model, d).Count);
            Assert.Equal(documents.Sum(d => d.Candidates.Count), kept);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Fit_NoTargetAtAll_IsStillRefused()
    {
        var rows = SampleTraining.Set().Rows.Where(r => !r.IsTarget).ToList();
        Assert.NotEmpty(rows);
        var e = Assert.Throws<ModelException>(() => new ModelTrainer(Small).Fit(rows));
        Assert.Contains("no positive rows", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CrossValidation_NoFalseAlarm_TrainsEveryFoldWithoutTargethood()
    {
        var set = SampleTraining.Set();
        var clean = TrainingSet.Build(TargetExtractor.Default, [.. set.Documents
            .Where(d => d.Rows.OfType<TrainingRow>().Any() && d.Rows.OfType<TrainingRow>().All(r => r.IsTarget))
            .Select(d => d.Labelled)]);
        Assert.False(ModelTrainer.LearnsTargethood(clean.Rows));

        var comparison = CrossValidation.Run(clean, new ModelTrainer(Small), folds: 2, innerFolds: 2);

        Assert.Equal(0, comparison.UntrainedFolds);
        Assert.Equal(2, comparison.NoTargethoodFolds);
        Assert.Empty(comparison.Targethood);
        Assert.Equal(comparison.Rules.Predicted, comparison.WithModel.Predicted);
    }

    [Fact]
    public void Load_ModelOfThePreviousFormat_StillLoadsWithItsTargethoodModel()
    {
        var rows = SampleTraining.Set().Rows.ToList();
        var path = Path.Combine(Path.GetTempPath(), $"pm-model-{Guid.NewGuid():N}.zip");
        try
        {
            float[] expected;
            using (var fitted = new ModelTrainer(Small).Fit(rows))
            {
                Assert.True(fitted.Manifest.HasTargethood);
                expected = [.. rows.Select(r => fitted.RawTarget(r.Features))];
                fitted.Save(path);
            }

            // A format 1 file: the previous format name and no has_targethood field (format 1 had none).
            Assert.Contains("\"has_targethood\": true", ModelFileEdit.ReadManifest(path), StringComparison.Ordinal);
            ModelFileEdit.ReplaceInManifest(path, ModelManifest.CurrentFormat, ModelManifest.PreviousFormat);
            ModelFileEdit.ReplaceInManifest(path, ",\n  \"has_targethood\": true", "");
            var json = ModelFileEdit.ReadManifest(path);
            Assert.Contains(ModelManifest.PreviousFormat, json, StringComparison.Ordinal);
            Assert.DoesNotContain("has_targethood", json, StringComparison.Ordinal);

            using var model = ExtractorModel.Load(path);
            Assert.True(model.Manifest.HasTargethood);
            Assert.NotNull(model.Targethood);
            Assert.Equal(expected, rows.Select(r => model.RawTarget(r.Features)));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Load_ModelOfAnUnknownFormat_IsRefused()
    {
        var path = Path.Combine(Path.GetTempPath(), $"pm-model-{Guid.NewGuid():N}.zip");
        try
        {
            using (var fitted = new ModelTrainer(Small).Fit(TargetsOnly()))
            {
                fitted.Save(path);
            }

            ModelFileEdit.ReplaceInManifest(path, ModelManifest.CurrentFormat, "policyminer-extractor-model/9");
            var e = Assert.Throws<ModelException>(() => ExtractorModel.Load(path));
            Assert.Contains("format", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
