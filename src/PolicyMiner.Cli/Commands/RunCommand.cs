using System.CommandLine;
using PolicyMiner.Cli.Pipeline;
using PolicyMiner.Core.Indicators;
using PolicyMiner.Reports;
using PolicyMiner.Reports.Comparison;
using PolicyMiner.Reports.Export;
using PolicyMiner.Storage;
using Spectre.Console;

namespace PolicyMiner.Cli.Commands;

/// <summary><c>policyminer run PATH... --out DIR</c>: ingest and extract a folder, then write the comparison report and the exports.</summary>
/// <remarks>
/// The database defaults to <c>DIR/policyminer.db</c>, so an output folder holds everything a run made and running
/// again into the same folder only reads new or changed files.
/// </remarks>
internal static class RunCommand
{
    /// <summary>The files a run writes into its output folder.</summary>
    internal static readonly string[] OutputFiles = ["report.html", "report.xlsx", "targets.csv", "targets.xlsx", "targets.jsonl"];

    public static Command Create()
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Document files, folders (searched recursively) or glob patterns.",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = new Option<string>("--out")
        {
            Description = "Output folder: report.html, report.xlsx (comparison), targets.csv, targets.xlsx, targets.jsonl (every target).",
            HelpName = "DIR",
            Required = true,
        };
        var db = StoreAccess.DatabaseOption("DIR/policyminer.db");
        var noWait = StoreAccess.NoWaitOption();
        var options = PipelineOptions.Create();
        var command = new Command(
            "run",
            "The whole pipeline: ingest and extract PATH into the database, then write the comparison report (HTML, XLSX) "
            + "and every target (CSV, XLSX, JSONL) into DIR. Exit code 1 only when no document could be read.")
        {
            paths, output, db, noWait,
        };
        options.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var folder = parse.GetValue(output)!;
            if (File.Exists(folder))
            {
                throw new CliException(CliMessages.OutIsFile(folder));
            }

            var inputs = parse.GetValue(paths)!;
            using var ingested = await IngestRunner.OpenAndRunAsync(
                "run",
                inputs,
                StoreAccess.Given(parse.GetValue(db)) ?? Path.Combine(folder, PolicyStore.DefaultFileName),
                parse.GetValue(noWait),
                folder,
                options,
                parse,
                lease: null,
                cancellationToken).ConfigureAwait(false);
            if (ingested.ExitCode != 0)
            {
                return ingested.ExitCode;
            }

            var written = WriteOutputs(ingested.Store, folder, ingested.Pipeline.Taxonomy);
            var table = new Table().Title("run outputs").AddColumn("file").AddColumn(new TableColumn("contents").RightAligned());
            foreach (var (file, contents) in written)
            {
                table.AddRow(Markup.Escape(file), Markup.Escape(contents));
            }

            Terminal.Console.Write(table);
            foreach (var line in CliMessages.WhereOutputsAre(StoreAccess.Relative(ingested.Store.Location), folder))
            {
                Console.Out.WriteLine(line);
            }

            return 0;
        });
        return command;
    }

    /// <summary>Writes the report and exports of every stored document into <paramref name="folder"/>; returns each file with a note of its contents.</summary>
    internal static IReadOnlyList<(string File, string Contents)> WriteOutputs(IPolicyStore store, string folder, IndicatorTaxonomy taxonomy)
    {
        var documents = StoreReportSource.Documents(store);
        var rows = StoreReportSource.Rows(store);
        var report = new ComparisonReportBuilder(taxonomy) { Provenance = ReportProvenance.Now(store.Location) }.AddDocuments(documents).AddRows(rows).Build();

        var written = new List<(string, string)>();
        Write(folder, "report.html", report.WriteHtml);
        written.Add((Path.Combine(folder, "report.html"), $"{documents.Count} documents, {rows.Count} targets"));
        Write(folder, "report.xlsx", report.WriteXlsx);
        written.Add((Path.Combine(folder, "report.xlsx"), "one sheet per indicator + all targets"));
        foreach (var (name, format) in (ReadOnlySpan<(string, ExportFormat)>)[("targets.csv", ExportFormat.Csv), ("targets.xlsx", ExportFormat.Xlsx), ("targets.jsonl", ExportFormat.Jsonl)])
        {
            var count = 0;
            Write(folder, name, stream => count = TargetExporter.Write(format, rows, stream, taxonomy));
            written.Add((Path.Combine(folder, name), $"{count} targets"));
        }

        return written;
    }

    private static void Write(string folder, string name, Action<Stream> write) =>
        ReportOptions.WriteFile(Path.Combine(folder, name), write);
}
