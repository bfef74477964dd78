using PolicyMiner.Ingest.External;
using PolicyMiner.Ingest.Tests.Samples;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;
using Xunit.Abstractions;

namespace PolicyMiner.Ingest.Tests.Readers;

using DocumentFormat = PolicyMiner.Core.Documents.DocumentFormat;

/// <summary>Formats read through Debian programs: .doc/.wps by LibreOffice, scans and images by pdftoppm + Tesseract.
/// Tests that need a program skip, visibly, when it is not installed; the missing-program errors are tested always.</summary>
public sealed class ConvertedFormatTests(ITestOutputHelper output)
{
    private const string DocxSample = "anlan-2020-digital-economy-plan";
    private static readonly ExternalTool Soffice = new("soffice", LegacyWordConverter.DebianPackage);
    private static readonly ExternalTool PdfToPpm = new("pdftoppm", "poppler-utils");

    /// <summary>The corpus sample saved by LibreOffice as Word 97-2003 (its gold is the DOCX sample's).</summary>
    public const string CorpusDoc = "anlan-2020-digital-economy-plan-word97.doc";

    /// <summary>The corpus sample scanned: every page of the 2011 PDF as a grey 300 dpi image, no text layer (its gold is the PDF's).</summary>
    public const string CorpusScan = ScannedSample + "-scan.pdf";

    private const string ScannedSample = "qingchuan-2021-14th-five-year-plan";

    private static string Corpus => Path.Combine(TestPaths.RepoRoot, "corpus");

    /// <summary>Writes the corpus samples made by Debian programs; run with POLICYMINER_WRITE_SAMPLES=1 after changing their sources.</summary>
    [SkippableFact]
    public void WriteConvertedCorpusSamples_WhenAsked()
    {
        Skip.IfNot(Environment.GetEnvironmentVariable("POLICYMINER_WRITE_SAMPLES") == "1", "set POLICYMINER_WRITE_SAMPLES=1 to rewrite corpus/ samples");
        Skip.IfNot(Soffice.IsAvailable && PdfToPpm.IsAvailable, "soffice and pdftoppm are needed to write the .doc and scanned samples");
        File.WriteAllBytes(Path.Combine(Corpus, CorpusDoc), Convert(File.ReadAllBytes(Path.Combine(Corpus, DocxSample + ".docx")), ".docx", "doc"));
        File.WriteAllBytes(Path.Combine(Corpus, CorpusScan), Scan(File.ReadAllBytes(Path.Combine(Corpus, ScannedSample + ".pdf")), PdfPages(Path.Combine(Corpus, ScannedSample + ".pdf"))));
    }

    [SkippableFact]
    public void Read_CorpusDoc_IsTheDocxSampleWordForWord()
    {
        Skip.IfNot(Soffice.IsAvailable, "soffice is not installed (Debian libreoffice-writer-nogui)");
        var docx = new DocumentReader().Read(Path.Combine(Corpus, DocxSample + ".docx")).Document!;

        var result = new DocumentReader().Read(Path.Combine(Corpus, CorpusDoc));

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(DocumentFormat.Doc, result.Document.Format);
        Assert.Equal(docx.Text, result.Document.Text);
        Assert.Equal(docx.Sections, result.Document.Sections);
        Assert.Equal(docx.Fingerprint!.Exact, result.Document.Fingerprint!.Exact);
    }

    [SkippableFact]
    public void Read_CorpusScan_IsImagesOnlyAndOcrKeepsAtLeast98PercentOfThePdfsCharacters()
    {
        var path = Path.Combine(Corpus, CorpusScan);
        var withoutOcr = new DocumentReader(new DocumentReaderOptions { Ocr = null }).Read(path);
        Assert.Equal($"{CorpusScan}: no text layer (scanned document) and OCR is off (--no-ocr)", withoutOcr.Message);
        Skip.IfNot(OcrEngine.Default.PdfUnavailableReason is null, OcrEngine.Default.PdfUnavailableReason ?? string.Empty);
        var reference = new DocumentReader().Read(Path.Combine(Corpus, ScannedSample + ".pdf")).Document!;

        var result = new DocumentReader().Read(path);

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal([1, 2], result.Document.OcrPages);
        var accuracy = CharacterAccuracy(Compact(reference.Text), Compact(result.Document.Text));
        output.WriteLine($"{CorpusScan}: OCR character accuracy {accuracy:P2}, confidence {result.Document.OcrConfidence}%");
        Assert.True(accuracy >= 0.98, $"OCR character accuracy {accuracy:P2} is below 98 %");
    }

