using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace PolicyMiner.Web.Pages;

/// <summary>Server-side HTML: every piece of data goes through <see cref="E"/>; the page shell links the local script and style.</summary>
/// <remarks>Chinese is written as characters, not entities; markup characters and quotes are always escaped.</remarks>
internal static class Html
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>Escapes text for element content and quoted attribute values.</summary>
    public static string E(string? text) => text is null ? "" : Encoder.Encode(text);

    public static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public static string I(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The page shell: header with navigation and the editor's name, then <paramref name="main"/>.</summary>
    public static IResult Page(HttpContext context, string page, string title, string main, string? extraHead = null)
    {
        var options = context.RequestServices.GetRequiredService<ReviewServerOptions>();
        var html = new StringBuilder(main.Length + 2048);
        html.Append("<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(E(title)).Append(" · PolicyMiner review</title>")
            .Append("<link rel=\"stylesheet\" href=\"").Append(E(Assets.Url("review.css"))).Append("\">")
            .Append("<meta name=\"csrf-token\" content=\"").Append(E(ReviewServer.RequestToken(context))).Append("\">")
            .Append("<meta name=\"pm-user\" content=\"").Append(E(options.User ?? "")).Append("\">")
            .Append(extraHead ?? "")
            .Append("<script src=\"").Append(E(Assets.Url("review.js"))).Append("\" defer></script>")
            .Append("</head><body data-page=\"").Append(E(page)).Append("\">")
            .Append("<header class=\"top\"><a class=\"brand\" href=\"/\">PolicyMiner review</a>")
            .Append("<nav><a href=\"/\"").Append(page == "documents" ? " aria-current=\"page\"" : "").Append(">Documents</a>")
            .Append("<a href=\"/queue\"").Append(page == "queue" ? " aria-current=\"page\"" : "").Append(">Review queue</a></nav>")
            .Append("<label class=\"editor\">Editor <input id=\"editor\" autocomplete=\"off\" maxlength=\"60\" placeholder=\"your name\"></label>")
            .Append("</header><main>").Append(main).Append("</main>")
            .Append("<div id=\"toast\" role=\"status\" aria-live=\"polite\" hidden></div></body></html>");
        return Results.Content(html.ToString(), "text/html; charset=utf-8");
    }

    /// <summary>The keyboard help of the review queue (no text to select there).</summary>
    public const string QueueShortcuts =
        "<aside class=\"keys\" aria-label=\"Keyboard shortcuts\"><b>Keys</b> "
        + "<kbd>j</kbd>/<kbd>↓</kbd> next · <kbd>k</kbd>/<kbd>↑</kbd> previous · <kbd>a</kbd> accept · <kbd>r</kbd> reject · "
        + "<kbd>e</kbd> edit (<kbd>Enter</kbd> save, <kbd>Esc</kbd> cancel) · <kbd>h</kbd> history</aside>";

    /// <summary>The keyboard help shown on a document's page.</summary>
    public const string Shortcuts =
        "<aside class=\"keys\" aria-label=\"Keyboard shortcuts\"><b>Keys</b> "
        + "<kbd>j</kbd>/<kbd>↓</kbd> next · <kbd>k</kbd>/<kbd>↑</kbd> previous · <kbd>a</kbd> accept · <kbd>r</kbd> reject · "
        + "<kbd>e</kbd> edit (<kbd>Enter</kbd> save, <kbd>Esc</kbd> cancel) · <kbd>n</kbd> add target from selected text · "
        + "<kbd>s</kbd> split at the caret · <kbd>h</kbd> history</aside>";
}
