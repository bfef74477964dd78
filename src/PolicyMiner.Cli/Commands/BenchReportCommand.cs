using System.CommandLine;
using System.Diagnostics;
using PolicyMiner.Core.Documents;
using PolicyMiner.Core.Targets;
using PolicyMiner.Reports;
using PolicyMiner.Reports.Comparison;
using PolicyMiner.Reports.Export;
using PolicyMiner.Reports.Taxonomy;

namespace PolicyMiner.Cli.Commands;

/// <summary><c>policyminer bench report</c>: builds and writes the comparison report over a generated corpus of invented documents.</summary>
internal static class BenchReportCommand
{
    // Invented sample places: two syllables + 市; they stand for no real region.
    private static readonly string[] First = ["青", "云", "星", "清", "白", "金", "松", "临", "安", "碧"];
    private static readonly string[] Second = ["川", "岭", "桥", "溪", "石", "湾", "原", "屿", "坪", "峦"];

    private static readonly (string Indicator, string Category, string Unit, double Low, double High, TargetKind Kind)[] Templates =
    [
        ("研究与开发经费占国内生产总值的比重", "rd_intensity", "%", 1.0, 3.5, TargetKind.Share),
        ("全社会研发经费(R&D)支出占GDP的比重", "rd_intensity", "%", 1.0, 3.5, TargetKind.Share),
        ("R&D占地区生产总值的比重", "rd_intensity", "%", 1.0, 3.5, TargetKind.Share),
        ("研发投入强度", "rd_intensity", "个百分点", 0.1, 0.5, TargetKind.Increase),
        ("财政科技支出占财政一般预算支出的比重", "fiscal_st_spending", "%", 1.0, 5.0, TargetKind.Share),
        ("高新技术企业", "high_tech_enterprises", "家", 20, 800, TargetKind.Count),
        ("新增高新技术企业", "high_tech_enterprises", "家", 5, 100, TargetKind.Increase),
        ("高新技术产业增加值占GDP比重", "high_tech_share", "%", 10, 40, TargetKind.Share),
        ("高新技术产业产值", "high_tech_output", "亿元", 50, 3000, TargetKind.Amount),
        ("技术合同成交额", "tech_contracts", "亿元", 1, 80, TargetKind.Amount),
        ("技术合同交易额", "tech_contracts", "万元", 5000, 90000, TargetKind.Amount),
        ("专利申请量", "patents", "件", 500, 20000, TargetKind.Count),
        ("每万人发明专利拥有量", "patents", "件", 1, 30, TargetKind.Level),
        ("众创空间", "incubators", "家", 2, 60, TargetKind.Count),
        ("科技企业孵化器", "incubators", "家", 1, 30, TargetKind.Count),
        ("省级以上研发平台", "rd_platforms", "个", 5, 200, TargetKind.Count),
        ("引进高层次人才", "talent", "名", 10, 500, TargetKind.Count),
        ("科技型中小企业", "tech_enterprises", "家", 50, 3000, TargetKind.Count),
        ("科技进步贡献率", "other", "%", 45, 65, TargetKind.Level),
        ("智慧社区样板点", "other", "个", 1, 20, TargetKind.Count),
    ];

    public static Command Create()
    {
        var documents = new Option<int>("--docs") { Description = "Documents to generate.", DefaultValueFactory = _ => 20_000 };
        var perDocument = new Option<int>("--targets-per-doc") { Description = "Targets per document (every 50th document has none).", DefaultValueFactory = _ => 10 };
        var output = new Option<string?>("--out") { Description = "Folder to keep report.html and report.xlsx in (default: a temporary folder, deleted)." };
        var noXlsx = new Option<bool>("--no-xlsx") { Description = "Skip the XLSX report." };
        var noCharts = new Option<bool>("--no-charts") { Description = "Build without charts." };
        var command = new Command("report", "Measure building and writing the comparison report (HTML, XLSX) and the CSV export over generated documents.")
        {
            documents, perDocument, output, noXlsx, noCharts,
        };
        command.SetAction(parse => Run(Math.Max(1, parse.GetValue(documents)), Math.Max(0, parse.GetValue(perDocument)), parse.GetValue(output), !parse.GetValue(noXlsx), !parse.GetValue(noCharts)));
        return command;
    }

