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
    /// <remarks>
    /// Without --db: ./policyminer.db, else the one database in a folder just below (out/policyminer.db after the
    /// README's `run corpus --out out`), named on stderr; never an empty new database.
    /// </remarks>
    public static PolicyStore OpenExisting(string? path)
    {
        if (!string.IsNullOrWhiteSpace(path))
        {
            return File.Exists(path) ? Open(path) : throw new CliException(CliMessages.NoDatabase(path));
        }

        if (File.Exists(PolicyStore.DefaultFileName))
        {
            return Open(PolicyStore.DefaultFileName);
        }

        var found = FindBelow(Directory.GetCurrentDirectory());
        switch (found.Count)
        {
            case 0:
                throw new CliException(CliMessages.NoDatabase($"./{PolicyStore.DefaultFileName}"));
            case 1:
                Console.Error.WriteLine($"policyminer: {CliMessages.UsingDatabase(found[0])}");
                return Open(found[0]);
            default:
                throw new CliException(CliMessages.SeveralDatabases(found));
        }
    }

    /// <summary>Databases named policyminer.db in the folders directly below <paramref name="folder"/>, as relative paths.</summary>
    internal static IReadOnlyList<string> FindBelow(string folder)
    {
        try
        {
            return
            [
                .. Directory.EnumerateDirectories(folder)
                    .Select(d => Path.Combine(d, PolicyStore.DefaultFileName))
                    .Where(File.Exists)
                    .Select(f => Path.GetRelativePath(folder, f))
                    .Order(StringComparer.Ordinal),
            ];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    /// <summary>A path relative to the working directory when it lies below it (shorter to copy into the next command).</summary>
    public static string Relative(string path)
    {
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative;
    }
}
