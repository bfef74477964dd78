using System.Text;
using BenchmarkDotNet.Attributes;
using PolicyMiner.Segmentation;

namespace PolicyMiner.Benchmarks.Segmentation;

/// <summary>
/// Segmenter throughput on ~8 MB of policy text (the shared documents repeated, or our corpus samples when
/// ../shared is absent), single thread, one Cut per line as the segment verb does.
/// </summary>
/// <remarks>Run: dotnet run -c Release --project tests/PolicyMiner.Benchmarks -- --filter '*Segmenter*'</remarks>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class SegmenterBenchmarks
{
    private const int TargetBytes = 8_000_000;
    private JiebaSegmenter _segmenter = null!;
    private string[] _lines = [];

    /// <summary>UTF-8 size of the measured text, to turn mean times into MB/s.</summary>
    public static long TextBytes { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        _segmenter = JiebaSegmenter.LoadDefault();
        _lines = BenchmarkText.Lines(TargetBytes);
        TextBytes = _lines.Sum(l => (long)Encoding.UTF8.GetByteCount(l) + 1);
        Console.WriteLine($"// segmenter text: {TextBytes / 1e6:F2} MB in {_lines.Length} lines from {BenchmarkText.Source}");
    }

    [Benchmark(Baseline = true)]
    public long CutWithHmm() => CountTokens(SegmentMode.Default, hmm: true);

    [Benchmark]
    public long CutWithoutHmm() => CountTokens(SegmentMode.Default, hmm: false);

    [Benchmark]
    public long CutForSearch() => CountTokens(SegmentMode.Search, hmm: true);

    [Benchmark]
    public long CutAll() => CountTokens(SegmentMode.Full, hmm: true);

    private long CountTokens(SegmentMode mode, bool hmm)
    {
        long tokens = 0;
        foreach (var line in _lines)
        {
            tokens += _segmenter.Cut(line, mode, hmm).Count;
        }

        return tokens;
    }
}

/// <summary>Dictionary load time from the compiled cache (what a fresh process pays before its first cut).</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 10)]
public class SegmenterLoadBenchmarks
{
    [GlobalSetup]
    public void Setup() => _ = JiebaSegmenter.LoadDefault(); // makes sure the compiled cache exists

    [Benchmark]
    public int LoadAndFirstCut() => JiebaSegmenter.LoadDefault().Cut("青川市高新技术企业研发经费投入强度达到百分之三。").Count;

    [Benchmark]
    public int AddPolicyTermsDictionary() => JiebaSegmenter.Default.WithUserDictionary(ModelsDirectory.PolicyTermsDictionary).Cut("院士工作站").Count;
}

/// <summary>The benchmark text: ../shared/corpus documents (or our corpus/ samples) repeated to a target size.</summary>
internal static class BenchmarkText
{
    public static string Source { get; private set; } = "";

    public static string[] Lines(int targetBytes)
    {
        var root = ModelsDirectory.FindRepositoryRoot()
            ?? throw new InvalidOperationException("PolicyMiner.sln not found above the benchmark binaries.");
        var shared = Path.GetFullPath(Path.Combine(root, "..", "shared", "corpus"));
        var folder = Directory.Exists(shared) ? shared : Path.Combine(root, "corpus");
        Source = folder;
        var documents = Directory.GetFiles(folder, "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllLines).ToArray();
        var lines = new List<string>();
        long bytes = 0;
        while (bytes < targetBytes)
        {
            foreach (var line in documents.SelectMany(d => d))
            {
                lines.Add(line);
                bytes += Encoding.UTF8.GetByteCount(line) + 1;
            }
        }

        return [.. lines];
    }
}
