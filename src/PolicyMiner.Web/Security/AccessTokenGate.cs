using System.Security.Cryptography;
using System.Text;

namespace PolicyMiner.Web.Security;

/// <summary>Refuses every request that does not carry the access token (header, cookie, or once in the query string).</summary>
/// <remarks>
/// A browser opens <c>/?token=T</c> once: the token goes into an HttpOnly, SameSite=Strict cookie and the address is
/// reloaded without it, so it does not linger in the history. Scripts send <c>Authorization: Bearer T</c>.
/// </remarks>
internal sealed class AccessTokenGate(RequestDelegate next, ReviewServerOptions options)
{
    public const string CookieName = "pm_token";
    public const string QueryName = "token";

    private readonly byte[]? _token = string.IsNullOrEmpty(options.Token) ? null : Encoding.UTF8.GetBytes(options.Token);

    public Task InvokeAsync(HttpContext context)
    {
        if (_token is null)
        {
            // No token: the server only listens on loopback (ReviewServerOptions.Problem refuses anything else).
            return next(context);
        }

        var request = context.Request;
        if (request.Query.TryGetValue(QueryName, out var fromQuery) && Matches(fromQuery.ToString()))
        {
            context.Response.Cookies.Append(CookieName, fromQuery.ToString(), new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, IsEssential = true });
            var query = QueryString.Create(request.Query.Where(q => q.Key != QueryName));
            context.Response.Redirect(request.PathBase + request.Path + query);
            return Task.CompletedTask;
        }

        var header = request.Headers.Authorization.ToString();
        if ((header.StartsWith("Bearer ", StringComparison.Ordinal) && Matches(header["Bearer ".Length..]))
            || (request.Cookies.TryGetValue(CookieName, out var cookie) && Matches(cookie)))
        {
            return next(context);
        }

        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync("PolicyMiner: this review app needs its access token: open the address with ?token=… once, or send Authorization: Bearer ….\n");
    }

    private bool Matches(string candidate) => CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(candidate), _token ?? []);
}
