using PolicyMiner.Core.Documents;
using PolicyMiner.Core.Serialization;
using PolicyMiner.Core.Targets;
using PolicyMiner.Core.Text;

namespace PolicyMiner.Extraction.Evaluation;

/// <summary>One document's predictions and gold, ready to be scored.</summary>
public sealed record EvaluationInput(PolicyDocument Document, IReadOnlyList<PolicyTarget> Predicted, IReadOnlyList<GoldTarget>? Gold);

/// <summary>Scores predictions against gold targets (see <see cref="EvaluationReport"/> for the definitions).</summary>
public static partial class Evaluator
{
    /// <summary>Indicator overlap at or above which an indicator counts as right in whole-record accuracy.</summary>
    public const double IndicatorRightThreshold = 0.8;

    /// <summary>Scores every document of <paramref name="inputs"/>; documents without gold are listed as ungraded.</summary>
    public static EvaluationReport Evaluate(IEnumerable<EvaluationInput> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var misses = new List<EvaluationMiss>();
        var alarms = new List<EvaluationFalseAlarm>();
        var errors = new List<FieldError>();
        var ungraded = new List<string>();
        int docs = 0, gold = 0, optional = 0, predicted = 0, matched = 0, matchedRequired = 0;
        int yearRight = 0, respRight = 0, respTotal = 0, compRight = 0, commitRight = 0, kindRight = 0, catRight = 0, baseRight = 0, wholeRight = 0, fieldTotal = 0;
        double indicatorSum = 0;

        foreach (var input in inputs)
        {
            if (input.Gold is null)
            {
                ungraded.Add(input.Document.SourceName);
                continue;
            }

            docs++;
            var doc = input.Document;
            gold += input.Gold.Count(g => !g.Optional);
            optional += input.Gold.Count(g => g.Optional);
            predicted += input.Predicted.Count;

            var pairs = Match(doc, input.Predicted, input.Gold);
            var usedGold = new HashSet<int>(pairs.Select(p => p.Gold));
            var usedPred = new HashSet<int>(pairs.Select(p => p.Pred));
            matched += pairs.Count;

            foreach (var (gi, pi) in pairs)
            {
                var g = input.Gold[gi];
                var p = input.Predicted[pi];
                if (g.Optional)
                {
                    continue;
                }

                matchedRequired++;
                fieldTotal++;
                var stem = Path.GetFileNameWithoutExtension(doc.SourceName);
                var yearOk = p.Year == g.Year || (g.YearAlt?.Contains(p.Year) ?? false);
                var compOk = p.Comparator.ToSymbol() == g.Comparator;
                var commitOk = Name(p.Commitment) == g.Commitment;
                var kindOk = Name(p.Kind) == g.Kind;
                // Gold files use the schema's categories; a finer topic (investment, environment …) is "other" there.
                var catOk = TargetCategories.InSchema(p.Category) == TargetCategories.InSchema(g.Category);
                var baseOk = SameValue(p.Baseline, g.Baseline);
                var respOk = g.RespOptional || SameBodies(p.Responsible, g.Responsible);
                var overlap = IndicatorDice(p.Indicator, g.Indicator);
                indicatorSum += overlap;

                yearRight += yearOk ? 1 : 0;
                compRight += compOk ? 1 : 0;
                commitRight += commitOk ? 1 : 0;
                kindRight += kindOk ? 1 : 0;
                catRight += catOk ? 1 : 0;
                baseRight += baseOk ? 1 : 0;
                if (!g.RespOptional)
                {
                    respTotal++;
                    respRight += respOk ? 1 : 0;
                }

                if (yearOk && compOk && commitOk && kindOk && catOk && baseOk && respOk && overlap >= IndicatorRightThreshold)
                {
                    wholeRight++;
                }

                void Err(bool ok, string field, string? expected, string? actual)
                {
                    if (!ok)
                    {
                        errors.Add(new FieldError(stem, g.Id, field, expected ?? "null", actual ?? "null"));
                    }
                }

                Err(yearOk, "year", g.Year?.ToString(), p.Year?.ToString());
                Err(compOk, "comparator", g.Comparator, p.Comparator.ToSymbol());
                Err(commitOk, "commitment", g.Commitment, Name(p.Commitment));
                Err(kindOk, "kind", g.Kind, Name(p.Kind));
                Err(catOk, "category", g.Category, p.Category);
                Err(baseOk, "baseline", g.Baseline?.ToString(), p.Baseline?.ToString());
                Err(respOk, "responsible", string.Join("、", g.Responsible), string.Join("、", p.Responsible));
                Err(overlap >= IndicatorRightThreshold, "indicator", g.Indicator, p.Indicator);
            }

            for (var gi = 0; gi < input.Gold.Count; gi++)
            {
                var g = input.Gold[gi];
                if (!usedGold.Contains(gi) && !g.Optional)
                {
                    misses.Add(new EvaluationMiss(doc.SourceName, g.Id, g.Quote, g.Value, g.ValueMax, g.Unit));
                }
            }

            for (var pi = 0; pi < input.Predicted.Count; pi++)
            {
                if (!usedPred.Contains(pi))
                {
                    var p = input.Predicted[pi];
                    alarms.Add(new EvaluationFalseAlarm(doc.SourceName, p.Quote, p.Value, p.ValueMax, p.Unit, p.Indicator));
                }
            }
        }

        var precision = predicted == 0 ? (gold == 0 ? 1 : 0) : (double)matched / predicted;
        var recall = gold == 0 ? 1 : (double)matchedRequired / gold;
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        // Whole-record detection: a prediction counts only when its whole record is right. Predictions that matched an
        // optional gold target neither help nor hurt.
        var scoredPredictions = predicted - (matched - matchedRequired);
        var wholePrecision = scoredPredictions == 0 ? (gold == 0 ? 1 : 0) : (double)wholeRight / scoredPredictions;
        var wholeRecall = gold == 0 ? 1 : (double)wholeRight / gold;
        return new EvaluationReport
        {
            Documents = docs,
            GoldTargets = gold,
            OptionalGold = optional,
            Predicted = predicted,
            Matched = matched,
            Precision = precision,
            Recall = recall,
            F1 = f1,
            IndicatorOverlap = fieldTotal == 0 ? 1 : indicatorSum / fieldTotal,
            Year = new Score(yearRight, fieldTotal),
            Responsible = new Score(respRight, respTotal),
            Comparator = new Score(compRight, fieldTotal),
            Commitment = new Score(commitRight, fieldTotal),
            Kind = new Score(kindRight, fieldTotal),
            Category = new Score(catRight, fieldTotal),
            Baseline = new Score(baseRight, fieldTotal),
            WholeRecord = new Score(wholeRight, fieldTotal),
            WholeRecordPrecision = wholePrecision,
            WholeRecordRecall = wholeRecall,
            WholeRecordF1 = wholePrecision + wholeRecall == 0 ? 0 : 2 * wholePrecision * wholeRecall / (wholePrecision + wholeRecall),
            Misses = misses,
            FalseAlarms = alarms,
            FieldErrors = errors,
            Ungraded = ungraded,
        };
    }

