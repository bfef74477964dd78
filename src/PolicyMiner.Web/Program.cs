namespace PolicyMiner.Web;

/// <summary>The app's own entry point, for `dotnet run --project src/PolicyMiner.Web -- --db FILE` and WebApplicationFactory; users start it with `policyminer serve`.</summary>
internal static class Program
{
    private static void Main(string[] args)
    {
        var options = ReviewServerOptions.FromArgs(args);
        // The database is opened on the first request; addresses and token must be right before anything listens.
        if (options.AddressProblem() is { } problem)
        {
            Console.Error.WriteLine($"policyminer-web: {problem}");
            Environment.Exit(1);
        }

        using var app = ReviewServer.Build(args, options);
        app.Run();
    }
}
