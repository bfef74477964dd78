using System.Security.Cryptography;
using System.Text;
using PolicyMiner.Core.Targets;
using PolicyMiner.Extraction.Lexicon;
using PolicyMiner.Extraction.Pipeline;

namespace PolicyMiner.Learning.Spans;

/// <summary>
/// The feature vector of one candidate indicator span: where it lies against the rules' span and the number, its length in
/// characters and words, the punctuation at its edges, the lexicon word classes it keeps, drops or adds against the rules'
/// span, and hashed words and POS tags at its edges and just outside them.
/// </summary>
/// <remarks>The schema has a <see cref="Fingerprint"/> stored with the ranker: a ranker trained on another schema is refused.
/// Immutable and thread-safe.</remarks>
public sealed class SpanFeatures
{
    /// <summary>Slots of the hashed edge words and tags.</summary>
    public const int HashedSlots = 128;

    /// <summary>Bump when the meaning of a feature changes without its name changing.</summary>
    private const string SchemaRevision = "span-features/1";

    private static readonly IReadOnlyList<WordClass> Classes =
        [.. WordLexicon.Default.ClassNames.Order(StringComparer.Ordinal).Select(n => WordLexicon.Default[n])];

    private static readonly WordClassScanner Scanner = new(Classes);

    private static readonly uint[] Prefixes = [.. new[] { "F", "L", "fT", "lT", "B", "bT", "A", "aT", "bc", "ac" }.Select(Prefix)];

