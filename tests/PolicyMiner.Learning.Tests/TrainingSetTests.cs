using PolicyMiner.Extraction.Evaluation;
using PolicyMiner.Learning.Features;
using PolicyMiner.Learning.Training;

namespace PolicyMiner.Learning.Tests;

public sealed class TrainingSetTests
{
    [Fact]
    public void Build_SampleGold_LabelsEveryCandidateAsEvalWouldScoreIt()
    {
        var set = SampleTraining.Set();
        Assert.NotEmpty(set.Documents);
        foreach (var document in set.Documents)
        {
            // Gold documents are fully annotated: every candidate gets a row.
            Assert.All(document.Rows, r => Assert.NotNull(r));
            var report = Evaluator.Evaluate([new EvaluationInput(document.Labelled.Document, document.Candidates, document.Labelled.Targets)]);
            Assert.Equal(report.Matched, document.Rows.Count(r => r!.IsTarget));
            Assert.Equal(report.WholeRecord.Right, document.Rows.Count(r => r!.RecordRight == true));
            Assert.All(document.Rows, r => Assert.Equal(TargetFeatures.Current.Length, r!.Features.Length));
        }
    }

    [Fact]
    public void Build_ReviewedDocument_LeavesUnreviewedCandidatesOut()
    {
        var gold = SampleTraining.Documents()[0];
        var all = TrainingSet.Build(Extraction.TargetExtractor.Default, [gold]).Documents[0];
        var reviewed = gold with { Targets = [.. gold.Targets.Take(1)], Source = LabelSource.Review };
        var rows = TrainingSet.Build(Extraction.TargetExtractor.Default, [reviewed]).Documents[0].Rows;
        Assert.True(all.Rows.Count(r => r is not null) > rows.Count(r => r is not null));
        Assert.All(rows.OfType<TrainingRow>(), r => Assert.True(r.IsTarget));
    }

    [Fact]
    public void Calibration_PairsInBins_GivesCountsAccuracyAndError()
    {
        var pairs = new List<(double, bool)> { (0.95, true), (0.92, false), (0.15, false), (0.12, false) };
        var r = Evaluator.Calibration(pairs, bins: 10);
        Assert.Equal(4, r.Predictions);
        Assert.Equal(2, r.Bins[9].Count);
        Assert.Equal(0.5, r.Bins[9].Accuracy, 6);
        Assert.Equal(2, r.Bins[1].Count);
        Assert.Equal(0, r.Bins[1].Accuracy, 6);
        // 2/4·|0.5−0.935| + 2/4·|0−0.135|
        Assert.Equal((0.435 + 0.135) / 2, r.ExpectedCalibrationError, 6);
    }
}