    [SkippableFact]
    public void Read_DocSavedByLibreOffice_GivesTheSameTextAndSectionsAsTheDocx()
    {
        Skip.IfNot(Soffice.IsAvailable, "soffice is not installed (Debian libreoffice-writer-nogui)");
        var docx = SampleDocxWriter.Write(SampleSource.Read(DocxSample), "安澜市人民政府办公室");
        var doc = Convert(docx, ".docx", "doc");
        var fromDocx = new DocumentReader().Read(docx, "plan.docx", DocumentFormat.Docx).Document!;

        var result = new DocumentReader().Read(doc, "plan.doc", DocumentFormat.Doc);

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(DocumentFormat.Doc, result.Document.Format);
        Assert.Equal(fromDocx.Text, result.Document.Text);
        Assert.Equal(fromDocx.Sections.Select(s => s.Heading), result.Document.Sections.Select(s => s.Heading));
        Assert.Equal(fromDocx.Metadata with { Basis = null }, result.Document.Metadata with { Basis = null });
    }

    [Fact]
    public void Read_DocWithoutLibreOffice_NamesTheDebianPackage()
    {
        var reader = new DocumentReader(new DocumentReaderOptions
        {
            LegacyWord = new LegacyWordConverter(new ExternalTool("/nonexistent/soffice", LegacyWordConverter.DebianPackage), TimeSpan.FromSeconds(5)),
        });
        byte[] ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504]];

        var result = reader.Read(ole, "old.wps", DocumentFormat.Doc);

        Assert.False(result.Succeeded);
        Assert.Equal("old.wps: reading .wps files needs '/nonexistent/soffice', which is not installed (Debian package libreoffice-writer-nogui: apt-get install libreoffice-writer-nogui)", result.Message);
    }

    [Theory]
    [InlineData("text.doc", "这是一段文字", "not a Word 97-2003 or WPS document (no compound-file header)")]
    [InlineData("empty.doc", "", "empty file")]
    public void Read_BadDoc_GivesOneLineReason(string name, string content, string reason)
    {
        var result = new DocumentReader().Read(System.Text.Encoding.UTF8.GetBytes(content), name, DocumentFormat.Doc);

        Assert.False(result.Succeeded);
        Assert.Equal($"{name}: {reason}", result.Message);
    }

    [SkippableFact]
    public void Read_TruncatedDoc_GivesOneLineReason()
    {
        Skip.IfNot(Soffice.IsAvailable, "soffice is not installed (Debian libreoffice-writer-nogui)");
        var doc = Convert(SampleDocxWriter.Write(SampleSource.Read(DocxSample), "安澜市人民政府办公室"), ".docx", "doc");

        var result = new DocumentReader().Read(doc[..1024], "cut.doc", DocumentFormat.Doc);

        Assert.False(result.Succeeded);
        Assert.DoesNotContain('\n', result.Message!);
        Assert.StartsWith("cut.doc: ", result.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Read_ScanOfASamplePdf_OcrKeepsAtLeast98PercentOfTheCharacters()
    {
        Skip.IfNot(OcrEngine.Default.PdfUnavailableReason is null, OcrEngine.Default.PdfUnavailableReason ?? string.Empty);
        var original = Path.Combine(TestPaths.RepoRoot, "corpus", "jiangyu-2011-12th-five-year-plan.pdf");
        var scan = Scan(File.ReadAllBytes(original));
        var reference = new DocumentReader().Read(original).Document!;

        var reported = new List<int>();
        var result = new DocumentReader().Read(scan, "scan.pdf", DocumentFormat.Pdf, reported.Add);

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal([1, 2], result.Document.OcrPages);
        Assert.Equal([1, 2], reported);
        Assert.NotNull(result.Document.OcrConfidence);
        Assert.Contains(result.Document.Diagnostics, d => d.Code == DiagnosticCodes.OcrPages && d.Message.StartsWith("OCR pages 1, 2", StringComparison.Ordinal));
        var accuracy = CharacterAccuracy(Compact(reference.Text), Compact(result.Document.Text));
        output.WriteLine($"OCR character accuracy {accuracy:P2} over {Compact(reference.Text).Length} characters, confidence {result.Document.OcrConfidence}%");
        Assert.True(accuracy >= 0.98, $"OCR character accuracy {accuracy:P2} is below 98 %");
    }

    [SkippableFact]
    public void Read_ScanWithOcrOff_SaysSo()
    {
        Skip.IfNot(PdfToPpm.IsAvailable, "pdftoppm is not installed (Debian poppler-utils)");
        var scan = Scan(File.ReadAllBytes(Path.Combine(TestPaths.RepoRoot, "corpus", "jiangyu-2011-12th-five-year-plan.pdf")), pages: 1);

        var result = new DocumentReader(new DocumentReaderOptions { Ocr = null }).Read(scan, "scan.pdf", DocumentFormat.Pdf);

        Assert.Equal("scan.pdf: no text layer (scanned document) and OCR is off (--no-ocr)", result.Message);
    }

    [Fact]
    public void Read_ScanWithoutTesseract_NamesTheDebianPackage()
    {
        var missing = new OcrEngine(new ExternalTool("/nonexistent/tesseract", "tesseract-ocr"), PdfToPpm, "chi_sim", 300, TimeSpan.FromSeconds(5));

        var result = new DocumentReader(new DocumentReaderOptions { Ocr = missing }).Read(TestPaths.Fixture("scanned.pdf"));

        Assert.Equal("scanned.pdf: no text layer (scanned document); OCR of scanned pages needs '/nonexistent/tesseract', which is not installed (Debian package tesseract-ocr: apt-get install tesseract-ocr)", result.Message);
    }

    [Theory]
    [InlineData("(一) R&D经费支出", "（一）R&D经费支出")]
    [InlineData("主要指标是:", "主要指标是：")]
    [InlineData("江政发[2011] 27号", "江政发〔2011〕27号")]
    [InlineData("青政发（2021]18号", "青政发〔2021〕18号")]
    [InlineData("江政发【2011] 27号", "江政发〔2011〕27号")]
    [InlineData("（2021年）18个项目", "（2021年）18个项目")]
    [InlineData("二OO一一年六月三十日", "二〇〇一一年六月三十日")]
    [InlineData("一1一", "—1—")]
    [InlineData("R&D (research)", "R&D (research)")]
    public void Tidy_TesseractChineseTypography_IsRestored(string recognised, string expected)
    {
        Assert.Equal(expected, OcrEngine.Tidy(recognised));
    }

    [Fact]
    public void ParseTsv_ChineseWords_AreJoinedWithoutSpacesAndLatinWordsWithOne()
    {
        const string Tsv = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
            + "1\t1\t0\t0\t0\t0\t0\t0\t2480\t3508\t-1\t\n"
            + "5\t1\t1\t1\t1\t1\t100\t200\t60\t60\t96\t全市\n"
            + "5\t1\t1\t1\t1\t2\t160\t200\t60\t60\t90\tR&D\n"
            + "5\t1\t1\t1\t1\t3\t230\t200\t60\t60\t80\tgrowth\n"
            + "5\t1\t1\t1\t2\t1\t100\t300\t60\t60\t70\t达到\n";

        var page = OcrEngine.ParseTsv(Tsv);

        Assert.Equal(["全市R&D growth", "达到"], page.Lines.Select(l => l.Text));
        Assert.Equal((2480, 3508), (page.Width, page.Height));
        Assert.Equal(88.67, page.Lines[0].Confidence, 2);
    }

    // A scan: every page rendered to a grey image at 300 dpi and put back into a PDF with no text layer.
    private static byte[] Scan(byte[] pdf, int pages = 2)
    {
        var builder = new PdfDocumentBuilder();
        using var folder = new TempFolderForTest();
        var input = Path.Combine(folder.Path, "in.pdf");
        File.WriteAllBytes(input, pdf);
        for (var page = 1; page <= pages; page++)
        {
            var run = PdfToPpm.Run(["-f", $"{page}", "-l", $"{page}", "-r", "300", "-gray", "-png", "-singlefile", input, Path.Combine(folder.Path, "p")], TimeSpan.FromSeconds(60));
            Assert.True(run.Succeeded, run.Error);
            var a4 = builder.AddPage(595, 842);
            a4.AddPng(File.ReadAllBytes(Path.Combine(folder.Path, "p.png")), new PdfRectangle(0, 0, 595, 842));
        }

        return builder.Build();
    }

    private static int PdfPages(string path)
    {
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(path);
        return pdf.NumberOfPages;
    }

    private static byte[] Convert(byte[] bytes, string extension, string target)
    {
        using var folder = new TempFolderForTest();
        var input = Path.Combine(folder.Path, "in" + extension);
        File.WriteAllBytes(input, bytes);
        var profile = new Uri(Path.Combine(folder.Path, "profile")).AbsoluteUri;
        var run = Soffice.Run(["--headless", "--norestore", $"-env:UserInstallation={profile}", "--convert-to", target, "--outdir", folder.Path, input], TimeSpan.FromSeconds(120), folder.Path, new Dictionary<string, string> { ["HOME"] = folder.Path });
        Assert.True(run.Succeeded, run.Error);
        return File.ReadAllBytes(Path.Combine(folder.Path, "in." + target));
    }

    private static string Compact(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    // 1 − edit distance / reference length: the share of the reference's characters OCR reproduced.
    private static double CharacterAccuracy(string reference, string recognised)
    {
        var previous = new int[recognised.Length + 1];
        var current = new int[recognised.Length + 1];
        for (var j = 0; j <= recognised.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= reference.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= recognised.Length; j++)
            {
                var cost = reference[i - 1] == recognised[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return 1 - ((double)previous[recognised.Length] / reference.Length);
    }

    private sealed class TempFolderForTest : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("policyminer-test-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
