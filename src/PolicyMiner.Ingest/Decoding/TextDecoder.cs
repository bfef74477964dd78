using System.Text;

namespace PolicyMiner.Ingest.Decoding;

/// <summary>Text decoded from bytes, with the name of the encoding that was used.</summary>
/// <param name="Diagnostic">Why the decode is in doubt (invalid bytes replaced, a weak guess), or null.</param>
public sealed record DecodedText(string Text, string EncodingName, string? Diagnostic = null);

/// <summary>
/// Decodes document bytes whose encoding may be undeclared: BOM, then UTF-16 without BOM, strict UTF-8,
/// then GB18030 (a superset of GBK and GB2312), choosing the candidate whose characters look like text.
/// </summary>
/// <remarks>
/// Stateless and thread-safe. A strict UTF-8 validity check is decisive for UTF-8 (legacy Chinese encodings
/// almost never form valid multi-byte UTF-8), so statistical detection is only needed between UTF-16 and GB18030.
/// </remarks>
public static class TextDecoder
{
    private const double MinimumPlausibility = 0.85;

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);
    private static readonly Encoding Utf16Le = new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: false);
    private static readonly Encoding Utf16Be = new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: false);

    /// <summary>GB18030 from the code-pages provider, without registering the provider process-wide.</summary>
    public static Encoding Gb18030 { get; } = CodePagesEncodingProvider.Instance.GetEncoding(54936)
        ?? throw new InvalidOperationException("GB18030 is not available.");

    /// <summary>Decodes <paramref name="bytes"/>, or returns null when they are not text in any supported encoding.</summary>
    public static DecodedText? Decode(ReadOnlySpan<byte> bytes) => Decode(bytes, declared: null);

    /// <summary>Decodes <paramref name="bytes"/>, trying a declared charset (from an HTML meta tag) after any BOM.</summary>
    public static DecodedText? Decode(ReadOnlySpan<byte> bytes, string? declared)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return new DecodedText(Encoding.UTF8.GetString(bytes[3..]), "utf-8");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return new DecodedText(Utf16Le.GetString(bytes[2..]), "utf-16le");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return new DecodedText(Utf16Be.GetString(bytes[2..]), "utf-16be");
        }

        var declaredEncoding = ResolveDeclared(declared);
        if (declaredEncoding is not null && TryStrict(bytes, declaredEncoding.Value.Encoding) is { } declaredText
            && Plausibility(declaredText) >= MinimumPlausibility)
        {
            return new DecodedText(declaredText, declaredEncoding.Value.Name);
        }

        var hasNul = bytes.Contains((byte)0);
        // Validated first rather than decoded strictly: a strict decoder throws on the first bad byte, once for every GB18030 file.
        if (!hasNul && System.Text.Unicode.Utf8.IsValid(bytes))
        {
            var utf8 = Encoding.UTF8.GetString(bytes);
            return Plausibility(utf8) >= MinimumPlausibility ? new DecodedText(utf8, "utf-8") : null;
        }

        // UTF-8 with a few bad bytes (junk at the start, a cut character) is still UTF-8: its many valid multi-byte
        // sequences are next to impossible in GB18030 or UTF-16 text, which would otherwise "decode" it into CJK garbage.
        var (valid, invalid) = Utf8Sequences(bytes);
        if (valid >= 8 && invalid > 0 && valid >= invalid * 20)
        {
            var lenient = Encoding.UTF8.GetString(bytes);
            if (Plausibility(lenient) >= MinimumPlausibility)
            {
                return new DecodedText(lenient, "utf-8", $"utf-8 with {invalid} invalid byte sequences, replaced by U+FFFD");
            }
        }

        DecodedText? best = null;
        var bestScore = 0.0;
        if (hasNul || bytes.Length % 2 == 0)
        {
            // A truncated UTF-16 file ends in half a character: decode the whole code units.
            var units = bytes[..(bytes.Length & ~1)];
            Consider(Utf16Le.GetString(units), "utf-16le", ref best, ref bestScore);
            Consider(Utf16Be.GetString(units), "utf-16be", ref best, ref bestScore);
        }

        if (!hasNul)
        {
            // GB18030 decodes almost anything (bad bytes become U+FFFD); plausibility decides whether it is text.
            Consider(Gb18030.GetString(bytes), "gb18030", ref best, ref bestScore);
        }

        if (bestScore < MinimumPlausibility || best is null)
        {
            return null;
        }

        // No BOM, not valid UTF-8: a statistical guess; say so when it is a weak one.
        return bestScore < ConfidentPlausibility
            ? best with { Diagnostic = $"encoding guessed as {best.EncodingName} with low confidence ({bestScore:0.00} of characters look like text)" }
            : best;
    }

    private const double ConfidentPlausibility = 0.97;

    /// <summary>Counts well-formed multi-byte UTF-8 sequences and invalid ones.</summary>
    private static (int Valid, int Invalid) Utf8Sequences(ReadOnlySpan<byte> bytes)
    {
        var (valid, invalid) = (0, 0);
        while (!bytes.IsEmpty)
        {
            var ascii = bytes.IndexOfAnyInRange((byte)0x80, (byte)0xFF);
            if (ascii < 0)
            {
                break;
            }

            bytes = bytes[ascii..];
            var status = System.Text.Rune.DecodeFromUtf8(bytes, out _, out var consumed);
            if (status == System.Buffers.OperationStatus.Done)
            {
                valid++;
            }
            else
            {
                invalid++;
            }

            bytes = bytes[Math.Max(consumed, 1)..];
        }

        return (valid, invalid);
    }

    /// <summary>Share of characters that are ordinary text: common CJK, CJK punctuation, printable ASCII, whitespace.</summary>
    public static double Plausibility(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return 0;
        }

        var sample = text.Length > 65536 ? text[..65536] : text;
        var ordinary = OrdinaryText;
        var good = 0;
        foreach (var c in sample)
        {
            good += ordinary[c];
        }

        return (double)good / sample.Length;
    }

    /// <summary>1 for each character <see cref="Plausibility"/> counts as ordinary text, else 0.</summary>
    /// <remarks>Worked out once for all 64K characters: one array read per character instead of a dozen range tests
    /// (every TXT and HTML file is scored at least once while its encoding is chosen).</remarks>
    private static readonly byte[] OrdinaryText = OrdinaryTextTable();

    private static byte[] OrdinaryTextTable()
    {
        var table = new byte[char.MaxValue + 1];
        for (var raw = 0; raw <= char.MaxValue; raw++)
        {
            table[raw] = (char)raw is (>= ' ' and <= '~') or '\n' or '\r' or '\t'
                or (>= '\u4E00' and <= '\u9FA5')
                or (>= '\u3000' and <= '\u303F')
                or (>= '\uFF01' and <= '\uFF5E')
                or (>= '\u2010' and <= '\u2027') or '\u00B7' or '\u00A0' or '\u25A1' or '\u25CF' or '\u2460' or '\u2461'
                or (>= '\u2462' and <= '\u2473') or '\uFEFF'
                ? (byte)1
                : (byte)0;
        }

        return table;
    }

    private static void Consider(string text, string name, ref DecodedText? best, ref double bestScore)
    {
        var score = Plausibility(text);
        if (score > bestScore)
        {
            best = new DecodedText(text, name);
            bestScore = score;
        }
    }

    private static string? TryStrict(ReadOnlySpan<byte> bytes, Encoding encoding)
    {
        try
        {
            return encoding.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static (Encoding Encoding, string Name)? ResolveDeclared(string? declared)
    {
        switch (declared?.Trim().ToUpperInvariant())
        {
            case null or "":
                return null;
            case "UTF-8" or "UTF8":
                return (StrictUtf8, "utf-8");
            case "GBK" or "GB2312" or "GB18030" or "GB_2312-80" or "X-GBK" or "CP936" or "EUC-CN":
                return (StrictGb18030, "gb18030");
            default:
                return null;
        }
    }

    private static readonly Encoding StrictGb18030 = CreateStrictGb18030();

    private static Encoding CreateStrictGb18030()
    {
        var encoding = (Encoding)Gb18030.Clone();
        encoding.DecoderFallback = DecoderFallback.ExceptionFallback;
        return encoding;
    }
}
