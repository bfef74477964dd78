using System.CommandLine;
using PolicyMiner.Cli.Pipeline;
using PolicyMiner.Core.Indicators;
using PolicyMiner.Core.Targets;
using PolicyMiner.Reports;
using PolicyMiner.Storage;

namespace PolicyMiner.Cli.Commands;

/// <summary>Options shared by the verbs that read the store and write reports (export, compare).</summary>
internal static class ReportOptions
{
    public static Option<string?> Database() => StoreAccess.DatabaseOption(
        $"./{PolicyStore.DefaultFileName}, else the one in a folder just below, such as out/{PolicyStore.DefaultFileName}");

    public static Option<string?> Indicators() => TaxonomyOption.Create();

    public static Option<string[]> Categories() => new Option<string[]>("--category")
    {
        Description = "Only targets of these categories (repeatable): " + string.Join(", ", TargetCategories.All) + ".",
        AllowMultipleArgumentsPerToken = true,
        HelpName = "C",
    }.OneOf(TargetCategories.All);

    /// <summary>Opens an existing database for reading; a missing file is an expected failure, not a new empty database.</summary>
    /// <remarks>Read-only, as one of the database's readers: a report never writes the store and waits while an ingest writes it.</remarks>
    public static IPolicyStore OpenExisting(string? path, bool noWait = false) => StoreAccess.OpenExisting(path, "report", noWait);

    public static IndicatorTaxonomy LoadTaxonomy(string? userFile) => TaxonomyOption.Load(userFile);

    public static void CheckCategories(IEnumerable<string> categories)
    {
        foreach (var category in categories.Where(c => !TargetCategories.All.Contains(c)))
        {
            throw new CliException(CliMessages.UnknownValue("--category", category, TargetCategories.All));
        }
    }

    /// <summary>Writes through a temporary file next to <paramref name="path"/>, so a failed write never leaves half a file.</summary>
    /// <remarks>An existing file is overwritten (deliberately: reports are regenerated); a folder is refused in one line.</remarks>
    public static void WriteFile(string path, Action<Stream> write)
    {
        if (Directory.Exists(path))
        {
            throw new CliException(CliMessages.OutIsFolder(path));
        }

        ReportBundle.WriteFile(path, write);
    }
}
