using System.CommandLine;
using PolicyMiner.Core.Indicators;
using PolicyMiner.Core.Targets;
using PolicyMiner.Reports;
using PolicyMiner.Cli.Pipeline;
using PolicyMiner.Storage;

namespace PolicyMiner.Cli.Commands;

/// <summary>Options shared by the verbs that read the store and write reports (export, compare).</summary>
internal static class ReportOptions
{
    public static Option<string> Database() => new("--db")
    {
        Description = $"The PolicyMiner database to read (default {PolicyStore.DefaultFileName} in the working directory).",
        DefaultValueFactory = _ => PolicyStore.DefaultFileName,
    };

    public static Option<string?> Indicators() => TaxonomyOption.Create();

    public static Option<string[]> Categories() => new("--category")
    {
        Description = "Only targets of these categories (repeatable): " + string.Join(", ", TargetCategories.All) + ".",
        AllowMultipleArgumentsPerToken = true,
    };

    /// <summary>Opens an existing database for reading; a missing file is an expected failure, not a new empty database.</summary>
    public static PolicyStore OpenExisting(string path)
    {
        if (!File.Exists(path))
        {
            throw new CliException($"{path}: no such database (run `policyminer ingest` or `policyminer run` first, or pass --db)");
        }

        // Read-only, as one of the database's readers: a report never writes the store and waits while an ingest writes it.
        return Pipeline.StoreAccess.OpenExisting(path, "report");
    }

    public static IndicatorTaxonomy LoadTaxonomy(string? userFile) => TaxonomyOption.Load(userFile);

    public static void CheckCategories(IEnumerable<string> categories)
    {
        foreach (var category in categories)
        {
            if (!TargetCategories.All.Contains(category))
            {
                throw new CliException($"--category {category}: unknown category (one of {string.Join(", ", TargetCategories.All)})");
            }
        }
    }

    /// <summary>Writes through a temporary file next to <paramref name="path"/>, so a failed write never leaves half a file.</summary>
    public static void WriteFile(string path, Action<Stream> write) => ReportBundle.WriteFile(path, write);
}
