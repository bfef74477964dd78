using System.Text.Json;
using PolicyMiner.Core.Documents;

namespace PolicyMiner.Ingest.Tests;

// The Open XML SDK (used by the sample generators) has a root namespace of the same name.
using DocumentFormat = PolicyMiner.Core.Documents.DocumentFormat;

public sealed class DocumentReaderTests
{
    private static readonly DocumentReader Reader = new();

    public static TheoryData<string> FixturesWithExpectedText => FixtureNames(".expected.txt");

    public static TheoryData<string> FixturesWithExpectedMetadata => FixtureNames(".meta.json");

    [Theory]
    [MemberData(nameof(FixturesWithExpectedText))]
    public void Read_Fixture_GivesExpectedNormalisedText(string file)
    {
        var result = Reader.Read(TestPaths.Fixture(file));

        Assert.True(result.Succeeded, result.Message);
        var expected = File.ReadAllText(TestPaths.Fixture(Stem(file) + ".expected.txt")).TrimEnd('\n');
        Assert.Equal(expected, result.Document.Text);
    }

    [Theory]
    [MemberData(nameof(FixturesWithExpectedText))]
    public void Read_Fixture_MapsEveryOffsetBackToTheSource(string file)
    {
        var result = Reader.Read(TestPaths.Fixture(file));

        Assert.True(result.Succeeded, result.Message);
        OffsetChecks.AssertMapsBack(result.Document);
    }

    [Theory]
    [MemberData(nameof(FixturesWithExpectedMetadata))]
    public void Read_Fixture_GivesExpectedMetadata(string file)
    {
        var result = Reader.Read(TestPaths.Fixture(file));

        Assert.True(result.Succeeded, result.Message);
        using var expected = JsonDocument.Parse(File.ReadAllText(TestPaths.Fixture(Stem(file) + ".meta.json")));
        MetadataAssert.Matches(expected.RootElement, result.Document.Metadata, file);
    }

    [Theory]
    [InlineData("gb18030_plan.txt", "gb18030", DocumentFormat.Txt)]
    [InlineData("utf16_notice.txt", "utf-16le", DocumentFormat.Txt)]
    [InlineData("gbk_portal.html", "gb18030", DocumentFormat.Html)]
    [InlineData("utf8_farm.html", "utf-8", DocumentFormat.Html)]
    [InlineData("multipage.pdf", "pdf", DocumentFormat.Pdf)]
    public void Read_Fixture_ReportsFormatAndEncoding(string file, string encoding, DocumentFormat format)
    {
        var result = Reader.Read(TestPaths.Fixture(file));

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(encoding, result.Document.Encoding);
        Assert.Equal(format, result.Document.Format);
        Assert.Equal(file, result.Document.SourceName);
        Assert.Equal(64, result.Document.ContentHash.Length);
    }

    [Theory]
    [InlineData("empty.txt", ReadFailures.Empty)]
    [InlineData("binary_junk.txt", ReadFailures.NotText)]
    [InlineData("no_body.html", ReadFailures.NoBody)]
    [InlineData("encrypted.pdf", ReadFailures.EncryptedPdf)]
    public void Read_BadFile_FailsWithOneLineReason(string file, string reason)
    {
        var result = Reader.Read(TestPaths.Fixture(file));

        Assert.False(result.Succeeded);
        Assert.Equal($"{file}: {reason}", result.Message);
    }

    [Fact]
    public void Read_ScannedPdfWithOcrOff_FailsWithOneLineReason()
    {
        var result = new DocumentReader(new DocumentReaderOptions { Ocr = null }).Read(TestPaths.Fixture("scanned.pdf"));

        Assert.Equal($"scanned.pdf: {ReadFailures.ScannedPdfOcrOff}", result.Message);
    }

    [SkippableFact]
    public void Read_ScannedPdf_IsReadByOcrAndSaysWhichPages()
    {
        Skip.IfNot(External.OcrEngine.Default.PdfUnavailableReason is null, External.OcrEngine.Default.PdfUnavailableReason ?? string.Empty);
        var result = Reader.Read(TestPaths.Fixture("scanned.pdf"));

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal([1], result.Document.OcrPages);
        Assert.InRange(result.Document.OcrConfidence!.Value, 1, 100);
    }

