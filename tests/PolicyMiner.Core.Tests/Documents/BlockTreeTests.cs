using PolicyMiner.Core.Documents;
using PolicyMiner.Core.Text;

namespace PolicyMiner.Core.Tests.Documents;

public sealed class BlockTreeTests
{
    private static PolicyDocument Document(string text, IReadOnlyList<Section>? sections = null, IReadOnlyList<TextSpan>? sentences = null) => new()
    {
        SourceName = "t.txt",
        Format = DocumentFormat.Txt,
        Encoding = "utf-16",
        ContentHash = "0",
        SourceText = text,
        Text = text,
        OffsetMap = OffsetMap.Identity(text.Length),
        Metadata = new DocumentMetadata(),
        Sections = sections ?? [],
        Sentences = sentences ?? [],
    };

    [Fact]
    public void Build_UnnumberedHeadingLines_OpenOutermostSectionsUpToTheNextOne()
    {
        const string text = "样例年工作回顾\n全年新增企业45家。\n今年主要目标\n新增企业50家。";
        var tree = BlockTree.Build(Document(text));

        Assert.Equal(2, tree.Sections.Count);
        Assert.Equal(BlockKind.Heading, tree.Lines[0].Kind);
        Assert.Equal(BlockKind.Paragraph, tree.Lines[1].Kind);
        Assert.Equal(text.IndexOf("今年", StringComparison.Ordinal), tree.Sections[0].Span.End);
        Assert.Same(tree.Lines[2], tree.Sections[1].HeadingLine);
        Assert.Same(tree.Sections[1], tree.Lines[3].Parent);
    }

    [Fact]
    public void Build_NumberedSectionsFromTheReader_NestInsideEachOtherAndTakeTheirLines()
    {
        const string text = "一、主要目标\n（一）科技投入\n全市研发投入强度达到3%。\n二、保障措施\n加强领导。";
        var outer = text.IndexOf("二、", StringComparison.Ordinal);
        var inner = text.IndexOf("（一）", StringComparison.Ordinal);
        var sections = new List<Section>
        {
            new(1, "一", "主要目标", new TextSpan(0, outer)),
            new(2, "（一）", "科技投入", new TextSpan(inner, outer)),
            new(1, "二", "保障措施", new TextSpan(outer, text.Length)),
        };
        var tree = BlockTree.Build(Document(text, sections));

        Assert.Equal(3, tree.Sections.Count);
        Assert.Same(tree.Sections[0], tree.Sections[1].Parent);
        Assert.Same(tree.Sections[1], tree.Lines[2].Parent);
        Assert.Same(tree.Sections[2], tree.Lines[4].Parent);
        Assert.Same(tree.Root, tree.Sections[2].Parent);
    }

    [Fact]
    public void Build_NumberedLineThatGoesOnIntoSentences_IsAListItemOpeningItsSection()
    {
        const string text = "1.全县投资90亿元，比上年增长10%。新增企业5家。\n2.专利申请3500件。";
        var sections = new List<Section>
        {
            new(1, "1", "全县投资90亿元", new TextSpan(0, text.IndexOf('\n', StringComparison.Ordinal) + 1)),
        };
        var tree = BlockTree.Build(Document(text, sections));

        Assert.Equal(BlockKind.ListItem, tree.Lines[0].Kind);
        Assert.Same(tree.Lines[0], tree.Sections[0].HeadingLine);
        Assert.Equal(BlockKind.ListItem, tree.Lines[1].Kind);
    }

    [Fact]
    public void Build_SentencesFromTheReader_HangUnderTheirLine()
    {
        const string text = "甲。乙。\n丙。";
        var tree = BlockTree.Build(Document(text, sentences: [new TextSpan(0, 2), new TextSpan(2, 4), new TextSpan(5, 7)]));

        Assert.Equal(2, tree.Lines[0].Children.Count);
        Assert.All(tree.Lines[0].Children, s => Assert.Equal(BlockKind.Sentence, s.Kind));
        Assert.Single(tree.Lines[1].Children);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(3, 0)]
    [InlineData(5, 1)]
    [InlineData(6, 1)]
    public void LineIndexAt_Position_FindsTheLineHoldingIt(int position, int expected)
    {
        var tree = BlockTree.Build(Document("甲乙丙。\n丁戊。"));

        Assert.Equal(expected, tree.LineIndexAt(position));
    }
}
