namespace PolicyMiner.Ingest;

/// <summary>Settings of a <see cref="DocumentReader"/>.</summary>
/// <param name="MaxBytes">Files larger than this are refused (default 50 MB).</param>
public sealed record DocumentReaderOptions(long MaxBytes = DocumentReaderOptions.DefaultMaxBytes)
{
    /// <summary>OCR for PDF pages without a text layer and for images; null turns OCR off (<c>--no-ocr</c>).</summary>
    public External.OcrEngine? Ocr { get; init; } = External.OcrEngine.Default;

    /// <summary>The converter for .doc and .wps files (LibreOffice).</summary>
    public External.LegacyWordConverter LegacyWord { get; init; } = External.LegacyWordConverter.Default;

    /// <summary>Called after each page read by OCR (file name, page number), from the reading thread.</summary>
    public Action<string, int>? OnOcrPage { get; init; }

    /// <summary>50 MB.</summary>
    public const long DefaultMaxBytes = 50L * 1024 * 1024;

    /// <summary>The defaults.</summary>
    public static DocumentReaderOptions Default { get; } = new();

    /// <summary>When set, every read adds the time of each stage to it (for <c>bench</c>); null costs nothing.</summary>
    public ReadStageTimes? Timings { get; init; }
}
