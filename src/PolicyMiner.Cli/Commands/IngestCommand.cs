using System.CommandLine;
using PolicyMiner.Cli.Pipeline;
using PolicyMiner.Storage;

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
            var database = StoreAccess.PathOf(parse.GetValue(db));
            // An existing database is checked first (a file that is not one is refused); a new one is only created once
            // the inputs name documents, so a mistyped path leaves nothing behind.
            using var existing = File.Exists(database) || PolicyStores.IsServer(database) ? StoreAccess.Open(database, "ingest", parse.GetValue(noWait), cancellationToken) : null;
            var selection = IngestRunner.Select(inputs, [database], Console.Error);
            var pipeline = options.CreatePipeline(parse);
            using var created = existing is null ? StoreAccess.Open(database, "ingest", parse.GetValue(noWait), cancellationToken) : null;
            var store = existing ?? created!;
            var (_, exitCode) = await IngestRunner.RunAsync(
                store,
                selection,
                inputs,
                pipeline,
                options.ShowProgress(parse),
                Terminal.Console,
                Console.Out,
                Console.Error,
                cancellationToken,
                parse.GetValue(lease) is { } seconds and > 0 ? TimeSpan.FromSeconds(seconds) : null).ConfigureAwait(false);
            foreach (var line in CliMessages.WhereOutputsAre(StoreAccess.Relative(store.Location), outputFolder: null))
            {
                Console.Out.WriteLine(line);
            }

            return exitCode;
        });
        return command;
    }
}