    [Fact]
    public void Read_TruncatedPdf_FailsAsCorrupt()
    {
        var result = Reader.Read(TestPaths.Fixture("truncated.pdf"));

        Assert.False(result.Succeeded);
        Assert.StartsWith("truncated.pdf: not a readable PDF (truncated or corrupt", result.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", result.Message!, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TextNamedPdf_FailsAsNotPdf()
    {
        using var stream = new MemoryStream("这不是PDF文件"u8.ToArray());
        var result = Reader.Read(stream, "fake.pdf");

        Assert.Equal("fake.pdf: " + ReadFailures.NotPdf, result.Message);
    }

    [Fact]
    public void Read_FileOverLimit_FailsAsTooLarge()
    {
        var small = new DocumentReader(new DocumentReaderOptions(MaxBytes: 100));
        var result = small.Read(TestPaths.Fixture("gbk_portal.html"));

        Assert.False(result.Succeeded);
        Assert.StartsWith("gbk_portal.html: file too large", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NonSeekableStreamOverLimit_FailsAsTooLarge()
    {
        var small = new DocumentReader(new DocumentReaderOptions(MaxBytes: 100));
        using var stream = new NonSeekableStream(new byte[1000]);
        var result = small.Read(stream, "big.txt");

        Assert.StartsWith("big.txt: file too large", result.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("report.xlsx")]
    [InlineData("notes")]
    public void Read_UnknownExtension_FailsAsUnsupported(string name)
    {
        var result = Reader.Read(Path.Combine(TestPaths.Fixtures, name));

        Assert.False(result.Succeeded);
        Assert.StartsWith($"{name}: unsupported file type", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MissingFile_FailsAsNotFound()
    {
        var result = Reader.Read(Path.Combine(TestPaths.Fixtures, "missing.txt"));

        Assert.Equal("missing.txt: " + ReadFailures.NotFound, result.Message);
    }

    [Fact]
    public void Read_WhitespaceOnlyText_FailsAsEmpty()
    {
        using var stream = new MemoryStream(" \r\n\t\n"u8.ToArray());

        Assert.Equal("blank.txt: " + ReadFailures.Empty, Reader.Read(stream, "blank.txt").Message);
    }

    [Fact]
    public void Read_PageOfOnlyChrome_FailsAsNoText()
    {
        using var stream = new MemoryStream("扫一扫在手机打开当前页\n打印\n网站标识码：0000000000\n"u8.ToArray());

        Assert.Equal("chrome.txt: " + ReadFailures.NoText, Reader.Read(stream, "chrome.txt").Message);
    }

    [Theory]
    [InlineData("a.txt", true)]
    [InlineData("a.TEXT", true)]
    [InlineData("dir/a.html", true)]
    [InlineData("a.htm", true)]
    [InlineData("a.shtml", true)]
    [InlineData("a.xhtml", true)]
    [InlineData("a.PDF", true)]
    [InlineData("a.doc", true)]
    [InlineData("a.docx", true)]
    [InlineData("a.ofd", true)]
    [InlineData("a.wps", true)]
    [InlineData("scan.TIF", true)]
    [InlineData("a.xls", false)]
    [InlineData("a.json", false)]
    [InlineData("README", false)]
    public void IsSupported_Extension_RecognisesDocumentTypes(string path, bool supported)
    {
        Assert.Equal(supported, DocumentReader.IsSupported(path));
    }

    [Fact]
    public void Read_ParallelReadsOfOneReader_GiveIdenticalDocuments()
    {
        var files = new[] { "gb18030_plan.txt", "utf16_notice.txt", "gbk_portal.html", "utf8_farm.html" };
        var sequential = files.Select(f => Reader.Read(TestPaths.Fixture(f)).Document!.Text).ToArray();
        var parallel = new string[files.Length * 4];
        Parallel.For(0, parallel.Length, i => parallel[i] = Reader.Read(TestPaths.Fixture(files[i % files.Length])).Document!.Text);

        for (var i = 0; i < parallel.Length; i++)
        {
            Assert.Equal(sequential[i % files.Length], parallel[i]);
        }
    }

    [Fact]
    public void Read_MultiPagePdf_DropsRunningHeaderFooterAndPageNumbers()
    {
        var document = Reader.Read(TestPaths.Fixture("multipage.pdf")).Document!;

        Assert.DoesNotContain("测试样例）", document.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("— 2 —", document.Text, StringComparison.Ordinal);
        Assert.Contains(document.Diagnostics, d => d.Code == DiagnosticCodes.PdfRunningLinesRemoved);
        // The paragraph broken across pages 1 and 2 is whole again.
        Assert.Contains("为全市经济社会持续健康发展提供有力支撑。", document.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_GovernmentPortal_ReadsMetadataTableInsteadOfKeepingIt()
    {
        var document = Reader.Read(TestPaths.Fixture("gbk_portal.html")).Document!;

        Assert.DoesNotContain("索引号", document.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("推荐资讯", document.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("ICP", document.Text, StringComparison.Ordinal);
        Assert.Equal("青川科发〔2015〕7号", document.Metadata.DocNumber);
    }

    private static TheoryData<string> FixtureNames(string companionSuffix)
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.EnumerateFiles(TestPaths.Fixtures).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            if (DocumentReader.IsSupported(name) && !name.EndsWith(".expected.txt", StringComparison.Ordinal)
                && File.Exists(TestPaths.Fixture(Stem(name) + companionSuffix)))
            {
                data.Add(name);
            }
        }

        return data;
    }

    private static string Stem(string file) => Path.GetFileNameWithoutExtension(file);

    private sealed class NonSeekableStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();
    }
}
