using PolicyMiner.Core.Targets;
using PolicyMiner.Extraction;
using PolicyMiner.Extraction.Quantities;
using PolicyMiner.Storage.Reviewing;

namespace PolicyMiner.Web.Selection;

/// <summary>Prefills a missed target from text an editor selected, with the extraction's own number, unit and comparator parsing.</summary>
/// <remarks>
/// The extractor runs on the sentence around the selection (it needs the context a selection usually cuts off) and the
/// target overlapping the selection most is taken; when it finds none, the first number in the selection and the unit
/// after it are parsed with the extractor's <see cref="ChineseNumber"/> and <see cref="UnitCatalogue"/>.
/// </remarks>
internal sealed class SelectionParser
{
    private static readonly char[] SentenceEnds = ['。', '；', ';', '！', '？', '\n'];

    /// <summary>Field text forms for the span [start, end) of <paramref name="text"/>; empty when nothing parses.</summary>
    public Dictionary<string, string> Parse(string text, int start, int end, int? planYear)
    {
        ArgumentNullException.ThrowIfNull(text);
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (start < 0 || end > text.Length || start >= end)
        {
            return fields;
        }

        var from = start == 0 ? 0 : text.LastIndexOfAny(SentenceEnds, start - 1) + 1;
        var to = text.IndexOfAny(SentenceEnds, end - 1);
        to = to < 0 ? text.Length : to + 1;
        var sentence = text[from..to];
        var found = TargetExtractor.Default.Extract(PlainTextDocument.Create("selection", sentence, planYear))
            .Select(t => (Target: t, Overlap: Math.Min(t.End + from, end) - Math.Max(t.Start + from, start)))
            .Where(t => t.Overlap > 0)
            .OrderByDescending(t => t.Overlap)
            .Select(t => t.Target)
            .FirstOrDefault();
        if (found is not null)
        {
            foreach (var field in TargetFields.All)
            {
                fields[field] = TargetFields.Read(found, field);
            }

            return fields;
        }

        var selected = text.AsSpan(start, end - start);
        for (var i = 0; i < selected.Length; i++)
        {
            var number = ChineseNumber.IsDigit(selected[i]) ? ChineseNumber.ParseArabic(selected[i..])
                : ChineseNumber.IsNumeralChar(selected[i]) ? ChineseNumber.ParseChinese(selected[i..])
                : NumberParse.None;
            if (!number.Success)
            {
                continue;
            }

            var unit = UnitCatalogue.Default.Match(selected[(i + number.Length)..]);
            var quantity = Quantity.Create(number.Value, null, unit);
            fields[TargetFields.Value] = TargetFields.Read(new PolicyTarget { Doc = "", Quote = "", Start = 0, End = 0, Value = quantity.Value }, TargetFields.Value);
            fields[TargetFields.Unit] = quantity.Unit;
            fields[TargetFields.Comparator] = Comparator.Equal.ToSymbol();
            break;
        }

        return fields;
    }
}
