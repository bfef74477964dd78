using PolicyMiner.Storage.Postgres;

namespace PolicyMiner.Storage;

/// <summary>Opens the store a <c>--db</c> text names: a PostgreSQL server for a <c>postgres://</c> URL or an Npgsql connection string, else a LiteDB file.</summary>
public static class PolicyStores
{
    /// <summary>The environment variable that names the database when no <c>--db</c> is given.</summary>
    public const string DatabaseVariable = "POLICYMINER_DB";

    /// <summary>True when <paramref name="database"/> names a PostgreSQL server rather than a file.</summary>
    public static bool IsServer(string? database) => database is not null && PostgresLocation.Recognises(database);

    /// <summary>Opens the database <paramref name="database"/> names (see <see cref="IsServer"/>), migrating it when <paramref name="options"/> allow writing.</summary>
    /// <exception cref="StoreException">The database cannot be used: refused, damaged, unreachable, newer, or in use.</exception>
    public static IPolicyStore Open(string database, StoreOpenOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(database);
        ArgumentNullException.ThrowIfNull(options);
        return IsServer(database) ? PostgresPolicyStore.Open(database, options) : PolicyStore.Open(database, options);
    }

    /// <summary>The database as messages show it: a file path as given, a server without its password.</summary>
    public static string Describe(string database) =>
        IsServer(database) ? PostgresLocation.Describe(PostgresLocation.Parse(database)) : database;

    /// <summary>Opens the database as its writer with default options.</summary>
    public static IPolicyStore Open(string database) => Open(database, new StoreOpenOptions());
}
