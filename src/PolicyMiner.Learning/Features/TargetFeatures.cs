using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using PolicyMiner.Core.Documents;
using PolicyMiner.Core.Targets;
using PolicyMiner.Core.Text;
using PolicyMiner.Extraction.Lexicon;
using PolicyMiner.Extraction.Pipeline;
using PolicyMiner.Extraction.Scopes;

namespace PolicyMiner.Learning.Features;

/// <summary>
/// The feature vector of one rule candidate: what the rules and the segmenter already know about it (the fields they
/// filled, where the year came from, the line's scope, lexicon word classes around the number) plus hashed words around
/// the number and in its section heading.
/// </summary>
/// <remarks>
/// The schema (names and order of the dense features, the number of hashed slots, the hash) has a <see cref="Fingerprint"/>
/// stored in every model: a model trained on another schema is refused, never silently misread. Enum members, categories and
/// lexicon class names are part of the schema, so adding one changes the fingerprint. Immutable and thread-safe.
/// </remarks>
public sealed class TargetFeatures
{
    /// <summary>Slots of the hashed bag of words (context words, POS tags, heading words, unit, category).</summary>
    public const int HashedSlots = 512;

    /// <summary>Bump when the meaning of a feature changes without its name changing.</summary>
    private const string SchemaRevision = "target-features/1";

    private const int ClauseReach = 40;

    private readonly DenseGroup[] _dense;

    /// <summary>Number of dense features (the vector's first slots; the hashed slots follow).</summary>
    private readonly int _denseLength;

    /// <summary>Per-document memo of what every candidate of one section shares (its heading's hashed words); dropped with the context.</summary>
    private readonly ConditionalWeakTable<ExtractionContext, DocumentMemo> _memos = [];