    private static int Run(int documentCount, int perDocument, string? folder, bool xlsx, bool charts)
    {
        var keep = folder is not null;
        folder ??= Path.Combine(Path.GetTempPath(), "pm-bench-report-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var (documents, rows) = Generate(documentCount, perDocument);
            var taxonomy = IndicatorTaxonomyFiles.LoadDefault();
            Console.WriteLine($"corpus        {documents.Count} documents, {rows.Count} targets (generated, invented regions)");

            using var self = Process.GetCurrentProcess();
            var cpuBefore = self.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var report = new ComparisonReportBuilder(taxonomy) { IncludeCharts = charts }.AddDocuments(documents).AddRows(rows).Build();
            var build = clock.Elapsed;
            var html = Path.Combine(folder, "report.html");
            using (var stream = File.Create(html))
            {
                report.WriteHtml(stream);
            }

            var htmlTime = clock.Elapsed - build;
            Console.WriteLine($"build         {build.TotalSeconds:F2} s ({report.Sections.Count} indicators, {report.Sections.Count(s => s.Chart is not null)} charts, {report.Unmatched.Count} unmatched)");
            Console.WriteLine($"html          {htmlTime.TotalSeconds:F2} s, {new FileInfo(html).Length / 1048576.0:F1} MiB");
            self.Refresh();
            Console.WriteLine($"build + html  {(build + htmlTime).TotalSeconds:F2} s wall, {(self.TotalProcessorTime - cpuBefore).TotalSeconds:F2} s CPU (all threads; load average {LoadAverage()})");

            if (xlsx)
            {
                clock.Restart();
                using (var stream = File.Create(Path.Combine(folder, "report.xlsx")))
                {
                    report.WriteXlsx(stream);
                }

                Console.WriteLine($"xlsx          {clock.Elapsed.TotalSeconds:F2} s, {new FileInfo(Path.Combine(folder, "report.xlsx")).Length / 1048576.0:F1} MiB");
            }

            clock.Restart();
            using (var stream = File.Create(Path.Combine(folder, "targets.csv")))
            {
                TargetExporter.Write(ExportFormat.Csv, rows, stream, taxonomy);
            }

            Console.WriteLine($"csv export    {clock.Elapsed.TotalSeconds:F2} s");
            self.Refresh();
            Console.WriteLine($"peak MiB      {self.PeakWorkingSet64 / 1048576.0:F0} (whole process, corpus in memory)");
            if (keep)
            {
                Console.WriteLine($"files in      {folder}");
            }

            return 0;
        }
        finally
        {
            if (!keep)
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    // The machine may be shared: the load average says how far to trust the wall-clock numbers.
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

    /// <summary>Deterministic invented documents: 100 places, plan years 2005–2024, values varied per document.</summary>
    internal static (IReadOnlyList<ReportDocument> Documents, IReadOnlyList<ReportRow> Rows) Generate(int documentCount, int perDocument)
    {
        var random = new Random(20_000);
        var documents = new List<ReportDocument>(documentCount);
        var rows = new List<ReportRow>(documentCount * perDocument);
        for (var i = 0; i < documentCount; i++)
        {
            var place = First[i % First.Length] + Second[(i / First.Length) % Second.Length] + "市";
            var year = 2005 + (i / 100 % 20);
            var name = $"sample-{i:D5}.txt";
            var document = new ReportDocument(
                $"{i:x16}",
                name,
                new DocumentMetadata($"{place}{year}年科技创新工作要点（生成样例）", $"{place}人民政府", null, place, "样例省", year, new DateOnly(year, 1 + (i % 12), 1 + (i % 28))));
            documents.Add(document);
            if (i % 50 == 49)
            {
                continue;
            }

            for (var t = 0; t < perDocument; t++)
            {
                var (indicator, category, unit, low, high, kind) = Templates[random.Next(Templates.Length)];
                var value = Math.Round(low + (random.NextDouble() * (high - low)), 2);
                var due = year + random.Next(0, 6);
                var quote = $"到{due}年，{indicator}达到{value}{unit}以上";
                rows.Add(new ReportRow(document, new PolicyTarget
                {
                    Doc = name,
                    Quote = quote,
                    Start = t * 40,
                    End = (t * 40) + quote.Length,
                    Indicator = indicator,
                    Category = category,
                    Value = value,
                    Unit = unit,
                    Comparator = (Comparator)random.Next(0, 3),
                    Commitment = (Commitment)random.Next(0, 3),
                    Kind = kind,
                    Year = due,
                    YearText = $"到{due}年",
                    Responsible = ["市科技局"],
                }));
            }
        }

        return (documents, rows);
    }
}
