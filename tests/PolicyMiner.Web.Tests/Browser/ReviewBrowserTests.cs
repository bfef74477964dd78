using System.CommandLine;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using PolicyMiner.Cli;
using PolicyMiner.Storage;

namespace PolicyMiner.Web.Tests.Browser;

/// <summary>The editors' flows in a real browser (Debian chromium via Playwright) against the app on a loopback port.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ReviewBrowserTests(BrowserFixture browser) : IDisposable
{
    private readonly SampleStore _samples = new();

    public void Dispose() => _samples.Dispose();

    private (string RdId, string FirmsId) PlanTargets()
    {
        using var store = _samples.Open();
        var targets = store.TargetsOf(_samples.PlanId);
        return (targets.Single(t => t.Target.Unit == "%").Id, targets.Single(t => t.Target.Unit == "家").Id);
    }

    private static async Task<IPage> OpenAsync(IBrowserContext context, string url, string? editor = null)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(url);
        await page.Locator("body[data-ready=true]").WaitForAsync();
        if (editor is not null)
        {
            await page.FillAsync("#editor", editor);
            await page.Locator("#editor").DispatchEventAsync("change");
            await page.Locator("#editor").BlurAsync();
        }

        return page;
    }

    private static int Cli(params string[] args)
    {
        var root = new RootCommand();
        foreach (var verb in Verbs.All())
        {
            root.Subcommands.Add(verb);
        }

        return CliRunner.Run(root, args);
    }

    private StoredTarget Stored(string id)
    {
        using var store = _samples.Open();
        return store.GetTarget(id)!;
    }

    [SkippableFact]
    public async Task ReviewDocument_KeyboardOnly_AcceptCorrectAndReject()
    {
        var (rd, firms) = PlanTargets();
        await using (var server = await LiveServer.StartAsync(_samples.Database))
        {
            await using var context = await browser.Require().NewContextAsync();
            var page = await OpenAsync(context, $"{server.Url}/documents/{_samples.PlanId}");
            await page.Locator($"#card-{rd}.selected").WaitForAsync();

            await page.Keyboard.PressAsync("a");
            await page.Locator($"#card-{rd}.st-accepted").WaitForAsync();
            await page.Locator($"#card-{firms}.selected").WaitForAsync();

            // e opens the form on the indicator; Tab three times reaches the value, which Tab selects, so typing replaces it.
            await page.Keyboard.PressAsync("e");
            for (var i = 0; i < 3; i++)
            {
                await page.Keyboard.PressAsync("Tab");
            }

            await page.Keyboard.TypeAsync("130");
            await page.Keyboard.PressAsync("Enter");
            await page.Locator($"#card-{firms}.st-corrected").WaitForAsync();

            await page.Keyboard.PressAsync("k");
            await page.Locator($"#card-{rd}.selected").WaitForAsync();
            await page.Keyboard.PressAsync("r");
            await page.Locator($"#card-{rd}.st-rejected").WaitForAsync();
            Assert.Equal("0 pending, 0 accepted, 1 corrected, 1 rejected", await page.Locator("#doc-counts").TextContentAsync());
        }

        Assert.Equal(ReviewState.Rejected, Stored(rd).Review.State);
        Assert.Equal(ReviewState.Corrected, Stored(firms).Review.State);
        Assert.Equal(130, Stored(firms).Target.Value);
    }

    [SkippableFact]
    public async Task CorrectValue_SeenInExport()
    {
        var (rd, _) = PlanTargets();
        await using (var server = await LiveServer.StartAsync(_samples.Database))
        {
            await using var context = await browser.Require().NewContextAsync();
            var page = await OpenAsync(context, $"{server.Url}/documents/{_samples.PlanId}", editor: "编辑甲");
            var card = page.Locator($"#card-{rd}");
            await card.Locator("button[data-act=edit]").ClickAsync();
            await card.Locator("input[name=value]").FillAsync("2.8");
            await card.Locator("button[type=submit]").ClickAsync();
            await page.Locator($"#card-{rd}.st-corrected").WaitForAsync();
            Assert.Equal("2.8", await card.Locator("dd[data-field=value]").TextContentAsync());
        }

        var export = Path.Combine(_samples.Folder, "targets.jsonl");
        Assert.Equal(0, Cli("export", "--out", export, "--db", _samples.Database));
        var row = File.ReadAllLines(export).Select(l => JsonNode.Parse(l)!.AsObject()).Single(r => (string?)r["target_id"] == rd);
        Assert.Equal(2.8, (double)row["value"]!);
        Assert.Equal("corrected", (string?)row["review_state"]);
        Assert.Equal("编辑甲", (string?)row["reviewed_by"]);
    }

    [SkippableFact]
    public async Task Reject_TargetLeavesCompare()
    {
        var (_, firms) = PlanTargets();
        var before = Path.Combine(_samples.Folder, "before.html");
        Assert.Equal(0, Cli("compare", "--out", before, "--db", _samples.Database));
        Assert.Contains("高新技术企业达到120家", File.ReadAllText(before), StringComparison.Ordinal);

        await using (var server = await LiveServer.StartAsync(_samples.Database))
        {
            await using var context = await browser.Require().NewContextAsync();
            var page = await OpenAsync(context, $"{server.Url}/documents/{_samples.PlanId}#t={firms}");
            await page.Locator($"#card-{firms}.selected").WaitForAsync();
            await page.Keyboard.PressAsync("r");
            await page.Locator($"#card-{firms}.st-rejected").WaitForAsync();
            Assert.Contains("st-rejected", await page.Locator($"mark[data-t='{firms}']").GetAttributeAsync("class"), StringComparison.Ordinal);
        }

        var after = Path.Combine(_samples.Folder, "after.html");
        Assert.Equal(0, Cli("compare", "--out", after, "--db", _samples.Database));
        Assert.DoesNotContain("高新技术企业达到120家", File.ReadAllText(after), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task AddMissedTarget_BySelectingText_PrefilledAndSaved()
    {
        const string missed = "技术合同成交额达到30亿元";
        var start = SampleStore.PlanText.IndexOf(missed, StringComparison.Ordinal);
        string added;
        await using (var server = await LiveServer.StartAsync(_samples.Database))
        {
            await using var context = await browser.Require().NewContextAsync();
            var page = await OpenAsync(context, $"{server.Url}/documents/{_samples.PlanId}", editor: "编辑丙");

            // Select the words in the text as a mouse drag would: a DOM range over them.
            await page.EvaluateAsync(
                @"words => {
                    const text = document.getElementById('text');
                    const walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
                    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                      const at = node.data.indexOf(words);
                      if (at < 0) continue;
                      const range = document.createRange();
                      range.setStart(node, at);
                      range.setEnd(node, at + words.length);
                      getSelection().removeAllRanges();
                      getSelection().addRange(range);
                      return;
                    }
                    throw new Error('words not in text');
                  }",
                missed);
            await page.Keyboard.PressAsync("n");
            var form = page.Locator("#card-new form.edit");
            await form.WaitForAsync();
            Assert.Equal("30", await form.Locator("input[name=value]").InputValueAsync());
            Assert.Equal("亿元", await form.Locator("input[name=unit]").InputValueAsync());
            Assert.Equal("=", await form.Locator("select[name=comparator]").InputValueAsync());
            Assert.Equal(missed, await page.Locator("#card-new .quote").TextContentAsync());

            // The page may already show another target's #t=…: wait for the new target's id, not for any id.
            var before = page.Url;
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForURLAsync(url => url != before && System.Text.RegularExpressions.Regex.IsMatch(url, "#t=[0-9a-f]{24}$"));
            await page.Locator("body[data-ready=true]").WaitForAsync();
            await page.Locator("#card-list .card").Nth(2).WaitForAsync();
            added = new Uri(page.Url).Fragment[3..];
            Assert.Equal(missed, await page.Locator($"mark[data-s='{start}']").TextContentAsync());
            Assert.Equal(3, await page.Locator("#card-list .card").CountAsync());
        }

        var target = Stored(added);
        Assert.True(target.AddedByEditor);
        Assert.Equal(30, target.Target.Value);
        Assert.Equal("编辑丙", target.Review.Reviewer);
    }

    [SkippableFact]
    public async Task TwoEditorsOnOneTarget_SecondSaveGetsConflictShowingTheFirstEdit()
    {
        var (rd, _) = PlanTargets();
        await using (var server = await LiveServer.StartAsync(_samples.Database))
        {
            var chromium = browser.Require();
            await using var first = await chromium.NewContextAsync();
            await using var second = await chromium.NewContextAsync();
            var a = await OpenAsync(first, $"{server.Url}/documents/{_samples.PlanId}", editor: "编辑甲");
            var b = await OpenAsync(second, $"{server.Url}/documents/{_samples.PlanId}", editor: "编辑乙");

            foreach (var (page, value) in new[] { (a, "2.8"), (b, "3.1") })
            {
                var card = page.Locator($"#card-{rd}");
                await card.Locator("button[data-act=edit]").ClickAsync();
                await card.Locator("input[name=value]").FillAsync(value);
                await card.Locator("button[type=submit]").ClickAsync();
            }

            await a.Locator($"#card-{rd}.st-corrected").WaitForAsync();
            var conflict = b.Locator($"#card-{rd} .conflict");
            await conflict.WaitForAsync();
            var message = await conflict.TextContentAsync();
            Assert.Contains("编辑甲", message, StringComparison.Ordinal);
            Assert.Contains("value: 2.5 → 2.8", message, StringComparison.Ordinal);
            // B now sees A's value and can re-apply its own deliberately.
            Assert.Equal("2.8", await b.Locator($"#card-{rd} dd[data-field=value]").TextContentAsync());
        }

        Assert.Equal(2.8, Stored(rd).Target.Value);
        Assert.Equal("编辑甲", Stored(rd).Review.Reviewer);
    }

    [SkippableFact]
    public async Task HostileDocument_RendersInert()
    {
        await using var server = await LiveServer.StartAsync(_samples.Database);
        await using var context = await browser.Require().NewContextAsync();
        var page = await context.NewPageAsync();
        var dialogs = new List<string>();
        page.Dialog += (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            _ = dialog.DismissAsync();
        };

        await page.GotoAsync($"{server.Url}/documents/{_samples.XssId}");
        await page.Locator("body[data-ready=true]").WaitForAsync();
        await page.Locator("#card-list .card").First.WaitForAsync();
        await page.WaitForTimeoutAsync(300);

        Assert.Empty(dialogs);
        Assert.Equal(0, await page.Locator("img").CountAsync());
        Assert.Equal(1, await page.Locator("script").CountAsync());
        Assert.Contains("<script>alert(1)</script>", await page.Locator("#text").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal(SampleStore.XssIndicator, await page.Locator("dd[data-field=indicator]").TextContentAsync());
    }

    [SkippableFact]
    public async Task ChinesePages_RenderGlyphsNotTofu()
    {
        await using var server = await LiveServer.StartAsync(_samples.Database);
        await using var context = await browser.Require().NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        var page = await OpenAsync(context, $"{server.Url}/documents/{_samples.PlanId}");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(_samples.Folder, "document.png") });

        // Render single characters in the page's own font and screenshot each: with a CJK font two different characters
        // differ, and neither looks like a private-use character (drawn as the missing-glyph box). With tofu all three match.
        await page.EvaluateAsync(
            @"() => {
                for (const [id, ch] of [['g1', '科'], ['g2', '技'], ['g0', '\uE000']]) {
                  const span = document.createElement('span');
                  span.id = id;
                  span.textContent = ch;
                  span.style.fontSize = '48px';
                  span.style.display = 'inline-block';
                  span.style.width = '64px';
                  span.style.height = '64px';
                  span.style.background = '#fff';
                  document.querySelector('h1').append(span);
                }
              }");
        var science = await page.Locator("#g1").ScreenshotAsync();
        var technology = await page.Locator("#g2").ScreenshotAsync();
        var missing = await page.Locator("#g0").ScreenshotAsync();

        Assert.NotEqual(Convert.ToBase64String(science), Convert.ToBase64String(technology));
        Assert.NotEqual(Convert.ToBase64String(science), Convert.ToBase64String(missing));
        Assert.NotEqual(Convert.ToBase64String(technology), Convert.ToBase64String(missing));
    }
}
