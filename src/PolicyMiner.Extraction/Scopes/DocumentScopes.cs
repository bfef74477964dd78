using System.Runtime.InteropServices;
using PolicyMiner.Core.Documents;
using PolicyMiner.Core.Text;
using PolicyMiner.Extraction.Lexicon;
using PolicyMiner.Extraction.Pipeline;
using PolicyMiner.Extraction.Text;
using PolicyMiner.Extraction.Time;

namespace PolicyMiner.Extraction.Scopes;

/// <summary>Which scope gave a target one of its fields, for <c>extract --explain</c>.</summary>
public enum ScopeSource
{
    /// <summary>Nothing gave the field.</summary>
    None,

    /// <summary>The target's own clause.</summary>
    Clause,

    /// <summary>An expression leading the target's sentence.</summary>
    Sentence,

    /// <summary>A lead-in line ending in ： over a list ("主要目标是："), or the goal paragraph over a dash list ("到2026年，…。" over "——…").</summary>
    LeadIn,

    /// <summary>The opening clause of the target's paragraph ("到2020年，…"), or of an earlier sentence of it ("…。力争到2027年，…").</summary>
    Paragraph,

    /// <summary>The heading of an enclosing section ("二、2016年工作目标").</summary>
    Section,

    /// <summary>The document: its plan year, or the end of the five-year plan its title names.</summary>
    Document,

    /// <summary>An earlier target the field is shared with (a list, a 并 clause).</summary>
    Previous,
}

/// <summary>What a line (heading, paragraph or list item) inherits from the structure around it.</summary>
/// <param name="Review">True inside a part that reviews the past (a 回顾 section, the opening review of a work report).</param>
/// <param name="PastOpening">True when the line itself opens with the past (过去一年，/ 2023年，before the plan year).</param>
/// <param name="Deadline">The time expression opening the line ("到2020年，…"), or null.</param>
/// <param name="SectionDeadline">The time expression of the nearest enclosing heading that states one, or null.</param>
/// <param name="LeadIn">For a list item: the line ending in ： that introduces its list ("主要指标是："), or null.</param>
/// <param name="PlanEnd">The end year of the plan whose title heads this part of the document ("…行动计划（2021-2023年）" as a
/// heading line): untimed targets under it are due then. Null when no such title precedes the line.</param>
/// <param name="Topic">The noun phrase the nearest titled scope is about: the line's own run-in title ("加快宜荆荆都市圈一体化发展。…",
/// "（十三）实施大数据创新应用突破行动。…"), else the title of the nearest enclosing numbered section. Null when that nearest title
/// names no noun phrase (a nearer title shadows a farther one).</param>
/// <param name="Note">True for a note that explains a term of the text ("〔12〕三个一批：即…", the glossary a work report ends with): it
/// describes what the term stands for and never sets a figure of its own.</param>
public sealed record LineScope(bool Review, bool PastOpening, YearMention? Deadline, YearMention? SectionDeadline, TextSpan? LeadIn, int? PlanEnd = null,
    ScopeTopic? Topic = null, bool Note = false);

/// <summary>The topic a scope states: a noun phrase at word boundaries and the scope that stated it.</summary>
public sealed record ScopeTopic(TextSpan Span, string Text, ScopeSource From);

/// <summary>Scope attributes of a document, resolved once per document from its <see cref="BlockTree"/> and read by rules in
/// O(log lines) per position: review of the past, deadlines opening paragraphs and headings.</summary>
/// <remarks>Built after the scan rules, from the year mentions they found. Owned by one <see cref="ExtractionContext"/>.</remarks>
public sealed class DocumentScopes
{
    private static readonly WordClass ReviewHeading = WordLexicon.Default["review-heading"];
    private static readonly WordClass PlanHeading = WordLexicon.Default["plan-heading"];
    private static readonly WordClass PastOpeningWords = WordLexicon.Default["past-opening"];
    private static readonly WordClass GlossaryHeadings = WordLexicon.Default["glossary-heading"];
    private static readonly WordClass SourcePrepositions = WordLexicon.Default["source-preposition"];

    private readonly LineScope[] _lines;
    private static readonly LineScope Empty = new(false, false, null, null, null);

    private DocumentScopes(BlockTree tree, LineScope[] lines)
    {
        Tree = tree;
        _lines = lines;
    }

    public BlockTree Tree { get; }

