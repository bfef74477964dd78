using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace PolicyMiner.Web.Tests;

/// <summary>The review app in memory over a sample store, with the given options (token, default editor).</summary>
/// <remarks>Any public type of the web assembly names its entry point; the options record is the one the tests use anyway.</remarks>
internal sealed class ReviewAppFactory(ReviewServerOptions options) : WebApplicationFactory<ReviewServerOptions>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder) =>
        builder.ConfigureServices(services => services.AddSingleton(options));
}
