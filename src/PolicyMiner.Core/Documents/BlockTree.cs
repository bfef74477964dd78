using PolicyMiner.Core.Text;

namespace PolicyMiner.Core.Documents;

/// <summary>What a node of the <see cref="BlockTree"/> is.</summary>
public enum BlockKind
{
    Document,

    /// <summary>A heading and what it governs (numbered 一、/（一）/1. from the reader, or an unnumbered heading line).</summary>
    Section,

    /// <summary>The heading line of a section.</summary>
    Heading,

    Paragraph,

    /// <summary>A line opening with an item marker (——, •, ①, （1）, 1.).</summary>
    ListItem,

    Sentence,
}

/// <summary>A node of the document tree with its span in the normalised text.</summary>
/// <remarks>Children are in text order and lie inside the parent's span. Immutable once the tree is built.</remarks>
public sealed class Block
{
    // Made on the first child: most blocks are sentences, which have none.
    private List<Block>? _children;

    // A line's sentences, made into blocks only when asked for: the rules read lines and sections, and a block per
    // sentence (with a list to hold them) was the most allocated thing of building the tree.
    private IReadOnlyList<TextSpan>? _sentences;
    private int _firstSentence;
    private int _sentenceCount;
    private Block[]? _sentenceBlocks;

    internal Block(BlockKind kind, TextSpan span, int level, Block? parent, int lineIndex = -1)
    {
        Kind = kind;
        Span = span;
        Level = level;
        Parent = parent;
        LineIndex = lineIndex;
    }

    public BlockKind Kind { get; }

    public TextSpan Span { get; internal set; }

    /// <summary>Section depth: 0 for unnumbered heading lines (the outermost), the reader's level for numbered ones.</summary>
    public int Level { get; }

    public Block? Parent { get; }

    public IReadOnlyList<Block> Children => _children is { } children ? children : _sentences is not null ? SentenceBlocks() : [];

    /// <summary>For headings, paragraphs and list items: their position in <see cref="BlockTree.Lines"/>; otherwise -1.</summary>
    public int LineIndex { get; }

    /// <summary>For a section: its heading line (null for the document).</summary>
    public Block? HeadingLine { get; internal set; }

    internal void Add(Block child) => (_children ??= []).Add(child);

    /// <summary>Hangs <paramref name="count"/> sentences from <paramref name="first"/> under this line, clipped to it.</summary>
    internal void SetSentences(IReadOnlyList<TextSpan> sentences, int first, int count)
    {
        _sentences = sentences;
        _firstSentence = first;
        _sentenceCount = count;
    }

    // Thread-safe: threads that ask at once may each build the blocks, and all get the first that was stored.
    private Block[] SentenceBlocks()
    {
        if (Volatile.Read(ref _sentenceBlocks) is { } built)
        {
            return built;
        }

        var blocks = new Block[_sentenceCount];
        for (var i = 0; i < blocks.Length; i++)
        {
            var s = _sentences![_firstSentence + i];
            blocks[i] = new Block(BlockKind.Sentence, new TextSpan(s.Start, Math.Min(s.End, Span.End)), Level, this);
        }

        return Interlocked.CompareExchange(ref _sentenceBlocks, blocks, null) ?? blocks;
    }

    public override string ToString() => $"{Kind} {Span}";
}

/// <summary>The document as a tree: sections (numbered and unnumbered headings) holding heading lines, paragraphs and list items,
/// which hold sentences. Built once per document from the reader's sections and sentences; rules never re-detect headings.</summary>
/// <remarks>Thread-safe once built (read-only).</remarks>
public sealed class BlockTree
{
    /// <summary>A line this long or longer is never an unnumbered heading.</summary>
    public const int MaxHeadingLength = 30;

    private readonly int[] _lineStarts;

    private BlockTree(Block root, IReadOnlyList<Block> lines, IReadOnlyList<Block> sections)
    {
        Root = root;
        Lines = lines;
        Sections = sections;
        _lineStarts = new int[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            _lineStarts[i] = lines[i].Span.Start;
        }
    }

