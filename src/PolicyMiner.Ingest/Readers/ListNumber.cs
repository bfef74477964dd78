using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml.Wordprocessing;

namespace PolicyMiner.Ingest.Readers;

/// <summary>Formats a list counter the way Word draws it for a numbering format (3 → 三, ③, c, iii).</summary>
/// <remarks>Stateless and thread-safe.</remarks>
internal static class ListNumber
{
    private const string ChineseDigits = "〇一二三四五六七八九";
    private const string LegalDigits = "零壹贰叁肆伍陆柒捌玖";
    private const string HeavenlyStems = "甲乙丙丁戊己庚辛壬癸";
    private const string EarthlyBranches = "子丑寅卯辰巳午未申酉戌亥";

    public static string Format(int value, NumberFormatValues? format)
    {
        if (format is null || format == NumberFormatValues.Decimal || format == NumberFormatValues.DecimalZero && value >= 10)
        {
            return value.ToString(CultureInfo.InvariantCulture);
        }

        if (format == NumberFormatValues.DecimalZero)
        {
            return value.ToString("00", CultureInfo.InvariantCulture);
        }

        if (format == NumberFormatValues.ChineseCounting || format == NumberFormatValues.ChineseCountingThousand
            || format == NumberFormatValues.TaiwaneseCounting || format == NumberFormatValues.TaiwaneseCountingThousand)
        {
            return Chinese(value, ChineseDigits, "十", "百");
        }

        if (format == NumberFormatValues.ChineseLegalSimplified)
        {
            return Chinese(value, LegalDigits, "拾", "佰");
        }

        if (format == NumberFormatValues.IdeographTraditional)
        {
            return value is >= 1 and <= 10 ? HeavenlyStems[value - 1].ToString() : value.ToString(CultureInfo.InvariantCulture);
        }

        if (format == NumberFormatValues.IdeographZodiac)
        {
            return value is >= 1 and <= 12 ? EarthlyBranches[value - 1].ToString() : value.ToString(CultureInfo.InvariantCulture);
        }

        if (format == NumberFormatValues.DecimalEnclosedCircle || format == NumberFormatValues.DecimalEnclosedCircleChinese)
        {
            return value is >= 1 and <= 20 ? ((char)('①' + value - 1)).ToString() : value.ToString(CultureInfo.InvariantCulture);
        }

        if (format == NumberFormatValues.DecimalEnclosedParen)
        {
            return value is >= 1 and <= 20 ? ((char)('⑴' + value - 1)).ToString() : $"({value})";
        }

        if (format == NumberFormatValues.DecimalFullWidth || format == NumberFormatValues.DecimalFullWidth2)
        {
            return string.Concat(value.ToString(CultureInfo.InvariantCulture).Select(c => (char)(c - '0' + '０')));
        }

        if (format == NumberFormatValues.LowerLetter || format == NumberFormatValues.UpperLetter)
        {
            var letter = (char)('a' + ((value - 1) % 26));
            var text = new string(letter, ((value - 1) / 26) + 1);
            return format == NumberFormatValues.UpperLetter ? text.ToUpperInvariant() : text;
        }

        if (format == NumberFormatValues.LowerRoman || format == NumberFormatValues.UpperRoman)
        {
            var roman = Roman(value);
            return format == NumberFormatValues.UpperRoman ? roman : roman.ToLowerInvariant();
        }

        return value.ToString(CultureInfo.InvariantCulture);
    }

    // 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五: counting style, as headings are numbered.
    private static string Chinese(int value, string digits, string ten, string hundred)
    {
        if (value is <= 0 or >= 1000)
        {
            return value.ToString(CultureInfo.InvariantCulture);
        }

        var text = new StringBuilder();
        var hundreds = value / 100;
        var tens = value / 10 % 10;
        var units = value % 10;
        if (hundreds > 0)
        {
            text.Append(digits[hundreds]).Append(hundred);
            if (tens == 0 && units > 0)
            {
                text.Append(digits[0]);
            }
        }

        if (tens > 0)
        {
            if (tens > 1 || hundreds > 0)
            {
                text.Append(digits[tens]);
            }

            text.Append(ten);
        }

        if (units > 0)
        {
            text.Append(digits[units]);
        }

        return text.ToString();
    }

    private static string Roman(int value)
    {
        if (value is <= 0 or >= 4000)
        {
            return value.ToString(CultureInfo.InvariantCulture);
        }

        ReadOnlySpan<int> values = [1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1];
        string[] symbols = ["M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"];
        var text = new StringBuilder();
        for (var i = 0; i < values.Length; i++)
        {
            while (value >= values[i])
            {
                text.Append(symbols[i]);
                value -= values[i];
            }
        }

        return text.ToString();
    }
}
