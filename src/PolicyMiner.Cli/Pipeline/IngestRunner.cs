using System.CommandLine;
using System.Reflection;
using PolicyMiner.Storage;
using PolicyMiner.Storage.Ingestion;
using PolicyMiner.Storage.Postgres;
using Spectre.Console;

namespace PolicyMiner.Cli.Pipeline;

/// <summary>The ingest step shared by <c>ingest</c> and <c>run</c>: expand inputs, run the batch with its display, summarise.</summary>
internal static class IngestRunner
{
    /// <summary>The tool's version as recorded with each ingest run.</summary>
    public static string ToolVersion { get; } =
        typeof(IngestRunner).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>The document files <paramref name="inputs"/> name; checked before any database or folder is created.</summary>
    /// <param name="excluded">The database and a run's output folder: they may sit inside an input folder and are never read back in.</param>
    /// <exception cref="CliException">No input names a document file; one line per input says why.</exception>
    public static InputSelection Select(IReadOnlyList<string> inputs, IReadOnlyCollection<string> excluded, TextWriter errors)
    {
        var selection = InputFiles.Expand(inputs, PolicyPipeline.IsSupported, [.. excluded.Select(Path.GetFullPath)]);
        foreach (var skipped in selection.SkippedItems)
        {
            errors.WriteLine($"skipped   {Escape.Line(skipped.Path)}: {Escape.Line(skipped.Reason)}");
        }

        return selection.Files.Count > 0
            ? selection
            : throw new CliException(string.Join($"{Environment.NewLine}policyminer: ", selection.Unmatched.Select(i => CliMessages.NothingIn(Escape.Line(i)))));
    }

    /// <summary>The ingest of the <c>ingest</c> and <c>run</c> verbs: opens the database, selects the inputs and ingests them
    /// with the console display; the caller disposes the returned store.</summary>
    /// <remarks>
    /// An existing database is opened first (a file that is not one is refused); a new one, and <paramref name="outputFolder"/>,
    /// are only created once the inputs name documents, so a mistyped path leaves nothing behind.
    /// </remarks>
    /// <param name="outputFolder">A run's output folder: never read as input, created before the store; null for none.</param>
    public static async Task<IngestedStore> OpenAndRunAsync(
        string verb,
        IReadOnlyList<string> inputs,
        string database,
        bool noWait,
        string? outputFolder,
        PipelineOptions options,
        ParseResult parse,
        TimeSpan? lease,
        CancellationToken cancellationToken)
    {
        var store = File.Exists(database) || PolicyStores.IsServer(database) ? StoreAccess.Open(database, verb, noWait, cancellationToken) : null;
        try
        {
            var selection = Select(inputs, outputFolder is null ? [database] : [database, outputFolder], Console.Error);
            if (outputFolder is not null)
            {
                Directory.CreateDirectory(outputFolder);
            }

            var pipeline = options.CreatePipeline(parse);
            store ??= StoreAccess.Open(database, verb, noWait, cancellationToken);
            var (_, exitCode) = await RunAsync(
                store,
                selection,
                inputs,
                pipeline,
                options.ShowProgress(parse),
                Terminal.Console,
                Console.Out,
                Console.Error,
                cancellationToken,
                lease).ConfigureAwait(false);
            return new IngestedStore(store, pipeline, exitCode);
        }
        catch
        {
            store?.Dispose();
            throw;
        }
    }

    /// <summary>Ingests the files of <paramref name="selection"/> into <paramref name="store"/>; returns the summary and the exit code.</summary>
    public static async Task<(IngestSummary Summary, int ExitCode)> RunAsync(
        IPolicyStore store,
        InputSelection selection,
        IReadOnlyList<string> inputs,
        PolicyPipeline pipeline,
        bool showProgress,
        IAnsiConsole console,
        TextWriter output,
        TextWriter errors,
        CancellationToken cancellationToken,
        TimeSpan? lease = null)
    {
        var display = new IngestConsole(console, output, errors, showProgress);
        pipeline.OcrPageRead += display.OcrPageRead;
        if (store is PostgresPolicyStore server)
        {
            return await RunTeamAsync(server, selection, inputs, pipeline, display, showProgress, output, lease, cancellationToken).ConfigureAwait(false);
        }

        var ingester = new BatchIngester(store, pipeline.Stages, new IngestOptions(MaxFileBytes: pipeline.MaxFileBytes, ToolVersion: ToolVersion));
        var summary = await display.RunAsync(
            selection.Files.Count,
            onFile => ingester.RunAsync(selection.Files, inputs, onFile, cancellationToken)).ConfigureAwait(false);
        display.WriteSummary(summary, selection.Unmatched, store.Location, selection.UnsupportedFiles);
        return (summary, IngestConsole.ExitCode(summary));
    }

    /// <summary>Team mode: this process is one of the workers sharing the server's work table (see <see cref="DistributedIngester"/>).</summary>
    private static async Task<(IngestSummary Summary, int ExitCode)> RunTeamAsync(
        PostgresPolicyStore store,
        InputSelection selection,
        IReadOnlyList<string> inputs,
        PolicyPipeline pipeline,
        IngestConsole display,
        bool showProgress,
        TextWriter output,
        TimeSpan? lease,
        CancellationToken cancellationToken)
    {
        var ingester = new DistributedIngester(store, pipeline.Stages, new IngestOptions(MaxFileBytes: pipeline.MaxFileBytes, ToolVersion: ToolVersion), lease);
        var lastShown = 0L;
        WorkerProgress? last = null;
        void Show(WorkerProgress progress)
        {
            last = progress;
            // A line every two seconds at most; the progress bar, when shown, counts this worker's files.
            if (!showProgress && Environment.TickCount64 - Interlocked.Read(ref lastShown) >= 2000)
            {
                Interlocked.Exchange(ref lastShown, Environment.TickCount64);
                output.WriteLine(CliMessages.TeamProgress(ingester.Queue.Worker, progress));
            }
        }

        var summary = await display.RunAsync(
            selection.Files.Count,
            onFile => ingester.RunAsync(selection.Files, inputs, onFile, Show, cancellationToken)).ConfigureAwait(false);
        display.WriteSummary(summary, selection.Unmatched, store.Location, selection.UnsupportedFiles);
        if (last is not null)
        {
            output.WriteLine(CliMessages.TeamProgress(ingester.Queue.Worker, last));
        }

        output.WriteLine(CliMessages.TeamStages(summary.Stages));

        return (summary, IngestConsole.ExitCode(summary));
    }
}

/// <summary>The store an ingest wrote into, the pipeline it read with and its exit code; disposing it closes the store.</summary>
internal sealed record IngestedStore(IPolicyStore Store, PolicyPipeline Pipeline, int ExitCode) : IDisposable
{
    public void Dispose() => Store.Dispose();
}
