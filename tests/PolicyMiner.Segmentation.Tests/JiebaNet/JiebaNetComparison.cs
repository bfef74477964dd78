namespace PolicyMiner.Segmentation.Tests.JiebaNet;

/// <summary>
/// The two documented ways jieba.NET 0.42.2 departs from Python jieba 0.42.1 (whose output ours reproduces) in
/// default mode, found by comparing the three on ../shared's real text and on generated text; nothing else differs.
/// </summary>
internal enum JiebaNetDeviation
{
    /// <summary>
    /// jieba.NET's block pattern <c>RegexChineseDefault</c> is <c>[\u4E00-\u9FD5a-zA-Z0-9+#&amp;\._%·\-]+</c>: it adds
    /// the middle dot U+00B7 to Python's <c>re_han_default</c>, so a '·' and its neighbours form one block. Then '·'
    /// joins adjacent '.', '%', '-' ('%·' one token; Python '%|·'), and a run of single characters next to it that
    /// is a dictionary word (天路, 中商) is no longer a block of its own, so the HMM joins it (天路; Python 天|路 because
    /// <c>FREQ.get(buf)</c> is true). With or without the HMM. Classified when the differing span lies in a run of
    /// jieba.NET block characters that holds a '·'.
    /// </summary>
    MiddleDotInWord,

    /// <summary>
    /// HMM on: the differing span holds a Han character that lacks an emission probability in at least one state
    /// (B, M, E or S) of prob_emit.json (墈, 塆, 犇 …). Python adds MIN_FLOAT (-3.14e100) for the missing entry, which
    /// absorbs every other term, so paths tie and Python's <c>max((prob, state))</c> takes the greatest state name;
    /// jieba.NET's Viterbi breaks those ties another way and returns other words (墈头 for Python's 墈|头).
    /// </summary>
    UnemittedCharacter,

    /// <summary>
    /// The two cuts of the span are dictionary words with equal route scores (细细|细 and 细|细细 over 细细细: the same words
    /// in another order, so the same sum of log frequencies). Python's <c>max((score, x))</c> breaks the tie toward the
    /// longer first word, as ours does; jieba.NET keeps the first best it meets. With or without the HMM.
    /// </summary>
    RouteTie,
}

/// <summary>A span of text that the two segmenters cut differently, with the tokens of each over it.</summary>
internal sealed record TokenMismatch(int Start, int End, string Ours, string Theirs, JiebaNetDeviation? Known)
{
    public override string ToString() => $"[{Start},{End}) ours {Ours} jieba.NET {Theirs} ({Known?.ToString() ?? "unknown"})";
}

/// <summary>Aligns two token streams over the same text and classifies each span where they differ.</summary>
internal static class JiebaNetComparison
{
    /// <summary>The spans between common token boundaries where the outputs differ, each classified.</summary>
    public static List<TokenMismatch> Compare(string text, IReadOnlyList<string> ours, IReadOnlyList<string> theirs, bool hmm)
    {
        var mismatches = new List<TokenMismatch>();
        if (string.Concat(ours) != text || string.Concat(theirs) != text)
        {
            // Lost or added characters are never a known deviation.
            mismatches.Add(new TokenMismatch(0, text.Length, string.Join('|', ours), string.Join('|', theirs), null));
            return mismatches;
        }

        var a = Boundaries(ours);
        var b = Boundaries(theirs);
        var common = a.Intersect(b).Order().ToList();
        for (var i = 0; i + 1 < common.Count; i++)
        {
            int start = common[i], end = common[i + 1];
            if (!a.Any(x => x > start && x < end) && !b.Any(x => x > start && x < end))
            {
                continue;
            }

            var oursSpan = Tokens(ours, start, end);
            var theirsSpan = Tokens(theirs, start, end);
            mismatches.Add(new TokenMismatch(
                start,
                end,
                string.Join('|', oursSpan),
                string.Join('|', theirsSpan),
                Classify(text, start, end, hmm) ?? (IsRouteTie(oursSpan, theirsSpan) ? JiebaNetDeviation.RouteTie : null)));
        }

        return mismatches;
    }

    private static JiebaNetDeviation? Classify(string text, int start, int end, bool hmm)
    {
        var lo = start;
        while (lo > 0 && IsJiebaNetBlockChar(text[lo - 1]))
        {
            lo--;
        }

        var hi = end;
        while (hi < text.Length && IsJiebaNetBlockChar(text[hi]))
        {
            hi++;
        }

        if (text.AsSpan(lo, hi - lo).Contains('·'))
        {
            return JiebaNetDeviation.MiddleDotInWord;
        }

        if (hmm)
        {
            for (var i = start; i < end; i++)
            {
                if (IsHan(text[i]) && !JiebaNetReference.HasAllEmissions(text[i]))
                {
                    return JiebaNetDeviation.UnemittedCharacter;
                }
            }
        }

        return null;
    }

    /// <summary>True when both cuts are dictionary words, as many on each side, whose log frequencies sum the same.</summary>
    private static bool IsRouteTie(List<string> ours, List<string> theirs)
    {
        if (ours.Count != theirs.Count || ours.Concat(theirs).Any(w => JiebaSegmenter.Default.Frequency(w) <= 0))
        {
            return false;
        }

        var difference = ours.Sum(w => Math.Log(JiebaSegmenter.Default.Frequency(w))) - theirs.Sum(w => Math.Log(JiebaSegmenter.Default.Frequency(w)));
        return Math.Abs(difference) < 1e-9;
    }

    /// <summary>A character of jieba.NET's default block pattern (Python's plus '·').</summary>
    private static bool IsJiebaNetBlockChar(char c) =>
        IsHan(c) || char.IsAsciiLetterOrDigit(c) || c is '+' or '#' or '&' or '.' or '_' or '%' or '·' or '-';

    private static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FD5';

    private static HashSet<int> Boundaries(IReadOnlyList<string> tokens)
    {
        var set = new HashSet<int> { 0 };
        var position = 0;
        foreach (var token in tokens)
        {
            position += token.Length;
            set.Add(position);
        }

        return set;
    }

    private static List<string> Tokens(IReadOnlyList<string> tokens, int start, int end)
    {
        var result = new List<string>();
        var position = 0;
        foreach (var token in tokens)
        {
            if (position >= start && position < end)
            {
                result.Add(token);
            }

            position += token.Length;
        }

        return result;
    }
}
