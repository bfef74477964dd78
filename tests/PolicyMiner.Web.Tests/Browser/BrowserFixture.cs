using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace PolicyMiner.Web.Tests.Browser;

/// <summary>One headless Debian chromium for the browser tests, driven by Playwright through its executable path.</summary>
/// <remarks>
/// The Playwright browser download does not work on these machines, so the system's chromium is launched by path. Without
/// it the tests skip and say why; under CI (CI=true) a missing chromium is a failure, because CI installs it.
/// </remarks>
public sealed class BrowserFixture : IAsyncLifetime
{
    public static string ChromiumPath => Environment.GetEnvironmentVariable("POLICYMINER_CHROMIUM") ?? "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser? Browser { get; private set; }

    public string Unavailable { get; private set; } = "";

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            Unavailable = $"chromium not found at {ChromiumPath} (apt-get install chromium fonts-noto-cjk); browser tests skipped";
            return;
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }

    /// <summary>Skips the calling test when chromium is missing, except under CI where it must be there.</summary>
    public IBrowser Require()
    {
        if (Browser is null && Environment.GetEnvironmentVariable("CI") == "true")
        {
            Assert.Fail(Unavailable + " — but CI must run them (.ci/run installs chromium)");
        }

        Skip.If(Browser is null, Unavailable);
        return Browser!;
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}

/// <summary>The review app on a real Kestrel port on loopback, over a sample store; disposing it stops it and closes the store.</summary>
internal sealed class LiveServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LiveServer(WebApplication app, string url)
    {
        _app = app;
        Url = url;
    }

    public string Url { get; }

    public static async Task<LiveServer> StartAsync(string database)
    {
        var app = ReviewServer.Build([], new ReviewServerOptions(database, User: null, Urls: "http://127.0.0.1:0"));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LiveServer(app, address);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
