using System.Globalization;
using System.Text;

namespace PolicyMiner.Ingest.External;

/// <summary>A line recognised on a page image: its text, box in pixels (top-left origin) and mean word confidence (0–100).</summary>
public sealed record OcrLine(string Text, double Left, double Top, double Right, double Bottom, double Confidence);

/// <summary>The lines recognised on one page image, and the page's size in pixels.</summary>
public sealed record OcrPage(IReadOnlyList<OcrLine> Lines, double Width, double Height)
{
    /// <summary>Mean confidence over the page's lines weighted by their length (0–100), or 0 for an empty page.</summary>
    public double Confidence
    {
        get
        {
            var characters = Lines.Sum(l => l.Text.Length);
            return characters == 0 ? 0 : Lines.Sum(l => l.Confidence * l.Text.Length) / characters;
        }
    }
}

/// <summary>
/// Optical character recognition with Tesseract (Debian tesseract-ocr + tesseract-ocr-chi-sim) over page images that
/// pdftoppm (Debian poppler-utils) renders from PDF pages: lines with their boxes and confidences from Tesseract's TSV.
/// </summary>
/// <remarks>Thread-safe: every call works in its own temp folder and processes. Tesseract runs single-threaded
/// (OMP_THREAD_LIMIT=1) because the batch already reads files in parallel.</remarks>
public sealed partial class OcrEngine(ExternalTool tesseract, ExternalTool pdftoppm, string languages, int dpi, TimeSpan timeout)
{
    /// <summary>The engine using tesseract and pdftoppm from PATH: simplified Chinese (its model reads Latin letters and
    /// digits too; adding eng made Chinese numerals in brackets come out as Latin letters), 300 dpi, 120 s per page.</summary>
    public static OcrEngine Default { get; } = new(
        new ExternalTool("tesseract", "tesseract-ocr"),
        new ExternalTool("pdftoppm", "poppler-utils"),
        "chi_sim",
        300,
        TimeSpan.FromSeconds(120));

    /// <summary>True when Tesseract is installed (scanned PDFs also need pdftoppm).</summary>
    public bool IsAvailable => tesseract.IsAvailable;

    /// <summary>Resolution pages are rendered at, in dots per inch.</summary>
    public int Dpi => dpi;

    /// <summary>Why OCR cannot run for PDFs, or null when it can.</summary>
    public string? PdfUnavailableReason =>
        !tesseract.IsAvailable ? tesseract.MissingReason("OCR of scanned pages")
        : !pdftoppm.IsAvailable ? pdftoppm.MissingReason("OCR of scanned PDF pages")
        : null;

    /// <summary>Why OCR cannot run for images, or null when it can.</summary>
    public string? ImageUnavailableReason => tesseract.IsAvailable ? null : tesseract.MissingReason("OCR of images");

    /// <summary>Renders page <paramref name="pageNumber"/> (1-based) of a PDF and recognises it; null and a reason on failure.</summary>
    public OcrPage? RecognisePdfPage(byte[] pdf, int pageNumber, out string? failure)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        if (PdfUnavailableReason is { } missing)
        {
            failure = missing;
            return null;
        }

        using var folder = new TempFolder();
        var input = Path.Combine(folder.Path, "input.pdf");
        File.WriteAllBytes(input, pdf);
        var page = pageNumber.ToString(CultureInfo.InvariantCulture);
        var render = pdftoppm.Run(["-f", page, "-l", page, "-r", dpi.ToString(CultureInfo.InvariantCulture), "-gray", "-png", "-singlefile", input, Path.Combine(folder.Path, "page")], timeout, folder.Path);
        var image = Path.Combine(folder.Path, "page.png");
        if (!render.Succeeded || !File.Exists(image))
        {
            failure = render.TimedOut ? $"rendering page {pageNumber} took over {timeout.TotalSeconds:0} s" : $"could not render page {pageNumber} ({render.LastErrorLine})";
            return null;
        }