    /// <summary>Character-level Dice coefficient of two phrases, ignoring punctuation and spaces; 1 when both are empty.</summary>
    public static double IndicatorDice(string predicted, string gold)
    {
        var a = Chars(predicted);
        var b = Chars(gold);
        if (a.Count == 0 && b.Count == 0)
        {
            return 1;
        }

        var total = a.Values.Sum() + b.Values.Sum();
        var common = 0;
        foreach (var (c, n) in a)
        {
            if (b.TryGetValue(c, out var m))
            {
                common += Math.Min(n, m);
            }
        }

        return total == 0 ? 0 : 2.0 * common / total;
    }

    /// <summary>Folds full-width forms and brackets so "各县（市、区）" equals "各县(市、区)".</summary>
    public static string Fold(string s)
    {
        var chars = s.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = FoldChar(chars[i]);
        }

        return new string(chars);
    }

    private static char FoldChar(char c) => c switch
    {
        >= '！' and <= '～' => (char)(c - 0xFEE0),
        '\u3000' => ' ',
        '創' => '创',
        '—' or '–' => '-',
        _ => c,
    };

    private static List<(int Gold, int Pred)> Match(PolicyDocument doc, IReadOnlyList<PolicyTarget> predicted, IReadOnlyList<GoldTarget> gold)
    {
        var foldedText = Fold(doc.Text);
        var foldedSource = ReferenceEquals(doc.Text, doc.SourceText) ? foldedText : Fold(doc.SourceText);
        var candidates = new List<(int Gold, int Pred, int Overlap, bool Optional)>();
        for (var gi = 0; gi < gold.Count; gi++)
        {
            var g = gold[gi];
            var quote = Fold(g.Quote);
            var inSource = Occurrences(foldedSource, quote);
            var inText = ReferenceEquals(foldedSource, foldedText) ? inSource : Occurrences(foldedText, quote);
            for (var pi = 0; pi < predicted.Count; pi++)
            {
                var p = predicted[pi];
                if (!SameValue(p.Value, g.Value) || !SameValue(p.ValueMax, g.ValueMax) || (!g.Optional && Fold(p.Unit) != Fold(g.Unit)))
                {
                    continue;
                }

                var overlap = Math.Max(Overlap(inSource, new TextSpan(p.SourceStart, p.SourceEnd)), Overlap(inText, new TextSpan(p.Start, p.End)));
                if (overlap == 0 && inSource.Count == 0 && inText.Count == 0)
                {
                    // Gold quote not found in the text (other normalisation): fall back to the quotes themselves.
                    var pq = Fold(p.Quote);
                    overlap = pq.Contains(quote, StringComparison.Ordinal) || quote.Contains(pq, StringComparison.Ordinal) ? Math.Min(pq.Length, quote.Length) : 0;
                }

                if (overlap > 0)
                {
                    candidates.Add((gi, pi, overlap, g.Optional));
                }
            }
        }

        var pairs = new List<(int, int)>();
        var usedG = new HashSet<int>();
        var usedP = new HashSet<int>();
        // Several targets on one quote ("A、B均达到45%"): among equal overlaps the closer indicator pairs first.
        foreach (var c in candidates.OrderBy(c => c.Optional).ThenByDescending(c => c.Overlap)
                     .ThenByDescending(c => IndicatorDice(predicted[c.Pred].Indicator, gold[c.Gold].Indicator)).ThenBy(c => Math.Abs(c.Gold - c.Pred)))
        {
            if (usedG.Contains(c.Gold) || usedP.Contains(c.Pred))
            {
                continue;
            }

            usedG.Add(c.Gold);
            usedP.Add(c.Pred);
            pairs.Add((c.Gold, c.Pred));
        }

        return pairs;
    }

    private static List<TextSpan> Occurrences(string text, string quote)
    {
        var list = new List<TextSpan>();
        if (quote.Length == 0)
        {
            return list;
        }

        var at = text.IndexOf(quote, StringComparison.Ordinal);
        while (at >= 0)
        {
            list.Add(new TextSpan(at, at + quote.Length));
            at = text.IndexOf(quote, at + 1, StringComparison.Ordinal);
        }

        return list;
    }

    private static int Overlap(List<TextSpan> spans, TextSpan span)
    {
        var best = 0;
        foreach (var s in spans)
        {
            best = Math.Max(best, Math.Min(s.End, span.End) - Math.Max(s.Start, span.Start));
        }

        return best;
    }

    /// <summary>
    /// A predicted value (<paramref name="a"/>) equals a gold one (<paramref name="b"/>). Annotators write a fraction such as 三分之二
    /// rounded (0.6667): a gold value written with three or more decimals matches a prediction that rounds to it at that precision.
    /// Fewer decimals are exact figures (6.5 is not 6.45), so they must agree to rounding noise.
    /// </summary>
    public static bool SameValue(double? a, double? b)
    {
        if (a is null || b is null)
        {
            return a is null && b is null;
        }

        if (Math.Abs(a.Value - b.Value) <= 1e-6 * Math.Max(1, Math.Abs(b.Value)))
        {
            return true;
        }

        var written = b.Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        var point = written.IndexOf('.');
        var decimals = point < 0 || written.Contains('E') ? 0 : written.Length - point - 1;
        return decimals is >= 3 and <= 10 && Math.Round(a.Value, decimals, MidpointRounding.AwayFromZero) == b.Value;
    }

    private static bool SameBodies(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        var x = a.Select(s => Fold(s).Trim()).ToHashSet(StringComparer.Ordinal);
        var y = b.Select(s => Fold(s).Trim()).ToHashSet(StringComparer.Ordinal);
        return x.SetEquals(y);
    }

    private static string Name<T>(T value)
        where T : struct, Enum => PolicyJson.EnumName(value);

    private static Dictionary<char, int> Chars(string s)
    {
        var d = new Dictionary<char, int>();
        foreach (var ch in Fold(s))
        {
            if (char.IsWhiteSpace(ch) || char.IsPunctuation(ch) || char.IsSymbol(ch))
            {
                continue;
            }

            d[ch] = d.TryGetValue(ch, out var n) ? n + 1 : 1;
        }

        return d;
    }
}
