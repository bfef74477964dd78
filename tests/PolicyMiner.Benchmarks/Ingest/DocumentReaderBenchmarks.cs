using System.Text;
using BenchmarkDotNet.Attributes;
using PolicyMiner.Core.Documents;
using PolicyMiner.Ingest;

namespace PolicyMiner.Benchmarks.Ingest;

/// <summary>
/// Whole-reader throughput (decode, chrome removal, normalisation, metadata, structure) per format on the sample
/// corpus (plus ../shared/corpus when present), single thread; and one large TXT made of those documents.
/// </summary>
/// <remarks>
/// Run: dotnet run -c Release --project tests/PolicyMiner.Benchmarks -- --filter '*DocumentReader*'.
/// MB/s = the bytes printed at setup divided by the mean time; PDF pages/s likewise from the page count.
/// </remarks>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class DocumentReaderBenchmarks
{
    private readonly DocumentReader _reader = new();
    private (string Name, byte[] Bytes)[] _txt = [];
    private (string Name, byte[] Bytes)[] _html = [];
    private (string Name, byte[] Bytes)[] _pdf = [];
    private byte[] _largeTxt = [];

    [GlobalSetup]
    public void Setup()
    {
        var root = RepositoryRoot();
        var folders = new[] { Path.Combine(root, "corpus"), Path.GetFullPath(Path.Combine(root, "..", "shared", "corpus")) }.Where(Directory.Exists);
        var files = folders.SelectMany(Directory.EnumerateFiles).Where(DocumentReader.IsSupported).Order(StringComparer.Ordinal).ToList();
        _txt = Load(files, DocumentFormat.Txt);
        _html = Load(files, DocumentFormat.Html);
        _pdf = Load(files, DocumentFormat.Pdf);

        // About 4 MB of UTF-8 text: the documents' normalised texts repeated, one large file.
        var texts = _txt.Select(t => _reader.Read(t.Bytes, t.Name, DocumentFormat.Txt).Document!.Text).ToArray();
        var large = new StringBuilder();
        while (Encoding.UTF8.GetByteCount(large.ToString()) < 4_000_000)
        {
            foreach (var text in texts)
            {
                large.Append(text).Append('\n');
            }
        }

        _largeTxt = Encoding.UTF8.GetBytes(large.ToString());
        var pages = _pdf.Sum(p => int.Parse(_reader.Read(p.Bytes, p.Name, DocumentFormat.Pdf).Document!.Diagnostics
            .First(d => d.Code == DiagnosticCodes.PdfPages).Message.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture));
        Console.WriteLine($"// txt {_txt.Length} files {Bytes(_txt)} bytes; html {_html.Length} files {Bytes(_html)} bytes; "
            + $"pdf {_pdf.Length} files {Bytes(_pdf)} bytes {pages} pages; large txt {_largeTxt.Length} bytes");
    }

    [Benchmark]
    public int ReadTxtDocuments() => ReadAll(_txt, DocumentFormat.Txt);

    [Benchmark]
    public int ReadHtmlDocuments() => ReadAll(_html, DocumentFormat.Html);

    [Benchmark]
    public int ReadPdfDocuments() => ReadAll(_pdf, DocumentFormat.Pdf);

    [Benchmark]
    public int ReadLargeTxt() => _reader.Read(_largeTxt, "large.txt", DocumentFormat.Txt).Document!.Text.Length;

    private int ReadAll((string Name, byte[] Bytes)[] inputs, DocumentFormat format)
    {
        var characters = 0;
        foreach (var (name, bytes) in inputs)
        {
            characters += _reader.Read(bytes, name, format).Document?.Text.Length ?? 0;
        }

        return characters;
    }

    private static long Bytes((string Name, byte[] Bytes)[] inputs) => inputs.Sum(i => (long)i.Bytes.Length);

    private static (string Name, byte[] Bytes)[] Load(List<string> files, DocumentFormat format) =>
        files.Where(f => DocumentReader.FormatOf(f) == format).Select(f => (Path.GetFileName(f), File.ReadAllBytes(f))).ToArray();

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PolicyMiner.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("PolicyMiner.sln not found above the benchmark binaries.");
    }
}
