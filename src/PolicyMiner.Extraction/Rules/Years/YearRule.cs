using PolicyMiner.Extraction.Pipeline;
using PolicyMiner.Extraction.Text;

namespace PolicyMiner.Extraction.Rules.Years;

/// <summary>Gives each target its due year: a time expression in its own clause, else one leading its sentence, else the plan
/// year (year_text null). "2004年-2006年…分别达到1.45%、1.50%和1.60%" gives one year per value.</summary>
/// <remarks>Years before the plan year, dates, and years inside titles (《…(2006-2020年)》) never give a due year.</remarks>
public sealed class YearRule : ITargetRule
{
    public string Name => "year";

    public void Apply(ExtractionContext context)
    {
        var text = context.Text;
        foreach (var draft in context.LiveDrafts)
        {
            var start = draft.ExpressionStart;
            var clauseStart = ClauseText.ClauseStart(text, start);
            var own = Nearest(context, clauseStart, start);

            var sentenceStart = ClauseText.SentenceStart(text, start);
            var first = context.FirstLiveInSentence(draft);
            var leading = first == draft && own is not null ? own : Nearest(context, sentenceStart, first.ExpressionStart);
            var chosen = own ?? leading;

            if (chosen is null)
            {
                draft.Year = context.PlanYear?.Value;
                draft.YearText = null;
                continue;
            }

            draft.Year = chosen.Resolve(context.PlanYear);
            draft.YearText = chosen.Text;
            if (chosen.Kind == YearMentionKind.Period && chosen.Period is { } period && period.Years > 1)
            {
                AssignRespectively(context, draft, chosen);
            }
        }
    }

    /// <summary>The last usable time expression in [from, to).</summary>
    private static YearMention? Nearest(ExtractionContext context, int from, int to)
    {
        YearMention? found = null;
        foreach (var year in context.YearsIn(from, to))
        {
            if (year.InName || year.Kind is YearMentionKind.Date or YearMentionKind.Past)
            {
                continue;
            }

            if (context.PlanYear is { } plan && year.Kind == YearMentionKind.Absolute && year.Period is { } p && p.End.Value < plan.Value)
            {
                continue;
            }

            found = year;
        }

        return found;
    }

    /// <summary>"2004年-2006年…分别达到A、B和C": with as many values as years, the k-th value is due in the k-th year.</summary>
    private static void AssignRespectively(ExtractionContext context, TargetDraft draft, YearMention period)
    {
        var text = context.Text;
        var between = text.AsSpan(period.Span.End, Math.Max(0, draft.Mention.Span.Start - period.Span.End));
        var fenbie = between.IndexOf("分别", StringComparison.Ordinal);
        if (fenbie < 0 || between.Length > 80)
        {
            return;
        }

        var listStart = period.Span.End + fenbie;
        var clauseEnd = ClauseText.ClauseEnd(text, listStart);
        var members = new List<TargetDraft>();
        var first = draft.Index;
        while (first > 0 && context.Drafts[first - 1].Mention.Span.Start > listStart)
        {
            first--;
        }

        for (var i = first; i < context.Drafts.Count && context.Drafts[i].Mention.Span.Start < clauseEnd; i++)
        {
            if (!context.Drafts[i].IsRejected && context.Drafts[i].Mention.Span.Start > listStart)
            {
                members.Add(context.Drafts[i]);
            }
        }

        var position = members.IndexOf(draft);
        if (position >= 0 && members.Count == period.Period!.Value.Years)
        {
            draft.Year = period.Period.Value.Start.Value + position;
        }
    }
}
