using System.Diagnostics;

namespace PolicyMiner.Ingest;

/// <summary>Time a <see cref="DocumentReader"/> spends in each reading stage, summed over every read and thread.</summary>
/// <remarks>For benchmarks: pass one in <see cref="DocumentReaderOptions.Timings"/>. Thread-safe (interlocked adds).</remarks>
public sealed class ReadStageTimes
{
    private long _decode;
    private long _markup;
    private long _chrome;
    private long _normalise;
    private long _metadata;
    private long _structure;
    private long _hash;

    /// <summary>Encoding detection and decoding to text.</summary>
    public TimeSpan Decode => Elapsed(_decode);

    /// <summary>HTML to text, or the PDF text layer.</summary>
    public TimeSpan Markup => Elapsed(_markup);

    /// <summary>Page chrome removal and header fields.</summary>
    public TimeSpan Chrome => Elapsed(_chrome);

    /// <summary>Text normalisation with its offset map.</summary>
    public TimeSpan Normalise => Elapsed(_normalise);

    /// <summary>Title, issuer, date, year and region.</summary>
    public TimeSpan Metadata => Elapsed(_metadata);

    /// <summary>Sections and sentences.</summary>
    public TimeSpan Structure => Elapsed(_structure);

    /// <summary>SHA-256 content hash.</summary>
    public TimeSpan Hash => Elapsed(_hash);

    /// <summary>All stages together.</summary>
    public TimeSpan Total => Decode + Markup + Chrome + Normalise + Metadata + Structure + Hash;

    internal void AddDecode(long since) => Interlocked.Add(ref _decode, Stopwatch.GetTimestamp() - since);

    internal void AddMarkup(long since) => Interlocked.Add(ref _markup, Stopwatch.GetTimestamp() - since);

    internal void AddChrome(long since) => Interlocked.Add(ref _chrome, Stopwatch.GetTimestamp() - since);

    internal void AddNormalise(long since) => Interlocked.Add(ref _normalise, Stopwatch.GetTimestamp() - since);

    internal void AddMetadata(long since) => Interlocked.Add(ref _metadata, Stopwatch.GetTimestamp() - since);

    internal void AddStructure(long since) => Interlocked.Add(ref _structure, Stopwatch.GetTimestamp() - since);

    internal void AddHash(long since) => Interlocked.Add(ref _hash, Stopwatch.GetTimestamp() - since);

    private static TimeSpan Elapsed(long ticks) => TimeSpan.FromSeconds(ticks / (double)Stopwatch.Frequency);
}
