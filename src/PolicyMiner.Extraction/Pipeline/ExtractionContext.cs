using System.Runtime.InteropServices;
using PolicyMiner.Core.Documents;
using PolicyMiner.Extraction.Text;
using PolicyMiner.Extraction.Time;

namespace PolicyMiner.Extraction.Pipeline;

/// <summary>Everything found in one document during one extraction: mentions from the scan rules and the target drafts.</summary>
/// <remarks>Created per call to <see cref="ExtractionPipeline.Run"/> and never shared, which keeps the pipeline itself thread-safe.</remarks>
public sealed class ExtractionContext
{
    internal ExtractionContext(PolicyDocument document)
    {
        Document = document;
        Text = document.Text;
        PlanYear = document.Metadata.Year is { } y && PolicyYear.TryCreate(y, out var year) ? year : null;
    }

    public PolicyDocument Document { get; }

    /// <summary>The normalised text every span refers to.</summary>
    public string Text { get; }

    /// <summary>The plan year from the document's metadata: the year 年内 / 今年 / unmarked targets are due.</summary>
    public PolicyYear? PlanYear { get; }

    /// <summary>The document's block tree and the scope attributes of its lines, resolved once (after scanning) on first use.</summary>
    public Scopes.DocumentScopes Scopes => _scopes ??= PolicyMiner.Extraction.Scopes.DocumentScopes.Build(this);

    private Scopes.DocumentScopes? _scopes;

    /// <summary>Word boundaries and POS tags, segmented on demand around the positions rules ask about.</summary>
    public ClauseWords Words => _words ??= new ClauseWords(Text);

    private ClauseWords? _words;

    public List<QuantityMention> Quantities { get; } = [];

    public List<YearMention> Years { get; } = [];

    /// <summary>Horizons the text has fixed so far ("自2012年起5年内" → 5 → 2012–2016), by their number of years: a later bare
    /// "5年内" of the same document keeps the horizon.</summary>
    public Dictionary<int, PlanPeriod> Horizons { get; } = [];

    public List<ModalMention> Modals { get; } = [];

    public List<ResponsibilityMention> Responsibilities { get; } = [];

    /// <summary>Bodies a role bracket declares for everything after it ("以下均需X落实，不再列出"), in text order: the scope of a
    /// standing responsibility runs from its span to the end of the document.</summary>
    public List<ResponsibilityMention> StandingResponsibilities { get; } = [];

    /// <summary>The standing responsibility declared last before <paramref name="position"/>, or null.</summary>
    public ResponsibilityMention? StandingResponsibility(int position)
    {
        var i = LowerBound(StandingResponsibilities, position, r => r.Span.End) - 1;
        return i >= 0 ? StandingResponsibilities[i] : null;
    }

    public List<LeadMention> Leads { get; } = [];

    /// <summary>Targets read from table cells, by the start of their quantity mention.</summary>
    public Dictionary<int, TableTarget> TableTargets { get; } = [];

    /// <summary>Spans of the tables whose columns were understood: a number in them is a target only from a target column.</summary>
    public List<Core.Text.TextSpan> TargetTables { get; } = [];

    /// <summary>One draft per quantity mention, in text order; rules reject the ones that are not targets.</summary>
    public List<TargetDraft> Drafts { get; } = [];

    /// <summary>The drafts no rule has rejected, in text order.</summary>
    public IEnumerable<TargetDraft> LiveDrafts
    {
        get
        {
            foreach (var draft in Drafts)
            {
                if (!draft.IsRejected)
                {
                    yield return draft;
                }
            }
        }
    }

    /// <summary>The nearest live draft before <paramref name="draft"/> whose number lies in [<paramref name="floor"/>, draft).</summary>
    public TargetDraft? PreviousLive(TargetDraft draft, int floor)
    {
        for (var i = draft.Index - 1; i >= 0; i--)
        {
            var other = Drafts[i];
            if (other.Mention.Span.Start < floor)
            {
                return null;
            }

            if (!other.IsRejected)
            {
                return other;
            }
        }

        return null;
    }

    /// <summary>The nearest quantity mention (target or not) ending at or before <paramref name="position"/> and after <paramref name="floor"/>.</summary>
    public QuantityMention? PreviousQuantity(TargetDraft draft, int floor)
    {
        for (var i = draft.Index - 1; i >= 0; i--)
        {
            var other = Drafts[i];
            if (other.Mention.Span.End <= floor)
            {
                return null;
            }

            if (other.Mention.Span.End <= draft.Mention.Span.Start)
            {
                return other.Mention;
            }
        }

        return null;
    }

    /// <summary>The first live draft of the sentence holding <paramref name="draft"/>.</summary>
    public TargetDraft FirstLiveInSentence(TargetDraft draft)
    {
        var start = ClauseText.SentenceStart(Text, draft.Mention.Span.Start);
        var first = draft;
        for (var i = draft.Index - 1; i >= 0 && Drafts[i].Mention.Span.Start >= start; i--)
        {
            if (!Drafts[i].IsRejected)
            {
                first = Drafts[i];
            }
        }

        return first;
    }

    /// <summary>Drafts whose quantity mention starts in [<paramref name="from"/>, <paramref name="to"/>), in text order.</summary>
    public ReadOnlySpan<TargetDraft> DraftsIn(int from, int to) => Between(Drafts, from, to, d => d.Mention.Span.Start);

    /// <summary>Year mentions starting in [<paramref name="from"/>, <paramref name="to"/>), in text order.</summary>
    public ReadOnlySpan<YearMention> YearsIn(int from, int to) => Between(Years, from, to, y => y.Span.Start);

    /// <summary>Modal mentions starting in [<paramref name="from"/>, <paramref name="to"/>), in text order.</summary>
    public ReadOnlySpan<ModalMention> ModalsIn(int from, int to) => Between(Modals, from, to, m => m.Span.Start);

    /// <summary>Lead mentions starting in [<paramref name="from"/>, <paramref name="to"/>), in text order.</summary>
    public ReadOnlySpan<LeadMention> LeadsIn(int from, int to) => Between(Leads, from, to, m => m.Span.Start);

    /// <summary>The first responsibility block starting at or after <paramref name="from"/>, or null.</summary>
    public ResponsibilityMention? NextResponsibility(int from)
    {
        var i = LowerBound(Responsibilities, from, r => r.Span.Start);
        return i < Responsibilities.Count ? Responsibilities[i] : null;
    }

    /// <summary>The last responsibility block ending at or before <paramref name="to"/>, or null.</summary>
    public ResponsibilityMention? PreviousResponsibility(int to)
    {
        var i = LowerBound(Responsibilities, to, r => r.Span.End + 1) - 1;
        return i >= 0 ? Responsibilities[i] : null;
    }

    /// <remarks>A view of the list, not a copy: the scan rules that fill these lists have finished before any target rule asks,
    /// and a span costs no enumerator per question (rules ask several per draft).</remarks>
    private static ReadOnlySpan<T> Between<T>(List<T> list, int from, int to, Func<T, int> key)
    {
        var first = LowerBound(list, from, key);
        var end = first;
        while (end < list.Count && key(list[end]) < to)
        {
            end++;
        }

        return CollectionsMarshal.AsSpan(list)[first..end];
    }

    /// <summary>Index of the first element whose key is at least <paramref name="position"/> (lists are in text order).</summary>
    private static int LowerBound<T>(List<T> list, int position, Func<T, int> key)
    {
        int lo = 0, hi = list.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (key(list[mid]) < position)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
