using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using PolicyMiner.Core.Indicators;
using PolicyMiner.Core.Targets;
using PolicyMiner.Reports.Comparison.Charts;

namespace PolicyMiner.Reports.Comparison;

/// <summary>
/// Writes a <see cref="ComparisonReport"/> as one HTML page that opens offline: inline CSS, the chart data as JSON,
/// Apache ECharts and our script inline. Charts are drawn by the reader's browser, so their text is the reader's fonts.
/// </summary>
internal static class HtmlReportWriter
{
    /// <summary>Unmatched targets listed in full up to this many; the export has them all.</summary>
    public const int UnmatchedShown = 5000;

    /// <summary>A section's quote list starts open up to this many targets.</summary>
    public const int QuotesOpen = 20;

    /// <summary>The overview has one column per plan year up to this many distinct years, else one per five-year period.</summary>
    public const int OverviewYearColumns = 14;

    // Chinese stays readable; only markup characters are escaped.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    // Inside <script>: Chinese as is, and <, >, & escaped as \u003C …, so no text can close the element.
    private static readonly JsonSerializerOptions ScriptJson = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    private static readonly Lazy<string> ECharts = new(() => Resource("PolicyMiner.Reports.echarts.min.js"));
    private static readonly Lazy<string> Script = new(() => Resource("PolicyMiner.Reports.report.js"));

    private const string Style = """
        body{font-family:system-ui,"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei","WenQuanYi Micro Hei",sans-serif;margin:0 24px 24px;color:#222;font-size:14px;line-height:1.45}
        h1{font-size:24px;margin:16px 0 4px}h2{font-size:19px;margin-top:32px;border-bottom:2px solid #ddd;padding-bottom:4px}h2 small{font-weight:normal;color:#666;font-size:13px}
        .meta{color:#555;margin:0 0 8px}
        table{border-collapse:collapse;margin:8px 0}th,td{border:1px solid #ddd;padding:3px 6px;vertical-align:top}
        thead th{background:#f3f5f8}tbody th{text-align:left;background:#fafafa;font-weight:normal}
        .scroll{overflow:auto;max-height:640px;max-width:100%}.scroll thead th{position:sticky;top:0}
        a.t{display:block;white-space:nowrap;text-decoration:none;color:#124;padding:1px 0}a.t:hover{background:#ffe9a8}
        a.t.firm{font-weight:bold}a.t.aspirational{color:#2a6b2a}a.t sup{font-size:10px;color:#666;margin-left:2px;font-weight:normal}
        a.t.sub{font-style:italic}
        .ov{width:100%;table-layout:fixed}.ov td{text-align:center;padding:3px 2px}.ov th.y{font-weight:normal;font-size:12px;padding:3px 1px;text-align:center}
        .ov tbody th{overflow-wrap:anywhere}.ov col.name{width:34%}
        .ov td.h1{background:#dbe9f6}.ov td.h2{background:#9ecae1}.ov td.h3{background:#4292c6;color:#fff}
        .muted{color:#666}nav ul{columns:3 220px;margin:0}
        .filters{position:sticky;top:0;z-index:5;background:#fff;border-bottom:1px solid #ddd;padding:8px 0;display:flex;flex-wrap:wrap;gap:6px 14px;align-items:center}
        .filters label{white-space:nowrap}.filters details{position:relative}.filters details div{position:absolute;background:#fff;border:1px solid #ccc;padding:6px;max-height:320px;overflow:auto;z-index:6;min-width:180px}
        .filters details label{display:block}
        .key{color:#444;font-size:13px}
        .chart{width:100%;height:300px;margin:6px 0}
        details.quotes ol{margin:4px 0;padding-left:28px}details.quotes li{margin:2px 0}details.quotes li:target{background:#ffe9a8}
        details.quotes .v{font-weight:bold}details.quotes .src{color:#666}
        .hidden{display:none!important}
        """;

