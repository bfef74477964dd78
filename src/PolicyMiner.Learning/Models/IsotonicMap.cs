namespace PolicyMiner.Learning.Models;

/// <summary>A monotone step map from a model's raw score to a probability, as ML.NET's <c>IsotonicCalibrator</c> fits it
/// (pool-adjacent-violators over out-of-fold scores): block <c>i</c> covers scores <c>Mins[i]..Maxes[i]</c> with probability
/// <c>Values[i]</c>; between blocks the probability is interpolated linearly; beyond the ends it is the end block's.</summary>
/// <remarks>Stored in the model manifest, so scoring needs no ML.NET calibrator. Immutable, thread-safe.</remarks>
public sealed record IsotonicMap(IReadOnlyList<float> Mins, IReadOnlyList<float> Maxes, IReadOnlyList<float> Values)
{
    /// <summary>The calibrated probability of raw score <paramref name="score"/> (ML.NET's documented rule).</summary>
    public double Probability(double score)
    {
        if (Values.Count == 0)
        {
            return 0.5;
        }

        if (score < Mins[0])
        {
            return Values[0];
        }

        for (var i = 0; i < Values.Count; i++)
        {
            if (score <= Maxes[i])
            {
                return score >= Mins[i] ? Values[i]
                    : Values[i - 1] + ((Values[i] - Values[i - 1]) * (score - Maxes[i - 1]) / (Mins[i] - Maxes[i - 1]));
            }
        }

        return Values[^1];
    }
}
