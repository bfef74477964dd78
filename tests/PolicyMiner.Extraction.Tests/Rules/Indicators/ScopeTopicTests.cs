using System.Text;
using PolicyMiner.Extraction.Scopes;
using PolicyMiner.Ingest;

namespace PolicyMiner.Extraction.Tests.Rules.Indicators;

/// <summary>A generic head ("示范基地", "重大项目") takes its topic from the nearest titled scope of a document read from a file: a numbered
/// section's title, a paragraph's run-in title that shadows it, or none when that nearest title names no noun phrase; the draft says
/// which scope gave it (what <c>extract --explain</c> prints).</summary>
public sealed class ScopeTopicTests
{
    private const string Text =
        "关于加快发展的实施意见\n" +
        "一、推动智慧农业发展\n" +
        "1.到2025年，建设40家以上示范基地，培育一批龙头企业。\n" +
        "2.实施农业重点工程。建设20个省级示范基地。\n" +
        "二、强化投资拉动\n" +
        "加快实施重大项目85个。\n";

    [Fact]
    public void Trace_GenericHeadUnderTitles_TakesTheNearestTitlesTopicAndSaysWhere()
    {
        var read = new DocumentReader().Read(Encoding.UTF8.GetBytes(Text), "plan.txt", Core.Documents.DocumentFormat.Txt);
        Assert.True(read.Succeeded, read.Message);

        var context = TargetExtractor.Default.Trace(read.Document!);
        var live = context.Drafts.Where(d => !d.IsRejected).ToList();

        Assert.Equal(
            [("智慧农业示范基地", "智慧农业", ScopeSource.Section), ("省级农业示范基地", "农业", ScopeSource.Paragraph), ("重大项目", "", ScopeSource.None)],
            live.Select(d => (d.Indicator, d.IndicatorTopic?.Text ?? "", d.IndicatorTopic?.From ?? ScopeSource.None)));
    }

    [Fact]
    public void Trace_TopicSpan_PointsAtTheTitleThatStatesIt()
    {
        var read = new DocumentReader().Read(Encoding.UTF8.GetBytes(Text), "plan.txt", Core.Documents.DocumentFormat.Txt);
        var context = TargetExtractor.Default.Trace(read.Document!);

        var topic = context.Drafts.First(d => !d.IsRejected).IndicatorTopic!;

        Assert.Equal("智慧农业", context.Text[topic.Span.Start..topic.Span.End]);
        Assert.True(topic.Span.End <= context.Text.IndexOf("1.到2025年", StringComparison.Ordinal));
    }
}
