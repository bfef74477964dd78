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
    // Every tree's nodes in one array and every weighted leaf value in another: the walk touches one small array instead of
    // five per tree. A child index >= 0 is a node; ~child is a leaf.
    private readonly Node[] _nodes;
    private readonly double[] _weightedLeaves;
    private readonly int[] _roots;
    private readonly double _bias;

    private TreeScorer(Node[] nodes, double[] weightedLeaves, int[] roots, double bias)
    {
        _nodes = nodes;
        _weightedLeaves = weightedLeaves;
        _roots = roots;
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
        var nodes = new List<Node>();
        var leaves = new List<double>();
        var roots = new int[ensemble.Trees.Count];
        for (var t = 0; t < roots.Length; t++)
        {
            var tree = ensemble.Trees[t];
            if (tree.CategoricalSplitFlags.Any(f => f))
            {
                return null;
            }

            var weight = ensemble.TreeWeights[t];
            if (tree.LeftChild.Count == 0)
            {
                // A tree of one leaf.
                roots[t] = ~leaves.Count;
                leaves.Add(weight * (tree.LeafValues.Count > 0 ? tree.LeafValues[0] : 0));
                continue;
            }

            int nodeBase = nodes.Count, leafBase = leaves.Count;
            int Global(int child) => child >= 0 ? nodeBase + child : ~(leafBase + ~child);
            roots[t] = nodeBase;
            for (var n = 0; n < tree.LeftChild.Count; n++)
            {
                nodes.Add(new Node(tree.NumericalSplitFeatureIndexes[n], tree.NumericalSplitThresholds[n], Global(tree.LeftChild[n]), Global(tree.RightChild[n])));
            }

            // The product the sum adds is the same double whether taken here or per call.
            leaves.AddRange(tree.LeafValues.Select(v => weight * v));
        }

        return new TreeScorer([.. nodes], [.. leaves], roots, ensemble.Bias);
    }

    /// <summary>The ensemble's raw score of <paramref name="features"/>: the bias plus each tree's weighted leaf, in tree order.</summary>
    public float Score(ReadOnlySpan<float> features)
    {
        var sum = _bias;
        var nodes = _nodes;
        foreach (var root in _roots)
        {
            var node = root;
            while (node >= 0)
            {
                ref readonly var split = ref nodes[node];
                node = features[split.Feature] <= split.Threshold ? split.Left : split.Right;
            }

            sum += _weightedLeaves[~node];
        }

        return (float)sum;
    }

    private readonly record struct Node(int Feature, float Threshold, int Left, int Right);
}