    /// <summary>The scope of the line holding <paramref name="position"/>.</summary>
    public LineScope At(int position)
    {
        var i = Tree.LineIndexAt(position);
        var scope = i >= 0 && i < _lines.Length ? _lines[i] : Empty;
        if (!scope.Review)
        {
            foreach (var review in _openingReviews)
            {
                if (review.Contains(position))
                {
                    return scope with { Review = true };
                }
            }
        }

        return scope;
    }

    /// <summary>The reviews the document opens with, found sentence by sentence (more than one when a file holds a report twice).</summary>
    /// <remarks>A list, not an interface: <see cref="At"/> runs for every number, and a foreach over an interface boxes its enumerator.</remarks>
    private List<TextSpan> _openingReviews = [];

    /// <summary>Resolves every line's scope.</summary>
    public static DocumentScopes Build(ExtractionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var tree = BlockTree.Build(context.Document);
        var text = context.Text;
        var plan = context.PlanYear?.Value;
        var lines = tree.Lines;
        var review = new bool[lines.Count];
        var pastOpening = new bool[lines.Count];
        var deadline = new YearMention?[lines.Count];
        var headingDeadline = new YearMention?[lines.Count];
        var planLine = new bool[lines.Count];

        for (var i = 0; i < lines.Count; i++)
        {
            var span = lines[i].Span;
            // "二、2005年主要任务 今年是…": the opening is read after an item number.
            var opening = OpeningClause(text, new TextSpan(AfterRunInHeading(text, span), span.End));
            var time = Timing(context, opening, plan);
            pastOpening[i] = lines[i].Kind != BlockKind.Heading
                             && (PastOpeningWords.MatchAtStart(text.AsSpan(opening.Start, opening.Length)) > 0 || time.OpensWithPast);
            deadline[i] = lines[i].Kind != BlockKind.Heading && time is { Due: { } opened, DueOpens: true }
                ? ScheduleEnd(context, opened, span.End, plan) ?? opened
                : time.Due;
            // "二、“" / "十四五" / "”时期的主要任务": a heading that a hard line break cut inside a quoted name goes on to the line that
            // closes the quote; the period it names there is its section's deadline (not a plan title's end over later sections).
            var quoted = lines[i].Kind == BlockKind.Heading ? QuoteContinued(text, lines, i) : span;
            headingDeadline[i] = quoted.End > span.End
                ? Timing(context, new TextSpan(AfterRunInHeading(text, quoted), quoted.End), plan).Due ?? time.Due
                : time.Due;
            // 全年 / 年内 inside a review speak of the reviewed year: only a plan word or a stated year turns to the plan.
            var statedDue = time.Due is { Kind: not YearMentionKind.Relative };
            planLine[i] = lines[i].Kind == BlockKind.Heading
                ? PlanHeading.OccursIn(text.AsSpan(span.Start, span.Length)) || (statedDue && !ReviewsItsYear(text, span, time.Due!))
                : PlanHeading.MatchAtStart(text.AsSpan(opening.Start, opening.Length)) > 0 || (statedDue && time.DueOpens);
        }

        // A section whose heading reviews the past (and names no plan) is review throughout.
        foreach (var section in tree.Sections)
        {
            if (section.HeadingLine is not { } heading)
            {
                continue;
            }

            // "（一）发展基础。全省…": an item that opens a section is headed by its first sentence.
            var title = HeadingPart(text, heading.Span);
            var words = text.AsSpan(title.Start, title.Length);
            // "一、关于2014年政府工作": a bare heading that speaks only of years before the plan year.
            var pastYearHeading = plan is not null && IsBare(words) && Timing(context, title, plan).OnlyPast;
            var reviewWords = ReviewHeading.OccursIn(words) && (heading.Kind == BlockKind.Heading || title.Length <= BlockTree.MaxHeadingLength);
            var namesPlan = PlanHeading.OccursIn(words) || Timing(context, title, plan).Due is { } due && !ReviewsItsYear(text, title, due);
            if ((reviewWords || pastYearHeading) && !namesPlan)
            {
                // A line that turns to the plan ends the review even where the reader missed the next heading; the first line under
                // a review heading is its review's opening ("一、X年工作回顾" over "今年是…之年。…", a report written as the
                // reviewed year closed), never the turn: a heading over no review at all is no heading the reader missed.
                var firstBody = heading.Kind == BlockKind.Heading ? heading.LineIndex + 1 : heading.LineIndex;
                for (var i = heading.LineIndex;
                     i < lines.Count && lines[i].Span.Start < section.Span.End && (i <= firstBody || !planLine[i] || ReviewResumes(lines, pastOpening, section, i));
                     i++)
                {
                    review[i] = true;
                }
            }
        }

        // Deadlines of headings flow down to every line of their section (inner headings override outer ones).
        var sectionDeadline = new YearMention?[lines.Count];
        foreach (var section in tree.Sections)
        {
            if (section.HeadingLine is { Kind: BlockKind.Heading } heading && headingDeadline[heading.LineIndex] is { } due)
            {
                for (var i = heading.LineIndex + 1; i < lines.Count && lines[i].Span.Start < section.Span.End; i++)
                {
                    sectionDeadline[i] = due;
                }
            }
        }

        // Topics: a numbered section's title flows down to its lines (inner titles override outer ones); a line's own run-in title
        // overrides both.
        var sectionTopic = new ScopeTopic?[lines.Count];
        foreach (var section in tree.Sections)
        {
            if (section.Level < 1 || section.HeadingLine is not { } heading)
            {
                continue;
            }

            var title = heading.Kind == BlockKind.Heading ? HeadingTitle(text, heading.Span) : RunInTitle(text, heading.Span);
            if (title is null)
            {
                continue;
            }

            var topic = ScopeTopics.NounPhrase(context, title.Value) is { } phrase ? new ScopeTopic(phrase, text[phrase.Start..phrase.End], ScopeSource.Section) : null;
            for (var i = heading.LineIndex + 1; i < lines.Count && lines[i].Span.Start < section.Span.End; i++)
            {
                sectionTopic[i] = topic;
            }
        }

        var scopes = new LineScope[lines.Count];
        TextSpan? leadIn = null;
        int? planEnd = null;
        var glossaryEnd = -1;
        for (var i = 0; i < lines.Count; i++)
        {
            // 名词解释 on a line of its own heads the glossary a work report ends with: every line after it, to the end of the
            // innermost section holding it, explains a term the text used, however its entries are numbered (1.[…]即…, “…”：…),
            // so the figures they recall set nothing.
            var inGlossary = lines[i].Span.Start < glossaryEnd;
            if (!inGlossary && IsGlossaryHeading(text, lines[i].Span))
            {
                glossaryEnd = SectionEnd(context.Document.Sections, lines[i].Span.Start, text.Length);
            }

            // A plan's title as a heading line ("…行动计划（2021-2023年）", an attachment of a 通知) heads everything after it, across
            // the 专栏 and other unnumbered headings that end its section, up to the next such title.
            if (lines[i].Kind == BlockKind.Heading && deadline[i] is { Kind: YearMentionKind.Period, Period: { } period } due
                && period.Years > 1 && due.Span.End >= lines[i].Span.End - 1)
            {
                planEnd = period.End.Value;
            }

            var own = lines[i].Kind == BlockKind.Heading ? null : deadline[i];
            if (lines[i].Kind != BlockKind.ListItem)
            {
                var last = lines[i].Span.End - 1;
                leadIn = lines[i].Kind == BlockKind.Paragraph && last >= 0 && text[last] is '：' or ':' ? lines[i].Span : null;
            }

            var topic = sectionTopic[i];
            if (lines[i].Kind != BlockKind.Heading && RunInTitle(text, lines[i].Span) is { } runIn)
            {
                topic = ScopeTopics.NounPhrase(context, runIn) is { } phrase ? new ScopeTopic(phrase, text[phrase.Start..phrase.End], ScopeSource.Paragraph) : null;
            }

            scopes[i] = new LineScope(review[i], pastOpening[i], own, sectionDeadline[i], lines[i].Kind == BlockKind.ListItem ? leadIn : null, planEnd, topic,
                inGlossary || IsNote(text, lines[i].Span));
        }

        var openingReviews = OpeningReviews(context, tree, planLine, plan);
        MarkRepeatedReview(text, lines, scopes, openingReviews);
        return new DocumentScopes(tree, scopes) { _openingReviews = openingReviews };
    }

