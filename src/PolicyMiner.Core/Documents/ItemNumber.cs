namespace PolicyMiner.Core.Documents;

/// <summary>The marker that opens a list item or a numbered heading (一、 （二） (3) 4. 5．, or a bullet): one reader for the block
/// tree, the scopes and the rules, so they agree on what an item is.</summary>
public static class ItemNumber
{
    private const string Numerals = "〇零○一二三四五六七八九十";

    /// <summary>The length of the item number opening <paramref name="line"/>, its closing mark included ("（十三）…" → 4,
    /// "3.…" → 2), or 0 when the line opens with none.</summary>
    public static int Length(ReadOnlySpan<char> line)
    {
        var i = line.Length > 0 && line[0] is '(' or '（' ? 1 : 0;
        var digits = i;
        while (i < line.Length && (char.IsAsciiDigit(line[i]) || Numerals.Contains(line[i])))
        {
            i++;
        }

        return i > digits && i < line.Length && line[i] is '.' or '．' or '、' or ')' or '）' ? i + 1 : 0;
    }

    /// <summary>True when a bullet (——, •, ·, -, ①…⑳) or an item number opens <paramref name="line"/>.</summary>
    public static bool Opens(ReadOnlySpan<char> line) =>
        line.Length > 0 && (line[0] is '—' or '•' or '·' or '-' or (>= '①' and <= '⑳') || Length(line) > 0);
}
