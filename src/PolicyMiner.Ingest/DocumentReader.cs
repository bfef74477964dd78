using System.Collections.Frozen;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using PolicyMiner.Core.Documents;
using PolicyMiner.Core.Documents.Tables;
using PolicyMiner.Core.Text;
using PolicyMiner.Ingest.Cleaning;
using PolicyMiner.Ingest.Decoding;
using PolicyMiner.Ingest.Metadata;
using PolicyMiner.Ingest.Readers;
using PolicyMiner.Ingest.Structure;

namespace PolicyMiner.Ingest;

// The Open XML SDK's root namespace is also called DocumentFormat.
using DocumentFormat = PolicyMiner.Core.Documents.DocumentFormat;

/// <summary>
/// Reads a policy document from a TXT, HTML, PDF, DOCX or OFD file into a <see cref="PolicyDocument"/>: decoded, chrome
/// removed, normalised with an offset map, with metadata, sections and sentences.
/// </summary>
/// <remarks>
/// Immutable and thread-safe: one reader can serve parallel reads. Expected failures (empty, binary, corrupt,
/// encrypted, scanned, oversize, unsupported) come back as <see cref="ReadResult.Failure"/>, never as exceptions.
/// <see cref="PolicyDocument.SourceText"/> is the decoded TXT, the extracted HTML text, or the PDF's text layer.
/// </remarks>
public sealed class DocumentReader
{
    private static readonly FrozenDictionary<string, DocumentFormat> Formats = new Dictionary<string, DocumentFormat>(StringComparer.OrdinalIgnoreCase)
    {
        [".txt"] = DocumentFormat.Txt,
        [".text"] = DocumentFormat.Txt,
        [".html"] = DocumentFormat.Html,
        [".htm"] = DocumentFormat.Html,
        [".shtml"] = DocumentFormat.Html,
        [".xhtml"] = DocumentFormat.Html,
        [".pdf"] = DocumentFormat.Pdf,
        [".docx"] = DocumentFormat.Docx,
        [".ofd"] = DocumentFormat.Ofd,
        [".doc"] = DocumentFormat.Doc,
        [".wps"] = DocumentFormat.Doc,
        [".png"] = DocumentFormat.Image,
        [".jpg"] = DocumentFormat.Image,
        [".jpeg"] = DocumentFormat.Image,
        [".tif"] = DocumentFormat.Image,
        [".tiff"] = DocumentFormat.Image,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);


    public DocumentReader()
        : this(DocumentReaderOptions.Default)
    {
    }

