using PolicyMiner.Core.Targets;
using PolicyMiner.Extraction.Lexicon;
using PolicyMiner.Extraction.Pipeline;
using PolicyMiner.Extraction.Quantities;
using PolicyMiner.Extraction.Scopes;
using PolicyMiner.Extraction.Text;

namespace PolicyMiner.Extraction.Rules.Commitments;

/// <summary>Sets firm / aspirational / plain from the modal nearest before the number in its clause; a modal that leads the
/// sentence (before its first target) governs every target of the sentence ("力争A;B;C") up to a ；-part that opens with a task of
/// its own ("确保A；加强甲培育，新增B": B is plain); a clause that only restates the
/// previous target's growth ("确保150亿元，同比增长12%") shares its commitment.</summary>
/// <remarks>"确保480亿元，力争500亿元" gives one firm and one aspirational target because each clause has its own modal; so does
/// the pair "保8争9" (<see cref="PairedFigure"/>). A comparison under a modal negation (不得低于80%) is firm.</remarks>
public sealed class CommitmentRule : ITargetRule
{
    // The modal negations that make a comparison a norm (不得低于, 不应少于, 不能高于): lexicon class comparator-negation.
    private static readonly WordClass Prohibitions = WordLexicon.Default["comparator-negation"];
    private static readonly WordClass GrowthBases = WordLexicon.Default["growth-base"];

    // 争创 takes an object of its own (争创甲示范区，A增长6%): it commits only the numbers of its own clause, never a sentence's list.
    private static readonly WordClass ClauseOnlyModals = WordLexicon.Default["aspiration-modal-word"];

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

