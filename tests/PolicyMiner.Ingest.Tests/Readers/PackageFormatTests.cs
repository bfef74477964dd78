using System.Text;
using PolicyMiner.Ingest.Tests.Samples;

namespace PolicyMiner.Ingest.Tests.Readers;

using DocumentFormat = PolicyMiner.Core.Documents.DocumentFormat;

/// <summary>DOCX and OFD: generated samples read back to their source text, the committed corpus samples are what the
/// generators write, and bad packages get a one-line reason.</summary>
public sealed class PackageFormatTests
{
    private const string DocxSample = "anlan-2020-digital-economy-plan";
    private const string OfdSample = "jiangyu-2023-science-park-notice";

    private static readonly DocumentReader Reader = new();

    private static string Corpus => Path.Combine(TestPaths.RepoRoot, "corpus");

    /// <summary>Writes the committed corpus samples; run with POLICYMINER_WRITE_SAMPLES=1 after editing a sample source.</summary>
    [SkippableFact]
    public void WriteCorpusSamples_WhenAsked()
    {
        Skip.IfNot(Environment.GetEnvironmentVariable("POLICYMINER_WRITE_SAMPLES") == "1", "set POLICYMINER_WRITE_SAMPLES=1 to rewrite corpus/ samples");
        File.WriteAllBytes(Path.Combine(Corpus, DocxSample + ".docx"), Docx(DocxSample));
        File.WriteAllBytes(Path.Combine(Corpus, OfdSample + ".ofd"), Ofd(OfdSample));
    }

