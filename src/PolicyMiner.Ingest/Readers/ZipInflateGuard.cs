using System.IO.Compression;

namespace PolicyMiner.Ingest.Readers;

/// <summary>Measures what a zip package (DOCX, OFD, LibreOffice's conversion output) inflates to, with caps, before a parser opens it.</summary>
/// <remarks>
/// A 50 KB DOCX can hold a word/document.xml of gigabytes (one run repeated), and the Open XML SDK would build it into
/// memory. Sizes in the zip directory are written by whoever made the file, so the guard inflates every entry into a
/// counting sink and trusts only the bytes it saw: no memory beyond one buffer, and it stops at the first breach.
/// </remarks>
internal static class ZipInflateGuard
{
    // Below this an entry's ratio is not judged: small XML parts compress far better than 200:1 without harm.
    private const long LargeEntry = 1024L * 1024;

    /// <summary>Null when the package stays within the limits, else the one-line reason (it names the format).</summary>
    public static string? Check(byte[] package, string format, ZipLimits limits)
    {
        ArgumentNullException.ThrowIfNull(package);
        ArgumentNullException.ThrowIfNull(limits);
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(new MemoryStream(package, writable: false), ZipArchiveMode.Read);
        }
        catch (InvalidDataException)
        {
            return null; // Not a readable zip: the reader itself gives the plain reason.
        }

        using (archive)
        {
            var entries = archive.Entries;
            if (entries.Count > limits.MaxEntries)
            {
                return $"{format} package has {entries.Count} entries (limit {limits.MaxEntries}); a zip bomb?";
            }

            var total = 0L;
            var buffer = new byte[81920];
            foreach (var entry in entries)
            {
                var inflated = 0L;
                var compressed = Math.Max(entry.CompressedLength, 1);
                try
                {
                    using var stream = entry.Open();
                    int read;
                    while ((read = stream.Read(buffer)) > 0)
                    {
                        inflated += read;
                        total += read;
                        if (total > limits.MaxInflatedBytes)
                        {
                            return $"{format} package inflates to over {limits.MaxInflatedBytes / 1048576} MB (limit); a zip bomb?";
                        }

                        if (inflated > LargeEntry && inflated / compressed > limits.MaxRatio)
                        {
                            return $"{format} package entry '{OneLine(entry.FullName)}' inflates over {limits.MaxRatio}:1 (limit); a zip bomb?";
                        }
                    }
                }
                catch (Exception e) when (e is InvalidDataException or NotSupportedException or IOException)
                {
                    // A damaged entry or an unsupported method: the reader reports it if it needs the entry.
                }
            }
        }

        return null;
    }

    private static string OneLine(string name)
    {
        var line = name.ReplaceLineEndings(" ");
        return line.Length > 80 ? line[..80] + "…" : line;
    }
}

/// <summary>How far one zip package may inflate.</summary>
/// <param name="MaxInflatedBytes">Most bytes all entries together may inflate to.</param>
/// <param name="MaxRatio">Highest inflate ratio of an entry larger than 1 MB inflated.</param>
/// <param name="MaxEntries">Most entries the package may list.</param>
internal sealed record ZipLimits(long MaxInflatedBytes, int MaxRatio, int MaxEntries);