    public static void Write(ComparisonReport report, Stream output)
    {
        using var w = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16, leaveOpen: true);
        var anchors = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < report.Documents.Count; i++)
        {
            anchors[report.Documents[i].Id] = i;
        }

        var data = ReportData.Of(report);
        w.Write("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>");
        Text(w, report.Title);
        w.Write("</title><style>");
        w.Write(Style);
        w.Write("</style></head><body>\n<h1>");
        Text(w, report.Title);
        w.Write("</h1>\n");
        WriteProvenance(w, report);
        WriteFilters(w, data);
        WriteSummary(w, report);
        WriteOverview(w, report);
        var chartNumber = 0;
        foreach (var section in report.Sections)
        {
            WriteSection(w, section, data, anchors, ref chartNumber);
        }

        WriteUnmatched(w, report, anchors);
        WriteWithoutTargets(w, report, anchors);
        WriteDocuments(w, report);
        w.Write("<script type=\"application/json\" id=\"pm-data\">");
        w.Write(JsonSerializer.Serialize(data.Json, ScriptJson));
        w.Write("</script>\n<script>/* Apache ECharts 6.1.0, Apache License 2.0 */\n");
        w.Write(ECharts.Value);
        w.Write("</script>\n<script>\n");
        w.Write(Script.Value);
        w.Write("</script>\n</body></html>\n");
    }

    private static void WriteProvenance(StreamWriter w, ComparisonReport report)
    {
        var p = report.Provenance;
        w.Write("<p class=\"meta\">");
        Text(w, $"生成于 {p.GeneratedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC · PolicyMiner {p.ToolVersion} · ");
        Text(w, p.Database is null ? "数据来源：内存中的目标" : $"数据库 {p.Database}");
        Text(w, $" · {report.Documents.Count} 份文件");
        w.Write("</p>\n");
    }

    private static void WriteFilters(StreamWriter w, ReportData data)
    {
        w.Write("<form class=\"filters\" id=\"filters\" onsubmit=\"return false\"><details><summary id=\"f-places-label\">地区：全部</summary><div>");
        w.Write("<label><input type=\"checkbox\" id=\"f-places-all\" checked> 全部地区</label>");
        for (var i = 0; i < data.Places.Count; i++)
        {
            w.Write($"<label><input type=\"checkbox\" name=\"place\" value=\"{i}\" checked> ");
            Text(w, data.Places[i]);
            w.Write("</label>");
        }

        w.Write("</div></details><label>目标年份 <select id=\"f-from\"><option value=\"\">不限</option>");
        WriteYearOptions(w, data.DueYears);
        w.Write("</select> – <select id=\"f-to\"><option value=\"\">不限</option>");
        WriteYearOptions(w, data.DueYears);
        w.Write("</select></label><label>类型 <select id=\"f-kind\"><option value=\"\">全部</option>");
        foreach (var kind in Enum.GetValues<TargetKind>())
        {
            w.Write($"<option value=\"{(int)kind}\">{ChartPanel.KindName(kind)}</option>");
        }

        w.Write("</select></label><label>承诺 <select id=\"f-commitment\"><option value=\"\">全部</option>");
        w.Write($"<option value=\"{(int)Commitment.Firm}\">确保</option><option value=\"{(int)Commitment.Aspirational}\">力争</option><option value=\"{(int)Commitment.Plain}\">未注明</option></select></label>");
        w.Write($"<label>范围 <select id=\"f-scope\"><option value=\"\">全部</option><option value=\"{(int)TargetScope.Region}\">本地区目标</option><option value=\"{(int)TargetScope.Subordinate}\">下级单位的要求</option></select></label>");
        w.Write("<span class=\"muted\" id=\"f-count\"></span></form>\n");
    }

    /// <summary>The options of the due-year range (from, to), both the same list.</summary>
    private static void WriteYearOptions(StreamWriter w, IReadOnlyList<int> years)
    {
        foreach (var year in years)
        {
            w.Write($"<option>{year}</option>");
        }
    }

    private static void WriteSummary(StreamWriter w, ComparisonReport report)
    {
        var targets = report.Sections.Sum(s => s.Targets.Count);
        var folded = report.Documents.Sum(d => d.OtherSources.Count);
        w.Write($"<p>{report.Documents.Count} 份文件");
        if (folded > 0)
        {
            // Duplicates (the same text as another format or a copy) are counted once; the index lists them as 其他来源.
            w.Write($"（另有 <a href=\"#documents\">{folded} 个重复文件</a>并入同一文件，只计一次）");
        }

        w.Write($"，{targets + report.Unmatched.Count} 条目标，归入 {report.Sections.Count} 个标准指标的 {targets} 条；");
        w.Write($"<a href=\"#unmatched\">未归类目标 {report.Unmatched.Count} 条</a>；<a href=\"#no-targets\">未提取到目标的文件 {report.DocumentsWithoutTargets.Count} 份</a>。</p>\n");
        w.Write("<p class=\"key\">表中数值已统一单位（亿元/万元、万平方米/平方米）；%与个百分点分列；“+”为新增量；粗体为“确保”类，绿色为“力争”类，斜体为对下级单位（各县市区、各高校……）的要求。");
        w.Write("每张图只画一种类型、一种单位的数值，每条原文目标一个点，不取平均：● 等于/达到，▲ 不低于（≥、>），▼ 不超过（≤、<），◆ 约，竖条为区间；实心为“确保”，空心为“力争”，浅色为未注明。");
        w.Write("点击表中数值可看原文，图中悬停或轻触可看原文、文件和年份。</p>\n");
        w.Write("<nav><ul>");
        foreach (var section in report.Sections)
        {
            w.Write("<li>");
            WriteLinkToSection(w, section.Indicator);
            w.Write($" <span class=\"muted\">({section.Targets.Count})</span></li>");
        }

        w.Write("</ul></nav>\n");
    }

    /// <summary>Indicators down, plan years across: how many regions' plans of each year state the indicator. Fits the page width.</summary>
    private static void WriteOverview(StreamWriter w, ComparisonReport report)
    {
        w.Write("<h2 id=\"overview\">概览：各年份规划中提出各指标目标的地区数 <small>行为指标，列为规划年份；悬停单元格可见地区</small></h2>\n");
        if (report.Sections.Count == 0)
        {
            w.Write("<p class=\"muted\">没有归入标准指标的目标。</p>\n");
            return;
        }

        var planYears = report.Sections.SelectMany(s => s.Plans).Select(p => p.PlanYear).Distinct().OrderBy(y => y ?? int.MaxValue).ToArray();
        var byPeriod = planYears.Length > OverviewYearColumns;
        var columns = planYears.Select(y => Column(y, byPeriod)).Distinct().ToArray();
        w.Write("<table class=\"ov\"><colgroup><col class=\"name\"></colgroup><thead><tr><th>指标</th>");
        foreach (var column in columns)
        {
            w.Write("<th class=\"y\">");
            Text(w, column);
            w.Write("</th>");
        }

        w.Write("</tr></thead><tbody>\n");
        foreach (var section in report.Sections)
        {
            w.Write("<tr><th>");
            WriteLinkToSection(w, section.Indicator);
            w.Write("</th>");
            var places = section.Plans
                .GroupBy(p => Column(p.PlanYear, byPeriod), StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(p => p.Place).Distinct(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
            foreach (var column in columns)
            {
                var names = places.GetValueOrDefault(column) ?? [];
                var css = names.Length switch { 0 => "", 1 => " class=\"h1\"", < 5 => " class=\"h2\"", _ => " class=\"h3\"" };
                if (names.Length == 0)
                {
                    w.Write("<td></td>");
                    continue;
                }

                w.Write($"<td{css} title=\"");
                Text(w, string.Join("、", names.Take(40)) + (names.Length > 40 ? " …" : ""));
                w.Write($"\">{names.Length}</td>");
            }

            w.Write("</tr>\n");
        }

        w.Write("</tbody></table>\n");
    }

    private static string Column(int? planYear, bool byPeriod) => planYear switch
    {
        null => "不详",
        { } y when byPeriod => $"{y - (((y - 1) % 5 + 5) % 5)}–{y - (((y - 1) % 5 + 5) % 5) + 4}",
        { } y => y.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>An indicator's section is <c>ind-ID</c>: the index and the overview link to it.</summary>
    private const string SectionIdPrefix = "ind-";

    private static void WriteLinkToSection(StreamWriter w, IndicatorDefinition indicator)
    {
        w.Write($"<a href=\"#{SectionIdPrefix}");
        Text(w, indicator.Id);
        w.Write("\">");
        Text(w, indicator.Name);
        w.Write("</a>");
    }

    private static void WriteSection(StreamWriter w, IndicatorSection section, ReportData data, Dictionary<string, int> anchors, ref int chartNumber)
    {
        var indicator = section.Indicator;
        w.Write($"<section><h2 id=\"{SectionIdPrefix}");
        Text(w, indicator.Id);
        w.Write("\">");
        Text(w, indicator.Name);
        w.Write(" <small>");
        var category = indicator.Category == indicator.Id ? "" : $" · {indicator.Category}";
        Text(w, $"{indicator.Id}{category} · {section.Targets.Count} 条目标 · {section.Places.Count} 个地区");
        w.Write("</small></h2>\n");
        foreach (var panel in section.Charts)
        {
            w.Write($"<div class=\"chart\" id=\"c{chartNumber}\" data-chart=\"{chartNumber}\" role=\"img\" aria-label=\"");
            Text(w, $"{indicator.Name}：{panel.Title}，{panel.Marks.Count} 条目标");
            w.Write("\"></div>\n");
            chartNumber++;
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
                    TargetLink(w, target, data.IndexOf(target));
                }

                w.Write("</td>");
            }

            w.Write("</tr>\n");
        }

        w.Write("</tbody></table></div>\n");
        WriteQuotes(w, section, data, anchors);
        w.Write("</section>\n");
    }

    private static void TargetLink(StreamWriter w, ComparedTarget target, int index)
    {
        var t = target.Target;
        w.Write("<a class=\"t ");
        w.Write(CommitmentClass(t.Commitment));
        w.Write(target.Scope == TargetScope.Subordinate ? " sub" : "");
        // The link leads to the quote in the list below the table: the page holds each quote once (a 200k-target report
        // stays a size a browser opens), and no reader depends on hovering.
        w.Write($"\" data-i=\"{index}\" href=\"#q{index}\">");
        Text(w, target.Label);
        var notes = string.Join(" ", new[] { target.CommitmentText, target.Scope == TargetScope.Subordinate ? "下级" : "" }.Where(n => n.Length > 0));
        if (notes.Length > 0)
        {
            w.Write("<sup>");
            Text(w, notes);
            w.Write("</sup>");
        }

        w.Write("</a>");
    }

    /// <summary>Every quote of the section as text, so no reader depends on hovering.</summary>
    private static void WriteQuotes(StreamWriter w, IndicatorSection section, ReportData data, Dictionary<string, int> anchors)
    {
        w.Write(section.Targets.Count <= QuotesOpen ? "<details class=\"quotes\" open>" : "<details class=\"quotes\">");
        w.Write($"<summary>原文 {section.Targets.Count} 条</summary><ol>");
        foreach (var target in section.Targets.OrderBy(t => t.Plan).ThenBy(t => t.Target.Year ?? int.MaxValue))
        {
            var index = data.IndexOf(target);
            var t = target.Target;
            var document = target.Row.Document;
            w.Write($"<li id=\"q{index}\" data-i=\"{index}\"><span class=\"v\">");
            Text(w, target.Label);
            w.Write("</span> ");
            Text(w, string.Join(" · ", new[]
            {
                target.CommitmentText,
                target.Scope == TargetScope.Subordinate ? "下级单位的要求" : "",
                ChartPanel.KindName(t.Kind),
                t.Year is { } y ? $"{y}年" : "年份未定",
            }.Where(s => s.Length > 0)));
            w.Write("：<span class=\"q\">");
            Text(w, t.Quote);
            w.Write("</span>");
            w.Write($" <a class=\"src\" href=\"#d{anchors.GetValueOrDefault(document.Id)}\">— ");
            // The file and plan only: the title is one click away in the document index (and in the chart tooltips).
            Text(w, $"{document.Name}（{target.Plan}）");
            w.Write("</a></li>");
        }

        w.Write("</ol></details>\n");
    }

    private static string CommitmentClass(Commitment commitment) => commitment switch
    {
        Commitment.Firm => "firm",
        Commitment.Aspirational => "aspirational",
        _ => "plain",
    };

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
        w.Write("<div class=\"scroll\"><table><thead><tr><th>#</th><th>文件</th><th>标题</th><th>地区</th><th>省份</th><th>规划年份</th><th>发布日期</th><th>目标数</th><th>其他来源</th></tr></thead><tbody>\n");
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
            w.Write($"</td><td>{m.Year}</td><td>{m.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}</td><td>{report.TargetCount(document)}</td><td class=\"sources\">");
            // Files whose text was the same document's (another format, a copy): named here, counted once everywhere else.
            for (var s = 0; s < document.OtherSources.Count; s++)
            {
                var path = document.OtherSources[s];
                w.Write(s == 0 ? "<span title=\"" : "<br><span title=\"");
                Text(w, path);
                w.Write("\">");
                Text(w, Path.GetFileName(path));
                w.Write("</span>");
            }

            w.Write("</td></tr>\n");
        }

        w.Write("</tbody></table></div>\n");
    }

    private static string Resource(string name)
    {
        using var stream = typeof(HtmlReportWriter).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded resource {name} missing from the build");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static void Text(TextWriter w, string text) => Encoder.Encode(w, text);
}
