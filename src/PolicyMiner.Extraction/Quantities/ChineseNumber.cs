namespace PolicyMiner.Extraction.Quantities;

/// <summary>The outcome of reading a number at a position: its value and how many characters it used.</summary>
/// <param name="Length">Characters consumed; 0 when nothing could be read.</param>
/// <param name="IsChinese">True when written with Chinese numerals (两, 十, 百, 壹 …) rather than Arabic digits.</param>
public readonly record struct NumberParse(double Value, int Length, bool IsChinese)
{
    /// <summary>True when a number was read.</summary>
    public bool Success => Length > 0;

    /// <summary>The failed parse.</summary>
    public static NumberParse None => default;
}

/// <summary>Reads Arabic and Chinese numerals (small and 大写 forms, 两, 〇/零, 半, decimals) from text.</summary>
/// <remarks>Pure functions over spans; thread-safe. A trailing 万/亿 is left unread when <c>leaveMagnitude</c> is set,
/// because in "三百五十万元" the 万 belongs to the unit 万元 (value 350, as the gold schema writes it).</remarks>
public static class ChineseNumber
{
    /// <summary>True for 0-9 and the full-width digits.</summary>
    public static bool IsDigit(char c) => c is >= '0' and <= '9' or >= '０' and <= '９';

    /// <summary>True for any character that can be part of a Chinese numeral.</summary>
    public static bool IsNumeralChar(char c) => DigitValue(c) >= 0 || MultiplierValue(c) > 0;

    /// <summary>Value of a Chinese digit (一 → 1, 两 → 2, 〇 → 0, 壹 → 1), or -1.</summary>
    public static int DigitValue(char c) => c switch
    {
        '〇' or '零' or '○' => 0,
        '一' or '壹' or '幺' => 1,
        '二' or '两' or '贰' or '貳' => 2,
        '三' or '叁' or '參' => 3,
        '四' or '肆' => 4,
        '五' or '伍' => 5,
        '六' or '陆' or '陸' => 6,
        '七' or '柒' => 7,
        '八' or '捌' => 8,
        '九' or '玖' => 9,
        _ => -1,
    };

    /// <summary>Value of a Chinese multiplier (十 → 10, 百 → 100, 千, 万, 亿), or 0.</summary>
    public static double MultiplierValue(char c) => c switch
    {
        '十' or '拾' => 10,
        '百' or '佰' => 100,
        '千' or '仟' => 1000,
        '万' or '萬' => 1e4,
        '亿' or '億' => 1e8,
        _ => 0,
    };

    /// <summary>Reads an Arabic number (digits, optional thousands commas, optional decimal part) at the start of <paramref name="text"/>.</summary>
    public static NumberParse ParseArabic(ReadOnlySpan<char> text)
    {
        var i = 0;
        double value = 0;
        while (i < text.Length && IsDigit(text[i]))
        {
            value = (value * 10) + Digit(text[i]);
            i++;
            // 1,200 as a thousands group: a comma followed by exactly three digits.
            if (i < text.Length && text[i] == ',' && HasDigits(text, i + 1, 3) && (i + 4 >= text.Length || !IsDigit(text[i + 4])))
            {
                i++;
            }
        }

        if (i == 0)
        {
            return NumberParse.None;
        }

        if (i + 1 < text.Length && text[i] is '.' or '．' && IsDigit(text[i + 1]))
        {
            i++;
            var scale = 0.1;
            while (i < text.Length && IsDigit(text[i]))
            {
                value += Digit(text[i]) * scale;
                scale /= 10;
                i++;
            }
        }

        return new NumberParse(Math.Round(value, 10), i, IsChinese: false);
    }

    /// <summary>Reads a Chinese numeral (一百二十, 两, 三点五, 十, 壹佰) at the start of <paramref name="text"/>.</summary>
    /// <param name="leaveMagnitude">Leave a final 万/亿 unread so it can form a unit such as 万元.</param>
    public static NumberParse ParseChinese(ReadOnlySpan<char> text, bool leaveMagnitude = false)
    {
        var end = 0;
        while (end < text.Length && IsNumeralChar(text[end]))
        {
            end++;
        }

        if (end == 0)
        {
            return NumberParse.None;
        }

        if (leaveMagnitude && end > 1 && text[end - 1] is '万' or '亿' or '萬' or '億')
        {
            end--;
        }

        var value = Evaluate(text[..end]);
        if (value < 0)
        {
            return NumberParse.None;
        }

        var length = end;
        // 三点五 → 3.5
        if (end + 1 < text.Length && text[end] == '点' && DigitValue(text[end + 1]) >= 0)
        {
            var i = end + 1;
            var scale = 0.1;
            while (i < text.Length && DigitValue(text[i]) >= 0)
            {
                value += DigitValue(text[i]) * scale;
                scale /= 10;
                i++;
            }

            length = i;
        }

        return new NumberParse(Math.Round(value, 10), length, IsChinese: true);
    }

    /// <summary>Reads 半 (one half) when it stands for a number, as in 半年 or 一个半.</summary>
    public static NumberParse ParseHalf(ReadOnlySpan<char> text) =>
        text.Length > 0 && text[0] == '半' ? new NumberParse(0.5, 1, IsChinese: true) : NumberParse.None;

    /// <summary>Evaluates a run of Chinese numeral characters; -1 when the run is not a well-formed numeral.</summary>
    public static double Evaluate(ReadOnlySpan<char> numeral)
    {
        // Positional digit strings such as 二〇〇七 are read digit by digit.
        var allDigits = true;
        foreach (var c in numeral)
        {
            if (DigitValue(c) < 0)
            {
                allDigits = false;
                break;
            }
        }

        if (allDigits)
        {
            if (numeral.Length == 1)
            {
                return DigitValue(numeral[0]);
            }

            double positional = 0;
            foreach (var c in numeral)
            {
                positional = (positional * 10) + DigitValue(c);
            }

            return positional;
        }

        double total = 0;   // completed 亿 groups
        double section = 0; // completed 万 group inside the current 亿 group
        double current = 0; // below 万
        double digit = -1;
        foreach (var c in numeral)
        {
            var d = DigitValue(c);
            if (d >= 0)
            {
                digit = d == 0 ? -1 : d;
                continue;
            }

            var m = MultiplierValue(c);
            switch (m)
            {
                case 1e8:
                    total = (total + section + current + Math.Max(digit, 0)) * 1e8;
                    if (total == 0)
                    {
                        total = 1e8;
                    }

                    section = current = 0;
                    break;
                case 1e4:
                    section = (section + current + Math.Max(digit, 0)) * 1e4;
                    if (section == 0)
                    {
                        section = 1e4;
                    }

                    current = 0;
                    break;
                default:
                    // 十 alone or at the start means 一十.
                    current += (digit < 0 ? 1 : digit) * m;
                    break;
            }

            digit = -1;
        }

        return total + section + current + Math.Max(digit, 0);
    }

    private static int Digit(char c) => c >= '０' ? c - '０' : c - '0';

    private static bool HasDigits(ReadOnlySpan<char> text, int start, int count)
    {
        if (start + count > text.Length)
        {
            return false;
        }

        for (var i = start; i < start + count; i++)
        {
            if (!IsDigit(text[i]))
            {
                return false;
            }
        }

        return true;
    }
}
