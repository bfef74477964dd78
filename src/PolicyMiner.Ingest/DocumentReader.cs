using System.Collections.Frozen;
using System.Diagnostics;
using System.Security.Cryptography;
using PolicyMiner.Core.Documents;
using PolicyMiner.Core.Documents.Tables;
using PolicyMiner.Core.Text;
using PolicyMiner.Ingest.Cleaning;
using PolicyMiner.Ingest.Decoding;
using PolicyMiner.Ingest.Metadata;
using PolicyMiner.Ingest.Readers;
using PolicyMiner.Ingest.Structure;

namespace PolicyMiner.Ingest;

/// <summary>
/// Reads a policy document from a TXT, HTML or PDF file into a <see cref="PolicyDocument"/>: decoded, chrome
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
    public static IReadOnlyList<string> SupportedExtensions { get; } = [".txt", ".text", ".html", ".htm", ".shtml", ".xhtml", ".pdf"];

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
    public ReadResult Read(byte[] bytes, string name, DocumentFormat format)
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
                _ => ExtractPdf(bytes, diagnostics, Options, times, out failure),
            };
            if (extracted is null)
            {
                return ReadResult.Failure(name, failure ?? ReadFailures.NoText);
            }

            if (extracted.SourceText.Length > Options.MaxCharacters)
            {
                return ReadResult.Failure(name, ReadFailures.TooMuchText("document", extracted.SourceText.Length, Options.MaxCharacters));
            }

            return Build(name, format, bytes, extracted, diagnostics, times);
        }
#pragma warning disable CA1031 // The reader's contract: one line per bad file, nothing thrown past it, even on a reader bug.
        catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            return ReadResult.Failure(name, ReadFailures.ReaderError(e));
        }
    }

    private sealed record Extracted(string SourceText, string Encoding, string FieldText, IReadOnlyList<string> TitleHints);

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

    private static Extracted? ExtractPdf(byte[] bytes, List<Diagnostic> diagnostics, DocumentReaderOptions options, ReadStageTimes? times, out string? failure)
    {
        var started = Stopwatch.GetTimestamp();
        if (PdfInflateGuard.Check(bytes, options.MaxInflatedBytes, options.MaxInflateRatio, options.MaxCharactersPerPage * 4L) is { } bomb)
        {
            failure = ReadFailures.Bomb(bomb);
            return null;
        }

        var content = PdfTextExtractor.Extract(bytes, options, out failure);
        times?.AddMarkup(started);
        if (content is null)
        {
            return null;
        }

        diagnostics.Add(new Diagnostic(DiagnosticCodes.PdfPages, DiagnosticSeverity.Info, $"{content.Pages} pages"));
        if (content.RemovedLines > 0)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.PdfRunningLinesRemoved, DiagnosticSeverity.Info,
                $"removed {content.RemovedLines} running header/footer and page-number lines from {content.Pages} pages"));
        }

        return new Extracted(content.Text, "pdf", string.Empty, []);
    }

    private static bool SameCharset(string declared, string detected) =>
        detected.Equals(declared, StringComparison.OrdinalIgnoreCase)
        || (detected == "gb18030" && declared.ToUpperInvariant() is "GBK" or "GB2312" or "GB18030" or "X-GBK" or "CP936" or "EUC-CN")
        || (detected == "utf-8" && declared.Equals("utf8", StringComparison.OrdinalIgnoreCase));

    private static ReadResult Build(string name, DocumentFormat format, byte[] bytes, Extracted extracted, List<Diagnostic> diagnostics, ReadStageTimes? times)
    {
        var started = Stopwatch.GetTimestamp();
        var cleaned = ChromeFilter.Clean(extracted.SourceText);
        times?.AddChrome(started);
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

        started = Stopwatch.GetTimestamp();
        var structure = StructureParser.Parse(text);
        times?.AddStructure(started);

        started = Stopwatch.GetTimestamp();
        var contentHash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        times?.AddHash(started);
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
        });
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
