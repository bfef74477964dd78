using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Trainers.FastTree;

namespace PolicyMiner.Learning.Models;

/// <summary>
/// The raw score of a trained FastTree ensemble, read from ML.NET's public description of it (trees, weights, bias) into flat
/// arrays, so scoring one target in the extractor's hot path costs a few dozen comparisons instead of a prediction engine call.
/// </summary>
/// <remarks>
/// Follows <see cref="TreeEnsemble{T}"/>'s documented rule: the weighted sum of each tree's leaf value plus the bias, a node
/// going to <see cref="RegressionTreeBase.LeftChild"/> when its feature is at most the threshold. A test checks it against
/// ML.NET's own scoring. Ensembles with categorical splits are not read (the caller falls back to ML.NET). Immutable, thread-safe.
/// </remarks>
internal sealed class TreeScorer
{
    private readonly Tree[] _trees;
    private readonly double _bias;

    private TreeScorer(Tree[] trees, double bias)
    {
        _trees = trees;
        _bias = bias;
    }

    /// <summary>A scorer for <paramref name="model"/>, or null when it is not a FastTree ensemble of numeric splits.</summary>
    public static TreeScorer? TryCreate(ITransformer model)
    {
        if (model is not ISingleFeaturePredictionTransformer<object> prediction)
        {
            return null;
        }

        // A calibrated model wraps the ensemble as its SubModel; the calibration is ours (out-of-fold Platt), not this one's.
        var parameters = prediction.Model is CalibratedModelParametersBase<FastTreeBinaryModelParameters, PlattCalibrator> calibrated
            ? calibrated.SubModel
            : prediction.Model;
        if (parameters is not TreeEnsembleModelParametersBasedOnRegressionTree ensembleModel)
        {
            return null;
        }

        var ensemble = ensembleModel.TrainedTreeEnsemble;
        var trees = new Tree[ensemble.Trees.Count];
        for (var t = 0; t < trees.Length; t++)
        {
            var tree = ensemble.Trees[t];
            if (tree.CategoricalSplitFlags.Any(f => f))
            {
                return null;
            }

            trees[t] = new Tree(
                [.. tree.LeftChild],
                [.. tree.RightChild],
                [.. tree.NumericalSplitFeatureIndexes],
                [.. tree.NumericalSplitThresholds],
                [.. tree.LeafValues],
                ensemble.TreeWeights[t]);
        }

        return new TreeScorer(trees, ensemble.Bias);
    }

    /// <summary>The ensemble's raw score of <paramref name="features"/>.</summary>
    public float Score(ReadOnlySpan<float> features)
    {
        var sum = _bias;
        foreach (var tree in _trees)
        {
            sum += tree.Weight * tree.Leaf(features);
        }

        return (float)sum;
    }

    private sealed record Tree(int[] Left, int[] Right, int[] Feature, float[] Threshold, double[] LeafValue, double Weight)
    {
        public double Leaf(ReadOnlySpan<float> features)
        {
            if (Left.Length == 0)
            {
                // A tree of one leaf.
                return LeafValue.Length > 0 ? LeafValue[0] : 0;
            }

            var node = 0;
            while (node >= 0)
            {
                node = features[Feature[node]] <= Threshold[node] ? Left[node] : Right[node];
            }

            return LeafValue[~node];
        }
    }
}
