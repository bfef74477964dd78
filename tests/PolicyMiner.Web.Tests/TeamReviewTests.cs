using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using PolicyMiner.Storage;
using PolicyMiner.Storage.Transfer;
using PolicyMiner.Tests.Shared;

namespace PolicyMiner.Web.Tests;

/// <summary>The review app on PostgreSQL: two app servers over one database, two editors saving the same target.</summary>
[Collection(PostgresCollection.Name)]
public sealed partial class TeamReviewTests(TestPostgres server) : IDisposable
{
    private readonly SampleStore _samples = new();

    public void Dispose() => _samples.Dispose();

    [GeneratedRegex("<meta name=\"csrf-token\" content=\"([^\"]+)\"")]
    private static partial Regex CsrfMeta();

    [SkippableFact]
    public async Task Correct_OnTwoServersOfOneDatabase_SecondStaleSaveIsAConflictAndBothSeeTheAudit()
    {
        var database = server.NewDatabase();
        using (var local = _samples.Open())
        using (var shared = PolicyStores.Open(database))
        {
            StoreCopy.Copy(local, shared);
        }

        using var first = new ReviewAppFactory(new ReviewServerOptions(database));
        using var second = new ReviewAppFactory(new ReviewServerOptions(database));
        using var editorA = first.CreateClient();
        using var editorB = second.CreateClient();
        var targets = (await editorA.GetFromJsonAsync<JsonElement[]>(new Uri($"/api/documents/{_samples.PlanId}/targets", UriKind.Relative)))!;
        var id = targets[0].GetProperty("id").GetString()!;
        var version = targets[0].GetProperty("version").GetInt32();

        var saved = await Post(editorA, $"/api/targets/{id}/correct", new { version, user = "编辑甲", fields = new Dictionary<string, string> { ["value"] = "2.8" } });
        var stale = await Post(editorB, $"/api/targets/{id}/correct", new { version, user = "编辑乙", fields = new Dictionary<string, string> { ["value"] = "3" } });

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var conflict = await stale.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("编辑甲", conflict.GetProperty("message").GetString(), StringComparison.Ordinal);
        var audit = (await editorB.GetFromJsonAsync<JsonElement[]>(new Uri($"/api/targets/{id}/audit", UriKind.Relative)))!;
        Assert.Contains(audit, e => e.GetProperty("field").GetString() == "value" && e.GetProperty("after").GetString() == "2.8");
        using var store = PolicyStores.Open(database);
        Assert.Equal(2.8, store.GetTarget(id)!.Target.Value);
    }

    private static async Task<HttpResponseMessage> Post(HttpClient client, string url, object body)
    {
        var html = await client.GetStringAsync(new Uri("/", UriKind.Relative));
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(url, UriKind.Relative)) { Content = JsonContent.Create(body) };
        request.Headers.Add(ReviewServer.AntiforgeryHeader, CsrfMeta().Match(html).Groups[1].Value);
        return await client.SendAsync(request);
    }
}
