using PolicyMiner.Core.Text;
using PolicyMiner.Extraction.Pipeline;
using PolicyMiner.Extraction.Quantities;

namespace PolicyMiner.Extraction.Rules.Quantities;

/// <summary>Finds numbers with units: Arabic and Chinese numerals, decimals, 百分之X, 三分之一, ranges (3-5家, 30%-40%, 1～2个),
/// 余/多 approximations and magnitudes folded into the unit (30亿元, 10万平方米).</summary>
/// <remarks>Numbers without a unit are not recorded: dates, section numbers, document and phone numbers all lack one.</remarks>
public sealed class QuantityScanRule(UnitCatalogue units) : IScanRule
{
    public QuantityScanRule()
        : this(UnitCatalogue.Default)
    {
    }

    public string Name => "quantity";

    public string Triggers => "0123456789０１２３４５６７８９一二三四五六七八九十百千万亿两〇零壹贰叁肆伍陆柒捌玖拾佰仟";

    public int Scan(ExtractionContext context, int position)
    {
        var text = context.Text;
        var c = text[position];
        if (position > 0)
        {
            var before = text[position - 1];
            // Inside a number or a code (ICP12345, v2.1): not the start of a quantity.
            if (ChineseNumber.IsDigit(before) || char.IsAsciiLetter(before) || (before is '.' && position > 1 && ChineseNumber.IsDigit(text[position - 2])))
            {
                return SkipNumber(text, position);
            }

            if (!ChineseNumber.IsDigit(c) && ChineseNumber.IsNumeralChar(before))
            {
                return position + 1;
            }
        }

        return ChineseNumber.IsDigit(c) ? ScanArabic(context, position) : ScanChinese(context, position);
    }

    private static int SkipNumber(string text, int position)
    {
        var i = position;
        while (i < text.Length && (ChineseNumber.IsDigit(text[i]) || text[i] is '.' or '-'))
        {
            i++;
        }

        return Math.Max(i, position + 1);
    }

    private int ScanArabic(ExtractionContext context, int position)
    {
        var text = context.Text;
        var first = ChineseNumber.ParseArabic(text.AsSpan(position));
        var end = position + first.Length;

        // 30%-40%, 3个月至6个月: a unit may sit on both ends of a range (a one-character unit such as 年 or 日 ends a date there:
        // 2031年至2033年 are two years).
        var afterFirst = end;
        var firstUnit = units.Match(text.AsSpan(afterFirst));
        if (firstUnit is not null && (firstUnit.Kind == UnitKind.Percent || firstUnit.Written.Length > 1)
            && TryRange(text, afterFirst + firstUnit.Length, isChinese: false, out var pMax, out var pEnd)
            && units.Match(text.AsSpan(pEnd)) is { } pUnit && (pUnit.Written == firstUnit.Written || pUnit.Kind == firstUnit.Kind && pUnit.Kind == UnitKind.Percent))
        {
            return Add(context, position, pEnd, pEnd + pUnit.Length, first.Value, pMax, pUnit, false, false);
        }

        if (TryRange(text, end, isChinese: false, out var max, out var rangeEnd) && MatchUnit(context, rangeEnd, out var rangeUnit, out var rangeApprox, out var unitStart))
        {
            return Add(context, position, rangeEnd, unitStart + rangeUnit!.Length, first.Value, max, rangeUnit, false, rangeApprox);
        }

        if (MatchUnit(context, end, out var unit, out var approx, out var start)
            && !(first.Length == 1 && unit!.Written.Length == 1 && char.IsAsciiLetter(unit.Written[0])))
        {
            // (A single digit before a letter unit is a generation's name: 4G, 5G.)
            return Add(context, position, end, start + unit!.Length, first.Value, null, unit, false, approx);
        }

        if (PairedFigure.IsGrowthPair(text, position, end))
        {
            return Add(context, position, end, end, first.Value, null, units.Match("%"), false, false);
        }

        return SkipNumber(text, position);
    }

