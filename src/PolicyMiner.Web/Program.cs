using PolicyMiner.Web;

// `dotnet run --project src/PolicyMiner.Web -- --db policyminer.db`; users start it with `policyminer serve`.
var app = ReviewServer.Build(args, ReviewServerOptions.FromArgs(args));
app.Run();

/// <summary>The entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