    public DocumentReader(DocumentReaderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxBytes);
        Options = options;
    }

    /// <summary>The file extensions this reader accepts.</summary>
    public static IReadOnlyList<string> SupportedExtensions { get; } = [".txt", ".text", ".html", ".htm", ".shtml", ".xhtml", ".pdf", ".docx", ".ofd", ".doc", ".wps", ".png", ".jpg", ".jpeg", ".tif", ".tiff"];

    public DocumentReaderOptions Options { get; }

    /// <summary>True when <paramref name="path"/> has an extension this reader accepts, so folder scans can skip other files.</summary>
    public static bool IsSupported(string path) => FormatOf(path) is not null;

    /// <summary>The format implied by <paramref name="path"/>'s extension, or null.</summary>
    public static DocumentFormat? FormatOf(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Formats.TryGetValue(Path.GetExtension(path), out var format) ? format : null;
    }

    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    public ReadResult Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var name = Path.GetFileName(path);
        if (FormatOf(path) is null)
        {
            return ReadResult.Failure(name, ReadFailures.Unsupported(Path.GetExtension(path)));
        }

        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return ReadResult.Failure(name, ReadFailures.NotFound);
            }

            if (info.Length > Options.MaxBytes)
            {
                return ReadResult.Failure(name, ReadFailures.TooLarge(info.Length, Options.MaxBytes));
            }

            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            var result = Read(stream, name);
            return result.Succeeded ? ReadResult.Success(result.Document with { SourcePath = Path.GetFullPath(path) }) : result;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ReadResult.Failure(name, ReadFailures.CannotRead(e.Message));
        }
    }

    /// <summary>Reads a document from <paramref name="stream"/>; <paramref name="name"/> (a file name) gives its format.</summary>
    // Optimised from the first call (no tier-0 code, which keeps every local alive to the end of the method): the file's
    // bytes and each stage's intermediate text become garbage as soon as the next stage has what it needs, so a large
    // file does not hold all of them at once (issue 9: memory in proportion).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ReadResult Read(Stream stream, string name)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(name);
        name = Path.GetFileName(name);
        if (FormatOf(name) is not { } format)
        {
            return ReadResult.Failure(name, ReadFailures.Unsupported(Path.GetExtension(name)));
        }

        byte[] bytes;
        try
        {
            if (ReadAll(stream) is not { } read)
            {
                return ReadResult.Failure(name, ReadFailures.TooLarge(stream.CanSeek ? stream.Length : null, Options.MaxBytes));
            }

            bytes = read;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ReadResult.Failure(name, ReadFailures.CannotRead(e.Message));
        }

        return Read(bytes, name, format);
    }

    /// <summary>Reads a document from its bytes.</summary>
    public ReadResult Read(byte[] bytes, string name, DocumentFormat format) => Read(bytes, name, format, null);

    /// <summary>Reads a document from its bytes, calling <paramref name="onOcrPage"/> (page number) after each page read by OCR.</summary>
    /// <remarks>The call comes from the reading thread, besides <see cref="DocumentReaderOptions.OnOcrPage"/>; a batch uses it
    /// to give a long scan more time for as long as pages keep coming.</remarks>
    public ReadResult Read(byte[] bytes, string name, DocumentFormat format, Action<int>? onOcrPage) => Read(bytes, name, format, onOcrPage, null);

    /// <param name="contentHash">The SHA-256 of <paramref name="bytes"/> (lower-case hex) when the caller has already computed it; null to compute it here.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ReadResult Read(byte[] bytes, string name, DocumentFormat format, Action<int>? onOcrPage, string? contentHash)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(name);
        if (bytes.Length == 0 || bytes.AsSpan().IndexOfAnyExcept(" \t\r\n\f"u8) < 0)
        {
            return ReadResult.Failure(name, ReadFailures.Empty);
        }

        if (bytes.Length > Options.MaxBytes)
        {
            return ReadResult.Failure(name, ReadFailures.TooLarge(bytes.Length, Options.MaxBytes));
        }

        try
        {
            var diagnostics = new List<Diagnostic>();
            var times = Options.Timings;
            string? failure;
            var extracted = format switch
            {
                DocumentFormat.Txt => ExtractTxt(bytes, diagnostics, times, out failure),
                DocumentFormat.Html => ExtractHtml(bytes, diagnostics, Options, times, out failure),
                DocumentFormat.Docx => ExtractDocx(bytes, diagnostics, out failure),
                DocumentFormat.Ofd => ExtractOfd(bytes, diagnostics, out failure),
                DocumentFormat.Doc => ExtractLegacyWord(bytes, Path.GetExtension(name).ToLowerInvariant(), diagnostics, out failure),
                DocumentFormat.Image => ExtractImage(bytes, name, onOcrPage, diagnostics, out failure),
                _ => ExtractPdf(bytes, name, onOcrPage, diagnostics, times, out failure),
            };
            if (extracted is null)
            {
                return ReadResult.Failure(name, failure ?? ReadFailures.NoText);
            }

            if (extracted.SourceText.Length > Options.MaxCharacters)
            {
                return ReadResult.Failure(name, ReadFailures.TooMuchText("document", extracted.SourceText.Length, Options.MaxCharacters));
            }

            return Build(name, format, bytes, contentHash, extracted, diagnostics, times);
        }
