using System.Text.RegularExpressions;

namespace PolicyMiner.Ingest.Metadata;

/// <summary>Reads dates as Chinese documents write them: 2007年3月21日, 二〇〇七年三月二十一日, 2018-06-22, 2018/6/22, 2018.06.22.</summary>
/// <remarks>Stateless and thread-safe; impossible dates give null.</remarks>
public static partial class DateText
{
    /// <summary>The first date in <paramref name="text"/>, or null.</summary>
    public static DateOnly? FindFirst(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (Match match in AnyDate().Matches(text))
        {
            if (FromMatch(match) is { } date)
            {
                return date;
            }
        }

        return null;
    }

    /// <summary>The date when <paramref name="line"/> holds nothing but a date (signature lines), or null.</summary>
    public static DateOnly? ParseWhole(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var trimmed = line.Trim().Trim('（', '）', '(', ')', ' ');
        var match = AnyDate().Match(trimmed);
        return match.Success && match.Index == 0 && match.Length == trimmed.Length ? FromMatch(match) : null;
    }

    /// <summary>The value of a Chinese numeral from 0 to 99 (三 → 3, 十二 → 12, 二十一 → 21, 卅 → 30), or -1.</summary>
    public static int SmallNumber(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return -1;
        }

        var ten = text.IndexOf('十');
        if (ten < 0)
        {
            return text.Length == 1 ? Digit(text[0]) : -1;
        }

        var tens = ten == 0 ? 1 : ten == 1 ? Digit(text[0]) : -1;
        var units = ten == text.Length - 1 ? 0 : ten == text.Length - 2 ? Digit(text[^1]) : -1;
        return tens < 1 || units < 0 ? -1 : (tens * 10) + units;
    }

    private static DateOnly? FromMatch(Match match)
    {
        int year, month, day;
        if (match.Groups["cy"].Success)
        {
            year = 0;
            foreach (var c in match.Groups["cy"].ValueSpan)
            {
                year = (year * 10) + Digit(c);
            }

            month = SmallNumber(match.Groups["cm"].ValueSpan);
            day = SmallNumber(match.Groups["cd"].ValueSpan);
        }
        else
        {
            year = int.Parse(match.Groups["y"].ValueSpan);
            month = int.Parse(match.Groups["m"].ValueSpan);
            day = int.Parse(match.Groups["d"].ValueSpan);
        }

        return year is >= 1949 and <= 2100 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;
    }

    private static int Digit(char c) => c switch
    {
        '〇' or '零' or '○' or 'O' or 'o' or 'Ｏ' or '0' => 0,
        '一' or '1' => 1,
        '二' or '两' or '2' => 2,
        '三' or '3' => 3,
        '四' or '4' => 4,
        '五' or '5' => 5,
        '六' or '6' => 6,
        '七' or '7' => 7,
        '八' or '8' => 8,
        '九' or '9' => 9,
        _ => -1,
    };

    [GeneratedRegex(@"(?<![\d])(?:(?<y>(?:19|20)\d{2})\s*(?:年\s*(?<m>\d{1,2})\s*月\s*(?<d>\d{1,2})\s*日|[-/.](?<m>\d{1,2})[-/.](?<d>\d{1,2})(?![\d]))|(?<cy>[〇零○一二三四五六七八九OＯ]{4})\s*年\s*(?<cm>[一二三四五六七八九十]{1,2})\s*月\s*(?<cd>[一二三四五六七八九十]{1,3})\s*日)")]
    private static partial Regex AnyDate();
}
