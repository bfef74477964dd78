using System.CommandLine;
using PolicyMiner.Reports;
using PolicyMiner.Reports.Export;
using PolicyMiner.Storage;

namespace PolicyMiner.Cli.Commands;

/// <summary><c>policyminer export --format csv|xlsx|jsonl --out FILE</c>: every stored target with its document's metadata and quote.</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var format = new Option<string?>("--format") { Description = "csv (UTF-8; with a BOM in a file, for Excel), xlsx or jsonl; default from --out's extension, csv for '-'." };
        format.OneOf("csv", "xlsx", "jsonl");
        var output = new Option<string>("--out") { Description = "File to write (an existing file is overwritten); '-' writes CSV or JSONL to stdout.", Required = true };
        var database = ReportOptions.Database();
        var indicators = ReportOptions.Indicators();
        var categories = ReportOptions.Categories();
        var region = new Option<string?>("--region") { Description = "Only targets of documents of this region or province." };
        var year = new Option<int?>("--year") { Description = "Only targets due in this year." };
        var reviewedOnly = new Option<bool>("--reviewed-only") { Description = "Only targets a reviewer accepted or corrected (rejected ones are always left out)." };
        var minConfidence = new Option<double?>("--min-confidence") { Description = "Only targets with at least this confidence (0–1), or accepted or corrected by a reviewer." };

        var command = new Command("export", "Export every target (as corrected, rejected ones left out) with its id, document metadata (doc, title, region, province, plan year, issue date), quote and review state.")
        {
            format, output, database, indicators, categories, region, year, reviewedOnly, minConfidence,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(output)!;
            if (Directory.Exists(path))
            {
                throw new CliException(CliMessages.OutIsFolder(path));
            }

            var toStdout = path == "-";
            var chosen = parse.GetValue(format) is { } name ? ExportFormats.TryParse(name, out var f) ? f : default
                : toStdout ? ExportFormat.Csv
                : ExportFormats.TryFromPath(path, out var fromPath) ? fromPath
                : throw new CliException($"{path}: cannot tell the format from the extension; pass --format csv|xlsx|jsonl");
            if (toStdout && chosen == ExportFormat.Xlsx)
            {
                throw new CliException(CliMessages.StdoutNeedsTextFormat);
            }

            var wanted = parse.GetValue(categories) ?? [];
            ReportOptions.CheckCategories(wanted);
            var taxonomy = ReportOptions.LoadTaxonomy(parse.GetValue(indicators));
            using var store = ReportOptions.OpenExisting(parse.GetValue(database));
            var query = new TargetQuery(Region: parse.GetValue(region), Year: parse.GetValue(year)) { ReviewedOnly = parse.GetValue(reviewedOnly) };
            var rows = StoreReportSource.Rows(store, query)
                .Where(r => wanted.Length == 0 || wanted.Contains(r.Target.Category, StringComparer.Ordinal))
                .Where(r => parse.GetValue(minConfidence) is not { } min || r.Target.Confidence >= min
                    || r.Review?.State is ReviewState.Accepted or ReviewState.Corrected);
            var written = 0;
            if (toStdout)
            {
                // No BOM on a pipe: it would be the first bytes a program reading the CSV sees.
                using var stdout = Console.OpenStandardOutput();
                written = TargetExporter.Write(chosen, rows, stdout, taxonomy, byteOrderMark: false);
            }
            else
            {
                ReportOptions.WriteFile(path, stream => written = TargetExporter.Write(chosen, rows, stream, taxonomy));
                Console.Error.WriteLine($"{written} targets written to {path}");
            }

            return 0;
        });
        return command;
    }
}
