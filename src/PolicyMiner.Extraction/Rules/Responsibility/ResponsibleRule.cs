using PolicyMiner.Extraction.Pipeline;
using PolicyMiner.Extraction.Text;

namespace PolicyMiner.Extraction.Rules.Responsibility;

/// <summary>Names the bodies responsible for each target: the first responsibility block after it in the same item
/// (paragraph), covering the text since the previous block; else "由X牵头" in the sentence; else a body named as the doer
/// ("乡(街道)要按…", "各级政府…应…", "每个乡镇（街道）培育…", "项目承担单位可…"), in the target's clause or as the subject
/// of its sentence's first clause ("各级担保机构要坚守主业，…，确保…达到80%以上").</summary>
public sealed class ResponsibleRule : ITargetRule
{
    public string Name => "responsible";

    public void Apply(ExtractionContext context)
    {
        var text = context.Text;
        foreach (var draft in context.LiveDrafts)
        {
            if (draft.Table is not null)
            {
                continue;
            }

            var position = draft.Mention.Span.Start;
            var block = context.NextResponsibility(draft.Mention.Span.End);
            if (block is not null && block.Bodies.Count > 0 && Covers(text, block, position))
            {
                draft.Responsible = WithStanding(context, block.Bodies, position);
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
                draft.Responsible = WithStanding(context, lead.Bodies, position);
                continue;
            }

            draft.Responsible = WithStanding(context, Doer(context, draft, sentenceStart), position);
        }
    }

    /// <summary>The bodies an item names, then those a standing remark above it declares for every item below ("以下均需X落实").</summary>
    private static IReadOnlyList<string> WithStanding(ExtractionContext context, IReadOnlyList<string> bodies, int position)
    {
        if (context.StandingResponsibility(position) is not { } standing)
        {
            return bodies;
        }

        var all = bodies.ToList();
        foreach (var body in standing.Bodies)
        {
            if (!all.Contains(body))
            {
                all.Add(body);
            }
        }

        return all;
    }

    /// <summary>A block covers a target in its own paragraph, or in the item just above it when the block stands on a line of its own
    /// ("…目标。\n（牵头单位：市科技局；配合单位：市财政局）") and no new item starts in between.</summary>
    private static bool Covers(string text, ResponsibilityMention block, int position)
    {
        var paragraphEnd = ClauseText.ParagraphEnd(text, position);
        if (block.Span.Start < paragraphEnd)
        {
            return true;
        }

        var blockLineStart = ClauseText.ParagraphStart(text, block.Span.Start);
        var blockLineEnd = ClauseText.ParagraphEnd(text, block.Span.Start);
        if (!text.AsSpan(blockLineStart, blockLineEnd - blockLineStart).Trim().SequenceEqual(text.AsSpan(block.Span.Start, block.Span.Length).Trim()))
        {
            return false;
        }

        // Only blank lines may separate the target's paragraph from the block's line.
        return text.AsSpan(paragraphEnd, blockLineStart - paragraphEnd).Trim().IsEmpty;
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

        // The subject of the sentence before its modal governs the targets of its later clauses:
        // "各级担保机构要坚守主业，…，确保支小支农业务占比达到80%以上".
        string? sentenceSubject = null;
        foreach (var modal in context.ModalsIn(sentenceStart, clauseStart))
        {
            if (modal.Word is "要" or "应" or "应当" or "须" or "必须"
                && SubjectBefore(context, ClauseText.ClauseStart(text, modal.Span.Start, sentenceStart), modal.Span.Start, MaxSentenceSubject) is { } subject)
            {
                sentenceSubject = subject;
            }
        }

        if (sentenceSubject is not null)
        {
            return [sentenceSubject];
        }

        // Permission with 可: "成果持有单位可根据…提取30%".
        var ke = text.IndexOf('可', clauseStart, draft.ExpressionStart - clauseStart);
        if (ke > clauseStart && SubjectBefore(context, clauseStart, ke) is { } holder)
        {
            return [holder];
        }

        // Per-actor subject leading the clause: "每个乡镇（街道）培育2-3个特色产业".
        var clause = text.AsSpan(clauseStart, draft.ExpressionStart - clauseStart);
        if (clause.StartsWith("每个") || clause.StartsWith("各级") || clause.StartsWith("每一"))
        {
            // The longest body-like prefix within the first few characters, stopping at a bracket: 每个乡镇（街道）, 各级政府.
            var best = 0;
            for (var len = 3; len <= Math.Min(clause.Length, 8) && clause[len - 1] is not ('(' or '（'); len++)
            {
                var prefix = clause[..len].ToString();
                if (Bodies.LooksLikeBody(prefix) && !Bodies.IsPerson(prefix))
                {
                    best = len;
                }
            }

            if (best > 0)
            {
                var candidate = clause[..best].ToString();
                // 每个县（市、区）: keep a bracket that follows the body.
                var bracketStart = clauseStart + best;
                if (bracketStart < text.Length && text[bracketStart] is '(' or '（'
                    && ClauseText.FindCloser(text, bracketStart, Math.Min(text.Length, bracketStart + 12)) is var close and > 0)
                {
                    candidate = text[clauseStart..(close + 1)];
                }

                return [Bodies.Clean(candidate)];
            }
        }

        return [];
    }

    /// <summary>A sentence's subject may be a list of bodies ("各级政府性融资担保、再担保机构").</summary>
    private const int MaxSentenceSubject = 20;

    /// <summary>The body named between the clause start and a modal, without time words; null when it is not a body.</summary>
    private static string? SubjectBefore(ExtractionContext context, int clauseStart, int end, int maxLength = 14)
    {
        var text = context.Text;
        foreach (var year in context.YearsIn(clauseStart, end))
        {
            if (year.Span.End >= end - 1)
            {
                end = year.Span.Start;
            }
        }

        // A numbered clause ("5.1.2 省级人民政府必须…") names its subject after the number.
        var from = clauseStart;
        while (from < end && (char.IsAsciiDigit(text[from]) || text[from] is '.' or ' ' or '\u3000'))
        {
            from++;
        }

        var subject = text[(from > clauseStart && from < end && text[from - 1] is ' ' or '\u3000' ? from : clauseStart)..end].Trim();
        // Drop an item marker such as "3." or "一是".
        var dot = subject.IndexOfAny(['.', '、']);
        if (dot is > 0 and <= 3)
        {
            subject = subject[(dot + 1)..];
        }

        if (subject.Length < 2 || subject.Length > maxLength || !Bodies.LooksLikeBody(subject) || Bodies.IsPerson(subject)
            || Bodies.StartsWithVerb(context, text.IndexOf(subject, clauseStart, StringComparison.Ordinal), end))
        {
            return null;
        }

        return Bodies.Clean(subject);
    }
}
