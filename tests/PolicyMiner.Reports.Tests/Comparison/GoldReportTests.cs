using System.Globalization;
using System.Text;
using System.Text.Json;
using PolicyMiner.Core.Documents;
using PolicyMiner.Core.Indicators;
using PolicyMiner.Core.Targets;
using PolicyMiner.Reports.Comparison;
using Xunit.Abstractions;

namespace PolicyMiner.Reports.Tests.Comparison;

/// <summary>The comparison report over the hand-annotated gold targets of ../shared/gold, read at run time (skipped when absent).</summary>
public sealed class GoldReportTests(ITestOutputHelper output)
{
    [SkippableFact]
    public void Build_GoldTargets_RdIntensityOfEveryAnnotatedRegionSideBySide()
    {
        var gold = GoldFolder();
        Skip.If(gold is null, "../shared/gold is not present beside the repository");

        var (documents, rows) = Read(gold);
        var report = new ComparisonReportBuilder(IndicatorTaxonomy.Default).AddDocuments(documents).AddRows(rows).Build();

        var rd = report.Section("rd_intensity");
        Assert.NotNull(rd);
        var goldRd = rows.Where(r => r.Target.Category == "rd_intensity" && r.Target.Unit == "%").ToList();
        Assert.Equal(goldRd.Count, rd.Targets.Count(t => t.DisplayUnit == "%"));
        var places = goldRd.Select(r => PlanKey.Of(r.Document)).Distinct().ToList();
        Assert.True(places.Count >= 2, "the gold has R&D intensity targets of at least two documents");
        Assert.Equal(places.Order(), rd.Plans.Intersect(places).Order());

        using var stream = new MemoryStream();
        report.WriteHtml(stream);
        var html = Encoding.UTF8.GetString(stream.ToArray());
        var start = html.IndexOf("id=\"ind-rd_intensity\"", StringComparison.Ordinal);
        var section = System.Net.WebUtility.HtmlDecode(html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)]);
        foreach (var place in places)
        {
            Assert.Contains($"<tr><th>{place}</th>", section, StringComparison.Ordinal);
        }

        var matched = report.Sections.Sum(s => s.Targets.Count);
        output.WriteLine($"gold: {rows.Count} targets, {matched} in {report.Sections.Count} indicators, {report.Unmatched.Count} unmatched; R&D plans: {string.Join(", ", places)}");
    }

    private static string? GoldFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PolicyMiner.sln")))
            {
                var gold = Path.Combine(dir.FullName, "..", "shared", "gold");
                return Directory.Exists(gold) ? gold : null;
            }
        }

        return null;
    }

    private static (List<ReportDocument> Documents, List<ReportRow> Rows) Read(string folder)
    {
        var documents = new List<ReportDocument>();
        var rows = new List<ReportRow>();
        foreach (var metaFile in Directory.EnumerateFiles(folder, "*.meta.json").Order(StringComparer.Ordinal))
        {
            using var meta = JsonDocument.Parse(File.ReadAllText(metaFile));
            var m = meta.RootElement;
            var name = m.GetProperty("doc").GetString()!;
            var document = new ReportDocument(name, name, new DocumentMetadata(
                Title: Text(m, "title"),
                Issuer: Text(m, "issuer"),
                DocNumber: Text(m, "doc_number"),
                Region: Text(m, "region"),
                Province: Text(m, "province"),
                Year: m.TryGetProperty("year", out var y) && y.ValueKind == JsonValueKind.Number ? y.GetInt32() : null,
                Date: Text(m, "date") is { } date ? DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null));
            documents.Add(document);
            var targets = metaFile.Replace(".meta.json", ".jsonl", StringComparison.Ordinal);
            foreach (var line in File.ReadLines(targets).Where(l => l.Length > 0))
            {
                using var json = JsonDocument.Parse(line);
                var t = json.RootElement;
                ComparatorText.TryParse(Text(t, "comparator"), out var comparator);
                rows.Add(new ReportRow(document, new PolicyTarget
                {
                    Doc = name,
                    Quote = Text(t, "quote") ?? "",
                    Start = 0,
                    End = 0,
                    Indicator = Text(t, "indicator") ?? "",
                    Category = Text(t, "category") ?? TargetCategories.Other,
                    Value = t.GetProperty("value").GetDouble(),
                    ValueMax = t.TryGetProperty("value_max", out var max) && max.ValueKind == JsonValueKind.Number ? max.GetDouble() : null,
                    Unit = Text(t, "unit") ?? "",
                    Comparator = comparator,
                    Kind = Enum.TryParse<TargetKind>(Text(t, "kind"), ignoreCase: true, out var kind) ? kind : TargetKind.Level,
                    Commitment = Enum.TryParse<Commitment>(Text(t, "commitment"), ignoreCase: true, out var commitment) ? commitment : Commitment.Plain,
                    Year = t.TryGetProperty("year", out var due) && due.ValueKind == JsonValueKind.Number ? due.GetInt32() : null,
                }));
            }
        }

        return (documents, rows);
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
