using System.Runtime.InteropServices;
using System.Text.Json;

namespace PolicyMiner.Segmentation.Hmm;

/// <summary>
/// jieba's character-tagging HMM (states B, E, M, S) and its Viterbi decoder, used for runs of characters the
/// dictionary route leaves as unknown single characters.
/// </summary>
/// <remarks>
/// States are numbered in alphabetical order (B=0, E=1, M=2, S=3) because Python breaks ties between equal
/// probabilities by comparing the state letters; with this numbering "larger index wins a tie" reproduces it.
/// Immutable and thread-safe.
/// </remarks>
internal sealed class HmmModel
{
    private const int B = 0;
    private const int E = 1;
    private const int M = 2;
    private const int S = 3;
    private const int StateCount = 4;
    private const char FirstHan = '\u4E00';
    private const int HanCount = 0x9FD5 - 0x4E00 + 1;

    /// <summary>jieba's stand-in for log(0).</summary>
    public const double MinLogProbability = -3.14e100;

    // JIEBA-COMPAT: the start probabilities of finalseg/prob_start.py (B and S; E and M cannot start a word).
    // jieba.NET keeps them in code rather than in a resource, so they are here too.
    private static readonly double[] StartLogProbabilities = [-0.26268660809250016, MinLogProbability, MinLogProbability, -1.4652633398537678];

    // Transition log probabilities [from * 4 + to]; impossible transitions are never read (see Decode).
    private readonly double[] _transitions;

    // Emission log probabilities [(c - U+4E00) * 4 + state] for the only characters the decoder sees.
    private readonly double[] _emissions;

    private HmmModel(double[] transitions, double[] emissions)
    {
        _transitions = transitions;
        _emissions = emissions;
    }

    /// <summary>Reads jieba's <c>prob_trans</c> and <c>prob_emit</c> tables as JSON objects keyed by state letter.</summary>
    public static HmmModel FromJson(string transitionsJson, string emissionsJson)
    {
        var transitions = new double[StateCount * StateCount];
        Array.Fill(transitions, MinLogProbability);
        using (var document = JsonDocument.Parse(transitionsJson))
        {
            foreach (var from in document.RootElement.EnumerateObject())
            {
                foreach (var to in from.Value.EnumerateObject())
                {
                    transitions[StateIndex(from.Name) * StateCount + StateIndex(to.Name)] = to.Value.GetDouble();
                }
            }
        }

        var emissions = new double[HanCount * StateCount];
        Array.Fill(emissions, MinLogProbability);
        using (var document = JsonDocument.Parse(emissionsJson))
        {
            foreach (var state in document.RootElement.EnumerateObject())
            {
                var stateIndex = StateIndex(state.Name);
                foreach (var entry in state.Value.EnumerateObject())
                {
                    var key = entry.Name;
                    if (key.Length == 1 && JiebaCharClasses.IsHan(key[0]))
                    {
                        emissions[(key[0] - FirstHan) * StateCount + stateIndex] = entry.Value.GetDouble();
                    }
                }
            }
        }

        return new HmmModel(transitions, emissions);
    }

    private static int StateIndex(string name) => name switch
    {
        "B" => B,
        "E" => E,
        "M" => M,
        "S" => S,
        _ => throw new InvalidDataException($"Unknown HMM state '{name}'."),
    };

    /// <summary>Writes the tables in binary form.</summary>
    public void WriteTo(BinaryWriter writer)
    {
        writer.Write(MemoryMarshal.AsBytes(_transitions.AsSpan()));
        writer.Write(MemoryMarshal.AsBytes(_emissions.AsSpan()));
    }

    /// <summary>Reads tables written by <see cref="WriteTo"/>.</summary>
    public static HmmModel ReadFrom(BinaryReader reader)
    {
        var transitions = new double[StateCount * StateCount];
        var emissions = new double[HanCount * StateCount];
        reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(transitions.AsSpan()));
        reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(emissions.AsSpan()));
        return new HmmModel(transitions, emissions);
    }

    /// <summary>Runs Viterbi over a run of Han characters and writes the best state sequence to <paramref name="path"/>.</summary>
    /// <param name="run">Characters in U+4E00..U+9FD5 only, at least one.</param>
    /// <param name="scores">Scratch of at least 4 × run length.</param>
    /// <param name="back">Scratch of at least 4 × run length.</param>
    /// <param name="path">Receives one state per character (0 B, 1 E, 2 M, 3 S).</param>
    public void Decode(ReadOnlySpan<char> run, Span<double> scores, Span<byte> back, Span<byte> path)
    {
        var n = run.Length;
        var emissions = _emissions;
        var trans = _transitions;
        var start = StartLogProbabilities;

        var c0 = (run[0] - FirstHan) * StateCount;
        for (var y = 0; y < StateCount; y++)
        {
            scores[y] = start[y] + emissions[c0 + y];
        }

        // JIEBA-COMPAT: each score is (previous + transition) + emission, evaluated in Python's order so that
        // rounding, and therefore every tie, comes out the same; on a tie the later state letter wins.
        var tEB = trans[E * StateCount + B];
        var tSB = trans[S * StateCount + B];
        var tBM = trans[B * StateCount + M];
        var tMM = trans[M * StateCount + M];
        var tBE = trans[B * StateCount + E];
        var tME = trans[M * StateCount + E];
        var tES = trans[E * StateCount + S];
        var tSS = trans[S * StateCount + S];
        for (var t = 1; t < n; t++)
        {
            var prev = (t - 1) * StateCount;
            var cur = t * StateCount;
            var emit = (run[t] - FirstHan) * StateCount;
            var pB = scores[prev + B];
            var pE = scores[prev + E];
            var pM = scores[prev + M];
            var pS = scores[prev + S];

            var em = emissions[emit + B];
            var fromE = pE + tEB + em;
            var fromS = pS + tSB + em;
            (scores[cur + B], back[cur + B]) = fromS >= fromE ? (fromS, (byte)S) : (fromE, (byte)E);

            em = emissions[emit + E];
            var fromB = pB + tBE + em;
            var fromM = pM + tME + em;
            (scores[cur + E], back[cur + E]) = fromM >= fromB ? (fromM, (byte)M) : (fromB, (byte)B);

            em = emissions[emit + M];
            fromB = pB + tBM + em;
            fromM = pM + tMM + em;
            (scores[cur + M], back[cur + M]) = fromM >= fromB ? (fromM, (byte)M) : (fromB, (byte)B);

            em = emissions[emit + S];
            fromE = pE + tES + em;
            fromS = pS + tSS + em;
            (scores[cur + S], back[cur + S]) = fromS >= fromE ? (fromS, (byte)S) : (fromE, (byte)E);
        }

        var last = (n - 1) * StateCount;
        var state = scores[last + S] >= scores[last + E] ? S : E;

        for (var t = n - 1; t > 0; t--)
        {
            path[t] = (byte)state;
            state = back[t * StateCount + state];
        }

        path[0] = (byte)state;
    }

    /// <summary>True when a tagged state ends a word (E or S).</summary>
    public static bool EndsWord(byte state) => state is E or S;

    /// <summary>True when a tagged state begins a word (B).</summary>
    public static bool BeginsWord(byte state) => state == B;

    /// <summary>True for the single-character state S.</summary>
    public static bool IsSingle(byte state) => state == S;
}