    private TargetFeatures()
    {
        _dense = [.. DenseFeatures()];
        _denseLength = _dense.Sum(g => g.Names.Length);
        Names = [.. _dense.SelectMany(g => g.Names), .. Enumerable.Range(0, HashedSlots).Select(i => $"hash{i}")];
        var schema = SchemaRevision + "\n" + "fnv1a32" + "\n" + string.Join("\n", Names);
        Fingerprint = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(schema)))[..16];
    }

    /// <summary>The schema the code computes today.</summary>
    public static TargetFeatures Current { get; } = new();

    /// <summary>Feature names in vector order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Length of every feature vector.</summary>
    public int Length => Names.Count;

    /// <summary>Hash of the schema; a model stores the fingerprint it was trained on.</summary>
    public string Fingerprint { get; }

    /// <summary>The feature vector of <paramref name="candidate"/>, found by the rules in <paramref name="context"/>.</summary>
    public float[] Compute(ExtractionContext context, RuleCandidate candidate)
    {
        var buffer = new FeatureBuffer(this);
        Compute(context, candidate, buffer);
        return buffer.Vector;
    }

    /// <summary>Writes the feature vector of <paramref name="candidate"/> into <paramref name="buffer"/>, reusing it: a caller
    /// scoring many candidates allocates nothing per candidate.</summary>
    public void Compute(ExtractionContext context, RuleCandidate candidate, FeatureBuffer buffer)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(buffer);
        if (buffer.Vector.Length != Length)
        {
            throw new ArgumentException($"the feature buffer has {buffer.Vector.Length} slots, not {Length}", nameof(buffer));
        }

        buffer.ClearHashed();
        var view = new CandidateView(context, candidate, _memos.GetValue(context, c => new DocumentMemo(c.Scopes.Tree.Lines.Count)), buffer);
        var vector = buffer.Vector.AsSpan();
        var offset = 0;
        foreach (var group in _dense)
        {
            group.Write(view, vector.Slice(offset, group.Names.Length));
            offset += group.Names.Length;
        }

        view.AddWords(buffer, _denseLength);
    }

    private static IEnumerable<DenseGroup> DenseFeatures()
    {
        static float B(bool b) => b ? 1f : 0f;
        yield return One("value.log10", v => (float)Math.Log10(Math.Abs(v.Target.Value) + 1));
        yield return One("value.range", v => B(v.Target.ValueMax is not null));
        yield return One("value.chinese", v => B(v.Draft.Mention.IsChinese));
        yield return One("value.approximate", v => B(v.Draft.Mention.Approximate));
        yield return One("value.integer", v => B(v.Target.Value == Math.Floor(v.Target.Value)));
        yield return One("unit.none", v => B(v.Target.Unit.Length == 0));
        yield return One("unit.percent", v => B(v.Target.Unit.Contains('%', StringComparison.Ordinal) || v.Target.Unit.Contains("百分点", StringComparison.Ordinal)));
        yield return One("unit.money", v => B(v.Target.Unit.EndsWith('元')));
        yield return One("comparator.written", v => B(v.Draft.ComparatorWritten));
        yield return OneHot<Comparator>("comparator", v => v.Target.Comparator);
        yield return OneHot<Commitment>("commitment", v => v.Target.Commitment);
        var sources = Enum.GetValues<ScopeSource>();
        yield return new DenseGroup(
            [.. sources.SelectMany(s => new[] { $"commitment-from.{s}", $"year-from.{s}" })],
            (v, slots) =>
            {
                for (var i = 0; i < sources.Length; i++)
                {
                    slots[2 * i] = B(v.Draft.CommitmentFrom == sources[i]);
                    slots[(2 * i) + 1] = B(v.Draft.YearFrom == sources[i]);
                }
            });
        yield return OneHot<TargetKind>("kind", v => v.Target.Kind);
        // One lookup instead of a comparison per category (the ids are distinct: the dictionary refuses duplicates).
        var categories = TargetCategories.All.Select((c, i) => (c, i)).ToFrozenDictionary(e => e.c, e => e.i, StringComparer.Ordinal);
        yield return new DenseGroup(
            [.. TargetCategories.All.Select(c => $"category.{c}")],
            (v, slots) =>
            {
                slots.Clear();
                // A target read back from JSON may lack a category despite the annotation: it matches none, as before.
                if (v.Target.Category is { } category && categories.TryGetValue(category, out var index))
                {
                    slots[index] = 1f;
                }
            });
        yield return One("category.decided", v => B(v.Draft.CategoryDecided));
        yield return One("indicator.known", v => B(v.Target.IndicatorId is not null));
        yield return One("year.none", v => B(v.Target.Year is null));
        yield return One("year.after-plan", v => v.Target.Year is { } y && v.PlanYear is { } p ? Math.Clamp(y - p, -10, 20) : 0f);
        yield return One("year.plan-unknown", v => B(v.PlanYear is null));
        yield return One("year.text", v => B(v.Target.YearText is not null));
        yield return One("indicator.length", v => Math.Min(v.Target.Indicator.Length, 40));
        yield return One("indicator.none", v => B(v.Target.Indicator.Length == 0));
        yield return One("indicator.inherited", v => B(v.Draft.IndicatorInherited));
        yield return One("indicator.gap", v => v.Draft.IndicatorSpan is { } s ? Math.Clamp(v.Draft.Mention.Span.Start - s.End, -40, 80) : 99f);
        yield return One("indicator.shared", v => v.Draft.SharedWith.Count);
        yield return One("responsible.count", v => Math.Min(v.Target.Responsible.Count, 10));
        yield return One("baseline", v => B(v.Target.Baseline is not null));
        yield return One("table", v => B(v.Draft.Table is not null));
        yield return One("quote.length", v => Math.Min(v.Target.End - v.Target.Start, 200));
        yield return One("position", v => v.Context.Text.Length == 0 ? 0f : (float)v.Target.Start / v.Context.Text.Length);
        yield return One("rule-confidence", v => (float)v.Draft.Confidence);
        yield return One("scope.review", v => B(v.Scope.Review));
        yield return One("scope.past-opening", v => B(v.Scope.PastOpening));
        yield return One("scope.deadline", v => B(v.Scope.Deadline is not null));
        yield return One("scope.section-deadline", v => B(v.Scope.SectionDeadline is not null));
        yield return One("scope.lead-in", v => B(v.Scope.LeadIn is not null));
        foreach (var kind in new[] { BlockKind.Heading, BlockKind.Paragraph, BlockKind.ListItem })
        {
            yield return One($"line.{kind}", v => B(v.Line?.Kind == kind));
        }

        yield return One("line.section-depth", v => v.SectionDepth);
        yield return One("line.length", v => v.Line is { } l ? Math.Min(l.Span.Length, 500) : 0f);
        yield return One("line.numbers", v => Math.Min(v.NumbersInLine, 30));
        yield return One("line.targets", v => Math.Min(v.TargetsInLine, 30));
        // One pass of the scanner per side finds every class (WordClasses.InOrder's order) that occurs there.
        yield return new DenseGroup(
            [.. WordClasses.InOrder.SelectMany(c => new[] { $"before.{c.Name}", $"after.{c.Name}" })],
            (v, slots) =>
            {
                var (before, after) = v.ScanClasses();
                for (var k = 0; k < before.Length; k++)
                {
                    slots[2 * k] = B(before[k]);
                    slots[(2 * k) + 1] = B(after[k]);
                }
            });
    }

    private static DenseGroup One(string name, Func<CandidateView, float> read) => new([name], (v, slots) => slots[0] = read(v));

    /// <summary>"prefix.Member" for every member of <typeparamref name="T"/>: 1 for the member <paramref name="read"/> gives, else 0.</summary>
    private static DenseGroup OneHot<T>(string prefix, Func<CandidateView, T> read)
        where T : struct, Enum
    {
        var members = Enum.GetValues<T>();
        return new DenseGroup(
            [.. members.Select(m => $"{prefix}.{m}")],
            (v, slots) =>
            {
                var value = read(v);
                for (var i = 0; i < members.Length; i++)
                {
                    slots[i] = EqualityComparer<T>.Default.Equals(value, members[i]) ? 1f : 0f;
                }
            });
    }

    /// <summary>Number of lexicon word classes the features look for on each side of the number.</summary>
    internal static int WordClassCount => WordClasses.InOrder.Count;

    /// <summary>Adjacent dense features written together: one call per group, not per feature (a one-hot of 35 categories is one
    /// lookup). Every writer sets all of its slots, so the buffer need not clear them between candidates.</summary>
    private sealed record DenseGroup(string[] Names, DenseWriter Write);

    private delegate void DenseWriter(CandidateView view, Span<float> slots);

    /// <summary>What the features read about one candidate, computed once.</summary>
    private sealed class CandidateView
    {
        private readonly DocumentMemo _memo;
        private readonly FeatureBuffer _buffer;
        private readonly int _beforeStart;
        private readonly int _afterLength;

        public CandidateView(ExtractionContext context, RuleCandidate candidate, DocumentMemo memo, FeatureBuffer buffer)
        {
            _memo = memo;
            _buffer = buffer;
            Context = context;
            Draft = candidate.Draft;
            Target = candidate.Target;
            PlanYear = context.PlanYear?.Value;
            var start = Draft.Mention.Span.Start;
            var scopes = context.Scopes;
            Scope = scopes.At(start);
            var i = scopes.Tree.LineIndexAt(start);
            Line = i >= 0 && i < scopes.Tree.Lines.Count ? scopes.Tree.Lines[i] : null;
            var lineStart = Line?.Span.Start ?? 0;
            var lineEnd = Line is { } l && l.Span.End >= Draft.ExpressionEnd ? l.Span.End : Math.Min(context.Text.Length, Draft.ExpressionEnd + ClauseReach);
            LineStart = lineStart;
            LineEnd = lineEnd;
            var from = Math.Max(lineStart, start - ClauseReach);
            _beforeStart = from;
            var to = Math.Min(lineEnd, Draft.ExpressionEnd + ClauseReach / 2);
            _afterLength = Math.Max(0, to - Draft.ExpressionEnd);
            for (var b = Line?.Parent; b is not null; b = b.Parent)
            {
                if (b.Kind == BlockKind.Section)
                {
                    SectionDepth++;
                    Heading ??= b.HeadingLine;
                }
            }

            // Drafts are in text order: walk out from this one (at most 30 each way, the features cap at 30) instead of scanning the document.
            var drafts = context.Drafts;
            var first = Draft.Index;
            while (first > 0 && first > Draft.Index - 30 && drafts[first - 1].Mention.Span.Start >= lineStart)
            {
                first--;
            }

            for (var k = first; k < drafts.Count && k < Draft.Index + 30 && drafts[k].Mention.Span.Start < lineEnd; k++)
            {
                NumbersInLine++;
                TargetsInLine += drafts[k].IsRejected ? 0 : 1;
            }
        }

        public ExtractionContext Context { get; }

        public TargetDraft Draft { get; }

        public PolicyTarget Target { get; }

        public int? PlanYear { get; }

        public LineScope Scope { get; }

        public Block? Line { get; }

        public Block? Heading { get; }

        public int LineStart { get; }

        public int LineEnd { get; }

        public int SectionDepth { get; }

        public int NumbersInLine { get; }

        public int TargetsInLine { get; }

        /// <summary>The clause text before the number (up to 40 characters, within the line).</summary>
        public ReadOnlySpan<char> Before => Context.Text.AsSpan(_beforeStart, Math.Max(0, Draft.Mention.Span.Start - _beforeStart));

        /// <summary>The text after the number's expression (up to 20 characters, within the line).</summary>
        public ReadOnlySpan<char> After => Context.Text.AsSpan(Draft.ExpressionEnd, _afterLength);

        /// <summary>Which word classes (of <see cref="WordClasses.InOrder"/>) occur in <see cref="Before"/> and in <see cref="After"/>.</summary>
        public (bool[] Before, bool[] After) ScanClasses()
        {
            Array.Clear(_buffer.Before);
            Array.Clear(_buffer.After);
            WordClasses.Scanner.Mark(Before, _buffer.Before);
            WordClasses.Scanner.Mark(After, _buffer.After);
            return (_buffer.Before, _buffer.After);
        }

        /// <summary>Adds the hashed words: three words each side of the number, POS tags of the nearest ones, the heading's words,
        /// the unit, the category and the indicator's last word.</summary>
        public void AddWords(FeatureBuffer slots, int offset)
        {
            var text = Context.Text;
            var words = Context.Words;
            var position = Draft.Mention.Span.Start;
            for (var k = 1; k <= 3 && position > LineStart; k++)
            {
                var word = words.WordEndingAt(position) ?? new TextSpan(position - 1, position);
                Add(slots, offset, Prefix.Left[k], text.AsSpan(word.Start, word.Length));
                if (k <= 2)
                {
                    Add(slots, offset, Prefix.LeftTag[k], words.TagAt(word.Start) ?? "x");
                }

                position = word.Start;
            }

            position = Draft.ExpressionEnd;
            for (var k = 1; k <= 3 && position < LineEnd && position < text.Length; k++)
            {
                var word = words.WordStartingAt(position) ?? new TextSpan(position, position + 1);
                Add(slots, offset, Prefix.Right[k], text.AsSpan(word.Start, word.Length));
                if (k == 1)
                {
                    Add(slots, offset, Prefix.RightTag, words.TagAt(word.Start) ?? "x");
                }

                position = word.End;
            }

            if (Heading is { } heading)
            {
                // Every candidate of a section has the same heading words: hash them once per heading.
                var headingSlots = _memo.HeadingSlotsOf(heading) ?? _memo.Remember(heading, HeadingSlots(heading, HashedSlots));

                foreach (var slot in headingSlots)
                {
                    slots.Set(offset + slot);
                }
            }

            Add(slots, offset, Prefix.Unit, Target.Unit);
            Add(slots, offset, Prefix.Category, Target.Category);
            if (Draft.IndicatorSpan is { } span && span.Length > 0 && span.End <= text.Length)
            {
                var last = words.WordEndingAt(span.End) ?? new TextSpan(span.End - 1, span.End);
                Add(slots, offset, Prefix.IndicatorWord, text.AsSpan(last.Start, last.Length));
            }
        }

        /// <summary>The slots of a heading's first 12 words (single characters skipped).</summary>
        private int[] HeadingSlots(Block heading, int slotCount)
        {
            var text = Context.Text;
            var words = Context.Words;
            var slots = new List<int>(12);
            var position = heading.Span.Start;
            for (var k = 0; k < 12 && position < heading.Span.End && position < text.Length; k++)
            {
                var word = words.WordStartingAt(position) ?? new TextSpan(position, position + 1);
                if (word.Length > 1)
                {
                    slots.Add(Slot(Prefix.Heading, text.AsSpan(word.Start, word.Length), slotCount));
                }

                position = word.End;
            }

            return [.. slots];
        }

        private static void Add(FeatureBuffer slots, int offset, uint prefix, ReadOnlySpan<char> word) => slots.Set(offset + Slot(prefix, word, HashedSlots));

        private static int Slot(uint prefix, ReadOnlySpan<char> word, int slotCount)
        {
            var hash = prefix;
            foreach (var c in word)
            {
                hash = (hash ^ c) * 16777619u;
            }

            return (int)(hash % (uint)slotCount);
        }
    }

    /// <summary>The lexicon's word classes in the order their features are listed (ordinal by name), and one scanner for all.</summary>
    private static class WordClasses
    {
        public static readonly IReadOnlyList<WordClass> InOrder =
            [.. WordLexicon.Default.ClassNames.Order(StringComparer.Ordinal).Select(n => WordLexicon.Default[n])];

        public static readonly WordClassScanner Scanner = new(InOrder);
    }

    /// <summary>What one document's candidates share, computed once per document.</summary>
    private sealed class DocumentMemo(int lineCount)
    {
        // Indexed by the heading's line index: a lookup per candidate without hashing the block (an object hash code
        // per lookup cost more than the heading's words it saves).
        private readonly int[]?[] _headingSlots = new int[]?[lineCount];

        /// <summary>The hashed slots of <paramref name="heading"/> remembered before, or null.</summary>
        public int[]? HeadingSlotsOf(Block heading) =>
            heading.LineIndex >= 0 && heading.LineIndex < _headingSlots.Length ? _headingSlots[heading.LineIndex] : null;

        /// <summary>Remembers <paramref name="slots"/> for <paramref name="heading"/> (a line of the document's tree) and returns them.</summary>
        public int[] Remember(Block heading, int[] slots)
        {
            if (heading.LineIndex >= 0 && heading.LineIndex < _headingSlots.Length)
            {
                _headingSlots[heading.LineIndex] = slots;
            }

            return slots;
        }
    }

    /// <summary>
    /// FNV-1a state after each hashed word's prefix and the separator: a word's slot is FNV-1a over "prefix|word", stable across
    /// processes and platforms; hashing the fixed prefixes once keeps the hot path free of string building.
    /// </summary>
    private static class Prefix
    {
        public static readonly uint[] Left = [0, Of("L1"), Of("L2"), Of("L3")];
        public static readonly uint[] LeftTag = [0, Of("pL1"), Of("pL2")];
        public static readonly uint[] Right = [0, Of("R1"), Of("R2"), Of("R3")];
        public static readonly uint RightTag = Of("pR1");
        public static readonly uint Heading = Of("H");
        public static readonly uint Unit = Of("u");
        public static readonly uint Category = Of("c");
        public static readonly uint IndicatorWord = Of("iw");

        private static uint Of(string prefix)
        {
            var hash = 2166136261u;
            foreach (var c in prefix)
            {
                hash = (hash ^ c) * 16777619u;
            }

            return (hash ^ '|') * 16777619u;
        }
    }
}

