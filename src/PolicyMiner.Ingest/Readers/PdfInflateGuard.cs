using System.IO.Compression;

namespace PolicyMiner.Ingest.Readers;

/// <summary>Measures what a PDF's Flate streams inflate to, with a cap, before the PDF parser inflates (and keeps) them all.</summary>
/// <remarks>
/// A 10 KB PDF whose content stream repeats one text operator inflates to hundreds of megabytes, and the parser then
/// builds an object per glyph: gigabytes. Inflating into a counting sink costs no memory and stops at the cap.
/// </remarks>
internal static class PdfInflateGuard
{
    private const long LargeStream = 4L * 1024 * 1024;

    /// <summary>Null when the streams stay within the limits, else the one-line reason.</summary>
    /// <param name="maxStringBytes">Most bytes of text strings one content stream may show: the parser keeps an object of a few
    /// hundred bytes per glyph, so a page of millions of glyphs costs gigabytes before any per-page check could see it.</param>
    public static string? Check(byte[] pdf, long maxTotal, int maxRatio, long maxStringBytes)
    {
        var total = 0L;
        var data = pdf.AsSpan();
        var at = 0;
        var buffer = new byte[81920];
        while (true)
        {
            var found = data[at..].IndexOf("stream"u8);
            if (found < 0)
            {
                return null;
            }

            var keyword = at + found;
            var start = keyword + 6;
            at = start;
            // "endstream" also contains "stream"; a stream keyword is followed by an end of line.
            if (start >= data.Length || (data[start] != '\n' && data[start] != '\r') || (keyword >= 3 && data[(keyword - 3)..keyword].SequenceEqual("end"u8)))
            {
                continue;
            }

            start += data[start] == '\r' && start + 1 < data.Length && data[start + 1] == '\n' ? 2 : 1;
            var end = data[start..].IndexOf("endstream"u8);
            var length = end < 0 ? data.Length - start : end;
            if (length < 2 || data[start] != 0x78)
            {
                continue; // Not a zlib stream (images, or already plain).
            }

            var (inflated, printable, strings) = Inflate(pdf, start, length, maxTotal - total + 1, buffer);
            total += inflated;
            // Content streams are ASCII operators; fonts and images are binary. Only the former show text.
            if (printable * 10 >= inflated * 7 && strings > maxStringBytes)
            {
                return $"page content shows about {strings} bytes of text (limit {maxStringBytes}); a text bomb?";
            }

            if (total > maxTotal)
            {
                return $"compressed streams inflate to over {maxTotal / 1048576} MB (limit); a decompression bomb?";
            }

            if (inflated > LargeStream && inflated / Math.Max(length, 1) > maxRatio)
            {
                return $"a compressed stream inflates {inflated / Math.Max(length, 1)}:1 to {inflated / 1048576.0:0.#} MB (limit {maxRatio}:1); a decompression bomb?";
            }

            at = start + length;
        }
    }

    /// <summary>Inflates one stream into nothing, counting its bytes, its printable bytes and the bytes inside its text strings.</summary>
    private static (long Inflated, long Printable, long Strings) Inflate(byte[] pdf, int start, int length, long cap, byte[] buffer)
    {
        var (inflated, printable, strings) = (0L, 0L, 0L);
        var depth = 0;
        var escaped = false;
        try
        {
            using var zlib = new ZLibStream(new MemoryStream(pdf, start, length, writable: false), CompressionMode.Decompress);
            int read;
            while ((read = zlib.Read(buffer)) > 0)
            {
                inflated += read;
                foreach (var b in buffer.AsSpan(0, read))
                {
                    if (b is >= 0x20 and < 0x7F or (byte)'\n' or (byte)'\r' or (byte)'\t')
                    {
                        printable++;
                    }

                    // Literal strings "( … )" nest and escape with a backslash.
                    if (depth > 0)
                    {
                        if (escaped)
                        {
                            escaped = false;
                        }
                        else if (b == '\\')
                        {
                            escaped = true;
                        }
                        else if (b == '(')
                        {
                            depth++;
                        }
                        else if (b == ')')
                        {
                            depth--;
                            continue;
                        }

                        strings++;
                    }
                    else if (b == '(')
                    {
                        depth = 1;
                    }
                }

                if (inflated > cap)
                {
                    break;
                }
            }
        }
        catch (InvalidDataException)
        {
            // A damaged or truncated stream: what inflated so far counts; the parser reports the damage.
        }

        return (inflated, printable, strings);
    }
}
