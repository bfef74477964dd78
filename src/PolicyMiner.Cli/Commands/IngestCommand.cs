using System.CommandLine;
using PolicyMiner.Cli.Pipeline;

namespace PolicyMiner.Cli.Commands;

/// <summary><c>policyminer ingest PATH...</c>: reads, extracts and stores documents, skipping those already stored.</summary>
internal static class IngestCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Document files, folders (searched recursively for .txt/.html/.pdf/.docx/.ofd …) or glob patterns such as 'corpus/**/*.txt'.",
            Arity = ArgumentArity.OneOrMore,
        };
        var db = StoreAccess.DatabaseOption();
        var noWait = StoreAccess.NoWaitOption();
        var lease = new Option<int?>("--lease")
        {
            Description = "Team mode (--db postgres://…): seconds a worker's claim on a file lasts without renewal; a stopped worker's files go to another after this (default 120).",
            HelpName = "SECONDS",
        };
        var options = PipelineOptions.Create();
        var command = new Command(
            "ingest",
            "Read, extract and store documents in parallel. Unchanged files are skipped by content hash; changed files are "
            + "re-extracted, keeping reviewed targets. Bad files are listed with a one-line reason and the batch goes on. "
            + "Exit code 1 only for a total failure: no input names a document file, or every file failed.")
        {
            paths, db, noWait, lease,
        };
        options.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var inputs = parse.GetValue(paths)!;
            using var ingested = await IngestRunner.OpenAndRunAsync(
                "ingest",
                inputs,
                StoreAccess.PathOf(parse.GetValue(db)),
                parse.GetValue(noWait),
                outputFolder: null,
                options,
                parse,
                parse.GetValue(lease) is { } seconds and > 0 ? TimeSpan.FromSeconds(seconds) : null,
                cancellationToken).ConfigureAwait(false);
            foreach (var line in CliMessages.WhereOutputsAre(StoreAccess.Relative(ingested.Store.Location), outputFolder: null))
            {
                Console.Out.WriteLine(line);
            }

            return ingested.ExitCode;
        });
        return command;
    }
}