    public Block Root { get; }

    /// <summary>Every heading, paragraph and list item, in text order.</summary>
    public IReadOnlyList<Block> Lines { get; }

    /// <summary>Every section, in text order (outer before inner at the same start).</summary>
    public IReadOnlyList<Block> Sections { get; }

    /// <summary>Index into <see cref="Lines"/> of the line holding <paramref name="position"/>, or -1 before the first line.</summary>
    public int LineIndexAt(int position)
    {
        var i = Array.BinarySearch(_lineStarts, position);
        return i >= 0 ? i : ~i - 1;
    }

    /// <summary>Builds the tree of <paramref name="document"/>.</summary>
    public static BlockTree Build(PolicyDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var text = document.Text;
        var root = new Block(BlockKind.Document, new TextSpan(0, text.Length), -1, null);
        var numbered = new Dictionary<int, Section>(document.Sections.Count); // sized once: growing it showed in profiles
        foreach (var s in document.Sections)
        {
            numbered.TryAdd(s.Span.Start, s);
        }

        // Lines first: each non-blank line is a heading, a list item or a paragraph.
        var lineSpans = new List<(TextSpan Span, BlockKind Kind, Section? Numbered)>();
        for (var start = 0; start < text.Length;)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0)
            {
                end = text.Length;
            }

            var s = start;
            var e = end;
            while (s < e && char.IsWhiteSpace(text[s]))
            {
                s++;
            }

            while (e > s && char.IsWhiteSpace(text[e - 1]))
            {
                e--;
            }

            if (e > s)
            {
                var section = numbered.TryGetValue(s, out var n) ? n : numbered.TryGetValue(start, out n) ? n : null;
                // A numbered line that goes on into sentences ("1.全县投资90亿元，…。") is an item that opens a section, not a heading.
                var kind = (section is not null && !HasSentenceEnd(text, s, e)) || (section is null && IsUnnumberedHeading(text, s, e)) ? BlockKind.Heading
                    : section is not null ? BlockKind.ListItem
                    : StartsWithItemMarker(text, s, e) ? BlockKind.ListItem
                    : BlockKind.Paragraph;
                lineSpans.Add((new TextSpan(s, e), kind, section));
            }