    private int ScanChinese(ExtractionContext context, int position)
    {
        var text = context.Text;
        var span = text.AsSpan(position);

        // 百分之三十 → 30 %
        if (span.StartsWith("百分之", StringComparison.Ordinal))
        {
            var rest = position + 3;
            var n = rest < text.Length && ChineseNumber.IsDigit(text[rest]) ? ChineseNumber.ParseArabic(text.AsSpan(rest)) : ChineseNumber.ParseChinese(text.AsSpan(rest));
            if (n.Success)
            {
                var unit = units.Parse("%");
                context.Quantities.Add(new QuantityMention(new TextSpan(position, rest + n.Length), text[position..(rest + n.Length)],
                    Quantity.Create(n.Value, null, unit), IsChinese: true, Approximate: false));
                return rest + n.Length;
            }
        }

        // 万亿级 with no numeral before it: one trillion-yuan scale (not 1万 of 亿元).
        if (span.StartsWith("万亿级", StringComparison.Ordinal) && units.Match(span) is { } scale)
        {
            return Add(context, position, position + 2, position + 3, 1, null, scale, true, false);
        }

        var number = ChineseNumber.ParseChinese(span, leaveMagnitude: true);
        if (!number.Success)
        {
            return position + 1;
        }

        var end = position + number.Length;

        // 三分之一 → one third, kept as a fraction; the standard form is a percentage.
        if (ClauseTextAt(text, end, "分之"))
        {
            var denominatorValue = ChineseNumber.Evaluate(text.AsSpan(position, number.Length));
            var numerator = ChineseNumber.ParseChinese(text.AsSpan(end + 2));
            if (numerator.Success && denominatorValue > 0)
            {
                var fractionEnd = end + 2 + numerator.Length;
                var ratio = numerator.Value / denominatorValue;
                context.Quantities.Add(new QuantityMention(new TextSpan(position, fractionEnd), text[position..fractionEnd],
                    new Quantity(ratio, null, "", Math.Round(ratio * 100, 4), "%", UnitKind.Percent), IsChinese: true, Approximate: false));
                return fractionEnd;
            }
        }

        if (TryRange(text, end, isChinese: true, out var max, out var rangeEnd) && MatchUnit(context, rangeEnd, out var rangeUnit, out var rangeApprox, out var rangeUnitStart)
            && rangeUnit!.Kind != UnitKind.None)
        {
            return Add(context, position, rangeEnd, rangeUnitStart + rangeUnit.Length, number.Value, max, rangeUnit, true, rangeApprox);
        }

        if (MatchUnit(context, end, out var unitMatch, out var approx, out var unitStart) && unitMatch!.Kind != UnitKind.None)
        {
            return Add(context, position, end, unitStart + unitMatch.Length, number.Value, null, unitMatch, true, approx);
        }

        if (PairedFigure.IsGrowthPair(text, position, end))
        {
            return Add(context, position, end, end, number.Value, null, units.Match("%"), true, false);
        }

        return end;
    }

    private static bool ClauseTextAt(string text, int index, string word) =>
        index + word.Length <= text.Length && string.CompareOrdinal(text, index, word, 0, word.Length) == 0;

    /// <summary>A range continues at <paramref name="index"/>: a dash, tilde, 至 or 到 followed by a number of the same script.</summary>
    private static bool TryRange(string text, int index, bool isChinese, out double max, out int end)
    {
        max = 0;
        end = index;
        if (index + 1 >= text.Length || text[index] is not ('-' or '－' or '—' or '–' or '~' or '～' or '〜' or '至' or '到'))
        {
            return false;
        }

        var from = index + 1;
        // 3——5个, 1--2家: a dash typed twice (an em dash pair, or hyphens where a text has no em dash) is still one dash.
        if (text[index] is '—' or '-' or '－' && from < text.Length && text[from] == text[index])
        {
            from++;
        }

        var n = isChinese ? ChineseNumber.ParseChinese(text.AsSpan(from), leaveMagnitude: true) : ChineseNumber.ParseArabic(text.AsSpan(from));
        if (!n.Success)
        {
            return false;
        }

        max = n.Value;
        end = from + n.Length;
        return true;
    }

