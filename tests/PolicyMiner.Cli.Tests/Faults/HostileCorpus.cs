using System.IO.Compression;
using System.Text;

namespace PolicyMiner.Cli.Tests.Faults;

/// <summary>One generated hostile (or good) input of the fault suite and what ingesting it must give.</summary>
/// <param name="Name">Case name, also the file name.</param>
/// <param name="Fails">True when the file must fail with one line; false when it must be stored.</param>
/// <param name="Reason">Text the failure line must contain, when it fails.</param>
internal sealed record FaultCase(string Name, bool Fails, string? Reason, Action<string> Write);

/// <summary>Generates the fault suite's files (issue 9): nothing large is committed, every file is made by the test.</summary>
internal static class HostileCorpus
{
    private const string TargetLine = "一、主要目标。到2025年，全市研发经费投入强度达到3%以上，高新技术企业达到500家。\n";
    private const string Filler = "坚持创新驱动发展，完善科技服务体系，推动产学研深度融合，营造良好创新生态(样例)。\n";

    public static IReadOnlyList<FaultCase> Cases { get; } =
    [
        new("good-utf8.txt", false, null, p => File.WriteAllText(p, Title("青川市") + TargetLine)),
        new("good-gb18030.txt", false, null, p => File.WriteAllBytes(p, Gb18030(Title("云岭县") + TargetLine))),
        new("good-page.html", false, null, p => File.WriteAllText(p, $"<html><head><title>{Title("安澜市").Trim()}</title></head><body><p>{TargetLine}</p></body></html>")),
        new("good.pdf", false, null, p => File.WriteAllBytes(p, Pdf.Build(1, Pdf.TextPage("Qingchuan 2025: R&D intensity 3% (sample)"), compress: true))),
        new("utf16le-no-bom.txt", false, null, p => File.WriteAllBytes(p, Encoding.Unicode.GetBytes(Title("青川市") + TargetLine + TargetLine))),
        new("utf8-junk-at-start.txt", false, null, p => File.WriteAllBytes(p, [0x9F, 0x88, 0xFF, 0xFE, 0xC3, .. Encoding.UTF8.GetBytes(Title("云岭县") + string.Concat(Enumerable.Repeat(TargetLine, 20)))])),
        new("unclosed-p-100000.html", false, null, p => File.WriteAllText(p, "<html><body>" + Repeat("<p>段", 100_000) + $"<p>{TargetLine}</body></html>")),
        new("text-12MiB.txt", false, null, p => File.WriteAllText(p, Title("安澜市") + TargetLine + Repeat(Filler, 12 * 1024 * 1024 / Encoding.UTF8.GetByteCount(Filler)) + TargetLine)),
        new("nested-20000.html", true, "levels deep", p => File.WriteAllText(p, "<html><body>" + Repeat("<div>", 20_000) + TargetLine + Repeat("</div>", 20_000) + "</body></html>")),
        new("unclosed-100000.html", true, "levels deep", p => File.WriteAllText(p, "<html><body>" + Repeat("<span>字", 100_000) + "</body></html>")),
        new("nul-bytes.txt", true, "not text", p => File.WriteAllBytes(p, new byte[64 * 1024])),
        new("invalid-utf8.txt", true, "not text", p => File.WriteAllBytes(p, RandomBytes(32 * 1024, 3))),
        new("empty.txt", true, "empty", p => File.WriteAllBytes(p, [])),
        new("pdf-text-bomb.pdf", true, "text bomb", p => File.WriteAllBytes(p, Pdf.Build(1, "BT /F1 1 Tf 10 10 Td " + Repeat("(AAAAAAAAAAAAAAAAAAAA) Tj ", 2_000_000) + "ET", compress: true))),
        new("pdf-inflate-bomb.pdf", true, "decompression bomb", p => File.WriteAllBytes(p, Pdf.Build(1, Pdf.TextPage("sample"), compress: true, extraStream: new byte[64 * 1024 * 1024]))),
        new("pdf-2000-pages.pdf", true, "2000 pages", p => File.WriteAllBytes(p, Pdf.Build(2000, Pdf.TextPage("page (sample)"), compress: true))),
        new("pdf-truncated.pdf", true, "PDF", p =>
        {
            var whole = Pdf.Build(3, Pdf.TextPage("Qingchuan 2025 (sample)"), compress: true);
            File.WriteAllBytes(p, whole[..(whole.Length / 3)]);
        }),
        new("pdf-encrypted.pdf", true, "PDF", p => File.WriteAllBytes(p, Pdf.Build(1, Pdf.TextPage("secret (sample)"), compress: true, encrypted: true))),
        new("not-a-pdf.pdf", true, "not a PDF", p => File.WriteAllBytes(p, RandomBytes(4096, 5))),
    ];

