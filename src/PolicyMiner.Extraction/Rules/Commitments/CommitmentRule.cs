using PolicyMiner.Core.Targets;
using PolicyMiner.Extraction.Lexicon;
using PolicyMiner.Extraction.Pipeline;
using PolicyMiner.Extraction.Quantities;
using PolicyMiner.Extraction.Scopes;
using PolicyMiner.Extraction.Text;

namespace PolicyMiner.Extraction.Rules.Commitments;

/// <summary>Sets firm / aspirational / plain from the modal nearest before the number in its clause; a modal that leads the
/// sentence (before its first target) governs every target of the sentence ("力争A;B;C"); a clause that only restates the
/// previous target's growth ("确保150亿元，同比增长12%") shares its commitment.</summary>
/// <remarks>"确保480亿元，力争500亿元" gives one firm and one aspirational target because each clause has its own modal; so does
/// the pair "保8争9" (<see cref="PairedFigure"/>). A comparison under a modal negation (不得低于80%) is firm.</remarks>
public sealed class CommitmentRule : ITargetRule
{
    // The modal negations that make a comparison a norm (不得低于, 不应少于, 不能高于): lexicon class comparator-negation.
    private static readonly WordClass Prohibitions = WordLexicon.Default["comparator-negation"];
    private static readonly WordClass GrowthBases = WordLexicon.Default["growth-base"];

    public string Name => "commitment";

    public void Apply(ExtractionContext context)
    {
        var text = context.Text;
        foreach (var draft in context.LiveDrafts)
        {
            var start = draft.ExpressionStart;
            var clauseStart = ClauseText.ClauseStart(text, start);
            if (PairedFigure.CommitmentOf(text, draft.Mention.Span.Start, draft.Mention.Span.End) is { } paired)
            {
                draft.Commitment = paired;
                draft.CommitmentFrom = ScopeSource.Clause;
                continue;
            }

            var own = LastModal(context, clauseStart, start);
            if (own is not null)
            {
                draft.Commitment = own.Commitment;
                draft.CommitmentFrom = ScopeSource.Clause;
                continue;
            }

            // 占比不得低于80%: a prohibition binds as firmly as 必须.
            if (Prohibitions.MatchAtStart(text.AsSpan(start, Math.Min(4, text.Length - start))) > 0)
            {
                draft.Commitment = Commitment.Firm;
                draft.CommitmentFrom = ScopeSource.Clause;
                continue;
            }

            var sentenceStart = ClauseText.SentenceStart(text, start);
            var clauseText = text.AsSpan(clauseStart, start - clauseStart).TrimStart();

            // "…必须不低于2%，并保持年均增长15%": a 并 clause goes on with the same subject and the same commitment.
            if (clauseText.StartsWith("并"))
            {
                clauseText = clauseText[1..];
                clauseText = clauseText.StartsWith("保持") || clauseText.StartsWith("实现") ? clauseText[2..] : clauseText;
            }
            if (context.PreviousLive(draft, sentenceStart) is { } previous
                && GrowthBases.MatchAtStart(clauseText) > 0)
            {
                draft.Commitment = previous.Commitment;
                draft.CommitmentFrom = ScopeSource.Previous;
                continue;
            }

            var first = context.FirstLiveInSentence(draft);
            var firstClauseStart = ClauseText.ClauseStart(text, first.ExpressionStart);
            var leading = LastModal(context, sentenceStart, first == draft ? clauseStart : firstClauseStart)
                          ?? (first != draft ? LastModal(context, firstClauseStart, first.ExpressionStart) : null);
            // Only a modal before the first target's indicator heads the list ("力争A达到X；B…"); "A确保X，力争Y；B…" does not.
            if (leading is not null && leading.Span.Start < Math.Min(first.ExpressionStart, first.Quote.Start + 1))
            {
                draft.Commitment = leading.Commitment;
                draft.CommitmentFrom = ScopeSource.Sentence;
            }
            else if (first == draft && context.Scopes.At(start).LeadIn is { } leadIn && LastModal(context, leadIn.Start, leadIn.End) is { } listModal)
            {
                // "力争通过3年努力，实现以下目标：" over its list: the lead-in's modal commits every item that has none of its own.
                draft.Commitment = listModal.Commitment;
                draft.CommitmentFrom = ScopeSource.LeadIn;
            }
        }
    }

    private static ModalMention? LastModal(ExtractionContext context, int from, int to)
    {
        ModalMention? found = null;
        foreach (var modal in context.ModalsIn(from, to))
        {
            found = modal;
        }

        return found;
    }
}
