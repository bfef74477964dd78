using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using PolicyMiner.Storage;

namespace PolicyMiner.Web.Tests;

/// <summary>Pages and API through WebApplicationFactory: escaping, security headers, antiforgery, tokens, conflicts.</summary>
public sealed partial class ApiAndPageTests : IDisposable
{
    private readonly SampleStore _samples = new(extraDocuments: 60);
    private readonly ReviewAppFactory _factory;
    private readonly HttpClient _client;

    public ApiAndPageTests()
    {
        _factory = new ReviewAppFactory(new ReviewServerOptions(_samples.Database, User: "默认编辑"));
        _client = _factory.CreateClient();
    }

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
        _samples.Dispose();
    }

    [GeneratedRegex("<meta name=\"csrf-token\" content=\"([^\"]+)\"")]
    private static partial Regex CsrfMeta();

    private async Task<string> CsrfTokenAsync()
    {
        var html = await _client.GetStringAsync(new Uri($"/documents/{_samples.PlanId}", UriKind.Relative));
        return CsrfMeta().Match(html).Groups[1].Value;
    }

    private async Task<JsonElement[]> TargetsAsync(string documentId) =>
        (await _client.GetFromJsonAsync<JsonElement[]>(new Uri($"/api/documents/{documentId}/targets", UriKind.Relative)))!;

    private async Task<HttpResponseMessage> PostAsync(string url, object body, string? csrf)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(url, UriKind.Relative)) { Content = JsonContent.Create(body) };
        if (csrf is not null)
        {
            request.Headers.Add(ReviewServer.AntiforgeryHeader, csrf);
        }

        return await _client.SendAsync(request);
    }

    [Fact]
    public async Task DocumentsPage_FirstPage_ListsFiftyWithTotalsAndNextLink()
    {
        var html = await _client.GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.Contains("<b>62</b> documents", html, StringComparison.Ordinal);
        Assert.Contains("63 pending</span>", html, StringComparison.Ordinal);
        Assert.Equal(50, Regex.Count(html, "<a href=\"/documents/"));
        Assert.Contains("rel=\"next\" href=\"/?page=2\"", html, StringComparison.Ordinal);
        var second = await _client.GetStringAsync(new Uri("/?page=2", UriKind.Relative));
        Assert.Equal(12, Regex.Count(second, "<a href=\"/documents/"));
    }

    [Fact]
    public async Task DocumentsPage_FilterByRegionAndState_OnlyMatches()
    {
        var html = await _client.GetStringAsync(new Uri("/?region=" + Uri.EscapeDataString("青川市"), UriKind.Relative));
        Assert.Contains("<b>1</b> documents", html, StringComparison.Ordinal);
        Assert.Contains("qingchuan-2018.txt", html, StringComparison.Ordinal);

        var rejected = await _client.GetStringAsync(new Uri("/?state=rejected", UriKind.Relative));
        Assert.Contains("<b>0</b> documents", rejected, StringComparison.Ordinal);

        var lowConfidence = await _client.GetStringAsync(new Uri("/?confidence=0.55", UriKind.Relative));
        Assert.Contains("<b>1</b> documents", lowConfidence, StringComparison.Ordinal);
        Assert.Contains("xss-2019.txt", lowConfidence, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DocumentPage_HostileText_RenderedEscapedUnderStrictCsp()
    {
        var response = await _client.GetAsync(new Uri($"/documents/{_samples.XssId}", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        // The only script is the app's own file; no inline script, no external resource.
        Assert.Single(Regex.Matches(html, "<script"));
        Assert.Matches("<script src=\"/assets/review\\.js\\?v=[0-9a-f]+\" defer></script>", html);
        Assert.DoesNotMatch("(src|href)=\"(https?:)?//", html);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DocumentPage_DocumentWithAFoldedDuplicate_NamesTheOtherFileEscaped()
    {
        var html = await _client.GetStringAsync(new Uri($"/documents/{_samples.PlanId}", UriKind.Relative));
        var other = await _client.GetStringAsync(new Uri($"/documents/{_samples.XssId}", UriKind.Relative));

        Assert.Contains("<p class=\"meta\" id=\"other-sources\">Also received as <span title=\"/samples/qingchuan-2018&lt;b&gt;.html\">qingchuan-2018&lt;b&gt;.html</span> (the same text, folded into this document)</p>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("other-sources", other, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DocumentPage_Targets_HighlightedAtTheirOffsets()
    {
        var html = await _client.GetStringAsync(new Uri($"/documents/{_samples.PlanId}", UriKind.Relative));
        var targets = await TargetsAsync(_samples.PlanId);

        foreach (var target in targets)
        {
            var start = target.GetProperty("start").GetInt32();
            var quote = target.GetProperty("quote").GetString()!;
            Assert.Contains($"<mark data-s=\"{start}\" data-t=\"{target.GetProperty("id").GetString()}\" class=\"st-unreviewed\">{quote}</mark>", html, StringComparison.Ordinal);
        }

        Assert.Contains("<kbd>a</kbd> accept", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_RefusedAndNothingChanges()
    {
        var target = (await TargetsAsync(_samples.PlanId))[0];
        var id = target.GetProperty("id").GetString();

        var response = await PostAsync($"/api/targets/{id}/accept", new { version = 0 }, csrf: null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("unreviewed", (await TargetsAsync(_samples.PlanId))[0].GetProperty("state").GetString());
    }

    [Fact]
    public async Task Correct_ThenStaleSave_ConflictNamesTheOtherEdit()
    {
        var csrf = await CsrfTokenAsync();
        var id = (await TargetsAsync(_samples.PlanId))[0].GetProperty("id").GetString();

        var first = await PostAsync($"/api/targets/{id}/correct", new { version = 0, user = "编辑甲", fields = new Dictionary<string, string> { ["value"] = "2.8" } }, csrf);
        var second = await PostAsync($"/api/targets/{id}/correct", new { version = 0, user = "编辑乙", fields = new Dictionary<string, string> { ["value"] = "3" } }, csrf);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var conflict = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("编辑甲", conflict.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("2.8", conflict.GetProperty("current").GetProperty("fields").GetProperty("value").GetString());
        var edit = conflict.GetProperty("other_edits").EnumerateArray().Single(e => e.GetProperty("field").GetString() == "value");
        Assert.Equal("2.5", edit.GetProperty("before").GetString());
        Assert.Equal("2.8", edit.GetProperty("after").GetString());
        using var store = _samples.Open();
        Assert.Equal(2.8, store.GetTarget(id!)!.Target.Value);
    }

    [Fact]
    public async Task Accept_WithoutUser_RecordsTheServersDefaultEditor()
    {
        var csrf = await CsrfTokenAsync();
        var id = (await TargetsAsync(_samples.PlanId))[1].GetProperty("id").GetString();

        var response = await PostAsync($"/api/targets/{id}/accept", new { version = 0 }, csrf);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var audit = await _client.GetFromJsonAsync<JsonElement[]>(new Uri($"/api/targets/{id}/audit", UriKind.Relative));
        Assert.Contains(audit!, e => e.GetProperty("user").GetString() == "默认编辑" && e.GetProperty("after").GetString() == "accepted");
    }

    [Fact]
    public async Task Parse_SelectionOfMissedTarget_PrefillsValueUnitAndComparator()
    {
        var start = SampleStore.PlanText.IndexOf("技术合同成交额达到30亿元", StringComparison.Ordinal);
        var end = start + "技术合同成交额达到30亿元".Length;

        var parsed = await _client.GetFromJsonAsync<JsonElement>(new Uri($"/api/documents/{_samples.PlanId}/parse?start={start}&end={end}", UriKind.Relative));

        var fields = parsed.GetProperty("fields");
        Assert.Equal("30", fields.GetProperty("value").GetString());
        Assert.Equal("亿元", fields.GetProperty("unit").GetString());
        Assert.Equal("=", fields.GetProperty("comparator").GetString());
        Assert.Equal("技术合同成交额达到30亿元", parsed.GetProperty("quote").GetString());
    }

    [Fact]
    public async Task AddTarget_ThroughApi_AppearsHighlighted()
    {
        var csrf = await CsrfTokenAsync();
        var start = SampleStore.PlanText.IndexOf("技术合同成交额达到30亿元", StringComparison.Ordinal);

        var response = await PostAsync($"/api/documents/{_samples.PlanId}/targets",
            new { start, end = start + 13, user = "编辑甲", fields = new Dictionary<string, string> { ["value"] = "30", ["unit"] = "亿元" } }, csrf);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await _client.GetStringAsync(new Uri($"/documents/{_samples.PlanId}", UriKind.Relative));
        Assert.Contains($"<mark data-s=\"{start}\"", html, StringComparison.Ordinal);
        Assert.Equal(3, (await TargetsAsync(_samples.PlanId)).Length);
    }

    [Fact]
    public async Task Queue_LowestConfidenceFirst()
    {
        var queue = await _client.GetFromJsonAsync<JsonElement[]>(new Uri("/api/queue?take=3", UriKind.Relative));

        Assert.Equal([0.5, 0.6, 0.8], queue!.Select(t => t.GetProperty("confidence").GetDouble()));
        Assert.Equal(SampleStore.XssIndicator, queue![0].GetProperty("fields").GetProperty("indicator").GetString());
    }

    [Fact]
    public async Task Token_RequiredOnEveryRequestWhenSet()
    {
        const string token = "sample-token-0123456789";
        using var factory = new ReviewAppFactory(new ReviewServerOptions(_samples.Database, Token: token));
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(new Uri("/assets/review.js", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(new Uri("/?token=wrong-token-000000000", UriKind.Relative))).StatusCode);

        var opened = await client.GetAsync(new Uri($"/queue?token={token}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.Equal("/queue", opened.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/queue", UriKind.Relative))).StatusCode);

        using var bearer = factory.CreateClient();
        bearer.DefaultRequestHeaders.Authorization = new("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync(new Uri("/api/queue", UriKind.Relative))).StatusCode);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080", null, null)]
    [InlineData("http://localhost:5080", null, null)]
    [InlineData("http://[::1]:5080", null, null)]
    [InlineData("http://0.0.0.0:8080", null, "needs an access token")]
    [InlineData("http://*:8080", null, "needs an access token")]
    [InlineData("http://192.168.1.5:8080", "sample-token-0123456789", null)]
    [InlineData("http://0.0.0.0:8080", "short", "at least 16 characters")]
    [InlineData("ftp://127.0.0.1:21", null, "not an http")]
    public void Options_Addresses_LoopbackFreeOthersNeedToken(string urls, string? token, string? problem)
    {
        var options = new ReviewServerOptions(_samples.Database, Urls: urls, Token: token);

        if (problem is null)
        {
            Assert.Null(options.Problem());
        }
        else
        {
            Assert.Contains(problem, options.Problem(), StringComparison.Ordinal);
        }
    }
}
