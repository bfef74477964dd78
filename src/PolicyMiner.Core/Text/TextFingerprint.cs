using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Security.Cryptography;
using System.Text;

namespace PolicyMiner.Core.Text;

/// <summary>
/// What a document's text is, independent of the file it came in: an exact fingerprint of its letters and digits
/// (punctuation, spacing and full-width forms ignored) and a MinHash signature of its 5-character shingles, so the same
/// document saved as TXT, HTML, PDF or DOCX is recognised, and so is a near copy (a page with a few more chrome lines).
/// </summary>
/// <param name="Exact">SHA-256 of the compact text, lower-case hex.</param>
/// <param name="MinHash">For each of <see cref="Hashes"/> hash functions, the least hash over the shingles.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record TextFingerprint(string Exact, uint[] MinHash)
{
    /// <summary>Number of hash functions in a signature.</summary>
    public const int Hashes = 64;

    /// <summary>Signature rows per band for locality-sensitive lookup: 16 bands of 4 rows find pairs above about 0.6 Jaccard.</summary>
    public const int RowsPerBand = 4;

    private const int ShingleLength = 5;

    /// <summary>The fingerprint of <paramref name="text"/>.</summary>
    /// <remarks>The compact text streams through a small window, so no copy of the whole text is made.</remarks>
    public static TextFingerprint Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var state = SignatureState.ForThisThread();
        var window = state.Window;
        var folded = Folded;
        foreach (var raw in text)
        {
            var c = folded[raw];
            if (c != '\0')
            {
                window[state.Filled++] = c;
                if (state.Filled == window.Length)
                {
                    state.Flush(final: false);
                }
            }
        }

        state.Flush(final: true);
        var exact = Convert.ToHexStringLower(state.Sha.GetHashAndReset());
        return new TextFingerprint(exact, state.Signature());
    }

    /// <summary>Each character as the compact text keeps it, or <c>'\0'</c> when it drops it (no letter or digit is '\0').</summary>
    /// <remarks>Letters and digits only, full-width forms folded, Latin lower-cased: what stays when a document changes container.
    /// Worked out once for all 64K characters, so the pass over a text is one array read per character (instead of two Unicode
    /// category lookups).</remarks>
    private static readonly char[] Folded = FoldTable();

    /// <summary>Estimated Jaccard similarity of the two texts' shingle sets (share of equal signature slots).</summary>
    public double Similarity(TextFingerprint other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Exact == Exact)
        {
            return 1;
        }

        var same = 0;
        for (var k = 0; k < Hashes; k++)
        {
            same += MinHash[k] == other.MinHash[k] ? 1 : 0;
        }

        return same / (double)Hashes;
    }

    /// <summary>Keys of the signature's bands: texts sharing a key are candidates for near-duplicates.</summary>
    public IEnumerable<string> BandKeys()
    {
        for (var band = 0; band < Hashes / RowsPerBand; band++)
        {
            var key = new StringBuilder(48).Append(band).Append(':');
            for (var row = 0; row < RowsPerBand; row++)
            {
                key.Append(MinHash[(band * RowsPerBand) + row].ToString("x8", System.Globalization.CultureInfo.InvariantCulture));
            }

            yield return key.ToString();
        }
    }

    /// <summary>The signature as text (for storage) and back.</summary>
    public string MinHashText => Convert.ToBase64String(System.Runtime.InteropServices.MemoryMarshal.AsBytes(MinHash.AsSpan()));

    /// <summary>A fingerprint from its stored parts, or null when they are missing or malformed.</summary>
    public static TextFingerprint? FromStored(string? exact, string? minHash)
    {
        if (exact is null || minHash is null)
        {
            return null;
        }

        var bytes = Convert.FromBase64String(minHash);
        return bytes.Length == Hashes * sizeof(uint)
            ? new TextFingerprint(exact, System.Runtime.InteropServices.MemoryMarshal.Cast<byte, uint>(bytes).ToArray())
            : null;
    }

    private static char[] FoldTable()
    {
        var table = new char[char.MaxValue + 1];
        for (var raw = 0; raw <= char.MaxValue; raw++)
        {
            var c = raw is >= '\uFF01' and <= '\uFF5E' ? (char)(raw - 0xFEE0) : (char)raw;
            table[raw] = char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : '\0';
        }

        return table;
    }

    // Inlined: called once per character of every document read.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static (ulong, ulong) Hash(ReadOnlySpan<char> shingle)
    {
        // FNV-1a over the UTF-16 units, and a second pass with another basis for the step hash.
        ulong a = 14695981039346656037UL, b = 1099511628211UL * 31;
        foreach (var c in shingle)
        {
            a = (a ^ c) * 1099511628211UL;
            b = (b ^ c) * 0x9E3779B97F4A7C15UL;
        }

        return (a, b | 1);
    }

    /// <summary>A block of the compact text and what has been computed from the blocks before it.</summary>
    /// <remarks>One per thread, reset at the start of each text: its buffers (about 20 KB) and hasher were allocated anew for
    /// every document read, about 6% of what ingest allocated.</remarks>
    private sealed class SignatureState
    {
        private const int BlockLength = 4096;

        [ThreadStatic]
        private static SignatureState? _ofThread;

        private readonly ulong[] _minima = new ulong[Hashes];
        private readonly System.Text.Encoder _utf8 = Encoding.UTF8.GetEncoder();
        private readonly byte[] _bytes = new byte[(ShingleLength + BlockLength) * 3];
        private int _carried;
        private bool _anyShingle;
        private bool _busy;

        /// <summary>This thread's state, reset for a new text; <see cref="Signature"/> hands it back.</summary>
        /// <remarks><see cref="Of"/> runs to the end without calling out, so a thread never holds two texts at once. A state
        /// whose text did not reach <see cref="Signature"/> (its pass threw) may hold part of that text in its hasher, so it
        /// is dropped for a new one.</remarks>
        public static SignatureState ForThisThread()
        {
            var state = _ofThread;
            if (state is null || state._busy)
            {
                state = _ofThread = new SignatureState();
            }

            Array.Fill(state._minima, ulong.MaxValue);
            state._utf8.Reset();
            state._carried = 0;
            state._anyShingle = false;
            state.Filled = 0;
            state._busy = true;
            return state;
        }

        /// <summary>The last <c>ShingleLength - 1</c> characters of the previous block, then the current block.</summary>
        public char[] Window { get; } = new char[ShingleLength - 1 + BlockLength];

        public int Filled { get; set; }

        public IncrementalHash Sha { get; } = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        /// <summary>Hashes the window's new characters and every whole shingle starting in it, and keeps the tail for the next.</summary>
        public void Flush(bool final)
        {
            var added = Window.AsSpan(_carried, Filled - _carried);
            Sha.AppendData(_bytes, 0, _utf8.GetBytes(added, _bytes, flush: final));
            if (Filled >= ShingleLength)
            {
                AddShingles(Window.AsSpan(0, Filled));
                _anyShingle = true;
            }

            if (final)
            {
                if (!_anyShingle)
                {
                    // A compact text shorter than a shingle is one shingle of what there is.
                    Add(Window.AsSpan(0, Filled));
                }

                return;
            }

            Window.AsSpan(Filled - (ShingleLength - 1), ShingleLength - 1).CopyTo(Window);
            _carried = Filled = ShingleLength - 1;
        }

        public uint[] Signature()
        {
            var minHash = new uint[Hashes];
            for (var k = 0; k < Hashes; k++)
            {
                minHash[k] = (uint)(_minima[k] >> 32);
            }

            _busy = false;
            return minHash;
        }

        /// <summary>Adds every whole shingle of <paramref name="block"/>, as <see cref="Add"/> of each in turn would.</summary>
        /// <remarks>
        /// Optimised from its first call: ReadyToRun cannot precompile its AVX-512 body, so it started as unoptimised tier-0
        /// code whose every vector operation was a call into the runtime's software fallback (perf on a cold
        /// <c>bench ingest --folder ../shared/real</c>: 23% of all CPU samples, in the read stage).
        /// </remarks>
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
        private void AddShingles(ReadOnlySpan<char> block)
        {
            var count = block.Length - ShingleLength + 1;
            // Eight vectors of eight lanes hold the 64 minima.
            if (!Vector512.IsHardwareAccelerated || Hashes != 64)
            {
                for (var i = 0; i < count; i++)
                {
                    Add(block.Slice(i, ShingleLength));
                }

                return;
            }

            // The 64 minima stay in eight registers for the whole block instead of being loaded and stored per shingle (a
            // shingle per character of every document read): the same minimum of the same values, in fewer instructions.
            // They are minima of the whole 64-bit values, whose high halves Signature takes at the end: the high half is
            // monotone, so the least high half is the high half of the least value, without a shift per lane per shingle.
            ref var minima = ref MemoryMarshal.GetArrayDataReference(_minima);
            var m0 = Vector512.LoadUnsafe(ref minima, 0);
            var m1 = Vector512.LoadUnsafe(ref minima, 8);
            var m2 = Vector512.LoadUnsafe(ref minima, 16);
            var m3 = Vector512.LoadUnsafe(ref minima, 24);
            var m4 = Vector512.LoadUnsafe(ref minima, 32);
            var m5 = Vector512.LoadUnsafe(ref minima, 40);
            var m6 = Vector512.LoadUnsafe(ref minima, 48);
            var m7 = Vector512.LoadUnsafe(ref minima, 56);
            for (var i = 0; i < count; i++)
            {
                var (h1, h2) = Hash(block.Slice(i, ShingleLength));
                // Lane k holds h1 + k·h2 (mod 2^64): two broadcasts and one lane-wise multiply by the constant 0..7, instead of
                // eight scalar sums inserted lane by lane.
                var h2s = Vector512.Create(h2);
                var wide = Vector512.Create(h1) + (h2s * Vector512.Create(0UL, 1, 2, 3, 4, 5, 6, 7));
                var step = Vector512.ShiftLeft(h2s, 3);
                m0 = Vector512.Min(m0, wide);
                wide += step;
                m1 = Vector512.Min(m1, wide);
                wide += step;
                m2 = Vector512.Min(m2, wide);
                wide += step;
                m3 = Vector512.Min(m3, wide);
                wide += step;
                m4 = Vector512.Min(m4, wide);
                wide += step;
                m5 = Vector512.Min(m5, wide);
                wide += step;
                m6 = Vector512.Min(m6, wide);
                wide += step;
                m7 = Vector512.Min(m7, wide);
            }

            m0.StoreUnsafe(ref minima, 0);
            m1.StoreUnsafe(ref minima, 8);
            m2.StoreUnsafe(ref minima, 16);
            m3.StoreUnsafe(ref minima, 24);
            m4.StoreUnsafe(ref minima, 32);
            m5.StoreUnsafe(ref minima, 40);
            m6.StoreUnsafe(ref minima, 48);
            m7.StoreUnsafe(ref minima, 56);
        }

        /// <summary>Adds one shingle: the portable path of <see cref="AddShingles"/>, and a text shorter than a shingle.</summary>
        private void Add(ReadOnlySpan<char> shingle)
        {
            var (h1, h2) = Hash(shingle);
            // Kirsch–Mitzenmacher: hash k is the high half of h1 + k·h2 (mod 2^64). Lanes hold k, k+1, k+2, k+3 and step
            // by 4·h2, so every slot gets exactly the scalar formula's value, four at a time. Minima are kept over the whole
            // 64-bit values and narrowed to their high halves once, in Signature (the least high half is the high half of
            // the least value), so no lane ever narrows or shifts here. (Where AVX-512 is there, AddShingles does the same
            // eight lanes at a time with the minima held in registers.)
            ref var minima = ref MemoryMarshal.GetArrayDataReference(_minima);
            var lanes = Vector256.Create(h1, h1 + h2, h1 + (2 * h2), h1 + (3 * h2));
            var step = Vector256.Create(4 * h2);
            for (nuint k = 0; k < Hashes; k += 4)
            {
                Vector256.Min(Vector256.LoadUnsafe(ref minima, k), lanes).StoreUnsafe(ref minima, k);
                lanes += step;
            }
        }
    }
}