    private static string Title(string region) => $"{region}科技创新工作要点(样例)\n";

    private static string Repeat(string text, int count) => new StringBuilder(text.Length * count).Insert(0, text, count).ToString();

    private static byte[] Gb18030(string text) => CodePagesEncodingProvider.Instance.GetEncoding(54936)!.GetBytes(text);

    private static byte[] RandomBytes(int count, int seed)
    {
        var bytes = new byte[count];
        new Random(seed).NextBytes(bytes);
        // Random bytes hold NULs: keep them out so the case is "invalid UTF-8", not "binary".
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = bytes[i] == 0 ? (byte)0xFF : bytes[i];
        }

        return bytes;
    }

    /// <summary>A minimal PDF writer: one Helvetica font, pages sharing one content stream, a correct cross-reference table.</summary>
    internal static class Pdf
    {
        public static string TextPage(string text) => $"BT /F1 12 Tf 72 760 Td ({text}) Tj ET";

        public static byte[] Build(int pages, string content, bool compress, bool encrypted = false, byte[]? extraStream = null)
        {
            var objects = new List<byte[]>();
            var kids = string.Join(' ', Enumerable.Range(0, pages).Select(i => $"{6 + i} 0 R"));
            objects.Add(Ascii("<< /Type /Catalog /Pages 2 0 R >>"));
            objects.Add(Ascii($"<< /Type /Pages /Kids [{kids}] /Count {pages} >>"));
            objects.Add(Ascii("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"));
            objects.Add(Stream(Encoding.ASCII.GetBytes(content), compress));
            objects.Add(Ascii("<< /Filter /Standard /V 1 /R 2 /O <" + new string('A', 64) + "> /U <" + new string('B', 64) + "> /P -4 >>"));
            for (var i = 0; i < pages; i++)
            {
                objects.Add(Ascii("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 3 0 R >> >> >>"));
            }

            if (extraStream is not null)
            {
                // An unreferenced stream (an image, say): the reader's guard scans every stream of the file.
                objects.Add(Stream(extraStream, compress: true));
            }

            using var pdf = new MemoryStream();
            pdf.Write(Ascii("%PDF-1.4\n"));
            var offsets = new List<long>();
            for (var i = 0; i < objects.Count; i++)
            {
                offsets.Add(pdf.Position);
                pdf.Write(Ascii($"{i + 1} 0 obj\n"));
                pdf.Write(objects[i]);
                pdf.Write(Ascii("\nendobj\n"));
            }

            var xref = pdf.Position;
            var table = new StringBuilder($"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
            foreach (var offset in offsets)
            {
                table.Append($"{offset:D10} 00000 n \n");
            }

            var encryption = encrypted ? " /Encrypt 5 0 R /ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>]" : "";
            table.Append($"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R{encryption} >>\nstartxref\n{xref}\n%%EOF\n");
            pdf.Write(Ascii(table.ToString()));
            return pdf.ToArray();
        }

        private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

        private static byte[] Stream(byte[] data, bool compress)
        {
            if (compress)
            {
                using var packed = new MemoryStream();
                using (var zlib = new ZLibStream(packed, CompressionLevel.Optimal, leaveOpen: true))
                {
                    zlib.Write(data);
                }

                data = packed.ToArray();
            }

            return [.. Ascii($"<< /Length {data.Length}{(compress ? " /Filter /FlateDecode" : "")} >>\nstream\n"), .. data, .. Ascii("\nendstream")];
        }
    }
}
