using System.Text;
using System.Text.Json;
using PolicyMiner.Core.Serialization;
using PolicyMiner.Core.Targets;
using PolicyMiner.Extraction.Evaluation;
using PolicyMiner.Extraction.Pipeline;

namespace PolicyMiner.Learning.Models;

/// <summary>
/// The structural keys of one rule candidate under which editors' verdicts are remembered and recalled: the indicator phrase
/// with its unit, and the clause frame around the number (the words leading into the indicator, the words between it and the
/// number, the unit). Numbers are masked and quotes and spaces dropped, so 新增湿地保护覆盖面积1000平方公里 and a sibling's
/// 新增建设用地指标2万亩 share no key, while 粮食产量保持在12.4亿斤 and 粮食产量保持在8.6亿斤 share both.
/// </summary>
/// <param name="Indicator">"indicator:" + phrase + "|" + unit; null when the rules found no indicator.</param>
/// <param name="Clause">"clause:" + lead-in + "…" + link + "|" + standard unit; null when the indicator does not stand before its number in
/// the clause, or lead-in and link are both empty (a bare "X个" frame says nothing).</param>
public sealed record LessonKeys(string? Indicator, string? Clause)
{
    private const int LeadReach = 30;
    private const int LeadKept = 2;
    private const int LinkKept = 6;
    private const string ClauseBreaks = "，,；;。：:！!？?\n\t";

    /// <summary>The keys of <paramref name="candidate"/>, found by the rules in <paramref name="context"/>.</summary>
    public static LessonKeys Of(ExtractionContext context, RuleCandidate candidate)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(candidate);
        var target = candidate.Target;
        var indicator = Normalise(target.Indicator);
        var unit = Evaluator.Fold(target.Unit);
        string? clause = null;
        var number = candidate.Draft.Mention.Span.Start;
        // A shared indicator ("A、B均达到45%") is one of several items: its span is the first item's, so only the first has a frame.
        if (candidate.Draft.IndicatorSpan is { } span && span.End <= number && number - span.End <= 20
            && string.Equals(target.Indicator, candidate.Draft.Indicator, StringComparison.Ordinal))
        {
            var text = context.Text;
            var start = span.Start;
            var from = Math.Max(0, start - LeadReach);
            while (start > from && !ClauseBreaks.Contains(text[start - 1], StringComparison.Ordinal))
            {
                start--;
            }

            // The lead-in is the two characters before the indicator (新增, 引进, 建造 …); when the indicator opens the clause it
            // often holds the verb itself (引进科创项目), so its own first characters stand in.
            var lead = Normalise(text[start..span.Start]);
            if (lead.Length < LeadKept)
            {
                lead += Normalise(candidate.Draft.Indicator);
                lead = lead[..Math.Min(LeadKept, lead.Length)];
            }
            else
            {
                lead = lead[^LeadKept..];
            }

            var link = Normalise(text[span.End..number]);
            link = link.Length <= LinkKept ? link : "…" + link[^LinkKept..];
            if (lead.Length + link.Length > 0)
            {
                // The standard unit (亩 for 万亩, 吨 for 亿斤): the frame, not the magnitude, decides the kind.
                clause = $"clause:{lead}…{link}|{Evaluator.Fold(target.UnitStd ?? target.Unit)}";
            }
        }

        return new LessonKeys(indicator.Length == 0 ? null : $"indicator:{indicator}|{unit}", clause);
    }

    /// <summary>Full-width forms folded, quotes, brackets of quotation and spaces dropped, every run of digits one '#'.</summary>
    internal static string Normalise(string text)
    {
        var folded = Evaluator.Fold(text);
        var b = new StringBuilder(folded.Length);
        var inNumber = false;
        foreach (var c in folded)
        {
            if (char.IsAsciiDigit(c) || (inNumber && c == '.'))
            {
                if (!inNumber)
                {
                    b.Append('#');
                }

                inNumber = true;
                continue;
            }

            inNumber = false;
            if (!char.IsWhiteSpace(c) && "\"'“”‘’「」『』《》".IndexOf(c, StringComparison.Ordinal) < 0)
            {
                b.Append(c);
            }
        }

        return b.ToString();
    }
}

/// <summary>What one reviewed (or annotated) rule candidate teaches: the rules' record, its keys and the right record (null:
/// the number is not a target).</summary>
public sealed record LessonEvidence(string Document, LessonKeys Keys, PolicyTarget Rules, GoldTarget? Right);

