using System.CommandLine;
using PolicyMiner.Storage;

namespace PolicyMiner.Cli.Pipeline;

/// <summary>The <c>--db</c> and <c>--no-wait</c> options shared by the verbs that use the database, and opening it with one-line errors.</summary>
/// <remarks>
/// Writers (ingest, run, db repair) hold the database alone; readers (targets, export, compare, db check) open it read-only
/// and share it with each other. Whoever finds it held waits, saying for whom, unless <c>--no-wait</c> is given.
/// </remarks>
internal static class StoreAccess
{
    /// <summary>A <c>--db PATH</c> option; <paramref name="defaultDescription"/> says where the database is when it is not given.</summary>
    public static Option<string?> DatabaseOption(string defaultDescription = $"./{PolicyStore.DefaultFileName}") => new("--db")
    {
        Description = $"The PolicyMiner database: a file (default: ${PolicyStores.DatabaseVariable}, else {defaultDescription}), "
            + "or a PostgreSQL server shared by a team (postgres://user@host:port/db or an Npgsql connection string).",
        HelpName = "PATH|URL",
    };

    /// <summary>A <c>--no-wait</c> option: fail at once when another process is using the database.</summary>
    public static Option<bool> NoWaitOption() => new("--no-wait")
    {
        Description = "Fail at once if another policyminer process is using the database, instead of waiting for it.",
    };

    /// <summary>Opens (creating if needed) the database as its one writer.</summary>
    public static IPolicyStore Open(string? path, string verb = "policyminer", bool noWait = false, CancellationToken cancellationToken = default) =>
        OpenStore(PathOf(path), new StoreOpenOptions(ReadOnly: false, Wait: !noWait, Purpose: verb, OnWaiting: Waiting, CancellationToken: cancellationToken));

    /// <summary>Opens a database that must already exist, read-only, as one of its readers.</summary>
    /// <remarks>
    /// Without --db: ./policyminer.db, else the one database in a folder just below (out/policyminer.db after the
    /// README's `run corpus --out out`), named on stderr; never an empty new database.
    /// </remarks>
    public static IPolicyStore OpenExisting(string? path, string verb = "policyminer", bool noWait = false, CancellationToken cancellationToken = default)
    {
        var options = new StoreOpenOptions(ReadOnly: true, Wait: !noWait, Purpose: verb, OnWaiting: Waiting, CancellationToken: cancellationToken);
        path = Given(path);
        if (!string.IsNullOrWhiteSpace(path))
        {
            return PolicyStores.IsServer(path) || File.Exists(path) ? OpenStore(path, options) : throw new CliException(CliMessages.NoDatabase(path));
        }

        if (File.Exists(PolicyStore.DefaultFileName))
        {
            return OpenStore(PolicyStore.DefaultFileName, options);
        }

        var found = FindBelow(Directory.GetCurrentDirectory());
        switch (found.Count)
        {
            case 0:
                throw new CliException(CliMessages.NoDatabase($"./{PolicyStore.DefaultFileName}"));
            case 1:
                Console.Error.WriteLine($"policyminer: {CliMessages.UsingDatabase(found[0])}");
                return OpenStore(found[0], options);
            default:
                throw new CliException(CliMessages.SeveralDatabases(found));
        }
    }

    /// <summary>Opens a database that must already exist as its one writer (for edits such as <c>review</c>).</summary>
    public static IPolicyStore OpenExistingForWriting(string? path, string verb = "policyminer", bool noWait = false, CancellationToken cancellationToken = default) =>
        OpenStore(ExistingFile(path), new StoreOpenOptions(ReadOnly: false, Wait: !noWait, Purpose: verb, OnWaiting: Waiting, CancellationToken: cancellationToken));

    private static string ExistingFile(string? path)
    {
        var file = PathOf(path);
        return PolicyStores.IsServer(file) || File.Exists(file)
            ? file
            : throw new CliException(CliMessages.NoDatabase(file));
    }

    /// <summary>The options a verb passes to the store's own maintenance calls.</summary>
    public static StoreOpenOptions Options(string verb, bool noWait, bool readOnly) =>
        new(ReadOnly: readOnly, Wait: !noWait, Purpose: verb, OnWaiting: Waiting);

    /// <summary>The database a verb uses: <c>--db</c>, else <c>$POLICYMINER_DB</c>, else ./policyminer.db.</summary>
    public static string PathOf(string? path) => Given(path) ?? PolicyStore.DefaultFileName;

    /// <summary>The LiteDB file a file-only verb works on; a PostgreSQL location is refused in one line.</summary>
    public static string LiteDbFile(string? path, string verbs)
    {
        var file = PathOf(path);
        return PolicyStores.IsServer(file)
            ? throw new CliException($"{PolicyStores.Describe(file)}: {verbs} work on LiteDB files; a PostgreSQL server checks its own storage")
            : file;
    }

    /// <summary>The database the user named: <c>--db</c>, else <c>$POLICYMINER_DB</c>; null when neither is set.</summary>
    public static string? Given(string? path) =>
        !string.IsNullOrWhiteSpace(path) ? path
        : Environment.GetEnvironmentVariable(PolicyStores.DatabaseVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment.Trim()
        : null;

    private static IPolicyStore OpenStore(string file, StoreOpenOptions options)
    {
        try
        {
            return PolicyStores.Open(file, options);
        }
        catch (StoreException e)
        {
            throw new CliException(e.Message);
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
        if (PolicyStores.IsServer(path))
        {
            return path;
        }

        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative;
    }

    private static void Waiting(string message) => Console.Error.WriteLine($"policyminer: {message}");
}
