using System.Text;
using System.Text.RegularExpressions;
using PolicyMiner.Ingest.Structure;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Exceptions;

namespace PolicyMiner.Ingest.Readers;

/// <summary>The text of a PDF in reading order, paragraphs one per line, or why there is none.</summary>
/// <param name="Text">Paragraphs joined from lines, running headers, footers and page numbers removed.</param>
/// <param name="Pages">Number of pages read.</param>
/// <param name="RemovedLines">Running header/footer and page-number lines removed.</param>
/// <param name="OcrPages">1-based numbers of the pages whose text came from OCR (no text layer).</param>
public sealed record PdfContent(string Text, int Pages, int RemovedLines, IReadOnlyList<int>? OcrPages = null);

/// <summary>
/// Reads the text layer of a PDF with PdfPig: letters grouped into lines by baseline, lines into paragraphs
/// (Chinese lines break anywhere, so a line that runs to the right margin continues in the next), running
/// headers, footers and page numbers dropped.
/// </summary>
/// <remarks>Stateless and thread-safe. Expected failures come back as a reason, never as an exception.</remarks>
public static partial class PdfTextExtractor
{
    /// <summary>A line of a fixed-layout page: its text, left and right edges, baseline (growing upwards) and font size.</summary>
    /// <remarks><paramref name="Segments"/> are the runs of the line between wide gaps (cells, when the line is a table's row),
    /// null for lines OCR gave; <paramref name="IsTableRow"/> marks a row <see cref="PdfTableRows"/> wrote as tab-separated cells.</remarks>
    internal sealed record PdfLine(string Text, double Left, double Right, double Baseline, double Size,
        IReadOnlyList<PdfSegment>? Segments = null, bool IsTableRow = false);

    /// <summary>A run of a line's letters between two wide gaps: its text and left and right edges, and, when it has narrow
    /// gaps inside, the pieces between them (a table's header cells set tight can be one run across several columns).</summary>
    internal sealed record PdfSegment(string Text, double Left, double Right, IReadOnlyList<PdfSegment>? Pieces = null);

    /// <summary>Extracts the text of the PDF in <paramref name="bytes"/>; on failure returns null and a one-line reason.</summary>
    public static PdfContent? Extract(byte[] bytes, out string? failure) => Extract(bytes, DocumentReaderOptions.Default, out failure);

    /// <summary>Extracts the text of the PDF in <paramref name="bytes"/> within the page, character and time limits of <paramref name="options"/>.</summary>
    public static PdfContent? Extract(byte[] bytes, DocumentReaderOptions options, out string? failure) => Extract(bytes, options, null, out failure);

    /// <summary>Extracts the text of the PDF; a page without a text layer but with images is passed to
    /// <paramref name="ocr"/> (page number, width and height in points), which gives its lines or null. Time spent in
    /// OCR does not count against the document's time limit (it is another program's work, seconds a page).</summary>
    internal static PdfContent? Extract(byte[] bytes, DocumentReaderOptions options, Func<int, double, double, List<PdfLine>?>? ocr, out string? failure)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(bytes);
        failure = null;
        if (bytes.AsSpan(0, Math.Min(bytes.Length, 1024)).IndexOf("%PDF-"u8) < 0)
        {
            failure = ReadFailures.NotPdf;
            return null;
        }

