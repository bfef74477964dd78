using PolicyMiner.Ingest;

namespace PolicyMiner.Cli;

/// <summary>Every one-line message the CLI prints for an expected failure or a hint, in one place; tests assert on them.</summary>
internal static class CliMessages
{
    /// <summary>The document extensions the readers take, for messages.</summary>
    public static string Supported => string.Join(" ", DocumentReader.SupportedExtensions);

    public static string NoSuchPath(string path) => $"{path}: no such file or folder";

    public static string NoDocumentsInFolder(string path) => $"{path}: no document files in this folder (readable: {Supported})";

    public static string NoPatternMatch(string pattern) => $"{pattern}: no document files match this pattern (readable: {Supported})";

    /// <summary>Why an input named no document: missing path, folder without documents, or a pattern that matches none.</summary>
    public static string NothingIn(string input) =>
        Directory.Exists(input) ? NoDocumentsInFolder(input)
        : input.AsSpan().IndexOfAny('*', '?') >= 0 ? NoPatternMatch(input)
        : NoSuchPath(input);

    public static string ExpectedYear(string option, string text) => $"{option} {text}: expected a year such as 2025";

    public static string ExpectedWholeNumber(string option, string text) => $"{option} {text}: expected a whole number";

    public static string ExpectedNumber(string option, string text) => $"{option} {text}: expected a number such as 0.9";

    public static string UnknownValue(string option, string value, IEnumerable<string> valid) =>
        $"{option} {value}: unknown value; one of {string.Join(", ", valid)}";

    public static string OutIsFolder(string path) => $"{path}: is a folder; --out takes a file name (an existing file is overwritten)";

    public static string OutIsFile(string path) => $"{path}: is a file; --out takes a folder";

    public static string StdoutNeedsTextFormat => "--out -: XLSX cannot be written to stdout; pass --format csv or jsonl, or give a file name";

    public static string UsageHint(string command) => $"see '{command} --help'";

    public static string NoDatabase(string path) =>
        $"{path}: no database here; pass --db PATH (`policyminer run DIR --out out` keeps it in out/{Storage.PolicyStore.DefaultFileName}) "
        + "or create one with `policyminer ingest PATH...`";

    public static string SeveralDatabases(IEnumerable<string> found) =>
        $"no ./{Storage.PolicyStore.DefaultFileName}; pass --db with one of: {string.Join(", ", found)}";

    public static string UsingDatabase(string path) => $"using database {path} (no ./{Storage.PolicyStore.DefaultFileName} here; --db chooses another)";

    /// <summary>After a run: where everything is and how to query it.</summary>
    public static IEnumerable<string> WhereOutputsAre(string database, string? outputFolder)
    {
        if (outputFolder is not null)
        {
            yield return $"report: open {Path.Combine(outputFolder, "report.html")} in a browser; targets: {Path.Combine(outputFolder, "targets.csv")} (also .xlsx, .jsonl)";
        }

        yield return $"database: {database}; query it with `policyminer targets --db {database}` (add --region, --year, --category), "
            + $"or `policyminer export --db {database} --out FILE.csv`";
    }

    /// <summary>Team mode's progress: this worker's counts and the whole work table's.</summary>
    public static string TeamProgress(string worker, Storage.Ingestion.WorkerProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var (mine, cluster) = (progress.Worker, progress.Cluster);
        return $"cluster   {cluster.Done + cluster.Failed}/{cluster.Total} files done ({cluster.Failed} failed), {cluster.Claimed} in hand with {cluster.Workers} workers; "
            + $"this worker ({worker}): {mine.Added + mine.Updated} stored, {mine.Duplicates} duplicates, {mine.Failed} failed";
    }

    /// <summary>Where a team worker's time went, summed over its threads (bench ingest --db reads this line).</summary>
    public static string TeamStages(Storage.Ingestion.StageTimes stages)
    {
        ArgumentNullException.ThrowIfNull(stages);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"time      read {stages.Read.TotalSeconds:0.00} s, extract {stages.Extract.TotalSeconds:0.00} s, database {stages.Write.TotalSeconds:0.00} s (summed over threads)");
    }
}
