namespace PolicyMiner.Ingest;

/// <summary>Settings of a <see cref="DocumentReader"/>.</summary>
/// <param name="MaxBytes">Files larger than this are refused (default 50 MB).</param>
public sealed record DocumentReaderOptions(long MaxBytes = DocumentReaderOptions.DefaultMaxBytes)
{
    /// <summary>50 MB.</summary>
    public const long DefaultMaxBytes = 50L * 1024 * 1024;

    /// <summary>The defaults.</summary>
    public static DocumentReaderOptions Default { get; } = new();

    /// <summary>When set, every read adds the time of each stage to it (for <c>bench</c>); null costs nothing.</summary>
    public ReadStageTimes? Timings { get; init; }
}
