using System.CommandLine;
using System.Diagnostics;
using PolicyMiner.Reports;
using PolicyMiner.Reports.Comparison;
using PolicyMiner.Reports.Export;
using PolicyMiner.Reports.Samples;
using PolicyMiner.Reports.Taxonomy;

namespace PolicyMiner.Cli.Commands;

/// <summary><c>policyminer bench report</c>: builds and writes the comparison report over a generated corpus of invented documents.</summary>
internal static class BenchReportCommand
{
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
            var (documents, rows) = GeneratedReportCorpus.Create(documentCount, perDocument);
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
            Console.WriteLine($"build         {build.TotalSeconds:F2} s ({report.Sections.Count} indicators, {report.Sections.Sum(s => s.Charts.Count)} charts, {report.Unmatched.Count} unmatched)");
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
}