#pragma warning disable CA1031 // The reader's contract: one line per bad file, nothing thrown past it, even on a reader bug.
        catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            return ReadResult.Failure(name, ReadFailures.ReaderError(e));
        }
    }

    private sealed record Extracted(string SourceText, string Encoding, string FieldText, IReadOnlyList<string> TitleHints)
    {
        public IReadOnlyList<int> OcrPages { get; init; } = [];

        public double? OcrConfidence { get; init; }

        /// <summary>Lines the source marks as headings (Word heading styles, outline levels): start in <see cref="SourceText"/> → outline level.</summary>
        public IReadOnlyDictionary<int, int> StyledHeadings { get; init; } = FrozenDictionary<int, int>.Empty;
    }

    private static Extracted? ExtractTxt(byte[] bytes, List<Diagnostic> diagnostics, ReadStageTimes? times, out string? failure)
    {
        failure = null;
        var started = Stopwatch.GetTimestamp();
        var decoded = TextDecoder.Decode(bytes);
        times?.AddDecode(started);
        if (decoded is null)
        {
            failure = ReadFailures.NotText;
            return null;
        }

        ReportConfidence(decoded, diagnostics);

        return new Extracted(decoded.Text, decoded.EncodingName, string.Empty, []);
    }

    private static void ReportConfidence(DecodedText decoded, List<Diagnostic> diagnostics)
    {
        if (decoded.Diagnostic is { } doubt)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.LowConfidenceDecode, DiagnosticSeverity.Warning, doubt));
        }
    }

    private static Extracted? ExtractHtml(byte[] bytes, List<Diagnostic> diagnostics, DocumentReaderOptions options, ReadStageTimes? times, out string? failure)
    {
        failure = null;
        var started = Stopwatch.GetTimestamp();
        var declared = HtmlTextExtractor.DeclaredCharset(bytes);
        var decoded = TextDecoder.Decode(bytes, declared);
        times?.AddDecode(started);
        if (decoded is null)
        {
            failure = ReadFailures.NotText;
            return null;
        }

        ReportConfidence(decoded, diagnostics);
        if (HtmlNesting.MaxDepth(decoded.Text) is var depth && depth > options.MaxNesting)
        {
            failure = ReadFailures.TooDeep(depth, options.MaxNesting);
            return null;
        }

        if (declared is not null && !SameCharset(declared, decoded.EncodingName))
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.CharsetMismatch, DiagnosticSeverity.Warning,
                $"page declares charset '{declared}' but decodes as {decoded.EncodingName}"));
        }

        started = Stopwatch.GetTimestamp();
        var content = HtmlTextExtractor.Extract(decoded.Text);
        times?.AddMarkup(started);
        if (content is null)
        {
            failure = ReadFailures.NoBody;
            return null;
        }

        return new Extracted(content.Text, decoded.EncodingName, content.FieldText, content.TitleHints);
    }

    private Extracted? ExtractPdf(byte[] bytes, string name, Action<int>? onOcrPage, List<Diagnostic> diagnostics, ReadStageTimes? times, out string? failure)
    {
        var started = Stopwatch.GetTimestamp();
        if (PdfInflateGuard.Check(bytes, Options.MaxInflatedBytes, Options.MaxInflateRatio, Options.MaxCharactersPerPage * 4L) is { } bomb)
        {
            failure = ReadFailures.Bomb(bomb);
            return null;
        }

        var confidences = new List<double>();
        string? ocrFailure = null;
        var ocr = Options.Ocr;
        List<PdfTextExtractor.PdfLine>? Recognise(int page, double width, double height)
        {
            if (ocr is null || ocrFailure is not null)
            {
                return null;
            }

            if (ocr.RecognisePdfPage(bytes, page, out ocrFailure) is not { } recognised)
            {
                return null;
            }

            Options.OnOcrPage?.Invoke(name, page);
            onOcrPage?.Invoke(page);
            confidences.Add(recognised.Confidence);
            return OcrLines(recognised, width, height);
        }

        var content = PdfTextExtractor.Extract(bytes, Options, Recognise, out failure);
        times?.AddMarkup(started);
        if (content is null)
        {
            if (failure == ReadFailures.ScannedPdf)
            {
                failure = ocr is null ? ReadFailures.ScannedPdfOcrOff : ocrFailure is null ? ReadFailures.NothingRecognised : $"no text layer (scanned document); {ocrFailure}";
            }

            return null;
        }

        diagnostics.Add(new Diagnostic(DiagnosticCodes.PdfPages, DiagnosticSeverity.Info, $"{content.Pages} pages"));
        if (content.OcrPages is { Count: > 0 } ocrPages)
        {
            diagnostics.Add(OcrDiagnostic(ocrPages, confidences));
        }
        else if (ocrFailure is not null)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.OcrPages, DiagnosticSeverity.Warning, $"pages without a text layer were not read: {ocrFailure}"));
        }
        if (content.RemovedLines > 0)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.PdfRunningLinesRemoved, DiagnosticSeverity.Info,
                $"removed {content.RemovedLines} running header/footer and page-number lines from {content.Pages} pages"));
        }

        return new Extracted(content.Text, "pdf", string.Empty, [])
        {
            OcrPages = content.OcrPages ?? [],
            OcrConfidence = confidences.Count == 0 ? null : Math.Round(confidences.Average(), 1),
        };
    }

    private Extracted? ExtractLegacyWord(byte[] bytes, string extension, List<Diagnostic> diagnostics, out string? failure)
    {
        // A .docx saved as .doc is common; an RTF file too. Anything else must be an OLE compound file.
        if (bytes.AsSpan().StartsWith("PK\u0003\u0004"u8))
        {
            return ExtractDocx(bytes, diagnostics, out failure);
        }

        if (!bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) && !bytes.AsSpan().StartsWith("{\\rtf"u8))
        {
            failure = ReadFailures.NotOleDocument;
            return null;
        }

        if (Options.LegacyWord.ToDocx(bytes, extension, out failure) is not { } docx)
        {
            return null;
        }

        diagnostics.Add(new Diagnostic(DiagnosticCodes.Converted, DiagnosticSeverity.Info, $"converted from {extension} by LibreOffice"));
        var extracted = ExtractDocx(docx, diagnostics, out failure);
        return extracted is null ? null : extracted with { Encoding = extension.TrimStart('.') };
    }

    private Extracted? ExtractImage(byte[] bytes, string name, Action<int>? onOcrPage, List<Diagnostic> diagnostics, out string? failure)
    {
        if (Options.Ocr is not { } ocr)
        {
            failure = "an image can only be read by OCR, which is off (--no-ocr)";
            return null;
        }

        if (ocr.RecogniseImage(bytes, Path.GetExtension(name).ToLowerInvariant(), out failure) is not { } page)
        {
            return null;
        }

        if (page.Lines.Count == 0)
        {
            failure = ReadFailures.NothingRecognised;
            return null;
        }

        Options.OnOcrPage?.Invoke(name, 1);
        onOcrPage?.Invoke(1);
        diagnostics.Add(OcrDiagnostic([1], [page.Confidence]));
        var pages = new List<List<PdfTextExtractor.PdfLine>> { OcrLines(page, page.Width, page.Height) };
        return new Extracted(PdfTextExtractor.Paragraphs(pages, splitNumbers: true), "ocr", string.Empty, [])
        {
            OcrPages = [1],
            OcrConfidence = Math.Round(page.Confidence, 1),
        };
    }

    // OCR boxes (pixels, origin top left) as page lines (baseline growing upwards, page units), so PDF line joining applies.
    private static List<PdfTextExtractor.PdfLine> OcrLines(External.OcrPage page, double width, double height)
    {
        var scale = page.Width > 0 ? width / page.Width : 1;
        return [.. page.Lines.Select(l => new PdfTextExtractor.PdfLine(
            l.Text, l.Left * scale, l.Right * scale, (page.Height - l.Bottom) * scale, Math.Max(1, (l.Bottom - l.Top) * scale)))];
    }

    private static Diagnostic OcrDiagnostic(IReadOnlyList<int> pages, IReadOnlyList<double> confidences) =>
        new(DiagnosticCodes.OcrPages, DiagnosticSeverity.Info,
            $"OCR pages {string.Join(", ", pages)} (mean confidence {(confidences.Count == 0 ? 0 : confidences.Average()):0.0}%)");

    // Zip packages are inflated once into a counting sink before a parser sees them (DOCX, OFD, LibreOffice's output).
    private string? PackageBomb(byte[] bytes, string format) =>
        bytes.AsSpan().StartsWith("PK"u8)
            ? ZipInflateGuard.Check(bytes, format, new ZipLimits(Options.MaxInflatedBytes, Options.MaxInflateRatio, Options.MaxPackageEntries))
            : null;

    private Extracted? ExtractDocx(byte[] bytes, List<Diagnostic> diagnostics, out string? failure)
    {
        if (PackageBomb(bytes, "DOCX") is { } bomb)
        {
            failure = bomb;
            return null;
        }

        if (DocxTextExtractor.Extract(bytes, out failure) is not { } content)
        {
            return null;
        }

        if (content.Tables > 0)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.TablesRead, DiagnosticSeverity.Info, $"{content.Tables} tables, one line per row, cells separated by tabs"));
        }

        return new Extracted(content.Text, "docx", string.Empty, content.Title is null ? [] : [content.Title])
        {
            StyledHeadings = LineStarts(content.Text, content.Headings),
        };
    }

    private Extracted? ExtractOfd(byte[] bytes, List<Diagnostic> diagnostics, out string? failure)
    {
        if (PackageBomb(bytes, "OFD") is { } bomb)
        {
            failure = bomb;
            return null;
        }

        if (OfdTextExtractor.Extract(bytes, out failure) is not { } content)
        {
            return null;
        }

        diagnostics.Add(new Diagnostic(DiagnosticCodes.PdfPages, DiagnosticSeverity.Info, $"{content.Pages} pages"));
        if (content.RemovedLines > 0)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.PdfRunningLinesRemoved, DiagnosticSeverity.Info,
                $"removed {content.RemovedLines} running header/footer and page-number lines from {content.Pages} pages"));
        }

        // DocInfo entries named like a metadata table's keys (文号, 发文机关, 成文日期 …) count as its fields; the
        // author only when it names a body, and the title only as a hint below a title line in the text.
        var fields = new StringBuilder();
        foreach (var (key, value) in content.Info)
        {
            if (ChromeFilter.FieldKeys.Contains(key))
            {
                fields.Append(key).Append('：').Append(value.ReplaceLineEndings(" ")).Append('\n');
            }
        }

        if (content.Info.TryGetValue("Author", out var author) && MetadataExtractor.IsOrganisation(author.Trim()))
        {
            fields.Append("发文机关：").Append(author.Trim()).Append('\n');
        }

        var hints = content.Info.TryGetValue("Title", out var title) && title.Trim().Length > 0 ? new[] { title.Trim() } : [];
        return new Extracted(content.Text, "ofd", fields.ToString(), hints);
    }

    private static bool SameCharset(string declared, string detected) =>
        detected.Equals(declared, StringComparison.OrdinalIgnoreCase)
        || (detected == "gb18030" && declared.ToUpperInvariant() is "GBK" or "GB2312" or "GB18030" or "X-GBK" or "CP936" or "EUC-CN")
        || (detected == "utf-8" && declared.Equals("utf8", StringComparison.OrdinalIgnoreCase));

    /// <summary>Text length from which a document counts as large (16 MB of UTF-16), see <see cref="ReleaseGarbageOfLargeDocument"/>.</summary>
    private const int LargeTextCharacters = 1 << 23;

    // Each cleaning stage of a large document allocates about as much as the stage before left as garbage (the file's
    // bytes, a builder's buffer). The runtime grows its large-object budget with the heap instead of collecting, so
    // without a collection between stages they add up: a 200 MB file peaked at 1 GB. A plain collection frees that
    // garbage but keeps its pages committed, and the next stage's strings land beside them (a 200 MiB text still peaked
    // at 4.0x its size); an aggressive one compacts and gives the pages back, so the peak is the largest stage's live
    // text (2.9x). It costs a fraction of a second next to the seconds such a document takes; small ones never pay it.
    private static void ReleaseGarbageOfLargeDocument(bool large)
    {
        if (large)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ReadResult Build(string name, DocumentFormat format, byte[] bytes, string? knownHash, Extracted extracted, List<Diagnostic> diagnostics, ReadStageTimes? times)
    {
        // Hashed first: after this the file's bytes are garbage, and a large file's bytes need not outlive its decoding.
        var started = Stopwatch.GetTimestamp();
        var contentHash = knownHash ?? Convert.ToHexStringLower(SHA256.HashData(bytes));
        times?.AddHash(started);
        var large = extracted.SourceText.Length >= LargeTextCharacters;
        ReleaseGarbageOfLargeDocument(large);

        started = Stopwatch.GetTimestamp();
        var cleaned = ChromeFilter.Clean(extracted.SourceText);
        times?.AddChrome(started);
        ReleaseGarbageOfLargeDocument(large);
        if (cleaned.DroppedLines > 0)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.ChromeRemoved, DiagnosticSeverity.Info,
                $"removed {cleaned.DroppedLines} lines of page chrome"));
        }

        started = Stopwatch.GetTimestamp();
        var normalised = TextNormaliser.Normalise(cleaned.Text);
        var text = normalised.Text;
        if (string.IsNullOrWhiteSpace(text))
        {
            return ReadResult.Failure(name, ReadFailures.NoText);
        }

        CountChanges(normalised, diagnostics);
        var map = normalised.Map.Then(cleaned.Map);
        times?.AddNormalise(started);
        ReleaseGarbageOfLargeDocument(large);

        started = Stopwatch.GetTimestamp();
        var fields = new Dictionary<string, string>(cleaned.Fields, StringComparer.Ordinal);
        if (extracted.FieldText.Length > 0)
        {
            foreach (var (key, value) in ChromeFilter.Clean(extracted.FieldText).Fields)
            {
                fields.TryAdd(key, value);
            }
        }

        var hints = new List<string>();
        if (cleaned.TitleHint is not null)
        {
            hints.Add(cleaned.TitleHint);
        }

        hints.AddRange(extracted.TitleHints);
        var metadata = MetadataExtractor.Extract(new MetadataInput(
            text,
            fields,
            hints.Take(1).ToList(),
            cleaned.Domains,
            span => TextNormaliser.Normalise(cleaned.Text[normalised.Map.ToSource(span).Start..normalised.Map.ToSource(span).End], NormalisationOptions.AsWritten).Text));

        var unknown = Unknown(metadata);
        if (unknown.Length > 0)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.MetadataUnknown, DiagnosticSeverity.Info, $"unknown metadata: {unknown}"));
        }

        times?.AddMetadata(started);
        ReleaseGarbageOfLargeDocument(large);

        started = Stopwatch.GetTimestamp();
        var structure = StructureParser.Parse(text, StyledHeadingsIn(text, map, extracted.SourceText, extracted.StyledHeadings));
        times?.AddStructure(started);
        ReleaseGarbageOfLargeDocument(large);

        return ReadResult.Success(new PolicyDocument
        {
            SourceName = name,
            Format = format,
            Encoding = extracted.Encoding,
            ContentHash = contentHash,
            SourceText = extracted.SourceText,
            Text = text,
            OffsetMap = map,
            Metadata = metadata,
            Sections = structure.Sections,
            Sentences = structure.Sentences,
            Tables = TextTableDetector.Detect(text),
            Diagnostics = diagnostics,
            OcrPages = extracted.OcrPages,
            Fingerprint = TextFingerprint.Of(text),
            OcrConfidence = extracted.OcrConfidence,
        });
    }

    // Heading lines by their index in the extracted text → their start offsets there.
    private static Dictionary<int, int> LineStarts(string text, IReadOnlyList<(int Line, int Level)> headings)
    {
        var levels = headings.ToDictionary(h => h.Line, h => h.Level);
        var starts = new Dictionary<int, int>(levels.Count);
        for (int line = 0, start = 0; start <= text.Length && starts.Count < levels.Count; line++)
        {
            if (levels.TryGetValue(line, out var level))
            {
                starts[start] = level;
            }

            var end = text.IndexOf('\n', start);
            if (end < 0)
            {
                break;
            }

            start = end + 1;
        }

        return starts;
    }

    // The styled heading lines of the source, found again in the normalised text: the first normalised line whose first
    // character comes from inside a styled source line is that heading (chrome removal may have dropped lines around it).
    private static Dictionary<int, int>? StyledHeadingsIn(string text, OffsetMap map, string sourceText, IReadOnlyDictionary<int, int> styled)
    {
        if (styled.Count == 0)
        {
            return null;
        }

        var sourceStarts = styled.Keys.Order().ToArray();
        var sourceEnds = sourceStarts.Select(start => sourceText.IndexOf('\n', start) is var end and >= 0 ? end : sourceText.Length).ToArray();
        var found = new Dictionary<int, int>(styled.Count);
        var taken = new bool[sourceStarts.Length];
        for (var start = 0; start < text.Length;)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0)
            {
                end = text.Length;
            }

            var first = start;
            while (first < end && char.IsWhiteSpace(text[first]))
            {
                first++;
            }

            if (first < end)
            {
                var source = map.ToSource(first);
                var i = Array.BinarySearch(sourceStarts, source);
                i = i >= 0 ? i : ~i - 1;
                if (i >= 0 && !taken[i] && source < sourceEnds[i])
                {
                    taken[i] = true;
                    found[first] = styled[sourceStarts[i]];
                }
            }

            start = end + 1;
        }

        return found;
    }

    private static void CountChanges(NormalisedText normalised, List<Diagnostic> diagnostics)
    {
        if (normalised.RemovedGarbage > 0)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.GarbageRemoved, DiagnosticSeverity.Info,
                $"removed {normalised.RemovedGarbage} garbage characters (□, U+FFFD, private-use)"));
        }

        if (normalised.FoldedTraditional > 0)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.TraditionalFolded, DiagnosticSeverity.Info,
                $"folded {normalised.FoldedTraditional} traditional characters to simplified"));
        }
    }

    private static string Unknown(DocumentMetadata metadata)
    {
        var names = new List<string>(7);
        if (metadata.Title is null)
        {
            names.Add("title");
        }

        if (metadata.Issuer is null)
        {
            names.Add("issuer");
        }

        if (metadata.Date is null)
        {
            names.Add("date");
        }

        if (metadata.Year is null)
        {
            names.Add("year");
        }

        if (metadata.Region is null)
        {
            names.Add("region");
        }

        return string.Join(", ", names);
    }

    private byte[]? ReadAll(Stream stream)
    {
        if (stream.CanSeek)
        {
            var remaining = stream.Length - stream.Position;
            if (remaining > Options.MaxBytes)
            {
                return null;
            }

            var buffer = new byte[remaining];
            stream.ReadExactly(buffer);
            return buffer;
        }

        using var memory = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk)) > 0)
        {
            if (memory.Length + read > Options.MaxBytes)
            {
                return null;
            }

            memory.Write(chunk, 0, read);
        }

        return memory.ToArray();
    }
}