/// <summary>
/// One remembered verdict: under <paramref name="Key"/>, the rules' <paramref name="Field"/> value <paramref name="From"/> was
/// corrected to <paramref name="To"/> <paramref name="Taught"/> times and kept <paramref name="Against"/> times; the first
/// correction was in <paramref name="Document"/> on <paramref name="Quote"/>. Field "target" with To "not-target" records
/// rejections of the number itself.
/// </summary>
public sealed record Lesson(string Key, string Field, string From, string To, int Taught, int Against, string Document, string Quote)
{
    /// <summary>For a rejection: the Laplace share of times editors kept the number, which caps its confidence.</summary>
    public double ConfidenceCap => (Against + 1.0) / (Taught + Against + 2.0);

    /// <summary>How <c>extract --explain</c> names the lesson.</summary>
    public string Describe() =>
        $"{Field} {From}→{To} ({Key}; reviewed in {Document} 「{Quote}」, {Taught} for, {Against} against)";
}

/// <summary>
/// What editors taught, keyed by structure rather than by document: a field correction is recalled on another document only
/// where the same key recurs and the rules gave the same wrong value there, and only when corrections under that key outnumber
/// the times editors kept that value. Rejected numbers only lower the confidence of numbers under the same indicator key.
/// </summary>
/// <remarks>Stored in the model file's manifest (so it is part of the model's fingerprint). Immutable, thread-safe.</remarks>
public sealed class CorrectionMemory
{
    /// <summary>Fields remembered under the indicator key; the clause key remembers only the clause-level ones.</summary>
    private static readonly string[] IndicatorFields = [Fields.Indicator, Fields.Kind, Fields.Category, Fields.Comparator, Fields.Commitment];

    private static readonly string[] ClauseFields = [Fields.Kind, Fields.Comparator, Fields.Commitment];

    private readonly Dictionary<(string Key, string Field, string From), Lesson> _byKey;

    public CorrectionMemory(IReadOnlyList<Lesson> lessons)
    {
        ArgumentNullException.ThrowIfNull(lessons);
        Lessons = lessons;
        _byKey = lessons.ToDictionary(l => (l.Key, l.Field, l.From));
    }

    public static CorrectionMemory Empty { get; } = new([]);

    public IReadOnlyList<Lesson> Lessons { get; }

    /// <summary>Lessons from <paramref name="evidence"/>: per key, field and wrong value, the most frequent correction, kept only
    /// when it outnumbers the times that value was kept under the same key.</summary>
    public static CorrectionMemory Learn(IEnumerable<LessonEvidence> evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var groups = new Dictionary<(string Key, string Field, string From), Tally>();
        foreach (var e in evidence)
        {
            var keyed = new List<(string Key, string[] Fields)>(2);
            if (e.Keys.Indicator is { } ik)
            {
                keyed.Add((ik, IndicatorFields));
            }

            if (e.Keys.Clause is { } ck)
            {
                keyed.Add((ck, ClauseFields));
            }

            foreach (var (key, fields) in keyed)
            {
                if (e.Right is null)
                {
                    // A rejected number is remembered by its indicator only: a clause frame is shared by too many targets.
                    if (key == e.Keys.Indicator)
                    {
                        TallyOf(groups, (key, Fields.Target, Fields.Target)).Correct(Fields.NotTarget, e);
                    }

                    continue;
                }

                if (key == e.Keys.Indicator)
                {
                    TallyOf(groups, (key, Fields.Target, Fields.Target)).Keep();
                }

                foreach (var field in fields)
                {
                    var from = Fields.Read(e.Rules, field);
                    var to = Fields.Read(e.Right, field);
                    if (string.IsNullOrEmpty(to))
                    {
                        continue;
                    }

                    var tally = TallyOf(groups, (key, field, from));
                    if (Fields.Same(field, from, to))
                    {
                        tally.Keep();
                    }
                    else
                    {
                        tally.Correct(to, e);
                    }
                }
            }
        }

        var lessons = new List<Lesson>();
        foreach (var ((key, field, from), tally) in groups.OrderBy(g => g.Key.Key, StringComparer.Ordinal).ThenBy(g => g.Key.Field, StringComparer.Ordinal)
                     .ThenBy(g => g.Key.From, StringComparer.Ordinal))
        {
            if (tally.Best() is { } best && best.Count > tally.Kept)
            {
                lessons.Add(new Lesson(key, field, from, best.To, best.Count, tally.Kept, best.First.Document, best.First.Rules.Quote.Length > 40 ? best.First.Rules.Quote[..40] + "…" : best.First.Rules.Quote));
            }
        }

        return new CorrectionMemory(lessons);
    }