            start = end + 1;
        }

        // Sections: numbered ones from the reader, unnumbered heading lines as outermost ones reaching to the next such line.
        var sectionSpecs = new List<(TextSpan Span, int Level, int HeadingLine)>();
        var unnumberedStarts = new List<int>();
        for (var i = 0; i < lineSpans.Count; i++)
        {
            if (lineSpans[i].Kind == BlockKind.Heading && lineSpans[i].Numbered is null)
            {
                unnumberedStarts.Add(i);
            }
        }

        for (var k = 0; k < unnumberedStarts.Count; k++)
        {
            var line = unnumberedStarts[k];
            var end = k + 1 < unnumberedStarts.Count ? lineSpans[unnumberedStarts[k + 1]].Span.Start : text.Length;
            sectionSpecs.Add((new TextSpan(lineSpans[line].Span.Start, end), 0, line));
        }

        for (var i = 0; i < lineSpans.Count; i++)
        {
            if (lineSpans[i].Numbered is { } n)
            {
                sectionSpecs.Add((new TextSpan(lineSpans[i].Span.Start, Math.Max(n.Span.End, lineSpans[i].Span.End)), Math.Max(1, n.Level), i));
            }
        }

        sectionSpecs.Sort((a, b) => a.Span.Start != b.Span.Start ? a.Span.Start.CompareTo(b.Span.Start) : a.Level.CompareTo(b.Level));

        var lines = new Block[lineSpans.Count];
        var sections = new List<Block>();
        var stack = new Stack<Block>();
        stack.Push(root);
        var nextSection = 0;
        var sentences = document.Sentences;
        var sentence = 0;
        for (var i = 0; i < lineSpans.Count; i++)
        {
            var span = lineSpans[i].Span;
            while (stack.Peek() != root && stack.Peek().Span.End <= span.Start)
            {
                stack.Pop();
            }

            if (nextSection < sectionSpecs.Count && sectionSpecs[nextSection].HeadingLine == i)
            {
                var spec = sectionSpecs[nextSection++];
                // A section opens inside the innermost open section of an outer level; it never reaches past its parent.
                while (stack.Peek() != root && stack.Peek().Level >= spec.Level)
                {
                    stack.Pop();
                }

                var parent = stack.Peek();
                var clipped = new TextSpan(spec.Span.Start, Math.Min(spec.Span.End, parent.Span.End));
                var sectionBlock = new Block(BlockKind.Section, clipped, spec.Level, parent);
                parent.Add(sectionBlock);
                sections.Add(sectionBlock);
                stack.Push(sectionBlock);
            }

            var container = stack.Peek();
            var lineBlock = new Block(lineSpans[i].Kind, span, container.Level, container, i);
            if (container.Kind == BlockKind.Section && container.HeadingLine is null && container.Span.Start == span.Start)
            {
                container.HeadingLine = lineBlock;
            }

            container.Add(lineBlock);
            lines[i] = lineBlock;

            while (sentence < sentences.Count && sentences[sentence].Start < span.Start)
            {
                sentence++;
            }

            var first = sentence;
            while (sentence < sentences.Count && sentences[sentence].Start < span.End)
            {
                sentence++;
            }

            if (sentence > first)
            {
                lineBlock.SetSentences(sentences, first, sentence - first);
            }
        }

        return new BlockTree(root, lines, sections);
    }

    /// <summary>A short line with no sentence or clause punctuation ("2023年工作回顾", "今年主要目标任务") that names something: a
    /// line of figures alone ("2.5", the subscript of PM2.5 a PDF put on a line of its own; a page number) is no heading, and
    /// taking it for one would close the section it sits in.</summary>
    private static bool IsUnnumberedHeading(string text, int start, int end)
    {
        if (end - start > MaxHeadingLength || end - start < 2 || !HasWord(text.AsSpan(start, end - start)) || CutFromSentence(text, start, end))
        {
            return false;
        }

        for (var i = start; i < end; i++)
        {
            if (text[i] is '。' or '，' or ',' or '；' or ';' or '：' or ':' or '！' or '？' or '、' or '|')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A phrase of a running sentence that a hard line break cut out, not a heading: a line that a quote or title mark
    /// opened on the line before, that starts by closing one or ends opening one ("…是实施“" / "十四五" / "”规划…"), one that follows a line ending
    /// mid-clause ("…统筹发力，" / "促消" / "费和…"), or one the next line goes on from with a closing mark or a clause's
    /// punctuation ("…我们坚定践行" / "为民服务理念" / "，在…").</summary>
    private static bool CutFromSentence(string text, int start, int end)
    {
        var before = start - 1;
        while (before >= 0 && char.IsWhiteSpace(text[before]))
        {
            before--;
        }

        var after = end;
        while (after < text.Length && char.IsWhiteSpace(text[after]))
        {
            after++;
        }

        return (before >= 0 && (QuoteMarks.IsOpening(text[before]) || text[before] is '，' or '、'))
               || QuoteMarks.IsClosing(text[start]) || QuoteMarks.IsOpening(text[end - 1])
               || (after < text.Length && (QuoteMarks.IsClosing(text[after]) || text[after] is '，' or '、' or '；' or '。'));
    }

    private static bool HasWord(ReadOnlySpan<char> line)
    {
        foreach (var c in line)
        {
            if (char.IsLetter(c))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasSentenceEnd(string text, int start, int end)
    {
        var i = text.AsSpan(start, end - start).IndexOfAny('。', '；', ';');
        return i >= 0 && start + i < end - 1;
    }

    /// <summary>——, •, ①…⑳, (1), 1., 一、 opening a line.</summary>
    public static bool StartsWithItemMarker(string text, int start, int end) =>
        start < end && ItemNumber.Opens(text.AsSpan(start, end - start));
}
