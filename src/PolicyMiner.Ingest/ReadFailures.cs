namespace PolicyMiner.Ingest;

/// <summary>The one-line reasons a document cannot be read; the facade prefixes them with the file name.</summary>
public static class ReadFailures
{
    public const string Empty = "empty file";
    public const string NotText = "not text: binary content or unknown encoding";
    public const string NoBody = "HTML has no body";
    public const string NoText = "no document text found";
    public const string NotPdf = "not a PDF (no %PDF header)";
    public const string EncryptedPdf = "encrypted PDF (password required); cannot read";
    public const string ScannedPdf = "no text layer (scanned document); OCR needed";
    public const string EmptyPdf = "PDF has no text";
    public const string NotFound = "file not found";

    /// <summary>A file whose extension is not one of <see cref="DocumentReader.SupportedExtensions"/>.</summary>
    public static string Unsupported(string extension) =>
        $"unsupported file type '{(extension.Length == 0 ? "(none)" : extension)}' (supported: {string.Join(' ', DocumentReader.SupportedExtensions)})";

    /// <summary>A file over the configured size limit.</summary>
    public static string TooLarge(long? bytes, long limit) => bytes is { } size
        ? $"file too large ({size / 1048576.0:0.#} MB; limit {limit / 1048576.0:0.#} MB)"
        : $"file too large (over the {limit / 1048576.0:0.#} MB limit)";

    /// <summary>HTML nested deeper than the reader's limit.</summary>
    public static string TooDeep(int depth, int limit) => $"HTML nests elements {depth} levels deep (limit {limit}); not read";

    /// <summary>A PDF with more pages than the reader's limit.</summary>
    public static string TooManyPages(int pages, int limit) => $"PDF has {pages} pages (limit {limit}); not read";

    /// <summary>A document or page with more text than the reader's limit.</summary>
    public static string TooMuchText(string what, long characters, long limit) => $"{what} has {characters} characters (limit {limit}); not read";

    /// <summary>A document that took longer than the reader's time limit.</summary>
    public static string TooSlow(TimeSpan limit, string where) => $"reading took over {limit.TotalSeconds:0} s (limit) {where}; stopped";

    /// <summary>A PDF whose compressed streams inflate beyond the limits.</summary>
    public static string Bomb(string detail) => $"PDF {detail}";

    /// <summary>A PDF the parser could not read.</summary>
    public static string CorruptPdf(string detail) => $"not a readable PDF (truncated or corrupt: {OneLine(detail)})";

    /// <summary>An I/O error while reading the file.</summary>
    public static string CannotRead(string detail) => $"cannot read file ({OneLine(detail)})";

    /// <summary>An unexpected failure inside a reader: still one line, naming the exception.</summary>
    public static string ReaderError(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return $"could not read ({exception.GetType().Name}: {OneLine(exception.Message)})";
    }

    private static string OneLine(string text)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length > 120 ? line[..120] + "…" : line;
    }
}
