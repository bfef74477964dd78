using System.Text;
using System.Text.RegularExpressions;
using UglyToad.PdfPig;

namespace PolicyMiner.Core.Tests.Samples;

/// <summary>Finds the bundled sample corpus and reads its documents' text independently of the product's readers.</summary>
/// <remarks>
/// Deliberately simple: the gold files must hold up against a plain decoding of each document, so a bug in the
/// ingest code cannot make the gold look right.
/// </remarks>
internal static partial class SampleCorpus
{
    private const int Gb18030CodePage = 54936;

    /// <summary>The NFKC forms of the Kangxi radicals U+2F00–U+2FD5, in code point order.</summary>
    private const string KangxiIdeographs =
        "一丨丶丿乙亅二亠人儿入八冂冖冫几凵刀力勹匕匚匸十卜卩厂厶又口囗土士夂夊夕大女子宀寸小尢尸屮山巛工己巾干幺广廴廾弋弓彐彡彳心戈戶手支攴文斗斤方无日曰月木欠止歹殳毋比毛氏气水火爪父爻爿片牙牛犬玄玉瓜瓦甘生用田疋疒癶白皮皿目矛矢石示禸禾穴立竹米糸缶网羊羽老而耒耳聿肉臣自至臼舌舛舟艮色艸虍虫血行衣襾見角言谷豆豕豸貝赤走足身車辛辰辵邑酉釆里金長門阜隶隹雨靑非面革韋韭音頁風飛食首香馬骨高髟鬥鬯鬲鬼魚鳥鹵鹿麥麻黃黍黑黹黽鼎鼓鼠鼻齊齒龍龜龠";

    public static string CorpusDirectory { get; } = Path.Combine(FindRepositoryRoot(), "corpus");

    public static string GoldDirectory { get; } = Path.Combine(CorpusDirectory, "gold");

    /// <summary>Stems of every gold target file, sorted.</summary>
    public static IReadOnlyList<string> GoldStems() =>
        [.. Directory.EnumerateFiles(GoldDirectory, "*.jsonl")
            .Select(path => Path.GetFileNameWithoutExtension(path))
            .Order(StringComparer.Ordinal)];

    /// <summary>
    /// Samples a program made from another sample (LibreOffice's .doc of the DOCX, a scan of a PDF): they have no text of
    /// their own to read here, so their gold is checked against the text of the sample they were made from. The Ingest
    /// tests check that reading them (conversion, OCR) gives that text back.
    /// </summary>
    public static IReadOnlyDictionary<string, string> MadeFrom { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["anlan-2020-digital-economy-plan-word97.doc"] = "anlan-2020-digital-economy-plan.docx",
        ["qingchuan-2021-14th-five-year-plan-scan.pdf"] = "qingchuan-2021-14th-five-year-plan.pdf",
    };

    /// <summary>Sample documents (TXT, HTML, PDF, DOCX, OFD, DOC) in the corpus folder, by file name.</summary>
    public static IReadOnlyList<string> DocumentNames() =>
        [.. Directory.EnumerateFiles(CorpusDirectory)
            .Where(path => Path.GetExtension(path) is ".txt" or ".html" or ".pdf" or ".docx" or ".ofd" or ".doc")
            .Select(path => Path.GetFileName(path))
            .Order(StringComparer.Ordinal)];

    /// <summary>
    /// The text a reader sees: decoded TXT; decoded HTML markup (sample quotes hold no tags or entities, so they occur
    /// verbatim in it); for PDF, the letters of every page with whitespace and "—N—" page numbers removed, because
    /// Chinese PDFs break lines anywhere, and radical code points folded to the ideographs the page shows.
    /// </summary>
    public static string ReadText(string documentName)
    {
        if (MadeFrom.TryGetValue(documentName, out var source))
        {
            return ReadText(source);
        }

        var path = Path.Combine(CorpusDirectory, documentName);
        return Path.GetExtension(documentName) switch
        {
            ".txt" => DecodeText(File.ReadAllBytes(path)),
            ".html" => DecodeHtml(File.ReadAllBytes(path)),
            ".pdf" => ReadPdfLetters(path),
            ".docx" => ReadDocxRuns(path),
            ".ofd" => ReadOfdTextCodes(path),
            _ => throw new ArgumentException($"Not a sample document: {documentName}", nameof(documentName)),
        };
    }

