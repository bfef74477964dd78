using BenchmarkDotNet.Attributes;
using PolicyMiner.Core.Indicators;
using PolicyMiner.Reports;
using PolicyMiner.Reports.Comparison;
using PolicyMiner.Reports.Samples;

namespace PolicyMiner.Benchmarks.Reports;

/// <summary>Building and writing the comparison report over generated documents (~10 targets each).</summary>
/// <remarks>The 20,000-document case is also measured end to end by <c>policyminer bench report</c>.</remarks>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class ComparisonReportBenchmarks
{
    private IReadOnlyList<ReportDocument> _documents = [];
    private IReadOnlyList<ReportRow> _rows = [];

    [Params(2_000, 20_000)]
    public int Documents { get; set; }

    [GlobalSetup]
    public void Setup() => (_documents, _rows) = GeneratedReportCorpus.Create(Documents, 10);

    [Benchmark]
    public long BuildAndWriteHtml()
    {
        var report = new ComparisonReportBuilder(IndicatorTaxonomy.Default).AddDocuments(_documents).AddRows(_rows).Build();
        using var sink = new CountingStream();
        report.WriteHtml(sink);
        return sink.Length;
    }

    [Benchmark]
    public long BuildAndWriteHtmlWithoutCharts()
    {
        var report = new ComparisonReportBuilder(IndicatorTaxonomy.Default) { IncludeCharts = false }.AddDocuments(_documents).AddRows(_rows).Build();
        using var sink = new CountingStream();
        report.WriteHtml(sink);
        return sink.Length;
    }

    [Benchmark]
    public int MatchEveryTarget()
    {
        var matched = 0;
        foreach (var row in _rows)
        {
            matched += IndicatorTaxonomy.Default.Match(row.Target.Indicator, row.Target.Category, row.Target.Unit) is null ? 0 : 1;
        }

        return matched;
    }

    /// <summary>A write-only stream that keeps only the byte count, so disk speed does not enter the measurement.</summary>
    private sealed class CountingStream : Stream
    {
        private long _length;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _length;

        public override long Position { get => _length; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => _length += count;

        public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;
    }
}