/// <summary>A reusable feature vector for <see cref="TargetFeatures.Compute(ExtractionContext, RuleCandidate, FeatureBuffer)"/>.</summary>
/// <remarks>Remembers which hashed slots the last candidate set, so the next one clears only those instead of the whole vector.
/// Not thread-safe: one buffer per thread.</remarks>
public sealed class FeatureBuffer
{
    private readonly List<int> _set = new(32);

    public FeatureBuffer(TargetFeatures features)
    {
        ArgumentNullException.ThrowIfNull(features);
        Vector = new float[features.Length];
    }

    /// <summary>The vector of the last candidate computed into this buffer.</summary>
    public float[] Vector { get; }

    /// <summary>Scratch flags: which word classes occur before and after the number.</summary>
    internal bool[] Before { get; } = new bool[TargetFeatures.WordClassCount];

    internal bool[] After { get; } = new bool[TargetFeatures.WordClassCount];

    /// <summary>Zeroes the hashed slots the last candidate set; the dense features are all written again.</summary>
    internal void ClearHashed()
    {
        foreach (var slot in _set)
        {
            Vector[slot] = 0f;
        }

        _set.Clear();
    }

    internal void Set(int slot)
    {
        if (Vector[slot] == 0f)
        {
            Vector[slot] = 1f;
            _set.Add(slot);
        }
    }
}
