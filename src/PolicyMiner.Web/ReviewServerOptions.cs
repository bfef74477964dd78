using System.Net;
using PolicyMiner.Storage;

namespace PolicyMiner.Web;

/// <summary>How the review app is served: its database, the default editor name, its addresses and access token.</summary>
/// <param name="Database">The PolicyMiner database file (it must exist) or PostgreSQL location.</param>
/// <param name="User">The editor recorded when the browser names none.</param>
/// <param name="Urls">Addresses to listen on, ';'-separated (default <see cref="DefaultUrl"/>).</param>
/// <param name="Token">The access token every request must carry; required when any address is not loopback.</param>
/// <param name="NoWait">A review save while another process (an ingest) writes fails at once instead of waiting up to 30 s.</param>
public sealed record ReviewServerOptions(string Database, string? User = null, string? Urls = null, string? Token = null, bool NoWait = false)
{
    /// <summary>Loopback only: nobody else on the network can reach the app.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>The environment variable that gives the access token when <c>--token</c> is not passed.</summary>
    public const string TokenVariable = "POLICYMINER_TOKEN";

    /// <summary>The addresses as a list.</summary>
    public IReadOnlyList<string> UrlList => (Urls ?? DefaultUrl).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>True when every address is loopback (127.0.0.0/8, ::1, localhost).</summary>
    public bool LoopbackOnly => UrlList.All(IsLoopback);

    /// <summary>Null when the options can be served, else the one-line reason they cannot.</summary>
    public string? Problem() => PolicyStores.IsServer(Database) || File.Exists(Database)
        ? AddressProblem()
        : $"{Database}: no database here; run `policyminer ingest PATH...` first or pass --db";

    /// <summary>Null when the addresses and token are acceptable, else the one-line reason they are not.</summary>
    public string? AddressProblem()
    {
        foreach (var url in UrlList)
        {
            if (!Uri.TryCreate(url.Replace("*", "0.0.0.0", StringComparison.Ordinal).Replace("+", "0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri)
                || uri.Scheme is not ("http" or "https"))
            {
                return $"--urls {url}: not an http:// or https:// address";
            }
        }

        if (!LoopbackOnly && string.IsNullOrEmpty(Token))
        {
            return $"--urls {Urls}: serving beyond this machine needs an access token; pass --token T or set {TokenVariable}";
        }

        if (Token is { Length: > 0 and < 16 })
        {
            return "--token: use at least 16 characters (anyone who can reach the address can try tokens)";
        }

        return null;
    }

    /// <summary>Options from <c>--db</c>, <c>--user</c>, <c>--urls</c>, <c>--token</c> (each as "--name value"), with the token also from the environment.</summary>
    public static ReviewServerOptions FromArgs(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        string? Value(string name)
        {
            for (var i = 0; i < args.Count - 1; i++)
            {
                if (args[i] == name)
                {
                    return args[i + 1];
                }
            }

            return null;
        }

        return new ReviewServerOptions(
            Value("--db") ?? "policyminer.db",
            Value("--user"),
            Value("--urls"),
            Value("--token") ?? Environment.GetEnvironmentVariable(TokenVariable));
    }

    private static bool IsLoopback(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return false;
        }

        return uri.Host == "localhost" || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
    }
}
