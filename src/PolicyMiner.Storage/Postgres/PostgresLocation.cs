using Npgsql;

namespace PolicyMiner.Storage.Postgres;

/// <summary>Reads a PostgreSQL location as users write it: <c>postgres://user:password@host:port/database?sslmode=…</c> or an Npgsql connection string.</summary>
public static class PostgresLocation
{
    private static readonly string[] Schemes = ["postgres://", "postgresql://"];

    /// <summary>True for a URL with a PostgreSQL scheme, or <c>key=value;</c> text naming a host (a file path never has both '=' and "host").</summary>
    public static bool Recognises(string text) =>
        Array.Exists(Schemes, s => text.StartsWith(s, StringComparison.OrdinalIgnoreCase))
        || (text.Contains('=', StringComparison.Ordinal) && (text.Contains("host=", StringComparison.OrdinalIgnoreCase) || text.Contains("server=", StringComparison.OrdinalIgnoreCase)));

    /// <summary>The Npgsql connection string for <paramref name="text"/>.</summary>
    /// <exception cref="StoreException">The text is not a usable location; the message says why (without the password).</exception>
    public static NpgsqlConnectionStringBuilder Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!Array.Exists(Schemes, s => text.StartsWith(s, StringComparison.OrdinalIgnoreCase)))
        {
            try
            {
                return new NpgsqlConnectionStringBuilder(text);
            }
            catch (ArgumentException e)
            {
                throw new StoreException($"--db: not a valid PostgreSQL connection string ({e.Message})");
            }
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw new StoreException($"{Redact(text)}: not a valid PostgreSQL URL (postgres://user:password@host:port/database)");
        }

        var builder = new NpgsqlConnectionStringBuilder { Host = uri.Host, Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port };
        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            builder.Username = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            if (colon >= 0)
            {
                builder.Password = Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
            }
        }

        var database = Uri.UnescapeDataString(uri.AbsolutePath.Trim('/'));
        if (database.Length > 0)
        {
            builder.Database = database;
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? "" : Uri.UnescapeDataString(pair[(equals + 1)..]);
            try
            {
                builder[key] = value;
            }
            catch (ArgumentException)
            {
                throw new StoreException($"{Redact(text)}: unknown connection option '{key}'");
            }
        }

        return builder;
    }

    /// <summary>The location as shown in messages: host, port and database, never the password.</summary>
    public static string Describe(NpgsqlConnectionStringBuilder builder) =>
        $"postgres://{(string.IsNullOrEmpty(builder.Username) ? "" : builder.Username + "@")}{builder.Host}:{builder.Port}/{builder.Database}";

    private static string Redact(string text)
    {
        var at = text.IndexOf('@', StringComparison.Ordinal);
        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        return at > 0 && scheme > 0 ? text[..(scheme + 3)] + "…" + text[at..] : text;
    }
}
