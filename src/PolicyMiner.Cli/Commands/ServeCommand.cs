using System.CommandLine;
using PolicyMiner.Cli.Pipeline;
using PolicyMiner.Storage;
using Microsoft.Extensions.Hosting;
using PolicyMiner.Web;

namespace PolicyMiner.Cli.Commands;

/// <summary><c>policyminer serve</c>: the review web app for editors, on this machine only unless given an access token.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var db = StoreAccess.DatabaseOption();
        var urls = new Option<string?>("--urls")
        {
            Description = $"Addresses to listen on, ';'-separated (default {ReviewServerOptions.DefaultUrl}). Any address beyond loopback needs --token.",
            HelpName = "URL",
        };
        var user = new Option<string?>("--user") { Description = "Editor name recorded when the browser gives none.", HelpName = "NAME" };
        var token = new Option<string?>("--token")
        {
            Description = $"Access token every request must carry (default ${ReviewServerOptions.TokenVariable}); at least 16 characters.",
            HelpName = "T",
        };
        var noWait = new Option<bool>("--no-wait")
        {
            Description = "A review save while an ingest writes the database fails at once (503) instead of waiting up to 30 s for its turn.",
        };
        var command = new Command("serve", "Serve the review web app: documents, their text with targets highlighted, a review queue; accept, reject, correct and add targets.")
        {
            db, urls, user, token, noWait,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = new ReviewServerOptions(
                StoreAccess.PathOf(parse.GetValue(db)) is var database && PolicyStores.IsServer(database) ? database : Path.GetFullPath(database),
                parse.GetValue(user) ?? Environment.GetEnvironmentVariable(ReviewCommand.UserVariable),
                parse.GetValue(urls),
                parse.GetValue(token) ?? Environment.GetEnvironmentVariable(ReviewServerOptions.TokenVariable),
                parse.GetValue(noWait));
            if (options.Problem() is { } problem)
            {
                throw new CliException(problem);
            }

            if (PolicyStores.IsServer(options.Database))
            {
                // Reach the server (and migrate its schema) now, so that a wrong address is one line here, not an error page later.
                StoreAccess.OpenExistingForWriting(options.Database, "serve").Dispose();
            }

            await using var app = ReviewServer.Build([], options);
            try
            {
                await app.StartAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (IOException e)
            {
                throw new CliException($"--urls {string.Join(';', options.UrlList)}: cannot listen ({e.Message})");
            }

            Console.Error.WriteLine($"policyminer serve: reviewing {PolicyStores.Describe(options.Database)} at {string.Join(", ", options.UrlList)}");
            Console.Error.WriteLine(string.IsNullOrEmpty(options.Token)
                ? "  bound to this machine only (loopback); no access token needed. Stop with Ctrl+C."
                : $"  every request must carry the access token: open {options.UrlList[0]}/?token=<token> once in a browser "
                  + "(it is kept in a cookie), or send 'Authorization: Bearer <token>'. Stop with Ctrl+C.");
            await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
            return 0;
        });
        return command;
    }
}