            // "确保A增长15%；加强甲乙培育，新增B 260家": a ；-part that opens with a task of its own is read as a sentence of its own.
            var sentenceFirst = context.FirstLiveInSentence(draft);
            var scopeStart = OwnTaskPartStart(context, sentenceStart, draft) ?? sentenceStart;
            var first = scopeStart == sentenceStart ? sentenceFirst : FirstLiveFrom(context, draft, scopeStart);
            var firstClauseStart = ClauseText.ClauseStart(text, first.ExpressionStart);
            var leading = LastModal(context, scopeStart, first == draft ? clauseStart : firstClauseStart, ownClause: false)
                          ?? (first != draft ? LastModal(context, firstClauseStart, first.ExpressionStart, ownClause: false) : null);
            // Only a modal before the first target's indicator heads the list ("力争A达到X；B…"); "A确保X，力争Y；B…" does not.
            // A modal heading a part opened by a task of its own reaches no further than that part's ；.
            if (leading is not null && leading.Span.Start < Math.Min(first.ExpressionStart, IndicatorHead(context, first) + 1)
                && (scopeStart == sentenceStart || text.AsSpan(leading.Span.End, draft.ExpressionStart - leading.Span.End).IndexOfAny('；', ';') < 0))
            {
                draft.Commitment = leading.Commitment;
                draft.CommitmentFrom = ScopeSource.Sentence;
            }
            else if (sentenceFirst == draft && context.Scopes.At(start).LeadIn is { } leadIn
                     && LastModal(context, ListSentenceStart(text, leadIn), leadIn.End, ownClause: false) is { } listModal)
            {
                // "力争通过3年努力，实现以下目标：" over its list: the lead-in's modal commits every item that has none of its own.
                draft.Commitment = listModal.Commitment;
                draft.CommitmentFrom = ScopeSource.LeadIn;
            }
            else if (draft.YearFrom == ScopeSource.Paragraph && draft.YearSpan is { } due && due.Start < sentenceStart
                     && LastModal(context, ClauseText.SentenceStart(text, due.Start), due.Start, ownClause: false) is { } deadlineModal)
            {
                // "力争到2027年，全省…全面拓展。在甲方面取得10项成果；…": the modal heads the deadline that governs the paragraph's
                // later sentences, so it commits their targets as it does its own sentence's.
                draft.Commitment = deadlineModal.Commitment;
                draft.CommitmentFrom = ScopeSource.Paragraph;
            }
        }
    }

    /// <summary>The start of the lead-in's last sentence, the one its colon closes: only that sentence opens the list. "做好今年工作，
    /// 必须坚持…。重点抓好以下工作：" binds the year's guidelines with 必须, not the items listed after it.</summary>
    private static int ListSentenceStart(string text, Core.Text.TextSpan leadIn) =>
        Math.Max(leadIn.Start, ClauseText.SentenceStart(text, Math.Max(leadIn.Start, leadIn.End - 1)));

    /// <summary>Where the draft's quote starts naming its indicator: after the time word the quote opens with ("全年力争提升A 3个以上，
    /// 培育B 1个以上": the modal after 全年 stands before the indicator and heads the list), else at the quote's start.</summary>
    private static int IndicatorHead(ExtractionContext context, TargetDraft draft)
    {
        var head = draft.Quote.Start;
        foreach (var year in context.YearsIn(head, head + 1))
        {
            head = Math.Max(head, year.Span.End);
        }

        return head;
    }

    /// <summary>The start of the ；-part, latest first, that holds or precedes the draft and opens with a clause of no target
    /// ("确保A增长15%；加强甲乙培育，新增B 260家"): that part sets a task of its own, so a modal before it does not reach into it.
    /// Null when every part goes on with the list (opens with a target: "力争A达到1.6%；B突破90家；登记C 45项").</summary>
    private static int? OwnTaskPartStart(ExtractionContext context, int sentenceStart, TargetDraft draft)
    {
        var text = context.Text;
        for (var i = draft.ExpressionStart - 1; i >= sentenceStart; i--)
        {
            if (text[i] is not ('；' or ';'))
            {
                continue;
            }

            var partStart = i + 1;
            var firstClauseEnd = ClauseText.ClauseEnd(text, partStart);
            if (draft.Mention.Span.Start < firstClauseEnd)
            {
                continue;
            }

            // A part with no target at all is an item of the list that names no figure ("力争A达到2.2%；B达到或超过省定指标；
            // 完成C 100项"): it opens no task of its own.
            var partEnd = text.AsSpan(partStart, draft.ExpressionStart - partStart).IndexOfAny('；', ';') is var next and >= 0
                ? partStart + next : draft.Mention.Span.End;
            // Drafts are in text order: only those from the part's start up to its end can open or fill it.
            var opensWithTarget = false;
            var holdsTarget = false;
            var drafts = context.Drafts;
            var lo = draft.Index;
            while (lo > 0 && drafts[lo - 1].Mention.Span.Start >= partStart)
            {
                lo--;
            }

            for (var k = lo; k < drafts.Count && drafts[k].Mention.Span.Start < partEnd; k++)
            {
                if (!drafts[k].IsRejected)
                {
                    var at = drafts[k].Mention.Span.Start;
                    opensWithTarget |= at < firstClauseEnd;
                    holdsTarget = true;
                }
            }

            if (holdsTarget && !opensWithTarget)
            {
                return partStart;
            }
        }

        return null;
    }

    /// <summary>The first live draft whose number lies in [<paramref name="floor"/>, draft]; the draft itself when none is before it.</summary>
    private static TargetDraft FirstLiveFrom(ExtractionContext context, TargetDraft draft, int floor)
    {
        var first = draft;
        for (var i = draft.Index - 1; i >= 0 && context.Drafts[i].Mention.Span.Start >= floor; i--)
        {
            if (!context.Drafts[i].IsRejected)
            {
                first = context.Drafts[i];
            }
        }

        return first;
    }

    /// <summary>The last modal in [from, to); outside the number's own clause (<paramref name="ownClause"/> false) a modal bound to
    /// its own clause (争创, or 争取 with a noun object in a clause of no target) is passed over.</summary>
    private static ModalMention? LastModal(ExtractionContext context, int from, int to, bool ownClause = true)
    {
        ModalMention? found = null;
        foreach (var modal in context.ModalsIn(from, to))
        {
            if (ownClause || !(ClauseOnlyModals.Contains(modal.Word) || ObtainsApart(context, modal)))
            {
                found = modal;
            }
        }

        return found;
    }

    /// <summary>"争取市政管网修复等一批项目，新建A 12公里" / "执行资金争取情况通报机制，推进B 30个": 争取 with a noun object in a clause
    /// that holds no target obtains or works at that object; it hedges none of the sentence's later figures. With a target in its
    /// clause (争取全县生产总值增长7%，财政收入增长6%) the noun is the list's first subject and the modal heads the list.</summary>
    private static bool ObtainsApart(ExtractionContext context, ModalMention modal)
    {
        if (!modal.TakesObject)
        {
            return false;
        }

        foreach (var draft in context.DraftsIn(modal.Span.End, ClauseText.ClauseEnd(context.Text, modal.Span.End)))
        {
            if (!draft.IsRejected)
            {
                return false;
            }
        }

        return true;
    }
}
