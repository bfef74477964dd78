namespace PolicyMiner.Ingest;

/// <summary>Settings of a <see cref="DocumentReader"/>: the limits that bound the work and memory one document may take.</summary>
/// <param name="MaxBytes">Files larger than this are refused (default 50 MB).</param>
/// <remarks>
/// A small hostile file can ask for unbounded work: a compressed PDF stream that inflates a thousandfold, HTML nested
/// tens of thousands of levels, a page of millions of characters. Each limit turns such a file into that file's one-line
/// failure, so the batch goes on.
/// </remarks>
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

    /// <summary>Most characters of text one document may yield; by default one per byte of <see cref="MaxBytes"/>
    /// (no decoded text has more), so raising the size limit raises this one.</summary>
    public long MaxCharacters
    {
        get => _maxCharacters ?? MaxBytes;
        init => _maxCharacters = value;
    }

    private readonly long? _maxCharacters;

    /// <summary>Most characters one PDF page may hold (a dense A4 page has a few thousand).</summary>
    public int MaxCharactersPerPage { get; init; } = 200_000;

    /// <summary>Most pages read from one PDF.</summary>
    public int MaxPages { get; init; } = 1000;

    /// <summary>Deepest element nesting an HTML page may have (real pages stay under a hundred).</summary>
    public int MaxNesting { get; init; } = 1000;

    /// <summary>Most entries one zip package (DOCX, OFD) may list; real documents have a few dozen.</summary>
    public int MaxPackageEntries { get; init; } = 10_000;

    /// <summary>Most bytes the compressed streams of one PDF, or the entries of one DOCX/OFD package, may inflate to, in total.</summary>
    public long MaxInflatedBytes { get; init; } = 512L * 1024 * 1024;

    /// <summary>Highest inflate ratio of one large PDF stream or package entry (text compresses about 5:1; a decompression bomb thousands to one).</summary>
    public int MaxInflateRatio { get; init; } = 200;

    /// <summary>Longest time reading one document may take; checked between pages and stages.</summary>
    public TimeSpan MaxTimePerDocument { get; init; } = TimeSpan.FromSeconds(60);
}
