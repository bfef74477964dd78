using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using PolicyMiner.Core.Targets;

namespace PolicyMiner.Reports.Comparison;

/// <summary>Writes a <see cref="ComparisonReport"/> as one HTML page that opens offline: inline CSS, charts as data: PNGs.</summary>
internal static class HtmlReportWriter
{
    /// <summary>Unmatched targets listed in full up to this many; the export has them all.</summary>
    public const int UnmatchedShown = 5000;

    // Chinese stays readable; only markup characters are escaped.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private const string Style = """
        body{font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei","WenQuanYi Micro Hei",sans-serif;margin:24px;color:#222;font-size:14px}
        h1{font-size:24px}h2{font-size:19px;margin-top:36px;border-bottom:2px solid #ddd;padding-bottom:4px}h2 small{font-weight:normal;color:#777;font-size:13px}
        table{border-collapse:collapse;margin:8px 0}th,td{border:1px solid #ddd;padding:3px 6px;vertical-align:top}
        thead th{background:#f3f5f8;position:sticky;top:0}tbody th{text-align:left;background:#fafafa;white-space:nowrap;font-weight:normal}
        .scroll{overflow:auto;max-height:640px;max-width:100%}
        a.t{display:block;white-space:nowrap;text-decoration:none;color:#124;padding:1px 0}a.t:hover{background:#ffe9a8}
        a.t.firm{font-weight:bold}a.t.aspirational{color:#2a6b2a}a.t sup{font-size:10px;color:#777;margin-left:2px;font-weight:normal}
        .legend span{display:inline-block;margin:2px 10px 2px 0}.legend i{display:inline-block;width:14px;height:4px;margin-right:4px;vertical-align:middle}
        .ov th.v{writing-mode:vertical-rl;white-space:nowrap;font-weight:normal;vertical-align:bottom}.ov td{text-align:center;min-width:18px}
        .ov td.h1{background:#dbe9f6}.ov td.h2{background:#9ecae1}.ov td.h3{background:#4292c6;color:#fff}
        .muted{color:#777}nav ul{columns:3;margin:0}figure{margin:8px 0}img{max-width:100%}
        """;

    public static void Write(ComparisonReport report, Stream output)
    {
        using var w = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16, leaveOpen: true);
        var anchors = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < report.Documents.Count; i++)
        {
            anchors[report.Documents[i].Id] = i;
        }

        w.Write("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>");
        Text(w, report.Title);
        w.Write("</title><style>");
        w.Write(Style);
        w.Write("</style></head><body>\n<h1>");
        Text(w, report.Title);
        w.Write("</h1>\n");
        WriteSummary(w, report);
        WriteOverview(w, report);
        foreach (var section in report.Sections)
        {
            WriteSection(w, section, anchors);
        }

        WriteUnmatched(w, report, anchors);
        WriteWithoutTargets(w, report, anchors);
        WriteDocuments(w, report);
        w.Write("</body></html>\n");
    }

    private static void WriteSummary(StreamWriter w, ComparisonReport report)
    {
        var targets = report.Sections.Sum(s => s.Targets.Count);
        w.Write($"<p>{report.Documents.Count} 份文件，{targets + report.Unmatched.Count} 条目标，归入 {report.Sections.Count} 个标准指标的 {targets} 条；");
        w.Write($"<a href=\"#unmatched\">未归类目标 {report.Unmatched.Count} 条</a>；<a href=\"#no-targets\">未提取到目标的文件 {report.DocumentsWithoutTargets.Count} 份</a>。");
        w.Write("表中数值已统一单位（亿元/万元、万平方米/平方米）；%与个百分点分列；“+”为新增量；粗体为“确保”类，绿色为“力争”类；鼠标悬停可见原文与出处。</p>\n");
        w.Write("<nav><ul>");
        foreach (var section in report.Sections)
        {
            w.Write("<li><a href=\"#ind-");
            Text(w, section.Indicator.Id);
            w.Write("\">");
            Text(w, section.Indicator.Name);
            w.Write($"</a> <span class=\"muted\">({section.Targets.Count})</span></li>");
        }

        w.Write("</ul></nav>\n");
    }

    private static void WriteOverview(StreamWriter w, ComparisonReport report)
    {
        w.Write("<h2 id=\"overview\">概览：各地区、各年份规划包含的指标 <small>单元格为目标条数</small></h2>\n");
        if (report.Sections.Count == 0)
        {
            w.Write("<p class=\"muted\">没有归入标准指标的目标。</p>\n");
            return;
        }

        var counts = new Dictionary<(PlanKey, int), int>();
        var plans = new SortedSet<PlanKey>();
        for (var column = 0; column < report.Sections.Count; column++)
        {
            foreach (var target in report.Sections[column].Targets)
            {
                plans.Add(target.Plan);
                counts[(target.Plan, column)] = counts.GetValueOrDefault((target.Plan, column)) + 1;
            }
        }

        w.Write("<div class=\"scroll\"><table class=\"ov\"><thead><tr><th>地区 · 规划年份</th>");
        foreach (var section in report.Sections)
        {
            w.Write("<th class=\"v\"><a href=\"#ind-");
            Text(w, section.Indicator.Id);
            w.Write("\">");
            Text(w, section.Indicator.Name);
            w.Write("</a></th>");
        }

        w.Write("</tr></thead><tbody>\n");
        foreach (var plan in plans)
        {
            w.Write("<tr><th>");
            Text(w, plan.ToString());
            w.Write("</th>");
            for (var column = 0; column < report.Sections.Count; column++)
            {
                var n = counts.GetValueOrDefault((plan, column));
                w.Write(n switch
                {
                    0 => "<td></td>",
                    1 => "<td class=\"h1\">1</td>",
                    < 5 => $"<td class=\"h2\">{n}</td>",
                    _ => $"<td class=\"h3\">{n}</td>",
                });
            }

            w.Write("</tr>\n");
        }

        w.Write("</tbody></table></div>\n");
    }

    private static void WriteSection(StreamWriter w, IndicatorSection section, Dictionary<string, int> anchors)
    {
        var indicator = section.Indicator;
        w.Write("<section><h2 id=\"ind-");
        Text(w, indicator.Id);
        w.Write("\">");
        Text(w, indicator.Name);
        w.Write(" <small>");
        var category = indicator.Category == indicator.Id ? "" : $" · {indicator.Category}";
        Text(w, $"{indicator.Id}{category} · {section.Targets.Count} 条目标 · {section.Places.Count} 个地区");
        w.Write("</small></h2>\n");
        if (section.Chart is { } chart)
        {
            w.Write("<figure><img width=\"");
            w.Write(ChartRenderer.Width.ToString(CultureInfo.InvariantCulture));
            w.Write("\" alt=\"");
            Text(w, $"{indicator.Name}：各地区按目标年份的{(chart.Increments ? "新增量" : "目标值")}（{chart.Unit}）");
            w.Write("\" src=\"data:image/png;base64,");
            w.Write(Convert.ToBase64String(chart.Png));
            w.Write("\"><figcaption class=\"legend\">");
            Text(w, $"横轴：目标年份；纵轴：{(chart.Increments ? "新增 " : "")}{chart.Unit}。 ");
            foreach (var (place, colour) in chart.Legend)
            {
                w.Write($"<span><i style=\"background:{colour}\"></i>");
                Text(w, place);
                w.Write("</span>");
            }

            if (chart.GreyPlaces > 0)
            {
                w.Write($"<span><i style=\"background:#c8c8c8\"></i>其他 {chart.GreyPlaces} 个地区</span>");
            }

            w.Write("</figcaption></figure>\n");
        }

        w.Write("<div class=\"scroll\"><table><thead><tr><th>地区 · 规划年份 \\ 目标年份</th>");
        foreach (var year in section.DueYears)
        {
            w.Write(year is { } y ? $"<th>{y}</th>" : "<th>年份未定</th>");
        }

        w.Write("</tr></thead><tbody>\n");
        foreach (var plan in section.Plans)
        {
            w.Write("<tr><th>");
            Text(w, plan.ToString());
            w.Write("</th>");
            foreach (var year in section.DueYears)
            {
                w.Write("<td>");
                foreach (var target in section.Cell(plan, year))
                {
                    TargetLink(w, target, anchors);
                }

                w.Write("</td>");
            }

            w.Write("</tr>\n");
        }

        w.Write("</tbody></table></div></section>\n");
    }

    private static void TargetLink(StreamWriter w, ComparedTarget target, Dictionary<string, int> anchors)
    {
        var t = target.Target;
        var document = target.Row.Document;
        w.Write("<a class=\"t ");
        w.Write(t.Commitment switch
        {
            Commitment.Firm => "firm",
            Commitment.Aspirational => "aspirational",
            _ => "plain",
        });
        w.Write("\" href=\"#d");
        w.Write(anchors.GetValueOrDefault(document.Id).ToString(CultureInfo.InvariantCulture));
        w.Write("\" title=\"");
        // Quote and file only: the title is one click away in the document index, and 200k tooltips add up.
        Text(w, $"{t.Quote}\n— {document.Name}");
        w.Write("\">");
        Text(w, target.Label);
        if (target.CommitmentText.Length > 0)
        {
            w.Write("<sup>");
            w.Write(target.CommitmentText);
            w.Write("</sup>");
        }

        w.Write("</a>");
    }

    private static void WriteUnmatched(StreamWriter w, ComparisonReport report, Dictionary<string, int> anchors)
    {
        w.Write($"<h2 id=\"unmatched\">未归入标准指标的目标 <small>{report.Unmatched.Count} 条");
        if (report.Unmatched.Count > UnmatchedShown)
        {
            w.Write($"，列出前 {UnmatchedShown} 条，完整列表见导出文件");
        }

        w.Write("</small></h2>\n");
        if (report.Unmatched.Count == 0)
        {
            return;
        }

        w.Write("<div class=\"scroll\"><table><thead><tr><th>类别</th><th>地区 · 规划年份</th><th>目标年份</th><th>指标（原文）</th><th>目标</th><th>原文</th></tr></thead><tbody>\n");
        foreach (var row in report.Unmatched.Take(UnmatchedShown))
        {
            var t = row.Target;
            w.Write("<tr><td>");
            Text(w, t.Category);
            w.Write("</td><td>");
            Text(w, PlanKey.Of(row.Document).ToString());
            w.Write("</td><td>");
            Text(w, t.Year?.ToString(CultureInfo.InvariantCulture) ?? "");
            w.Write("</td><td>");
            Text(w, t.Indicator);
            w.Write("</td><td>");
            Text(w, $"{ComparedTarget.Number(t.Value)}{t.Unit}");
            w.Write($"</td><td><a href=\"#d{anchors.GetValueOrDefault(row.Document.Id)}\">");
            Text(w, t.Quote);
            w.Write("</a></td></tr>\n");
        }

        w.Write("</tbody></table></div>\n");
    }

    private static void WriteWithoutTargets(StreamWriter w, ComparisonReport report, Dictionary<string, int> anchors)
    {
        w.Write($"<h2 id=\"no-targets\">未提取到目标的文件 <small>{report.DocumentsWithoutTargets.Count} 份</small></h2>\n<ul>");
        foreach (var document in report.DocumentsWithoutTargets)
        {
            w.Write($"<li><a href=\"#d{anchors[document.Id]}\">");
            Text(w, document.Name);
            w.Write("</a> ");
            Text(w, $"{document.Metadata.Title ?? ""} · {PlanKey.Of(document)}");
            w.Write("</li>");
        }

        w.Write("</ul>\n");
    }

    private static void WriteDocuments(StreamWriter w, ComparisonReport report)
    {
        w.Write($"<h2 id=\"documents\">文件索引 <small>{report.Documents.Count} 份</small></h2>\n");
        w.Write("<div class=\"scroll\"><table><thead><tr><th>#</th><th>文件</th><th>标题</th><th>地区</th><th>省份</th><th>规划年份</th><th>发布日期</th><th>目标数</th></tr></thead><tbody>\n");
        for (var i = 0; i < report.Documents.Count; i++)
        {
            var document = report.Documents[i];
            var m = document.Metadata;
            w.Write($"<tr id=\"d{i}\"><td>{i + 1}</td><td>");
            Text(w, document.Name);
            w.Write("</td><td>");
            Text(w, m.Title ?? "");
            w.Write("</td><td>");
            Text(w, m.Region ?? "");
            w.Write("</td><td>");
            Text(w, m.Province ?? "");
            w.Write($"</td><td>{m.Year}</td><td>{m.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}</td><td>{report.TargetCount(document)}</td></tr>\n");
        }

        w.Write("</tbody></table></div>\n");
    }

    private static void Text(TextWriter w, string text) => Encoder.Encode(w, text);
}
