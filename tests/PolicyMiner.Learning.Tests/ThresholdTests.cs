using PolicyMiner.Learning.Training;

namespace PolicyMiner.Learning.Tests;

public sealed class ThresholdTests
{
    private static (double, double)[] Curve(params double[] f1) => [.. f1.Select((f, i) => (i * 0.05, f))];

    [Fact]
    public void PlateauMiddle_LonePeakBesideAWidePlateau_TakesThePlateausMiddle()
    {
        // A one-threshold spike at 0.05 and a plateau from 0.15 to 0.35 within epsilon of it: the first argmax would pick 0.05.
        var curve = Curve(0.900, 0.9105, 0.905, 0.9100, 0.9095, 0.9102, 0.9090, 0.9100, 0.880);

        Assert.Equal(0.25, ModelTrainer.PlateauMiddle(curve, 0.002), 6);
    }

    [Fact]
    public void PlateauMiddle_EvenRun_TakesTheLowerMiddle() =>
        Assert.Equal(0.10, ModelTrainer.PlateauMiddle(Curve(0.80, 0.90, 0.90, 0.90, 0.90, 0.85), 0.002), 6);

    [Fact]
    public void PlateauMiddle_KeepingEverythingIsBestAlone_KeepsEverything() =>
        Assert.Equal(0, ModelTrainer.PlateauMiddle(Curve(0.95, 0.94, 0.93, 0.92), 0.002), 6);

    [Fact]
    public void PlateauMiddle_TwoPlateausOfEqualWidth_TakesTheFirst() =>
        Assert.Equal(0.10, ModelTrainer.PlateauMiddle(Curve(0.80, 0.90, 0.90, 0.90, 0.70, 0.90, 0.90, 0.90), 0.002), 6);

    [Fact]
    public void BestThreshold_ScoresThatSeparateTargets_DropsOnlyNonTargets()
    {
        // Targets score 0.7 and up, non-targets 0.1: every threshold from 0.15 to 0.6 is perfect; the plateau's middle is 0.35.
        var pairs = Enumerable.Range(0, 20).Select(i => (true, 0.7 + (i * 0.01))).Concat(Enumerable.Range(0, 5).Select(_ => (false, 0.1))).ToList();

        Assert.Equal(0.35, ModelTrainer.BestThreshold(pairs), 6);
    }
}