    /// <summary>The unit after a number, allowing 余/多 between them (100余家); a unit ends where a word ends (30亿项目: 亿).</summary>
    private bool MatchUnit(ExtractionContext context, int index, out UnitMatch? unit, out bool approximate, out int unitStart)
    {
        var text = context.Text;
        approximate = false;
        unitStart = index;
        if (index < text.Length && text[index] is '余' or '多')
        {
            approximate = true;
            unitStart = index + 1;
        }

        unit = units.Match(text.AsSpan(unitStart));
        if (unit is null && !approximate && IsGap(text, index) && UnitCatalogue.MatchMagnitude(text.AsSpan(index + 1)) is not null
            && SpacedUnit(context, index + 1, units.Match(text.AsSpan(index + 1))) is { Kind: not UnitKind.None } spacedMagnitude)
        {
            // 2.4 万个, １０ 亿元: a scraped page's lone space before a magnitude that opens a unit; a bare number before a space
            // (a table cell, a caption's label) stays unread.
            unitStart = index + 1;
            unit = spacedMagnitude;
        }
        else
        {
            unit = SpacedUnit(context, unitStart, unit);
        }

        if (unit is { Kind: not UnitKind.None } && unitStart + unit.Length < text.Length
            && UnitCatalogue.MatchMagnitude(text.AsSpan(unitStart)) is { } magnitude && magnitude.Length < unit.Length
            && context.Words.IsBoundary(unitStart + magnitude.Length) && !context.Words.IsBoundary(unitStart + unit.Length))
        {
            // 30亿项目, 260万人民, 5万户籍人口: the word after the magnitude starts with a unit's character (项 of 项目, 人 of 人民);
            // the magnitude stands alone and the word stays whole for the indicator.
            unit = magnitude;
        }

        if (!approximate && unit is not null && UnitCatalogue.MatchMagnitude(text.AsSpan(unitStart)) is { } bare && bare.Length == unit.Length
            && ApproximateAfterMagnitude(context, unitStart, bare) is { } approximateUnit)
        {
            // 1.2万余人, 3万多户: 余/多 may stand after the magnitude as after the number; magnitude and unit stay one unit, else
            // the unit is cut off and opens the next target's phrase.
            unit = approximateUnit;
            approximate = true;
        }

        if (unit is null && approximate)
        {
            approximate = false;
            unitStart = index;
        }

        return unit is not null;
    }

    /// <summary>A bare magnitude, a lone space and a unit (100亿 元, 1万 亿元, 1.3万 个) are one unit: scraped pages set a space there
    /// where the page broke or padded the line; <paramref name="unit"/> as it was when no unit that ends at a word's end follows
    /// (6700万 人民: the unit's character opens the next word, which stays whole).</summary>
    private UnitMatch? SpacedUnit(ExtractionContext context, int unitStart, UnitMatch? unit) =>
        unit is { Kind: UnitKind.None } && IsGap(context.Text, unitStart + unit.Length) ? UnitAcross(context, unitStart, unit) ?? unit : unit;

    /// <summary>The magnitude <paramref name="magnitude"/> at <paramref name="unitStart"/>, 余 or 多, and a unit that ends where a
    /// word ends, read as one unit spanning all three; null when no such unit follows (5万多年, 3万余户籍人口).</summary>
    private UnitMatch? ApproximateAfterMagnitude(ExtractionContext context, int unitStart, UnitMatch magnitude) =>
        unitStart + magnitude.Length < context.Text.Length && context.Text[unitStart + magnitude.Length] is '余' or '多'
            ? UnitAcross(context, unitStart, magnitude)
            : null;

    /// <summary>The bare magnitude at <paramref name="unitStart"/>, one character after it that joins it to a unit (a lone space, 余,
    /// 多) and the unit, read as one unit spanning all three when that unit ends where a word ends; null otherwise.</summary>
    private UnitMatch? UnitAcross(ExtractionContext context, int unitStart, UnitMatch magnitude)
    {
        var text = context.Text;
        var joint = unitStart + magnitude.Length;
        if (joint + 1 >= text.Length)
        {
            return null;
        }

        var joined = units.Match(string.Concat(magnitude.Written, text.AsSpan(joint + 1, Math.Min(8, text.Length - joint - 1))));
        return joined is { Kind: not UnitKind.None } && joined.Length > magnitude.Written.Length
               && context.Words.IsBoundary(unitStart + joined.Length + 1)
            ? joined with { Length = joined.Length + 1 }
            : null;
    }

    /// <summary>One space (ASCII, ideographic or no-break) with no second one after it: padding, not a table's column gap.</summary>
    private static bool IsGap(string text, int index) =>
        index + 1 < text.Length && text[index] is ' ' or '\u3000' or '\u00A0' && text[index + 1] is not (' ' or '\u3000' or '\u00A0' or '\t' or '\n' or '\r');

    private static int Add(ExtractionContext context, int start, int numberEnd, int end, double value, double? max, UnitMatch? unit, bool chinese, bool approximate)
    {
        if (max is { } m && m <= value)
        {
            // "2-1" is not a range; keep only the first number.
            max = null;
        }

        context.Quantities.Add(new QuantityMention(new TextSpan(start, end), context.Text[start..numberEnd], Quantity.Create(value, max, unit), chinese, approximate));
        return end;
    }
}
