using System.Diagnostics;
using PolicyMiner.Storage.Ingestion;
using Spectre.Console;

namespace PolicyMiner.Cli.Pipeline;

/// <summary>Shows an ingest batch: a live progress bar on a terminal, one line per file otherwise, then a summary table.</summary>
internal sealed class IngestConsole(IAnsiConsole console, TextWriter output, TextWriter errors, bool showProgress)
{
    private readonly Lock _lock = new();
    private int _ocrPages;

    /// <summary>Counts a page read by OCR; without a progress bar, says so on its own line (OCR is slow: show it).</summary>
    public void OcrPageRead(string file, int page)
    {
        Interlocked.Increment(ref _ocrPages);
        if (!showProgress)
        {
            lock (_lock)
            {
                output.WriteLine($"ocr       {file} page {page}");
            }
        }
    }

    /// <summary>Whether stdout is a terminal a progress bar can redraw.</summary>
    public static bool IsInteractive => !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;

    /// <summary>Runs <paramref name="ingest"/>, feeding each file's result to the display.</summary>
    public async Task<IngestSummary> RunAsync(int files, Func<Action<IngestFileResult>, Task<IngestSummary>> ingest)
    {
        ArgumentNullException.ThrowIfNull(ingest);
        if (!showProgress)
        {
            return await ingest(WriteLine).ConfigureAwait(false);
        }

        IngestSummary? summary = null;
        await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(Describe(0, files, 0, 0, 0), maxValue: Math.Max(files, 1));
                var clock = Stopwatch.StartNew();
                var (done, failed) = (0, 0);
                summary = await ingest(result =>
                {
                    done++;
                    failed += result.Status == IngestFileStatus.Failed ? 1 : 0;
                    task.Increment(1);
                    task.Description = Describe(done, files, done / Math.Max(clock.Elapsed.TotalSeconds, 0.001), failed, Volatile.Read(ref _ocrPages));
                }).ConfigureAwait(false);
                task.Value = task.MaxValue;
            }).ConfigureAwait(false);
        return summary!;
    }

    private static string Describe(int done, int files, double perSecond, int failed, int ocrPages) =>
        $"{done}/{files} files  {perSecond,6:0} docs/s  [{(failed > 0 ? "red" : "grey")}]{failed} errors[/]{(ocrPages > 0 ? $"  {ocrPages} OCR pages" : "")}";

    private void WriteLine(IngestFileResult result)
    {
        lock (_lock)
        {
            WriteLineUnlocked(result);
        }
    }

    private void WriteLineUnlocked(IngestFileResult result)
    {
        switch (result.Status)
        {
            case IngestFileStatus.Failed:
                output.WriteLine($"failed    {Escape.Line(result.Path)}: {Escape.Line(result.Reason ?? "")}");
                break;
            case IngestFileStatus.Unchanged:
                output.WriteLine($"unchanged {Escape.Line(result.Path)}");
                break;
            case IngestFileStatus.Duplicate:
                output.WriteLine($"duplicate {result.Path} (same text as a stored document: added as one of its sources)");
                break;
            default:
                output.WriteLine($"{result.Status.ToString().ToLowerInvariant(),-9} {Escape.Line(result.Path)} ({result.Targets} targets)");
                break;
        }
    }

    /// <summary>Writes the counts table and, when some files failed, the list of them with their reasons.</summary>
    public void WriteSummary(IngestSummary summary, IReadOnlyList<string> unmatchedInputs, string database, IReadOnlyList<string>? unsupportedFiles = null)
    {
        unsupportedFiles ??= [];
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(unmatchedInputs);
        var counts = summary.Counts;
        var table = new Table().Title("ingest summary").HideHeaders().AddColumn("").AddColumn(new TableColumn("").RightAligned());
        table.AddRow("files", counts.Files.ToString());
        table.AddRow("added", counts.Added.ToString());
        table.AddRow("updated", counts.Updated.ToString());
        table.AddRow("unchanged", counts.Unchanged.ToString());
        table.AddRow("duplicates folded", counts.Duplicates.ToString());
        table.AddRow("failed", (counts.Failed + unmatchedInputs.Count).ToString());
        if (unsupportedFiles.Count > 0)
        {
            table.AddRow("not read (unsupported type)", unsupportedFiles.Count.ToString());
        }

        table.AddRow("targets written", counts.Targets.ToString());
        table.AddRow("time", $"{summary.Elapsed.TotalSeconds:0.0} s");
        table.AddRow("docs/s", $"{summary.DocumentsPerSecond:0}");
        table.AddRow("database", Markup.Escape(Escape.Line(database)));
        console.Write(table);

        if (unsupportedFiles.Count > 0)
        {
            // Files in the given folders that are not documents PolicyMiner reads: named, so nothing is skipped in silence.
            errors.WriteLine($"{unsupportedFiles.Count} not read:");
            foreach (var line in UnsupportedFiles.Lines(unsupportedFiles))
            {
                errors.WriteLine(line);
            }
        }

        var failures = unmatchedInputs.Select(i => CliMessages.NothingIn(Escape.Line(i)))
            .Concat(summary.Failures.Select(f => $"{Escape.Line(f.Path)}: {Escape.Line(f.Reason ?? "")}"))
            .ToList();
        if (failures.Count == 0)
        {
            return;
        }

        errors.WriteLine($"{failures.Count} failed:");
        foreach (var failure in failures)
        {
            errors.WriteLine($"  {failure}");
        }
    }

    /// <summary>
    /// Exit code of an ingest: 1 only for a total failure — no input named a document file, or every file failed;
    /// a batch where some files failed still exits 0, listing them.
    /// </summary>
    public static int ExitCode(IngestSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var counts = summary.Counts;
        return counts.Files == 0 || counts.Failed == counts.Files ? 1 : 0;
    }
}
