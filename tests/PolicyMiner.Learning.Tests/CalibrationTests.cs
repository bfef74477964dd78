using PolicyMiner.Learning.Models;
using PolicyMiner.Learning.Training;

namespace PolicyMiner.Learning.Tests;

public sealed class CalibrationTests
{
    private static readonly IsotonicMap Map = new([-2f, 0f, 3f], [-1f, 1f, 4f], [0.1f, 0.5f, 0.9f]);

    [Theory]
    [InlineData(-5.0, 0.1)] // below the first block: its value
    [InlineData(-1.5, 0.1)] // inside a block: its value
    [InlineData(0.5, 0.5)]
    [InlineData(-0.5, 0.3)] // between blocks: linear between their values
    [InlineData(2.0, 0.7)]
    [InlineData(9.0, 0.9)] // above the last block: its value
    public void IsotonicMap_Probability_FollowsMlNetsRule(double score, double expected) =>
        Assert.Equal(expected, Map.Probability(score), 5);

    [Fact]
    public void Fit_IsotonicCalibration_IsSavedAndUsedForConfidence()
    {
        var rows = SampleTraining.Set().Rows.ToList();
        var path = Path.Combine(Path.GetTempPath(), $"pm-model-{Guid.NewGuid():N}.zip");
        try
        {
            var options = new TrainerOptions(Trees: 20, MinimumLeafRows: 3, CalibrationFolds: 2, Calibration: RecordCalibration.Isotonic);
            using (var trained = new ModelTrainer(options).Fit(rows))
            {
                Assert.NotNull(trained.Manifest.RecordIsotonic);
                trained.Save(path);
            }

            using var model = ExtractorModel.Load(path);
            var map = model.Manifest.RecordIsotonic ?? throw new InvalidOperationException("the isotonic map was not saved");
            Assert.True(map.Values.Count > 0);
            // Monotone: a higher raw score never gets a lower confidence.
            Assert.True(map.Values.Zip(map.Values.Skip(1)).All(p => p.First <= p.Second));
            foreach (var row in rows.Take(20))
            {
                Assert.Equal(map.Probability(model.RawRecord(row.Features)), model.Score(row.Features).Record, 6);
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Fit_PlattCalibration_StoresNoIsotonicMap()
    {
        var rows = SampleTraining.Set().Rows.ToList();
        using var model = new ModelTrainer(new TrainerOptions(Trees: 20, MinimumLeafRows: 3, CalibrationFolds: 2)).Fit(rows);
        Assert.Null(model.Manifest.RecordIsotonic);
        var row = rows[0].Features;
        Assert.Equal(ExtractorModel.Platt(model.RawRecord(row), model.Manifest.RecordSlope, model.Manifest.RecordOffset), model.Score(row).Record, 6);
    }
}