    /// <summary>"今年，…旱情…" written as the reviewed year closed, then "一年来，…": a line that opens with a plan word inside a review
    /// section turns to no plan when the very next line of the section reports the past again (<c>past-opening</c>); a real turn
    /// is followed by the plan, not by more review.</summary>
    private static bool ReviewResumes(IReadOnlyList<Block> lines, bool[] pastOpening, Block section, int i) =>
        i + 1 < lines.Count && lines[i + 1].Span.Start < section.Span.End && lines[i + 1].Kind != BlockKind.Heading && pastOpening[i + 1];

    /// <summary>A file that holds its report twice (a served page and its copy) repeats the review word for word, often without
    /// the heading that opened it (a reader folds repeated lines as page clutter): a paragraph that repeats an earlier one takes
    /// that one's review scope.</summary>
    private static void MarkRepeatedReview(string text, IReadOnlyList<Block> lines, LineScope[] scopes, List<TextSpan> openingReviews)
    {
        const int MinLength = 20; // short lines (names, 亲自, 各位代表：) repeat without being the same passage
        // Keyed by the lines' spans, compared by their text: a string key copied every long line of the document.
        // Sized for every line up front: growing it step by step copied its tables over and over on long documents.
        var first = new Dictionary<TextSpan, int>(lines.Count, new SameText(text));
        for (var i = 0; i < lines.Count; i++)
        {
            var span = lines[i].Span;
            if (span.Length < MinLength || lines[i].Kind == BlockKind.Heading)
            {
                continue;
            }

            // One lookup (find or add) rather than a lookup then an insert: each hashes the line.
            ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(first, span, out var seen);
            if (!seen)
            {
                slot = i;
                continue;
            }

            var earlier = slot;

            if (!scopes[i].Review && (scopes[earlier].Review || InAny(openingReviews, lines[earlier].Span.Start)))
            {
                scopes[i] = scopes[i] with { Review = true };
            }
        }
    }

