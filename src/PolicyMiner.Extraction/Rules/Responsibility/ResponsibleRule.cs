using PolicyMiner.Extraction.Pipeline;
using PolicyMiner.Extraction.Text;

namespace PolicyMiner.Extraction.Rules.Responsibility;

/// <summary>Names the bodies responsible for each target: the nearest following responsibility block of the same item
/// (paragraph), covering the text since the previous block; else "由X牵头" in the sentence; else a body named as the doer
/// ("镇(区)要按…", "各级政府…应…", "每个县（市、区）确定…", "成果持有单位可…").</summary>
public sealed class ResponsibleRule : ITargetRule
{
    public string Name => "responsible";

    public void Apply(ExtractionContext context)
    {
        var text = context.Text;
        foreach (var draft in context.LiveDrafts)
        {
            var position = draft.Mention.Span.Start;
            var block = context.NextResponsibility(draft.Mention.Span.End);
            if (block is not null && block.Span.Start < ClauseText.ParagraphEnd(text, position) && block.Bodies.Count > 0)
            {
                draft.Responsible = block.Bodies;
                continue;
            }

            var sentenceStart = ClauseText.SentenceStart(text, position);
            var sentenceEnd = ClauseText.SentenceEnd(text, position);
            LeadMention? lead = null;
            foreach (var l in context.LeadsIn(sentenceStart, sentenceEnd))
            {
                lead ??= l;
            }

            if (lead is not null)
            {
                draft.Responsible = lead.Bodies;
                continue;
            }

            draft.Responsible = Doer(context, draft, sentenceStart);
        }
    }

    private static IReadOnlyList<string> Doer(ExtractionContext context, TargetDraft draft, int sentenceStart)
    {
        var text = context.Text;
        var clauseStart = ClauseText.ClauseStart(text, draft.ExpressionStart);

        // Subject before a modal in the target's clause: "镇(区)要按…", "各级政府年内…应不少于2次".
        foreach (var modal in context.ModalsIn(clauseStart, draft.ExpressionStart))
        {
            if (modal.Word is "要" or "应" or "应当" or "须" or "必须")
            {
                var subject = SubjectBefore(context, clauseStart, modal.Span.Start);
                if (subject is not null)
                {
                    return [subject];
                }
            }
        }

        // Permission with 可: "成果持有单位可根据…提取30%".
        var ke = text.IndexOf('可', clauseStart, draft.ExpressionStart - clauseStart);
        if (ke > clauseStart && SubjectBefore(context, clauseStart, ke) is { } holder)
        {
            return [holder];
        }

        // Per-actor subject leading the clause: "每个县（市、区）确定1-2个重点领域".
        var clause = text.AsSpan(clauseStart, draft.ExpressionStart - clauseStart);
        if (clause.StartsWith("每个") || clause.StartsWith("各级") || clause.StartsWith("每一"))
        {
            for (var len = Math.Min(clause.Length, 12); len >= 3; len--)
            {
                var candidate = clause[..len].ToString();
                if (Bodies.LooksLikeBody(candidate) && !Bodies.IsPerson(candidate))
                {
                    return [Bodies.Clean(candidate)];
                }
            }
        }

        return [];
    }

    /// <summary>The body named between the clause start and a modal, without time words; null when it is not a body.</summary>
    private static string? SubjectBefore(ExtractionContext context, int clauseStart, int end)
    {
        var text = context.Text;
        foreach (var year in context.YearsIn(clauseStart, end))
        {
            if (year.Span.End >= end - 1)
            {
                end = year.Span.Start;
            }
        }

        var subject = text[clauseStart..end].Trim();
        // Drop an item marker such as "3." or "一是".
        var dot = subject.IndexOfAny(['.', '、']);
        if (dot is > 0 and <= 3)
        {
            subject = subject[(dot + 1)..];
        }

        if (subject.Length is < 2 or > 14 || !Bodies.LooksLikeBody(subject) || Bodies.IsPerson(subject))
        {
            return null;
        }

        return Bodies.Clean(subject);
    }
}
