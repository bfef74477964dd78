using System.Reflection;
using PolicyMiner.Storage;
using PolicyMiner.Storage.Ingestion;
using Spectre.Console;

namespace PolicyMiner.Cli.Pipeline;

/// <summary>The ingest step shared by <c>ingest</c> and <c>run</c>: expand inputs, run the batch with its display, summarise.</summary>
internal static class IngestRunner
{
    /// <summary>The tool's version as recorded with each ingest run.</summary>
    public static string ToolVersion { get; } =
        typeof(IngestRunner).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>Ingests the files named by <paramref name="inputs"/> into <paramref name="store"/>; returns the summary and the exit code.</summary>
    /// <exception cref="CliException">No input names a document file.</exception>
    public static async Task<(IngestSummary Summary, int ExitCode)> RunAsync(
        PolicyStore store,
        IReadOnlyList<string> inputs,
        PolicyPipeline pipeline,
        bool showProgress,
        IAnsiConsole console,
        TextWriter output,
        TextWriter errors,
        CancellationToken cancellationToken,
        IReadOnlyCollection<string>? excluded = null)
    {
        // The database (and a run's output folder) may sit inside an input folder: never read them back in.
        var selection = InputFiles.Expand(inputs, PolicyPipeline.IsSupported, [store.FilePath, .. excluded ?? []]);
        foreach (var skipped in selection.SkippedItems)
        {
            errors.WriteLine($"skipped   {Escape.Line(skipped.Path)}: {Escape.Line(skipped.Reason)}");
        }

        if (selection.Files.Count == 0)
        {
            throw new CliException($"no document files (.txt, .html, .pdf) found in {string.Join(", ", inputs)}");
        }

        var display = new IngestConsole(console, output, errors, showProgress);
        var ingester = new BatchIngester(store, pipeline.Stages, new IngestOptions(MaxFileBytes: pipeline.MaxFileBytes, ToolVersion: ToolVersion));
        var summary = await display.RunAsync(
            selection.Files.Count,
            onFile => ingester.RunAsync(selection.Files, inputs, onFile, cancellationToken)).ConfigureAwait(false);
        display.WriteSummary(summary, selection.Unmatched, store.FilePath);
        return (summary, IngestConsole.ExitCode(summary));
    }
}
