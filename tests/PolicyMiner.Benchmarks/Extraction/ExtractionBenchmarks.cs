using System.Text;
using BenchmarkDotNet.Attributes;
using PolicyMiner.Core.Documents;
using PolicyMiner.Benchmarks.Segmentation;
using PolicyMiner.Extraction;
using PolicyMiner.Ingest;

namespace PolicyMiner.Benchmarks.Extraction;

/// <summary>
/// Target extraction end to end on ~8 MB of policy text (the shared documents repeated, or the corpus samples when
/// ../shared is absent), single thread: text in, targets out; and the same with the ingest TXT reader in front.
/// </summary>
/// <remarks>Run: dotnet run -c Release --project tests/PolicyMiner.Benchmarks -- --filter '*Extraction*'</remarks>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class ExtractionBenchmarks
{
    private const int TargetBytes = 8_000_000;
    private string _text = "";
    private byte[] _bytes = [];
    private readonly TargetExtractor _extractor = TargetExtractor.Default;
    private readonly DocumentReader _reader = new();

    [GlobalSetup]
    public void Setup()
    {
        _text = string.Join('\n', BenchmarkText.Lines(TargetBytes));
        _bytes = Encoding.UTF8.GetBytes(_text);
        Console.WriteLine($"// extraction text: {_bytes.Length / 1e6:F2} MB from {BenchmarkText.Source}");
    }

    [Benchmark(Baseline = true)]
    public int ExtractFromText() => _extractor.Extract(PlainTextDocument.Create("bench.txt", _text, 2018)).Count;

    [Benchmark]
    public int ReadTxtAndExtract()
    {
        var result = _reader.Read(_bytes, "bench.txt", DocumentFormat.Txt);
        return result.Succeeded ? _extractor.Extract(result.Document).Count : -1;
    }
}
