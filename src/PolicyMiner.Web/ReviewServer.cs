using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.DataProtection;
using PolicyMiner.Storage;
using PolicyMiner.Web.Api;
using PolicyMiner.Web.Pages;
using PolicyMiner.Web.Security;
using PolicyMiner.Web.Selection;

namespace PolicyMiner.Web;

/// <summary>Composes the review web app: the store, security (access token, CSP, antiforgery), pages, API and assets.</summary>
public static class ReviewServer
{
    /// <summary>The header that carries the antiforgery token on every state-changing request.</summary>
    public const string AntiforgeryHeader = "X-CSRF-TOKEN";

    /// <summary>Builds the app for <paramref name="options"/>; the caller runs it (and disposes it, which closes the store).</summary>
    /// <remarks>Everything reads the options from the services, so a test host can replace them.</remarks>
    public static WebApplication Build(string[] args, ReviewServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls([.. options.UrlList]);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(options);
        // One store for the app's lifetime. LiteDB: a serving store holds no lock between requests, so an ingest may write
        // meanwhile; each request reads the last commit, and each review write takes the writer's turn (PolicyStore.Access.cs).
        // PostgreSQL: several editors (and several servers) share the database; each save checks the target's version.
        builder.Services.AddSingleton<IPolicyStore>(services =>
        {
            var served = services.GetRequiredService<ReviewServerOptions>();
            return PolicyStores.IsServer(served.Database)
                ? PolicyStores.Open(served.Database, new StoreOpenOptions(Purpose: "serve"))
                : PolicyStore.Open(served.Database, new StoreOpenOptions(
                    Wait: !served.NoWait,
                    Purpose: "serve",
                    OnWaiting: message => Console.Error.WriteLine($"policyminer serve: {message}"),
                    Serving: true));
        });
        builder.Services.AddSingleton<SelectionParser>();
        // Antiforgery keys live in memory: nothing is written to the user's profile, and a restart just asks for a page reload.
        builder.Services.AddDataProtection().UseEphemeralDataProtectionProvider();
        builder.Services.AddAntiforgery(o =>
        {
            o.HeaderName = AntiforgeryHeader;
            o.Cookie.Name = "pm_af";
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.SnakeCaseLower);

        var app = builder.Build();
        app.UseMiddleware<SecurityHeaders>();
        app.UseMiddleware<AccessTokenGate>();
        // A database busy past patience (an ingest holding the writer's turn) or damaged: one line, 503, not a stack trace.
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context).ConfigureAwait(false);
            }
            catch (StoreException e) when (!context.Response.HasStarted)
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                await context.Response.WriteAsJsonAsync(new { message = e.Message }).ConfigureAwait(false);
            }
        });

        Assets.Map(app);
        DocumentsPage.Map(app);
        DocumentPage.Map(app);
        QueuePage.Map(app);
        ReviewApi.Map(app);
        // Count the whole store once in the background, so the first editor does not wait for it (see ListDocuments).
        app.Lifetime.ApplicationStarted.Register(() => _ = Task.Run(() =>
        {
            try
            {
                app.Services.GetRequiredService<IPolicyStore>().ListDocuments(new Storage.Reviewing.DocumentFilter(), 0, 1);
            }
            catch (Exception e) when (e is StoreException or IOException)
            {
                // The first request reports an unusable database itself.
            }
        }));
        return app;
    }

    /// <summary>The antiforgery request token for a page, stored alongside its cookie.</summary>
    internal static string RequestToken(HttpContext context) =>
        context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context).RequestToken ?? "";
}
