using System.Reflection;
using System.Security.Cryptography;

namespace PolicyMiner.Web.Pages;

/// <summary>Serves the embedded front end (<c>/assets/review.js</c>, <c>/assets/review.css</c>) with ETags.</summary>
internal static class Assets
{
    private static readonly Dictionary<string, (byte[] Bytes, string Type, string ETag)> Files = Load();

    /// <summary>The asset's address with its content hash, so a new build is never served from a stale cache.</summary>
    public static string Url(string name) => $"/assets/{name}?v={Files[name].ETag.Trim('"')}";

    public static void Map(WebApplication app) => app.MapGet("/assets/{name}", (string name, HttpContext context) =>
    {
        if (!Files.TryGetValue(name, out var file))
        {
            return Results.NotFound();
        }

        if (context.Request.Headers.IfNoneMatch == file.ETag)
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        context.Response.Headers.ETag = file.ETag;
        context.Response.Headers.CacheControl = "no-cache";
        return Results.Bytes(file.Bytes, file.Type);
    });

    private static Dictionary<string, (byte[], string, string)> Load()
    {
        var assembly = typeof(Assets).Assembly;
        var files = new Dictionary<string, (byte[], string, string)>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith("assets/", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var bytes = buffer.ToArray();
            var type = resource.EndsWith(".js", StringComparison.Ordinal) ? "text/javascript; charset=utf-8" : "text/css; charset=utf-8";
            files[resource["assets/".Length..]] = (bytes, type, $"\"{Convert.ToHexStringLower(SHA256.HashData(bytes))[..16]}\"");
        }

        return files;
    }
}
