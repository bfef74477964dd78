using System.CommandLine;
using System.Diagnostics;
using PolicyMiner.Reports;
using PolicyMiner.Reports.Comparison;
using PolicyMiner.Storage;

namespace PolicyMiner.Cli.Commands;

/// <summary><c>policyminer compare --out FILE.html|FILE.xlsx</c>: the cross-region, cross-year comparison report per canonical indicator.</summary>
internal static class CompareCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out") { Description = "FILE.html (self-contained page with tables and charts) or FILE.xlsx (one sheet per indicator).", Required = true };
        var categories = ReportOptions.Categories();
        var indicatorIds = new Option<string[]>("--indicator") { Description = "Only these canonical indicator ids (repeatable), e.g. rd_intensity.", AllowMultipleArgumentsPerToken = true };
        var database = ReportOptions.Database();
        var indicators = ReportOptions.Indicators();
        var title = new Option<string?>("--title") { Description = "Report title." };
        var noCharts = new Option<bool>("--no-charts") { Description = "Leave out the charts (faster, smaller HTML)." };
        var reviewedOnly = new Option<bool>("--reviewed-only") { Description = "Only targets a reviewer accepted or corrected (rejected ones are always left out)." };

        var command = new Command("compare", "Compare targets across regions and years per canonical indicator, as HTML or XLSX.")
        {
            output, categories, indicatorIds, database, indicators, title, noCharts, reviewedOnly,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(output)!;
            if (Directory.Exists(path))
            {
                throw new CliException(CliMessages.OutIsFolder(path));
            }

            var extension = Path.GetExtension(path).ToLowerInvariant();
            if (extension is not (".html" or ".htm" or ".xlsx"))
            {
                throw new CliException($"{path}: the report is written as .html or .xlsx");
            }

            var wanted = parse.GetValue(categories) ?? [];
            ReportOptions.CheckCategories(wanted);
            var taxonomy = ReportOptions.LoadTaxonomy(parse.GetValue(indicators));
            var ids = parse.GetValue(indicatorIds) ?? [];
            foreach (var id in ids.Where(id => taxonomy.Get(id) is null))
            {
                throw new CliException($"--indicator {id}: not in the taxonomy (see models/indicators.json)");
            }

            var clock = Stopwatch.StartNew();
            using var store = ReportOptions.OpenExisting(parse.GetValue(database));
            var builder = new ComparisonReportBuilder(taxonomy)
            {
                IncludeCharts = !parse.GetValue(noCharts) && extension != ".xlsx",
                Provenance = ReportProvenance.Now(store.Location),
            };
            if (parse.GetValue(title) is { } text)
            {
                builder.Title = text;
            }

            builder.Categories.UnionWith(wanted);
            builder.IndicatorIds.UnionWith(ids);
            builder.AddDocuments(StoreReportSource.Documents(store)).AddRows(StoreReportSource.Rows(store, TargetQuery.All with { ReviewedOnly = parse.GetValue(reviewedOnly) }));
            var report = builder.Build();
            ReportOptions.WriteFile(path, stream =>
            {
                if (extension == ".xlsx")
                {
                    report.WriteXlsx(stream);
                }
                else
                {
                    report.WriteHtml(stream);
                }
            });
            Console.Error.WriteLine(
                $"{path}: {report.Sections.Count} indicators, {report.Sections.Sum(s => s.Targets.Count)} targets compared, " +
                $"{report.Unmatched.Count} unmatched, {report.DocumentsWithoutTargets.Count} documents without targets ({clock.Elapsed.TotalSeconds:F1} s)");
            return 0;
        });
        return command;
    }
}
