namespace PolicyMiner.Extraction.Quantities;

/// <summary>A growth target written as a pair of bare figures, "增速保8争9" (or “保8争9”): the figure to ensure (保, firm) and the
/// figure to strive for (争, aspirational), both percentages.</summary>
public static class PairedFigure
{
    /// <summary>"增速保8争9": a growth rate stated as a pair of bare figures, the one to ensure (保) and the one to strive for (争),
    /// reads as two percentages. <paramref name="start"/>..<paramref name="end"/> is one of the two numbers.</summary>
    public static bool IsGrowthPair(string text, int start, int end) => PairStart(text, start, end) >= 0;

    /// <summary>Where the pair holding the number at <paramref name="start"/> opens (its 保, or the quote before it), or -1 when
    /// the number is not one of a growth pair: the indicator is read before that point.</summary>
    public static int PairStart(string text, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(text);
        int pairStart;
        if (start > 0 && text[start - 1] == '保' && end + 1 < text.Length && text[end] == '争' && IsNumeral(text[end + 1]))
        {
            pairStart = start - 1;
        }
        else if (start > 0 && text[start - 1] == '争')
        {
            var i = start - 1;
            while (i > 0 && IsNumeral(text[i - 1]))
            {
                i--;
            }

            if (i == start - 1 || i == 0 || text[i - 1] != '保' || (end < text.Length && IsNumeral(text[end])))
            {
                return -1;
            }

            pairStart = i - 1;
        }
        else
        {
            return -1;
        }

        // Only a growth rate takes its percent sign from the context: 增速 / 增长 / 增幅 just before the pair.
        var from = Math.Max(0, pairStart - 8);
        if (text.AsSpan(from, pairStart - from).IndexOf('增') < 0)
        {
            return -1;
        }

        return pairStart > 0 && text[pairStart - 1] is '“' or '"' or '「' ? pairStart - 1 : pairStart;
    }

    private static bool IsNumeral(char c) => ChineseNumber.IsDigit(c) || ChineseNumber.DigitValue(c) >= 0 || c is '.' or '十';

    /// <summary>The commitment the pair gives the number starting at <paramref name="start"/>: firm after 保, aspirational after 争.</summary>
    public static PolicyMiner.Core.Targets.Commitment? CommitmentOf(string text, int start, int end) =>
        !IsGrowthPair(text, start, end) ? null
        : text[start - 1] == '保' ? PolicyMiner.Core.Targets.Commitment.Firm : PolicyMiner.Core.Targets.Commitment.Aspirational;
}
