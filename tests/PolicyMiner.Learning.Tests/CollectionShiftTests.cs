using PolicyMiner.Learning.Features;
using PolicyMiner.Learning.Training;

namespace PolicyMiner.Learning.Tests;

/// <summary>Genre shift: collections as cross-validation groups and as calibration folds, and features the whole-record model ignores.</summary>
public sealed class CollectionShiftTests
{
    private static readonly TrainerOptions Small = new(Trees: 20, MinimumLeafRows: 3, CalibrationFolds: 2);

    /// <summary>The sample documents twice, as collections "north" and "south": the sample corpus has too few false alarms to
    /// split (each collection's fold needs some to train a targethood model).</summary>
    private static TrainingSet ByRegion()
    {
        var documents = SampleTraining.Documents();
        return TrainingSet.Build(
            Extraction.TargetExtractor.Default,
            [.. documents.Select(d => d with { Collection = "north" }), .. documents.Select(d => d with { Collection = "south" })]);
    }

    [Fact]
    public void RunByCollection_ScoresEveryGoldDocumentOnce_AndReportsEachCollection()
    {
        var set = ByRegion();
        var byCollection = CrossValidation.RunByCollection(set, new ModelTrainer(Small), innerFolds: 2) ?? throw new InvalidOperationException("no collections");
        Assert.Equal(set.Documents.Count, byCollection.Documents);
        // Rules alone do not depend on the folds: every candidate of every document is scored once.
        Assert.Equal(set.Documents.Sum(d => d.Candidates.Count), byCollection.Rules.Predicted);
        Assert.Equal(["north", "south"], byCollection.Groups.Select(g => g.Name));
        Assert.All(byCollection.Groups, g => Assert.Equal(set.Documents.Count / 2, g.Documents));
        Assert.Equal(byCollection.ModelCalibration.Predictions, byCollection.Groups.Sum(g => g.Calibration.Predictions));
    }

    [Fact]
    public void RunByCollection_FoldWithoutNegativeRows_TrainsWithoutATargethoodModel_AndKeepsEveryCandidate()
    {
        // "south" holds only documents where every rule candidate is a target: leaving "north" out leaves no negative row to
        // learn targethood from, as precise rules can leave a real collection. That fold still learns confidence.
        var documents = SampleTraining.Documents();
        var all = TrainingSet.Build(Extraction.TargetExtractor.Default, documents);
        var clean = all.Documents.Where(d => d.Rows.OfType<TrainingRow>().Any() && d.Rows.OfType<TrainingRow>().All(r => r.IsTarget)).Select(d => d.Labelled.Stem).ToHashSet();
        Assert.NotEmpty(clean);
        var set = TrainingSet.Build(
            Extraction.TargetExtractor.Default,
            [.. documents.Select(d => d with { Collection = "north" }), .. documents.Where(d => clean.Contains(d.Stem)).Select(d => d with { Collection = "south" })]);

        var byCollection = CrossValidation.RunByCollection(set, new ModelTrainer(Small), innerFolds: 2) ?? throw new InvalidOperationException("no collections");

        Assert.Equal(0, byCollection.UntrainedFolds);
        Assert.Equal(1, byCollection.NoTargethoodFolds);
        Assert.Equal(set.Documents.Count, byCollection.Documents);
        // The fold without a targethood model keeps every rule candidate, with the model's confidence (not the rules').
        var north = byCollection.Groups.Single(g => g.Name == "north");
        Assert.Equal(set.Documents.Where(d => d.Labelled.Collection == "north").Sum(d => d.Candidates.Count), north.Calibration.Predictions);
        Assert.NotEqual(byCollection.RulesCalibration.ExpectedCalibrationError, byCollection.ModelCalibration.ExpectedCalibrationError);
        // Only the fold with a targethood model ("south" held out, trained on "north" with its false alarms) reports targethood.
        Assert.Equal(set.Documents.Where(d => d.Labelled.Collection == "south").Sum(d => d.Rows.OfType<TrainingRow>().Count()), byCollection.Targethood.Count);
    }