    [Fact]
    public void Read_GeneratedDocx_IsTheSourceWithNumbersAndTableRows()
    {
        var lines = SampleSource.Read(DocxSample);
        var result = Reader.Read(Docx(DocxSample), DocxSample + ".docx", DocumentFormat.Docx);

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(SampleSource.ExpectedText(lines), result.Document.SourceText.TrimEnd('\n'));
        Assert.DoesNotContain(SampleDocxWriter.HeaderText, result.Document.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(SampleDocxWriter.DeletedText, result.Document.Text, StringComparison.Ordinal);
        Assert.Contains("任务\t牵头单位\t完成时限\n", result.Document.SourceText, StringComparison.Ordinal);
        Assert.Equal(DocumentFormat.Docx, result.Document.Format);
        OffsetChecks.AssertMapsBack(result.Document);
    }

    [Fact]
    public void Read_GeneratedDocx_AutomaticNumbersBecomeNestedSections()
    {
        var result = Reader.Read(Docx(DocxSample), DocxSample + ".docx", DocumentFormat.Docx);

        Assert.True(result.Succeeded, result.Message);
        var sections = result.Document.Sections.Select(s => (s.Level, s.Number, s.Heading)).ToList();
        Assert.Equal(
            [(1, "一", "总体目标"), (1, "二", "重点任务"), (2, "（一）", "实施企业上云行动"), (2, "（二）", "建设数字经济产业园"), (1, "三", "保障措施")],
            sections);
    }

    [Fact]
    public void Read_GeneratedDocx_MetadataFromTitleNumberAndSignature()
    {
        var metadata = Reader.Read(Docx(DocxSample), DocxSample + ".docx", DocumentFormat.Docx).Document!.Metadata;

        Assert.Equal("安澜市人民政府办公室关于印发安澜市数字经济发展实施方案（2020—2022年）的通知", metadata.Title);
        Assert.Equal("安澜市人民政府办公室", metadata.Issuer);
        Assert.Equal("安政办发〔2020〕9号", metadata.DocNumber);
        Assert.Equal(new DateOnly(2020, 4, 16), metadata.Date);
        Assert.Equal(2020, metadata.Year);
    }

    [Fact]
    public void Read_GeneratedOfd_JoinsLinesIntoTheSourceParagraphs()
    {
        var lines = SampleSource.Read(OfdSample);
        var result = Reader.Read(Ofd(OfdSample), OfdSample + ".ofd", DocumentFormat.Ofd);

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(SampleSource.ExpectedText(lines), result.Document.SourceText);
        Assert.DoesNotContain("— 1 —", result.Document.Text, StringComparison.Ordinal);
        OffsetChecks.AssertMapsBack(result.Document);
    }

    [Fact]
    public void Read_GeneratedOfd_TableCellsAreTabSeparated()
    {
        var lines = SampleSource.Read(DocxSample);
        var result = Reader.Read(SampleOfdWriter.Write(lines, new Dictionary<string, string>()), "table.ofd", DocumentFormat.Ofd);

        Assert.True(result.Succeeded, result.Message);
        Assert.Contains("企业上云\t市工业和信息化局\t每年年底\n", result.Document.SourceText, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_GeneratedOfd_MetadataFromTextAndDocInfo()
    {
        var lines = SampleSource.Read(OfdSample).Where(l => l.Kind != SampleLineKind.Centred).ToList();
        var info = new Dictionary<string, string> { ["Title"] = "样例", ["Author"] = "江屿市科学技术局", ["文号"] = "江科发〔2023〕4号" };
        var metadata = Reader.Read(SampleOfdWriter.Write(lines, info), "info.ofd", DocumentFormat.Ofd).Document!.Metadata;

        Assert.Equal("江科发〔2023〕4号", metadata.DocNumber);
        Assert.Equal("江屿市科学技术局关于加快科技园区高质量发展的通知", metadata.Title);
        Assert.Equal("江屿市科学技术局", metadata.Issuer);
        Assert.Equal(new DateOnly(2023, 3, 8), metadata.Date);
        Assert.Equal("江政发〔2021〕12号", Assert.Single(metadata.Basis!).Number);
    }

    [Theory]
    [InlineData(DocxSample + ".docx")]
    [InlineData(OfdSample + ".ofd")]
    public void CorpusSample_IsWhatTheGeneratorWrites(string file)
    {
        var committed = Reader.Read(Path.Combine(Corpus, file));
        var stem = Path.GetFileNameWithoutExtension(file);
        var generated = file.EndsWith(".docx", StringComparison.Ordinal)
            ? Reader.Read(Docx(stem), file, DocumentFormat.Docx)
            : Reader.Read(Ofd(stem), file, DocumentFormat.Ofd);

        Assert.True(committed.Succeeded, committed.Message);
        Assert.Equal(generated.Document!.Text, committed.Document.Text);
    }

    public static TheoryData<string, string, string> BadPackages()
    {
        var docx = Docx(DocxSample);
        var ofd = Ofd(OfdSample);
        var ole = new byte[512];
        ((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]).CopyTo(ole);
        var encryptedOffice = ole.Concat(Encoding.Unicode.GetBytes("EncryptionInfo")).ToArray();
        return new TheoryData<string, string, string>
        {
            { "truncated.docx", Convert.ToBase64String(docx[..(docx.Length / 2)]), "not a readable DOCX (truncated or corrupt" },
            { "text.docx", Convert.ToBase64String("这不是压缩包"u8.ToArray()), "not a zip package, so not a readable DOCX file" },
            { "locked.docx", Convert.ToBase64String(encryptedOffice), "encrypted DOCX (password required); cannot read" },
            { "old.docx", Convert.ToBase64String(ole), "a Word 97-2003 (.doc) file with the wrong extension" },
            { "empty.docx", string.Empty, "empty file" },
            { "truncated.ofd", Convert.ToBase64String(ofd[..(ofd.Length / 2)]), "not a readable OFD (truncated or corrupt" },
            { "text.ofd", Convert.ToBase64String("<ofd:OFD/>"u8.ToArray()), "not a zip package, so not a readable OFD file" },
            { "locked.ofd", Convert.ToBase64String(SampleOfdWriter.Write(SampleSource.Read(OfdSample), new Dictionary<string, string>(), encrypted: true)), "encrypted OFD" },
            { "empty.ofd", string.Empty, "empty file" },
        };
    }

    [Theory]
    [MemberData(nameof(BadPackages))]
    public void Read_BadPackage_GivesOneLineReason(string name, string base64, string reason)
    {
        var format = name.EndsWith(".docx", StringComparison.Ordinal) ? DocumentFormat.Docx : DocumentFormat.Ofd;
        var result = Reader.Read(Convert.FromBase64String(base64), name, format);

        Assert.False(result.Succeeded);
        Assert.Contains(reason, result.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', result.Message!);
        Assert.StartsWith(name + ": ", result.Message, StringComparison.Ordinal);
    }

    private static byte[] Docx(string stem) => SampleDocxWriter.Write(SampleSource.Read(stem), "安澜市人民政府办公室");

    private static byte[] Ofd(string stem) => SampleOfdWriter.Write(SampleSource.Read(stem), new Dictionary<string, string>
    {
        ["Title"] = "江屿市科学技术局关于加快科技园区高质量发展的通知",
        ["Author"] = "江屿市科学技术局",
        ["CreationDate"] = "2023-03-08",
    });
}