    private SpanFeatures()
    {
        var names = new List<string>
        {
            "rule", "length", "words", "start.delta", "end.delta", "contains-rule", "inside-rule", "after-number", "gap",
            "edge.clause-start", "edge.punct-before", "edge.punct-after", "edge.at-number", "rule.length", "rule.gap", "table",
            "unit.none", "unit.percent", "candidates",
        };
        names.AddRange(Enum.GetNames<SpanOrigin>().Select(o => $"origin.{o}"));
        names.AddRange(Enum.GetNames<TargetKind>().Select(k => $"kind.{k}"));
        foreach (var c in Classes)
        {
            names.Add($"class.{c.Name}");
            names.Add($"class-dropped.{c.Name}");
            names.Add($"class-added.{c.Name}");
        }

        DenseLength = names.Count;
        names.AddRange(Enumerable.Range(0, HashedSlots).Select(i => $"hash{i}"));
        Names = names;
        var schema = SchemaRevision + "\nfnv1a32\n" + string.Join("\n", Names);
        Fingerprint = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(schema)))[..16];
    }

    /// <summary>The schema the code computes today.</summary>
    public static SpanFeatures Current { get; } = new();

    public IReadOnlyList<string> Names { get; }

    public int Length => Names.Count;

    public string Fingerprint { get; }

    private int DenseLength { get; }

    /// <summary>Feature vectors of every candidate of one target (for training).</summary>
    public float[][] Compute(ExtractionContext context, RuleCandidate candidate, IReadOnlyList<SpanCandidate> spans)
    {
        var group = new Group(this, context, candidate, spans);
        var rows = new float[spans.Count][];
        for (var i = 0; i < spans.Count; i++)
        {
            rows[i] = new float[Length];
            group.Write(i, rows[i]);
        }

        return rows;
    }

    /// <summary>What the candidates of one target share, computed once; <see cref="Write"/> fills one candidate's vector.</summary>
    internal sealed class Group
    {
        private readonly SpanFeatures _schema;
        private readonly ExtractionContext _context;
        private readonly RuleCandidate _candidate;
        private readonly IReadOnlyList<SpanCandidate> _spans;
        private readonly bool[] _ruleClasses = new bool[Classes.Count];
        private readonly bool[] _classes = new bool[Classes.Count];
        private readonly int _beforeNumber;

        public Group(SpanFeatures schema, ExtractionContext context, RuleCandidate candidate, IReadOnlyList<SpanCandidate> spans)
        {
            _schema = schema;
            _context = context;
            _candidate = candidate;
            _spans = spans;
            var rule = spans[0].Span;
            Scanner.Mark(context.Text.AsSpan(rule.Start, rule.Length), _ruleClasses);
            var text = context.Text;
            var p = candidate.Draft.ExpressionStart;
            while (p > 0 && !IndicatorSpanCandidates.IsContent(text[p - 1]) && candidate.Draft.ExpressionStart - p < 4)
            {
                p--;
            }

            _beforeNumber = p;
        }

        /// <summary>Writes candidate <paramref name="index"/>'s features into <paramref name="vector"/> (every slot is set).</summary>
        public void Write(int index, float[] vector)
        {
            Array.Clear(vector);
            static float B(bool b) => b ? 1f : 0f;
            var text = _context.Text;
            var words = _context.Words;
            var draft = _candidate.Draft;
            var target = _candidate.Target;
            var rule = _spans[0].Span;
            var c = _spans[index];
            var s = c.Span;
            var numberStart = draft.ExpressionStart;
            var after = s.Start >= draft.ExpressionEnd;
            var wordCount = 0;
            for (var p = s.Start; p < s.End && wordCount < 30;)
            {
                p = words.WordStartingAt(p)?.End ?? p + 1;
                wordCount++;
            }

            var k = 0;
            vector[k++] = B(c.IsRule);
            vector[k++] = Math.Min(s.Length, 40);
            vector[k++] = wordCount;
            vector[k++] = Math.Clamp(s.Start - rule.Start, -40, 40);
            vector[k++] = Math.Clamp(s.End - rule.End, -40, 40);
            vector[k++] = B(s.Start <= rule.Start && s.End >= rule.End);
            vector[k++] = B(s.Start >= rule.Start && s.End <= rule.End);
            vector[k++] = B(after);
            vector[k++] = Math.Clamp(after ? s.Start - draft.ExpressionEnd : numberStart - s.End, -40, 40);
            vector[k++] = B(s.Start == 0 || IndicatorSpanCandidates.IsClauseStop(text[s.Start - 1]));
            vector[k++] = B(s.Start == 0 || !IndicatorSpanCandidates.IsContent(text[s.Start - 1]));
            vector[k++] = B(s.End >= text.Length || !IndicatorSpanCandidates.IsContent(text[s.End]));
            vector[k++] = B(s.End == _beforeNumber || s.End == numberStart);
            vector[k++] = Math.Min(rule.Length, 40);
            vector[k++] = Math.Clamp(numberStart - rule.End, -40, 40);
            vector[k++] = B(draft.Table is not null);
            vector[k++] = B(target.Unit.Length == 0);
            vector[k++] = B(target.Unit.Contains('%', StringComparison.Ordinal) || target.Unit.Contains("百分点", StringComparison.Ordinal));
            vector[k++] = _spans.Count;
            foreach (var origin in Enum.GetValues<SpanOrigin>())
            {
                vector[k++] = B(c.Origin == origin);
            }

            foreach (var kind in Enum.GetValues<TargetKind>())
            {
                vector[k++] = B(target.Kind == kind);
            }

            Array.Clear(_classes);
            Scanner.Mark(text.AsSpan(s.Start, s.Length), _classes);
            for (var i = 0; i < _classes.Length; i++)
            {
                vector[k++] = B(_classes[i]);
                vector[k++] = B(_ruleClasses[i] && !_classes[i]);
                vector[k++] = B(_classes[i] && !_ruleClasses[i]);
            }

            var offset = _schema.DenseLength;
            if (words.WordStartingAt(s.Start) is { } firstWord)
            {
                Set(vector, offset, 0, text.AsSpan(firstWord.Start, firstWord.Length));
                Set(vector, offset, 2, words.TagAt(firstWord.Start) ?? "x");
            }

            if (words.WordEndingAt(s.End) is { } lastWord)
            {
                Set(vector, offset, 1, text.AsSpan(lastWord.Start, lastWord.Length));
                Set(vector, offset, 3, words.TagAt(lastWord.Start) ?? "x");
            }

            if (s.Start > 0)
            {
                Set(vector, offset, 8, text.AsSpan(s.Start - 1, 1));
                if (words.WordEndingAt(s.Start) is { } before)
                {
                    Set(vector, offset, 4, text.AsSpan(before.Start, before.Length));
                    Set(vector, offset, 5, words.TagAt(before.Start) ?? "x");
                }
            }

            if (s.End < text.Length)
            {
                Set(vector, offset, 9, text.AsSpan(s.End, 1));
                if (words.WordStartingAt(s.End) is { } next)
                {
                    Set(vector, offset, 6, text.AsSpan(next.Start, next.Length));
                    Set(vector, offset, 7, words.TagAt(next.Start) ?? "x");
                }
            }
        }

        private static void Set(float[] vector, int offset, int prefix, ReadOnlySpan<char> word)
        {
            var hash = Prefixes[prefix];
            foreach (var ch in word)
            {
                hash = (hash ^ ch) * 16777619u;
            }

            vector[offset + (int)(hash % HashedSlots)] = 1f;
        }
    }

    private static uint Prefix(string prefix)
    {
        var hash = 2166136261u;
        foreach (var c in prefix)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (hash ^ '|') * 16777619u;
    }
}
