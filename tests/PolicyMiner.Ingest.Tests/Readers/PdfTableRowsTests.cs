using PolicyMiner.Ingest.Readers;
using static PolicyMiner.Ingest.Readers.PdfTextExtractor;

namespace PolicyMiner.Ingest.Tests.Readers;

/// <summary>Table rows among a PDF page's lines (12-point letters; baselines grow upwards, lines come top first).</summary>
public sealed class PdfTableRowsTests
{
    private static PdfLine Line(double baseline, params (string Text, double Left)[] runs)
    {
        var segments = runs.Select(r => new PdfSegment(r.Text, r.Left, r.Left + (r.Text.Length * 12))).ToList();
        return new PdfLine(string.Concat(runs.Select(r => r.Text)), segments[0].Left, segments[^1].Right, baseline, 12, segments);
    }

    [Fact]
    public void Join_AlignedColumnsWithAWrappedCentredHeader_GivesOneTabSeparatedLinePerRow()
    {
        List<PdfLine> lines =
        [
            Line(800, ("主要指标如下表。", 58)),
            Line(770, ("2020年实", 190), ("2025年目", 260)),
            Line(762, ("指标", 58), ("单位", 160), ("牵头单位", 330)),
            Line(754, ("绩", 190), ("标", 260)),
            Line(730, ("森林覆盖率", 58), ("%", 160), ("40", 190), ("43", 260), ("县林业局", 330)),
            Line(700, ("湿地保护率", 58), ("%", 160), ("48", 190), ("55", 260), ("县林业局", 330)),
            Line(670, ("各乡镇要抓好落实。", 58)),
        ];

        var joined = PdfTableRows.Join(lines);

        Assert.Equal(
            ["主要指标如下表。", "指标\t单位\t2020年实绩\t2025年目标\t牵头单位", "森林覆盖率\t%\t40\t43\t县林业局", "湿地保护率\t%\t48\t55\t县林业局", "各乡镇要抓好落实。"],
            joined.Select(l => l.Text));
        Assert.Equal([false, true, true, true, false], joined.Select(l => l.IsTableRow));
    }

    [Fact]
    public void Join_ProseWithStrayWideGaps_StaysAsItWas()
    {
        // Two lines with a wide gap each, at places that do not line up: no columns.
        List<PdfLine> lines =
        [
            Line(800, ("全年新认定高新技术企业", 58), ("10家，", 200)),
            Line(780, ("技术合同成交额达到", 58), ("30亿元。", 300)),
        ];

        Assert.Same(lines[0], PdfTableRows.Join(lines)[0]);
        Assert.All(PdfTableRows.Join(lines), l => Assert.False(l.IsTableRow));
    }
}