    /// <summary>The fields to correct on <paramref name="target"/> (null: none) and the rejection lesson its indicator key
    /// recalls (null: none). The indicator key's lesson for a field wins over the clause key's.</summary>
    public (TargetCorrection? Correction, Lesson? Rejection) Recall(LessonKeys keys, PolicyTarget target)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(target);
        if (_byKey.Count == 0)
        {
            return (null, null);
        }

        Lesson? rejection = null;
        if (keys.Indicator is { } ik && _byKey.TryGetValue((ik, Fields.Target, Fields.Target), out var r))
        {
            rejection = r;
        }

        TargetCorrection? correction = null;
        var because = new List<string>();
        foreach (var field in IndicatorFields)
        {
            var from = Fields.Read(target, field);
            var lesson = keys.Indicator is { } i && _byKey.TryGetValue((i, field, from), out var a) ? a
                : keys.Clause is { } c && _byKey.TryGetValue((c, field, from), out var b) ? b : null;
            if (lesson is null)
            {
                continue;
            }

            correction ??= new TargetCorrection("");
            correction = Fields.Set(correction, field, lesson.To);
            because.Add(lesson.Describe());
        }

        return (correction is null ? null : correction with { Because = string.Join("; ", because) }, rejection);
    }

    private static Tally TallyOf(Dictionary<(string, string, string), Tally> groups, (string, string, string) key)
    {
        if (!groups.TryGetValue(key, out var tally))
        {
            groups[key] = tally = new Tally();
        }

        return tally;
    }

    private sealed class Tally
    {
        private readonly Dictionary<string, (int Count, LessonEvidence First)> _to = new(StringComparer.Ordinal);

        public int Kept { get; private set; }

        public void Keep() => Kept++;

        public void Correct(string to, LessonEvidence evidence) =>
            _to[to] = _to.TryGetValue(to, out var seen) ? (seen.Count + 1, seen.First) : (1, evidence);

        public (string To, int Count, LessonEvidence First)? Best() =>
            _to.Count == 0 ? null
                : _to.OrderByDescending(p => p.Value.Count).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, p.Value.Count, p.Value.First)).First();
    }

    /// <summary>The remembered fields in the gold schema's written forms.</summary>
    private static class Fields
    {
        public const string Indicator = "indicator";
        public const string Kind = "kind";
        public const string Category = "category";
        public const string Comparator = "comparator";
        public const string Commitment = "commitment";
        public const string Target = "target";
        public const string NotTarget = "not-target";

        public static string Read(PolicyTarget t, string field) => field switch
        {
            Indicator => t.Indicator,
            Kind => Name(t.Kind),
            Category => t.Category,
            Comparator => t.Comparator.ToSymbol(),
            Commitment => Name(t.Commitment),
            _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
        };

        public static string? Read(GoldTarget g, string field) => field switch
        {
            Indicator => g.Indicator,
            Kind => g.Kind,
            Category => g.Category,
            Comparator => g.Comparator,
            Commitment => g.Commitment,
            _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
        };

        /// <summary>Equal as <see cref="Evaluator"/> grades the field.</summary>
        public static bool Same(string field, string rules, string right) => field switch
        {
            Indicator => Evaluator.IndicatorDice(rules, right) >= Evaluator.IndicatorRightThreshold,
            Category => TargetCategories.InSchema(rules) == TargetCategories.InSchema(right),
            _ => string.Equals(rules, right, StringComparison.Ordinal),
        };

        public static TargetCorrection Set(TargetCorrection c, string field, string value) => field switch
        {
            Indicator => c with { Indicator = value },
            Kind => c with { Kind = Parse<TargetKind>(value) },
            Category => c with { Category = value },
            Comparator => ComparatorText.TryParse(value, out var k) ? c with { Comparator = k } : c,
            Commitment => c with { Commitment = Parse<Commitment>(value) },
            _ => c,
        };

        private static string Name<T>(T value)
            where T : struct, Enum => PolicyJson.EnumName(value);

        private static T? Parse<T>(string name)
            where T : struct, Enum
        {
            try
            {
                return JsonSerializer.Deserialize<T>("\"" + name + "\"", PolicyJson.Options);
            }
            catch (JsonException)
            {
                return null;
            }
        }
    }
}