    private static bool InAny(List<TextSpan> spans, int position)
    {
        foreach (var span in spans)
        {
            if (span.Contains(position))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Spans of one text, equal when the text they cover is.</summary>
    private sealed class SameText(string text) : IEqualityComparer<TextSpan>
    {
        public bool Equals(TextSpan x, TextSpan y) => text.AsSpan(x.Start, x.Length).SequenceEqual(text.AsSpan(y.Start, y.Length));

        /// <summary>Hashes the length and the line's two ends only: hashing whole lines (twice, lookup then insert) was about a
        /// quarter of the scope build in a profile; lines alike at both ends and of one length are told apart by <see cref="Equals(TextSpan, TextSpan)"/>.</summary>
        public int GetHashCode(TextSpan obj)
        {
            var line = text.AsSpan(obj.Start, obj.Length);
            var reach = Math.Min(HashedEnd, line.Length);
            return HashCode.Combine(line.Length, string.GetHashCode(line[..reach]), string.GetHashCode(line[^reach..]));
        }

        private const int HashedEnd = 24;
    }

    /// <summary>The longest run-in title read as a topic.</summary>
    private const int MaxRunInTitle = 20;

    /// <summary>A line's run-in title: after its item number, a first sentence of at most <see cref="MaxRunInTitle"/> characters ending in
    /// 。 with no clause mark inside, followed by more text ("强化投资拉动。聚焦…"); null otherwise.</summary>
    /// <summary>True when <paramref name="line"/> opens with a note number in brackets (〔3〕, [3], 【3】, ［3］) and then the term
    /// it explains before a colon ("〔3〕“三个一批”：…"). An item number of a list is never bracketed so, and a run-in title of a
    /// list item ends in 。 rather than ：.</summary>
    private static bool IsNote(string text, TextSpan line)
    {
        const int MaxNumber = 3;
        const int MaxTerm = 30;
        var i = line.Start;
        if (i >= line.End || text[i] is not ('〔' or '[' or '【' or '［'))
        {
            return false;
        }

        var close = text[i] switch { '〔' => '〕', '[' => ']', '【' => '】', _ => '］' };
        var digits = 0;
        for (i++; i < line.End && char.IsAsciiDigit(text[i]); i++)
        {
            digits++;
        }

        if (digits is 0 or > MaxNumber || i >= line.End || text[i] != close)
        {
            return false;
        }

        for (var j = i + 1; j < line.End && j <= i + 1 + MaxTerm; j++)
        {
            switch (text[j])
            {
                case '：' or ':':
                    return j > i + 1;
                case '。' or '，' or '；' or ',' or ';':
                    return false;
            }
        }

        return false;
    }

    /// <summary>The end of the innermost numbered section (as the reader found them) that holds <paramref name="position"/>, else
    /// of the text.</summary>
    private static int SectionEnd(IReadOnlyList<Section> sections, int position, int textEnd)
    {
        var level = 0;
        var end = textEnd;
        foreach (var section in sections)
        {
            if (section.Level > level && section.Span.Start <= position && position < section.Span.End)
            {
                level = section.Level;
                end = section.Span.End;
            }
        }

        return end;
    }

    /// <summary>True when <paramref name="line"/> is a <c>glossary-heading</c> alone, a colon after it allowed ("名词解释：").</summary>
    private static bool IsGlossaryHeading(string text, TextSpan line)
    {
        var words = text.AsSpan(line.Start, line.Length).Trim();
        words = words.EndsWith("：") || words.EndsWith(":") ? words[..^1].TrimEnd() : words;
        return GlossaryHeadings.Contains(words);
    }

    private static TextSpan? RunInTitle(string text, TextSpan line)
    {
        var start = AfterItemNumber(text, line);
        for (var i = start; i < line.End && i - start <= MaxRunInTitle; i++)
        {
            if (text[i] == '。')
            {
                return i - start >= 2 && i + 1 < line.End ? new TextSpan(start, i) : null;
            }

            if (ClauseText.IsClauseEnd(text[i]) || text[i] is '：' or ':')
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>A heading line's title after its item number when it is bare (no clause mark, short); null otherwise.</summary>
    private static TextSpan? HeadingTitle(string text, TextSpan line)
    {
        var start = AfterItemNumber(text, line);
        var end = line.End;
        while (end > start && text[end - 1] is '。' or '.')
        {
            end--;
        }

        return end - start >= 2 && IsBare(text.AsSpan(start, end - start)) ? new TextSpan(start, end) : null;
    }

    private static TextSpan HeadingPart(string text, TextSpan line)
    {
        var end = text.AsSpan(line.Start, line.Length).IndexOfAny('。', '；', '：');
        return end < 0 ? line : new TextSpan(line.Start, line.Start + end);
    }

    /// <summary>"X年工作回顾", "X年工作总结": a review word after the heading's year says the year is what the heading reviews,
    /// so the year names no plan even where it is the plan year (a year-end summary, a report filed under the year it reviews).</summary>
    private static bool ReviewsItsYear(string text, TextSpan heading, YearMention due) =>
        due.Span.End < heading.End && ReviewHeading.OccursIn(text.AsSpan(due.Span.End, heading.End - due.Span.End));

    /// <summary>No clause punctuation and short: a title, not a sentence ("（四）成交额达到4亿元，比上年增长25%" is not).</summary>
    private static bool IsBare(ReadOnlySpan<char> words) =>
        words.Length <= BlockTree.MaxHeadingLength && words.IndexOfAny("，,；;：:。") < 0;

    /// <summary>A document that opens by reporting the past (a work report's "2023年是…", "过去一年，…", "一、2023年工作回顾") is review
    /// from that sentence up to the first sentence or heading that turns to the plan (今年…, 2024年是…, 二、2024年工作安排), read
    /// sentence by sentence so that reports written as one long line are covered too. Without such a turn nothing is marked.
    /// After the plan begins only a heading that reviews the past opens another review (a file that holds its report twice,
    /// a second 回顾 part); a sentence opening with the past inside the plan is left to the line's own scope.</summary>
    private static List<TextSpan> OpeningReviews(ExtractionContext context, BlockTree tree, bool[] planLine, int? plan)
    {
        var text = context.Text;
        var reviews = new List<TextSpan>();
        var reviewStart = -1;
        var seenBody = false;
        var planBegun = false;
        var reviewOpening = false;
        var afterHeading = false;
        var sectionReview = false;
        foreach (var line in tree.Lines)
        {
            // A table of contents lists the plan's headings before its body, review first: it neither begins the plan nor
            // counts as body.
            if (IsContentsEntry(text, line.Span))
            {
                continue;
            }

            if (line.Kind == BlockKind.Heading)
            {
                afterHeading = true;
                if (sectionReview)
                {
                    reviews.Add(new TextSpan(reviewStart, line.Span.Start));
                    (reviewStart, sectionReview) = (-1, false);
                }

                // The title block ("2024年政府工作报告") names the plan year before the report's body begins.
                if (planLine[line.LineIndex] && (reviewStart >= 0 || seenBody))
                {
                    if (reviewStart >= 0)
                    {
                        reviews.Add(new TextSpan(reviewStart, line.Span.Start));
                        reviewStart = -1;
                    }

                    planBegun = true;
                    continue;
                }

                if (reviewStart < 0 && ReviewHeading.OccursIn(text.AsSpan(line.Span.Start, line.Span.Length)) && !planLine[line.LineIndex])
                {
                    reviewStart = line.Span.Start;
                    reviewOpening = true;
                }

                continue;
            }

            seenBody = true;
            // Once the plan has begun and no review is open, only a review heading or the first sentence of a section can open one
            // again: the rest of the report's body is not read sentence by sentence.
            for (var start = line.Span.Start; start < line.Span.End && (reviewStart >= 0 || !planBegun || afterHeading);)
            {
                var end = Math.Min(line.Span.End, ClauseText.SentenceEnd(text, start));
                if (end <= start)
                {
                    break;
                }

                var opening = OpeningClause(text, new TextSpan(AfterItemNumber(text, new TextSpan(start, end)), end));
                var time = Timing(context, opening, plan);
                var openingText = text.AsSpan(opening.Start, opening.Length);
                var planTurn = PlanHeading.MatchAtStart(openingText) > 0 || (time.Due is { Kind: not YearMentionKind.Relative } && time.DueOpens);
                if (reviewStart < 0)
                {
                    if (planTurn)
                    {
                        planBegun = true;
                    }
                    else if ((!planBegun || afterHeading) && (PastOpeningWords.MatchAtStart(openingText) > 0 || time.OpensWithPast))
                    {
                        // Once the plan has begun, only a section that opens with the past reviews it ("1.1 目标如期实现" over
                        // "“十三五”时期…"), and only up to its next heading.
                        reviewStart = start;
                        sectionReview = planBegun;
                    }
                }
                else if (planTurn && !reviewOpening)
                {
                    reviews.Add(new TextSpan(reviewStart, start));
                    (reviewStart, sectionReview) = (-1, false);
                    planBegun = true;
                }

                // The first sentence under a review heading opens the review (see the section reading above), whatever its time word.
                reviewOpening = false;
                afterHeading = false;
                start = end;
            }
        }

        return reviews;
    }

    // A leader of dots before a page number ends a table-of-contents entry: "1.1 发展基础......1", "第二章 主要目标……5".
    private const int MinLeader = 3;

    private static bool IsContentsEntry(string text, TextSpan line)
    {
        var words = text.AsSpan(line.Start, line.Length).TrimEnd();
        var digits = words.Length - words.TrimEnd("0123456789").Length;
        if (digits == 0)
        {
            return false;
        }

        var beforeNumber = words[..^digits].TrimEnd();
        return beforeNumber.Length - beforeNumber.TrimEnd(".…·．。 ").Length >= MinLeader;
    }

    /// <summary>Where a line's own opening begins: after its item number, and after a run-in heading that the number
    /// introduces ("（三）发展目标。到2025年，…" opens with 到2025年).</summary>
    private static int AfterRunInHeading(string text, TextSpan line)
    {
        var start = AfterItemNumber(text, line);
        if (start == line.Start)
        {
            return start;
        }

        const int MaxRunInHeading = 12;
        for (var i = start; i < line.End && i - start <= MaxRunInHeading; i++)
        {
            if (text[i] is '。' or '：' or ':')
            {
                return i + 1 < line.End ? i + 1 : start;
            }

            if (ClauseText.IsClauseEnd(text[i]))
            {
                return start;
            }
        }

        return start;
    }

    private static int AfterItemNumber(string text, TextSpan line)
    {
        var marker = ItemNumber.Length(text.AsSpan(line.Start, line.Length));
        if (marker == 0)
        {
            return line.Start;
        }

        var i = line.Start + marker;
        while (i < line.End && text[i] is ' ' or '\u3000')
        {
            i++;
        }

        return i;
    }

    /// <summary>The heading line <paramref name="i"/> with the lines that finish a quote it leaves open at its end ("二、“" + "十四五" +
    /// "”时期…"), up to the line that closes it (at most three lines on); the line itself when it leaves none open.</summary>
    private static TextSpan QuoteContinued(string text, IReadOnlyList<Block> lines, int i)
    {
        var span = lines[i].Span;
        if (span.Length == 0 || !QuoteMarks.IsOpening(text[span.End - 1]))
        {
            return span;
        }

        for (var k = i + 1; k < lines.Count && k <= i + 3; k++)
        {
            var next = lines[k].Span;
            if (next.Length > 0 && QuoteMarks.IsClosing(text[next.Start]))
            {
                return new TextSpan(span.Start, next.End);
            }
        }

        return span;
    }

    /// <summary>"2016年启动A，2017年推进B，2018年全面推广C。三年培育D。": a calendar year opening a paragraph whose first sentence
    /// goes on year by year (later calendar years, each opening a clause of its own) starts a schedule, not the paragraph's
    /// deadline: the sentences after it are due when the schedule ends. The last such year, or null when the sentence names no
    /// later year opening a clause.</summary>
    private static YearMention? ScheduleEnd(ExtractionContext context, YearMention opened, int lineEnd, int? plan)
    {
        if (opened.Kind != YearMentionKind.Absolute || opened.Resolve(null) is not { } first || (plan is { } p && first < p))
        {
            return null;
        }

        var text = context.Text;
        var sentenceEnd = Math.Min(lineEnd, ClauseText.SentenceEnd(text, opened.Span.End));
        YearMention? last = null;
        var previous = first;
        foreach (var year in context.YearsIn(opened.Span.End, sentenceEnd))
        {
            var at = year.Span.Start;
            while (at > opened.Span.End && text[at - 1] is ' ' or '\u3000')
            {
                at--;
            }

            // Only a bare year right after a clause mark steps the schedule on ("…，2017年…"); "到2025年" or a year inside a clause
            // is a deadline or a reference of its own.
            if (year.InName || year.Kind != YearMentionKind.Absolute || !ClauseText.IsClauseEnd(text[at - 1])
                || year.Resolve(null) is not { } next || next <= previous)
            {
                continue;
            }

            last = year;
            previous = next;
        }

        return last;
    }

    /// <summary>From the line's start to its first clause mark (the whole line for a heading).</summary>
    private static TextSpan OpeningClause(string text, TextSpan line)
    {
        for (var i = line.Start; i < line.End; i++)
        {
            if (ClauseText.IsClauseEnd(text[i]))
            {
                return new TextSpan(line.Start, i);
            }
        }

        return line;
    }

    private readonly record struct Time(YearMention? Due, bool DueOpens, bool OpensWithPast, bool OnlyPast);

    /// <summary>The usable due expression of a span (the last one), and whether the span speaks only of the past.</summary>
    /// <summary>"根据“十五”计划纲要提出的…，今年，…": a time word right after a source preposition (<c>source-preposition</c>, past
    /// an opening quote) names the plan the opening cites, not the time its paragraph speaks of.</summary>
    private static bool CitedSource(string text, int from, int yearStart)
    {
        var i = yearStart;
        while (i > from && text[i - 1] is '“' or '"' or '《' or ' ' or '\u3000')
        {
            i--;
        }

        return i > from && SourcePrepositions.MatchEndingAt(text, i) > 0;
    }

    private static Time Timing(ExtractionContext context, TextSpan span, int? plan)
    {
        YearMention? due = null;
        var dueOpens = false;
        var opensWithPast = false;
        var sawPast = false;
        var first = true;
        var text = context.Text;
        foreach (var year in context.YearsIn(span.Start, span.End))
        {
            if (year.InName || year.Kind == YearMentionKind.Date || CitedSource(text, span.Start, year.Span.Start))
            {
                first = false;
                continue;
            }

            var atStart = text.AsSpan(span.Start, year.Span.Start - span.Start).Trim().IsEmpty;
            var past = year.Kind == YearMentionKind.Past
                       || (plan is { } p && year.Kind is YearMentionKind.Absolute or YearMentionKind.Period && year.Period is { } yp && yp.End.Value < p);
            if (past)
            {
                sawPast = true;
                opensWithPast |= first && atStart;
            }
            else if (year.Kind is not YearMentionKind.Recurring && due is null)
            {
                // The first time word of an opening governs ("2021年是“十四五”开局之年" is about 2021).
                due = year;
                dueOpens = atStart;
            }

            first = false;
        }

        return new Time(due, dueOpens, opensWithPast, sawPast && due is null);
    }
}
