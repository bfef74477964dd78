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
        // One store for the app's lifetime: LiteDB opens the file once; review writes are serialised inside the store.
        // On PostgreSQL several editors (and several servers) share the database; each save checks the target's version.
        builder.Services.AddSingleton<IPolicyStore>(services => services.GetRequiredService<ReviewServerOptions>().Database is var database
            && PolicyStores.IsServer(database) ? PolicyStores.Open(database, new StoreOpenOptions(Purpose: "serve")) : PolicyStore.Open(database));
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
