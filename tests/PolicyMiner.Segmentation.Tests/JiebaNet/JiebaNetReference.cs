using System.Text.Json;

namespace PolicyMiner.Segmentation.Tests.JiebaNet;

/// <summary>jieba.NET 0.42.2's own segmenter, loaded from the same pinned model files as ours (models/jieba/).</summary>
/// <remarks>jieba.NET keeps its dictionary in static state; one lock serialises every call so tests may share it.</remarks>
internal static class JiebaNetReference
{
    private static readonly Lock Gate = new();

    private static readonly Lazy<global::JiebaNet.Segmenter.JiebaSegmenter> Segmenter = new(() =>
    {
        // dict.txt, prob_trans.json and prob_emit.json are all its default-mode Cut reads.
        global::JiebaNet.Segmenter.ConfigManager.ConfigFileBaseDir = ModelDirectory;
        return new global::JiebaNet.Segmenter.JiebaSegmenter();
    });

    private static readonly Lazy<HashSet<char>> FullyEmitted = new(LoadFullyEmitted);

    public static string ModelDirectory => Path.Combine(TestPaths.RepositoryRoot, "models", "jieba");

    /// <summary>jieba.NET's default-mode tokens.</summary>
    public static List<string> Cut(string text, bool hmm)
    {
        lock (Gate)
        {
            return [.. Segmenter.Value.Cut(text, cutAll: false, hmm: hmm)];
        }
    }

    /// <summary>True when the HMM has an emission probability for <paramref name="c"/> in all four states (B, M, E, S).</summary>
    public static bool HasAllEmissions(char c) => FullyEmitted.Value.Contains(c);

    private static HashSet<char> LoadFullyEmitted()
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(ModelDirectory, "prob_emit.json")));
        HashSet<char>? all = null;
        foreach (var state in json.RootElement.EnumerateObject())
        {
            var chars = state.Value.EnumerateObject().Where(p => p.Name.Length == 1).Select(p => p.Name[0]).ToHashSet();
            if (all is null)
            {
                all = chars;
            }
            else
            {
                all.IntersectWith(chars);
            }
        }

        return all ?? [];
    }
}