        try
        {
            using var document = PdfDocument.Open(bytes, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
            if (document.NumberOfPages > options.MaxPages)
            {
                failure = ReadFailures.TooManyPages(document.NumberOfPages, options.MaxPages);
                return null;
            }

            var clock = System.Diagnostics.Stopwatch.StartNew();
            var pages = new List<List<PdfLine>>();
            var hasImages = false;
            var characters = 0L;
            var ocrPages = new List<int>();
            var ocrTime = TimeSpan.Zero;
            foreach (var page in document.GetPages())
            {
                if (clock.Elapsed - ocrTime > options.MaxTimePerDocument)
                {
                    failure = ReadFailures.TooSlow(options.MaxTimePerDocument, $"at page {page.Number}");
                    return null;
                }

                if (page.Letters.Count > options.MaxCharactersPerPage)
                {
                    failure = ReadFailures.TooMuchText($"page {page.Number}", page.Letters.Count, options.MaxCharactersPerPage);
                    return null;
                }

                characters += page.Letters.Count;
                if (characters > options.MaxCharacters)
                {
                    failure = ReadFailures.TooMuchText("document", characters, options.MaxCharacters);
                    return null;
                }

                var lines = Lines(page);
                if (lines.Count == 0 && page.GetImages().Any())
                {
                    hasImages = true;
                    var ocrStarted = clock.Elapsed;
                    var recognised = ocr?.Invoke(page.Number, page.Width, page.Height);
                    ocrTime += clock.Elapsed - ocrStarted;
                    if (recognised is { Count: > 0 })
                    {
                        lines = recognised;
                        ocrPages.Add(page.Number);
                    }
                }

                pages.Add(ocrPages.Contains(page.Number) ? lines : PdfTableRows.Join(lines));
            }

            if (pages.All(p => p.Count == 0))
            {
                failure = hasImages ? ReadFailures.ScannedPdf : ReadFailures.EmptyPdf;
                return null;
            }

            var removed = RemoveRunningLines(pages);
            return new PdfContent(Paragraphs(pages), pages.Count, removed, ocrPages);
        }
        catch (PdfDocumentEncryptedException)
        {
            failure = ReadFailures.EncryptedPdf;
            return null;
        }
#pragma warning disable CA1031 // A corrupt file can fail anywhere inside the parser; it is reported, not thrown.
        catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            failure = ReadFailures.CorruptPdf(e.Message);
            return null;
        }
    }

    private static List<PdfLine> Lines(Page page)
    {
        var letters = page.Letters
            .Where(l => !string.IsNullOrEmpty(l.Value))
            .OrderByDescending(l => Math.Round(l.StartBaseLine.Y, 1))
            .ThenBy(l => l.StartBaseLine.X)
            .ToList();
        var lines = new List<PdfLine>();
        var current = new List<Letter>();
        var baseline = double.NaN;
        foreach (var letter in letters)
        {
            var size = Math.Max(letter.PointSize, 1);
            if (current.Count > 0 && Math.Abs(letter.StartBaseLine.Y - baseline) > size * 0.4)
            {
                AddLine(lines, current);
                current.Clear();
            }

            if (current.Count == 0)
            {
                baseline = letter.StartBaseLine.Y;
            }

            current.Add(letter);
        }

        AddLine(lines, current);
        return lines;
    }

    private static void AddLine(List<PdfLine> lines, List<Letter> letters)
    {
        if (letters.Count == 0)
        {
            return;
        }

        letters.Sort((a, b) => a.StartBaseLine.X.CompareTo(b.StartBaseLine.X));
        var text = new StringBuilder(letters.Count);
        var segments = new List<PdfSegment>();
        var segment = new StringBuilder();
        var segmentLeft = letters[0].StartBaseLine.X;
        var segmentRight = segmentLeft;
        var pieces = new List<PdfSegment>();
        var piece = new StringBuilder();
        var pieceLeft = segmentLeft;
        Letter? previous = null;
        foreach (var letter in letters)
        {
            if (previous is not null)
            {
                var gap = letter.StartBaseLine.X - previous.EndBaseLine.X;
                var size = Math.Max(previous.PointSize, 1);
                if (gap > size * PdfTableRows.PieceGap && piece.Length > 0)
                {
                    AddPiece(pieces, piece, pieceLeft, previous.EndBaseLine.X);
                }

                if (gap > size * PdfTableRows.CellGap && segment.Length > 0)
                {
                    segments.Add(new PdfSegment(segment.ToString().Trim(), segmentLeft, segmentRight, Pieces(pieces)));
                    segment.Clear();
                }

                // Word gaps only matter between Latin letters and digits; CJK text has no spaces.
                if (gap > size * 0.2 && !IsCjk(letter.Value[0]) && !IsCjk(previous.Value[^1]) && text.Length > 0 && text[^1] != ' ')
                {
                    text.Append(' ');
                }
            }

            if (letter.Value == " " && (text.Length == 0 || text[^1] == ' '))
            {
                continue;
            }

            if (segment.Length == 0)
            {
                segmentLeft = letter.StartBaseLine.X;
            }

            if (piece.Length == 0)
            {
                pieceLeft = letter.StartBaseLine.X;
            }

            segment.Append(letter.Value);
            piece.Append(letter.Value);
            segmentRight = letter.EndBaseLine.X;
            text.Append(letter.Value);
            previous = letter;
        }

        if (piece.Length > 0)
        {
            AddPiece(pieces, piece, pieceLeft, segmentRight);
        }

        if (segment.ToString().Trim() is { Length: > 0 } lastSegment)
        {
            segments.Add(new PdfSegment(lastSegment, segmentLeft, segmentRight, Pieces(pieces)));
        }

        var trimmed = text.ToString().Trim();
        if (trimmed.Length == 0)
        {
            return;
        }

        var first = letters[0];
        var last = letters[^1];
        lines.Add(new PdfLine(trimmed, first.StartBaseLine.X, last.EndBaseLine.X, first.StartBaseLine.Y, letters.Max(l => l.PointSize),
            segments.FindAll(g => g.Text.Length > 0)));
    }

    private static void AddPiece(List<PdfSegment> pieces, StringBuilder piece, double left, double right)
    {
        if (piece.ToString().Trim() is { Length: > 0 } text)
        {
            pieces.Add(new PdfSegment(text, left, right));
        }

        piece.Clear();
    }

    /// <summary>The pieces gathered for the segment just closed (null when it is one piece), and a fresh list for the next.</summary>
    private static List<PdfSegment>? Pieces(List<PdfSegment> pieces)
    {
        var result = pieces.Count > 1 ? new List<PdfSegment>(pieces) : null;
        pieces.Clear();
        return result;
    }

    // Lines at the top or bottom of pages that repeat from page to page (digits aside), and bare page numbers.
    internal static int RemoveRunningLines(List<List<PdfLine>> pages)
    {
        const int Edge = 2;
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var page in pages)
        {
            foreach (var key in EdgeLines(page, Edge).Select(l => RunningKey(l.Text)).Distinct())
            {
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
        }

        var threshold = Math.Max(2, (pages.Count + 1) / 2);
        var removed = 0;
        foreach (var page in pages)
        {
            var edge = EdgeLines(page, Edge).ToHashSet();
            removed += page.RemoveAll(line => edge.Contains(line)
                && (PageNumberPattern().IsMatch(line.Text) || (pages.Count >= 2 && counts.GetValueOrDefault(RunningKey(line.Text)) >= threshold)));
        }

        return removed;
    }

    private static IEnumerable<PdfLine> EdgeLines(List<PdfLine> page, int edge) =>
        page.Count <= edge * 2 ? page : page.Take(edge).Concat(page.Skip(page.Count - edge));

    private static string RunningKey(string text)
    {
        var key = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                key.Append(char.IsDigit(c) ? '#' : c);
            }
        }

        return key.ToString();
    }

    /// <param name="splitNumbers">True when digits broken over two lines are one number (Chinese layouts wrap anywhere),
    /// so no space is put between them.</param>
    internal static string Paragraphs(List<List<PdfLine>> pages, bool splitNumbers = false)
    {
        var all = pages.SelectMany(p => p).ToList();
        if (all.Count == 0)
        {
            return string.Empty;
        }

        var left = Percentile(all.Select(l => l.Left), 0.1);
        var right = Percentile(all.Select(l => l.Right), 0.9);
        var text = new StringBuilder();
        PdfLine? previous = null;
        foreach (var page in pages)
        {
            for (var i = 0; i < page.Count; i++)
            {
                var line = page[i];
                if (previous is not null)
                {
                    if (!previous.IsTableRow && !line.IsTableRow && Continues(previous, line, left, right, sameColumn: i > 0 ? page[i - 1] : null))
                    {
                        if (NeedsSpace(previous.Text[^1], line.Text[0]) && !(splitNumbers && char.IsAsciiDigit(previous.Text[^1]) && char.IsAsciiDigit(line.Text[0])))
                        {
                            text.Append(' ');
                        }
                    }
                    else
                    {
                        text.Append('\n');
                    }
                }

                text.Append(line.Text);
                previous = line;
            }
        }

        return text.ToString();
    }

    // A line continues the previous one when the previous ran to the right margin and this one is not
    // indented, is not a numbered heading, and does not start after a blank gap.
    private static bool Continues(PdfLine previous, PdfLine line, double left, double right, PdfLine? sameColumn)
    {
        var size = Math.Max(previous.Size, 1);
        if (previous.Right < right - (size * 1.5))
        {
            return false;
        }

        if (line.Left > left + (size * 1.2))
        {
            // A centred title wrapped over two lines: a full-width first line without a closing mark, then a centred rest.
            var fullWidth = previous.Left <= left + (size * 1.2);
            var centred = Math.Abs(((line.Left + line.Right) / 2) - ((left + right) / 2)) < size * 2;
            if (!(fullWidth && centred && !EndsClause(previous.Text)))
            {
                return false;
            }
        }

        if (sameColumn is not null && previous.Baseline - line.Baseline > size * 2.2)
        {
            return false;
        }

        return !StructureParser.TryHeading(line.Text, out _, out _, out _);
    }

    private static bool EndsClause(string text) => text[^1] is '。' or '；' or '：' or '！' or '？' or ';' or ':' or '!' or '?';

    private static bool NeedsSpace(char before, char after) => !IsCjk(before) && !IsCjk(after) && char.IsLetterOrDigit(before) && char.IsLetterOrDigit(after);

    private static double Percentile(IEnumerable<double> values, double fraction)
    {
        var sorted = values.Order().ToArray();
        return sorted[(int)Math.Clamp(Math.Round((sorted.Length - 1) * fraction), 0, sorted.Length - 1)];
    }

    private static bool IsCjk(char c) => c is >= '\u2E80' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF' or >= '\uFF00' and <= '\uFFEF';

    // "3", "- 3 -", "— 3 —", "第3页", "第 3 页 共 10 页", "3/10", "Page 3".
    [GeneratedRegex(@"^\s*(?:[-—–]\s*)?(?:第\s*)?\d{1,4}\s*(?:页)?\s*(?:[/／]\s*\d{1,4}|共\s*\d{1,4}\s*页)?(?:\s*[-—–])?\s*$|^\s*(?:Page|page)\s*\d{1,4}(?:\s*of\s*\d{1,4})?\s*$")]
    private static partial Regex PageNumberPattern();
}