        return Recognise(image, folder.Path, out failure);
    }

    /// <summary>Recognises an image file's bytes (PNG, JPEG, TIFF); null and a reason on failure.</summary>
    public OcrPage? RecogniseImage(byte[] image, string extension, out string? failure)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (ImageUnavailableReason is { } missing)
        {
            failure = missing;
            return null;
        }

        using var folder = new TempFolder();
        var input = Path.Combine(folder.Path, "input" + extension);
        File.WriteAllBytes(input, image);
        return Recognise(input, folder.Path, out failure);
    }

    private OcrPage? Recognise(string image, string folder, out string? failure)
    {
        // psm 4: a single column of text of varying sizes, as official documents are laid out (measured better than
        // automatic layout and than psm 6 on the rendered samples).
        var run = tesseract.Run(
            [image, "stdout", "-l", languages, "--psm", "4", "-c", "preserve_interword_spaces=1", "tsv"],
            timeout,
            folder,
            new Dictionary<string, string> { ["OMP_THREAD_LIMIT"] = "1" });
        if (!run.Succeeded)
        {
            failure = run.TimedOut ? $"OCR took over {timeout.TotalSeconds:0} s" : $"OCR failed ({run.LastErrorLine})";
            return null;
        }

        failure = null;
        return ParseTsv(run.Output);
    }

    /// <summary>Lines from Tesseract's TSV output: words grouped by block, paragraph and line, CJK words joined without spaces.</summary>
    public static OcrPage ParseTsv(string tsv)
    {
        ArgumentNullException.ThrowIfNull(tsv);
        var lines = new List<OcrLine>();
        double width = 0, height = 0;
        (int, int, int)? key = null;
        var text = new StringBuilder();
        double left = double.MaxValue, top = double.MaxValue, right = 0, bottom = 0, confidence = 0;
        var words = 0;

        void Flush()
        {
            var line = Tidy(text.ToString().Trim());
            if (line.Length > 0)
            {
                lines.Add(new OcrLine(line, left, top, right, bottom, words == 0 ? 0 : confidence / words));
            }

            text.Clear();
            left = top = double.MaxValue;
            right = bottom = confidence = 0;
            words = 0;
        }

        foreach (var row in tsv.Split('\n'))
        {
            var cells = row.TrimEnd('\r').Split('\t');
            if (cells.Length < 12 || !int.TryParse(cells[0], CultureInfo.InvariantCulture, out var level))
            {
                continue;
            }

            var (l, t, w, h) = (Number(cells[6]), Number(cells[7]), Number(cells[8]), Number(cells[9]));
            if (level == 1)
            {
                (width, height) = (w, h);
                continue;
            }

            if (level != 5 || cells[11].Trim().Length == 0)
            {
                continue;
            }

            var lineKey = (int.Parse(cells[2], CultureInfo.InvariantCulture), int.Parse(cells[3], CultureInfo.InvariantCulture), int.Parse(cells[4], CultureInfo.InvariantCulture));
            if (key != lineKey)
            {
                Flush();
                key = lineKey;
            }

            var word = cells[11].Trim();
            if (text.Length > 0 && !IsCjk(text[^1]) && !IsCjk(word[0]))
            {
                text.Append(' ');
            }

            text.Append(word);
            left = Math.Min(left, l);
            top = Math.Min(top, t);
            right = Math.Max(right, l + w);
            bottom = Math.Max(bottom, t + h);
            confidence += Math.Max(0, Number(cells[10]));
            words++;
        }

        Flush();
        return new OcrPage(lines, width, height);
    }

    /// <summary>Undoes what Tesseract's Chinese model does to Chinese typography: half-width punctuation next to
    /// Chinese (（ ） ： ； ， ？ ！), spaces between Chinese characters, [2011] for 〔2011〕 in document numbers, O for 〇
    /// among Chinese numerals, and dashes read as 一 around a page number (一1一 → —1—).</summary>
    public static string Tidy(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.Length >= 3 && line[0] is '一' or '-' or '—' && line[^1] is '一' or '-' or '—' && line.AsSpan(1, line.Length - 2).Trim().ToString().All(char.IsAsciiDigit))
        {
            return $"—{line[1..^1].Trim()}—";
        }

        var text = new StringBuilder(line.Length);
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            var before = Neighbour(line, i, -1);
            var after = Neighbour(line, i, 1);
            var nearCjk = IsCjk(before) || IsCjk(after) || (text.Length > 0 && IsCjk(text[^1]));
            if (c == ' ' && (IsCjk(text.Length > 0 ? text[^1] : '\0') || IsCjk(after)))
            {
                continue;
            }

            text.Append(c switch
            {
                '(' when nearCjk || after == '一' => '（',
                ')' when nearCjk => '）',
                ':' when nearCjk => '：',
                ';' when nearCjk => '；',
                ',' when nearCjk => '，',
                '?' when nearCjk => '？',
                '!' when nearCjk => '！',
                '[' when IsCjk(before) && YearFollows(line, i) => '〔',
                ']' when i >= 5 && line[i - 5] is '[' or '〔' && YearFollows(line, i - 5) => '〕',
                'O' or 'o' or '0' when text.Length > 0 && IsChineseNumeral(text[^1]) && (IsChineseNumeral(after) || after is 'O' or 'o') => '〇',
                _ => c,
            });
        }

        // A document number's year bracket comes back as any bracket pair ([2011], （2021], 【2011]): one shape, 〔2011〕.
        return DocumentNumberYear().Replace(text.ToString(), "〔$1〕");
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<=[\u4E00-\u9FFF])[\[(（【〔]\s*(\d{4})\s*[\])）】〕]\s*(?=\d{1,4}\s*号)")]
    private static partial System.Text.RegularExpressions.Regex DocumentNumberYear();

    private static char Neighbour(string line, int index, int step)
    {
        for (var i = index + step; i >= 0 && i < line.Length; i += step)
        {
            if (line[i] != ' ')
            {
                return line[i];
            }
        }

        return '\0';
    }

    private static bool YearFollows(string line, int bracket) =>
        bracket + 5 < line.Length && line.AsSpan(bracket + 1, 4).ToString().All(char.IsAsciiDigit) && line[bracket + 5] is ']' or '〕';

    private static bool IsChineseNumeral(char c) => c is '一' or '二' or '三' or '四' or '五' or '六' or '七' or '八' or '九' or '〇' or '零';

    private static bool IsCjk(char c) => c is >= '\u2E80' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF' or >= '\uFF00' and <= '\uFFEF' or >= '\u3000' and <= '\u303F';

    private static double Number(string text) => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : 0;
}