    [Fact]
    public void OutOfFold_FoldWhoseTrainingPartHasNoFalseAlarm_StillGetsWholeRecordScores()
    {
        // Every false alarm in fold 0, so fold 0's training part (fold 1) holds targets only: no targethood model can score
        // fold 0, but its whole-record scores are still learnable and must reach the calibration (an unscored row would
        // enter it as a 0).
        var rows = SampleTraining.Set().Rows.ToList();
        Assert.Contains(rows, r => !r.IsTarget);
        var documents = rows.Select(r => r.Document).Distinct().Order(StringComparer.Ordinal).ToList();
        int FoldOf(TrainingRow r) => r.IsTarget && documents.IndexOf(r.Document) % 2 == 1 ? 1 : 0;
        var fold1 = rows.Where(r => FoldOf(r) == 1).ToList();
        Assert.Contains(fold1, r => r.RecordRight == true);
        Assert.Contains(fold1, r => r.RecordRight == false);

        var (_, record, targetScored, recordScored) = new ModelTrainer(Small).OutOfFold(new Microsoft.ML.MLContext(seed: 1), rows, FoldOf, 2);

        var fold0 = Enumerable.Range(0, rows.Count).Where(i => FoldOf(rows[i]) == 0).ToList();
        Assert.All(fold0, i => Assert.False(targetScored[i]));
        Assert.All(fold0, i => Assert.True(recordScored[i]));
        Assert.Contains(fold0, i => record[i] != 0);
        // Fold 1 trains on fold 0, which has targets and false alarms: it gets both scores.
        Assert.All(Enumerable.Range(0, rows.Count).Except(fold0), i => Assert.True(targetScored[i] && recordScored[i]));
    }

    [Fact]
    public void RunByCollection_OneCollection_HasNothingToLeaveOut() =>
        Assert.Null(CrossValidation.RunByCollection(SampleTraining.Set(), new ModelTrainer(Small), innerFolds: 2));

    [Fact]
    public void Fit_CollectionCalibration_WithOneCollection_FallsBackToDocumentFolds()
    {
        var rows = SampleTraining.Set().Rows.ToList();
        using var document = new ModelTrainer(Small).Fit(rows);
        using var collection = new ModelTrainer(Small with { CalibrationGroups = CalibrationGroups.Collection }).Fit(rows);
        Assert.Equal(document.Manifest.RecordSlope, collection.Manifest.RecordSlope, 9);
        Assert.Equal(document.Manifest.RecordOffset, collection.Manifest.RecordOffset, 9);
    }

    [Fact]
    public void Fit_MixedCalibration_DiffersFromDocumentFolds_AndIsDeterministic()
    {
        var rows = ByRegion().Rows.ToList();
        var mixed = Small with { CalibrationGroups = CalibrationGroups.Mixed };
        using var document = new ModelTrainer(Small).Fit(rows);
        using var first = new ModelTrainer(mixed).Fit(rows);
        using var second = new ModelTrainer(mixed).Fit(rows);
        Assert.NotEqual(document.Manifest.RecordSlope, first.Manifest.RecordSlope);
        Assert.Equal(
            (first.Manifest.Threshold, first.Manifest.RecordSlope, first.Manifest.RecordOffset),
            (second.Manifest.Threshold, second.Manifest.RecordSlope, second.Manifest.RecordOffset));
        Assert.Equal(first.RawRecord(rows[0].Features), second.RawRecord(rows[0].Features));
    }

    [Fact]
    public void Fit_RecordIgnores_TheWholeRecordModelNeverReadsThoseFeatures()
    {
        var rows = SampleTraining.Set().Rows.ToList();
        using var model = new ModelTrainer(Small with { RecordIgnores = ["hash"] }).Fit(rows);
        var hashed = Enumerable.Range(0, TargetFeatures.Current.Length).Where(i => TargetFeatures.Current.Names[i].StartsWith("hash", StringComparison.Ordinal)).ToList();
        Assert.Equal(TargetFeatures.HashedSlots, hashed.Count);
        foreach (var row in rows.Take(40))
        {
            var flipped = (float[])row.Features.Clone();
            foreach (var i in hashed)
            {
                flipped[i] = 1 - flipped[i];
            }

            Assert.Equal(model.RawRecord(row.Features), model.RawRecord(flipped));
        }

        // The targethood model still reads the words: some row's targethood must change when they all flip.
        Assert.Contains(rows.Take(40), row =>
        {
            var flipped = (float[])row.Features.Clone();
            foreach (var i in hashed)
            {
                flipped[i] = 1 - flipped[i];
            }

            return model.RawTarget(row.Features) != model.RawTarget(flipped);
        });
    }
}
