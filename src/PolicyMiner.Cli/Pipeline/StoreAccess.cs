using System.CommandLine;
using PolicyMiner.Storage;

namespace PolicyMiner.Cli.Pipeline;

/// <summary>The <c>--db</c> option shared by every verb that uses the database, and opening it with one-line errors.</summary>
internal static class StoreAccess
{
    /// <summary>A <c>--db PATH</c> option; <paramref name="defaultDescription"/> says where the database is when it is not given.</summary>
    public static Option<string?> DatabaseOption(string defaultDescription = $"./{PolicyStore.DefaultFileName}") => new("--db")
    {
        Description = $"The PolicyMiner database file (default: {defaultDescription}).",
        HelpName = "PATH",
    };

    /// <summary>Opens the database, turning an unusable file into a <see cref="CliException"/>.</summary>
    public static PolicyStore Open(string? path)
    {
        var file = string.IsNullOrWhiteSpace(path) ? PolicyStore.DefaultFileName : path;
        try
        {
            return PolicyStore.Open(file);
        }
        catch (StoreException e)
        {
            throw new CliException(e.Message);
        }
    }

    /// <summary>Opens a database that must already exist (for verbs that only read).</summary>
    public static PolicyStore OpenExisting(string? path)
    {
        var file = string.IsNullOrWhiteSpace(path) ? PolicyStore.DefaultFileName : path;
        if (!File.Exists(file))
        {
            throw new CliException($"{file}: no database here; run `policyminer ingest PATH...` first or pass --db");
        }

        return Open(file);
    }
}
