using LiteDB;

namespace PolicyMiner.Storage;

/// <summary>A database that cannot be used as asked: not a PolicyMiner database, damaged, written by a newer PolicyMiner, or in use.</summary>
public sealed class StoreException : Exception
{
    public StoreException(string message)
        : base(message)
    {
    }

    public StoreException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public StoreException()
    {
    }

    /// <summary>True for a failure of the database engine itself (a damaged file), which callers report in one line.</summary>
    public static bool IsDatabaseFault(Exception exception) => exception is LiteException;

    /// <summary>True for a failure of the PostgreSQL server or the connection to it (lost, refused, out of space).</summary>
    public static bool IsServerFault(Exception exception) => exception is Npgsql.NpgsqlException;

    /// <summary>The one-line message for a failure of the PostgreSQL server.</summary>
    public static string ServerFault(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var detail = (exception is Npgsql.PostgresException pg ? $"{pg.SqlState}: {pg.MessageText}" : exception.Message).ReplaceLineEndings(" ").Trim();
        return $"the PostgreSQL server failed ({detail}); nothing of the unfinished transaction was stored";
    }

    /// <summary>The one-line message for a database the engine could not read.</summary>
    public static string Damaged(string path, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var detail = exception.Message.ReplaceLineEndings(" ").Trim();
        if (detail.Length > 160)
        {
            detail = detail[..160] + "…";
        }

        return $"{path}: damaged database ({detail}); run `policyminer db check --db {path}`, then `policyminer db repair --db {path}`";
    }
}
