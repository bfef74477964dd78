using System.IO.Compression;
using PolicyMiner.Ingest.Tests.Samples;

namespace PolicyMiner.Ingest.Tests.Readers;

using DocumentFormat = PolicyMiner.Core.Documents.DocumentFormat;

/// <summary>Issue 9: DOCX and OFD packages are held to the decompression limits (bytes, ratio, entries) before a parser
/// opens them; each breach is the file's one-line failure. The bombs are made here from our own samples.</summary>
public sealed class ZipBombTests
{
    private static readonly byte[] Docx = SampleDocxWriter.Write(SampleSource.Read("anlan-2020-digital-economy-plan"), "安澜市人民政府办公室");

    private static readonly byte[] Ofd = SampleOfdWriter.Write(SampleSource.Read("jiangyu-2023-science-park-notice"), new Dictionary<string, string> { ["Title"] = "样例" });

    [Fact]
    public void Read_DocxWhoseDocumentXmlInflatesAThousandfold_FailsAsABomb()
    {
        // A body of 64 MB of one repeated paragraph: it deflates to about 64 KB.
        var bomb = Replace(Docx, "word/document.xml", RepeatedXml("<w:p><w:r><w:t>达到5%</w:t></w:r></w:p>", 64L * 1024 * 1024));

        var result = new DocumentReader().Read(bomb, "bomb.docx", DocumentFormat.Docx);

        Assert.False(result.Succeeded);
        Assert.Equal("bomb.docx: DOCX package entry 'word/document.xml' inflates over 200:1 (limit); a zip bomb?", result.Message);
    }

    [Fact]
    public void Read_OfdWithAnEntryOfZeros_FailsAsABomb()
    {
        var bomb = Add(Ofd, "Doc_0/Res/padding.bin", writer => writer.Write(new byte[16 * 1024 * 1024]));

        var result = new DocumentReader().Read(bomb, "bomb.ofd", DocumentFormat.Ofd);

        Assert.Equal("bomb.ofd: OFD package entry 'Doc_0/Res/padding.bin' inflates over 200:1 (limit); a zip bomb?", result.Message);
    }

    [Fact]
    public void Read_PackageInflatingBeyondTheTotal_FailsNamingTheLimit()
    {
        // Incompressible bytes pass the ratio check; the total still stops them.
        var noise = new byte[3 * 1024 * 1024];
        new Random(7).NextBytes(noise);
        var big = Add(Docx, "word/media/noise.bin", writer => writer.Write(noise));
        var reader = new DocumentReader(new DocumentReaderOptions { MaxInflatedBytes = 2L * 1024 * 1024 });

        var result = reader.Read(big, "big.docx", DocumentFormat.Docx);

        Assert.Equal("big.docx: DOCX package inflates to over 2 MB (limit); a zip bomb?", result.Message);
        Assert.True(new DocumentReader().Read(big, "big.docx", DocumentFormat.Docx).Succeeded, "the default limits must accept 3 MB of media");
    }

    [Fact]
    public void Read_PackageWithTooManyEntries_FailsNamingTheCount()
    {
        var crowded = Docx;
        for (var i = 0; i < 60; i++)
        {
            crowded = Add(crowded, $"customXml/item{i}.xml", writer => writer.Write("<a/>"u8));
        }

        var reader = new DocumentReader(new DocumentReaderOptions { MaxPackageEntries = 50 });

        var result = reader.Read(crowded, "crowded.ofd", DocumentFormat.Ofd);

        Assert.StartsWith("crowded.ofd: OFD package has ", result.Message, StringComparison.Ordinal);
        Assert.EndsWith(" entries (limit 50); a zip bomb?", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DocxNamedDoc_IsHeldToTheSameLimits()
    {
        var bomb = Replace(Docx, "word/document.xml", RepeatedXml("<w:p><w:r><w:t>达到5%</w:t></w:r></w:p>", 8L * 1024 * 1024));

        var result = new DocumentReader().Read(bomb, "bomb.doc", DocumentFormat.Doc);

        Assert.Equal("bomb.doc: DOCX package entry 'word/document.xml' inflates over 200:1 (limit); a zip bomb?", result.Message);
    }

    [Fact]
    public void Read_SamplesWithinTheLimits_StillRead()
    {
        Assert.True(new DocumentReader().Read(Docx, "plan.docx", DocumentFormat.Docx).Succeeded);
        Assert.True(new DocumentReader().Read(Ofd, "notice.ofd", DocumentFormat.Ofd).Succeeded);
    }

    private static Action<Stream> RepeatedXml(string paragraph, long bytes) => stream =>
    {
        var head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"u8.ToArray();
        var unit = System.Text.Encoding.UTF8.GetBytes(paragraph);
        var block = new byte[unit.Length * 4096];
        for (var i = 0; i < 4096; i++)
        {
            unit.CopyTo(block, i * unit.Length);
        }

        stream.Write(head);
        for (var written = 0L; written < bytes; written += block.Length)
        {
            stream.Write(block);
        }

        stream.Write("</w:body></w:document>"u8);
    };

    private static byte[] Replace(byte[] package, string name, Action<Stream> write)
    {
        using var memory = new MemoryStream();
        memory.Write(package);
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Update, leaveOpen: true))
        {
            zip.GetEntry(name)!.Delete();
            using var entry = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
            write(entry);
        }

        return memory.ToArray();
    }

    private static byte[] Add(byte[] package, string name, Action<Stream> write)
    {
        using var memory = new MemoryStream();
        memory.Write(package);
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Update, leaveOpen: true))
        {
            using var entry = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
            write(entry);
        }

        return memory.ToArray();
    }
}