    /// <summary>Removes all whitespace, the form in which PDF text is compared.</summary>
    public static string WithoutWhitespace(string text) => WhitespacePattern().Replace(text, "");

    private static string DecodeText(byte[] bytes)
    {
        if (bytes is [0xEF, 0xBB, 0xBF, ..])
        {
            return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        }

        if (bytes is [0xFF, 0xFE, ..])
        {
            return Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2);
        }

        if (bytes is [0xFE, 0xFF, ..])
        {
            return Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2);
        }

        try
        {
            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            // Undeclared Chinese legacy encodings: GB18030 is a superset of GBK and GB2312.
            return Gb18030().GetString(bytes);
        }
    }

    private static string DecodeHtml(byte[] bytes)
    {
        var head = Encoding.ASCII.GetString(bytes, 0, Math.Min(bytes.Length, 2048));
        var charset = CharsetPattern().Match(head);
        var isChinese = charset.Success && charset.Groups[1].Value.ToUpperInvariant() is "GBK" or "GB2312" or "GB18030";
        return isChinese ? Gb18030().GetString(bytes) : DecodeText(bytes);
    }

    // The text of every w:t run (not w:delText), one line per w:p paragraph: quotes stay inside one paragraph.
    private static string ReadDocxRuns(string path)
    {
        using var zip = System.IO.Compression.ZipFile.OpenRead(path);
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
        var xml = reader.ReadToEnd();
        var text = new StringBuilder();
        foreach (var paragraph in xml.Split("</w:p>"))
        {
            foreach (Match run in DocxRunPattern().Matches(paragraph))
            {
                text.Append(System.Net.WebUtility.HtmlDecode(run.Groups[1].Value));
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    // Every TextCode of every page, whitespace removed as for PDF (lines break anywhere), page numbers dropped.
    private static string ReadOfdTextCodes(string path)
    {
        using var zip = System.IO.Compression.ZipFile.OpenRead(path);
        var text = new StringBuilder();
        foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith("Content.xml", StringComparison.Ordinal)).OrderBy(e => e.FullName, StringComparer.Ordinal))
        {
            using var reader = new StreamReader(entry.Open());
            foreach (Match code in OfdTextCodePattern().Matches(reader.ReadToEnd()))
            {
                text.Append(System.Net.WebUtility.HtmlDecode(code.Groups[1].Value));
            }
        }

        return PageNumberPattern().Replace(WithoutWhitespace(text.ToString()), "");
    }

    private static string ReadPdfLetters(string path)
    {
        var text = new StringBuilder();
        using var pdf = PdfDocument.Open(path);
        foreach (var page in pdf.GetPages())
        {
            foreach (var letter in page.Letters)
            {
                foreach (var character in letter.Value)
                {
                    text.Append(FoldRadical(character));
                }
            }
        }

        return PageNumberPattern().Replace(WithoutWhitespace(text.ToString()), "");
    }

    /// <summary>
    /// Some CJK fonts share one glyph between a radical and its ideograph, and the PDF's ToUnicode map then names the
    /// radical (⽂ U+2F42 for 文). Kangxi radicals fold as NFKC does (spelled out here because
    /// normalisation is unavailable under invariant globalization); the few supplement radicals seen here need a table.
    /// </summary>
    private static char FoldRadical(char character) => character switch
    {
        >= '\u2F00' and <= '\u2FD5' => KangxiIdeographs[character - '\u2F00'],
        '⺠' => '民',
        '⻓' => '长',
        '⻔' => '门',
        '⻘' => '青',
        '⻰' => '龙',
        _ => character,
    };

    private static Encoding Gb18030() =>
        CodePagesEncodingProvider.Instance.GetEncoding(Gb18030CodePage)
        ?? throw new InvalidOperationException("GB18030 is not available.");

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "PolicyMiner.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("PolicyMiner.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"charset\s*=\s*[""']?([A-Za-z0-9_-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex CharsetPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespacePattern();

    [GeneratedRegex(@"<w:t(?:\s[^>]*)?>([^<]*)</w:t>")]
    private static partial Regex DocxRunPattern();

    [GeneratedRegex(@"<ofd:TextCode[^>]*>([^<]*)</ofd:TextCode>")]
    private static partial Regex OfdTextCodePattern();

    [GeneratedRegex(@"—\d+—")]
    private static partial Regex PageNumberPattern();
}
