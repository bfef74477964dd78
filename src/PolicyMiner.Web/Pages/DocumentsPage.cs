using System.Diagnostics;
using System.Globalization;
using System.Text;
using PolicyMiner.Core.Targets;
using PolicyMiner.Storage;
using PolicyMiner.Storage.Reviewing;
using static PolicyMiner.Web.Pages.Html;

namespace PolicyMiner.Web.Pages;

/// <summary><c>/</c>: the documents, filtered by region, plan year, category, review state and confidence, 50 a page.</summary>
internal static class DocumentsPage
{
    public const int PageSize = 50;

    public static void Map(WebApplication app) => app.MapGet("/", (HttpContext context, IPolicyStore store, string? region, string? year, string? category, string? state, string? confidence, int? page) =>
    {
        var clock = Stopwatch.StartNew();
        var filter = new DocumentFilter(
            Region: string.IsNullOrWhiteSpace(region) ? null : region.Trim(),
            Year: int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y : null,
            Category: TargetCategories.All.Contains(category ?? "") ? category : null,
            State: Enum.TryParse<ReviewState>(state, ignoreCase: true, out var s) && Enum.IsDefined(s) && !int.TryParse(state, out _) ? s : null,
            MaxConfidence: double.TryParse(confidence, NumberStyles.Float, CultureInfo.InvariantCulture, out var c) ? c : null);
        var number = Math.Max(1, page ?? 1);
        var listing = store.ListDocuments(filter, (number - 1) * PageSize, PageSize);
        context.Response.Headers["Server-Timing"] = string.Create(CultureInfo.InvariantCulture, $"store;dur={clock.Elapsed.TotalMilliseconds:F1}");

        var html = new StringBuilder(16_384);
        html.Append("<h1>Documents</h1><form class=\"filters\" method=\"get\" action=\"/\">")
            .Append("<label>Region <input name=\"region\" value=\"").Append(E(filter.Region)).Append("\" placeholder=\"any\"></label>")
            .Append("<label>Plan year <input name=\"year\" inputmode=\"numeric\" size=\"5\" value=\"").Append(filter.Year is { } fy ? I(fy) : "").Append("\"></label>")
            .Append("<label>Category <select name=\"category\"><option value=\"\">any</option>");
        foreach (var name in TargetCategories.All)
        {
            html.Append("<option").Append(name == filter.Category ? " selected" : "").Append('>').Append(E(name)).Append("</option>");
        }

        html.Append("</select></label><label>Targets <select name=\"state\"><option value=\"\">any</option>");
        foreach (var option in new[] { ReviewState.Unreviewed, ReviewState.Accepted, ReviewState.Corrected, ReviewState.Rejected })
        {
            html.Append("<option value=\"").Append(Name(option)).Append('"').Append(option == filter.State ? " selected" : "")
                .Append(">some ").Append(Label(option)).Append("</option>");
        }

        html.Append("</select></label>")
            .Append("<label>Confidence ≤ <input name=\"confidence\" inputmode=\"decimal\" size=\"4\" value=\"")
            .Append(filter.MaxConfidence is { } mc ? N(mc) : "").Append("\"></label>")
            .Append("<button type=\"submit\">Filter</button> <a href=\"/\">clear</a></form>");

        var counts = listing.Counts;
        html.Append("<p class=\"totals\"><b>").Append(I(listing.Total)).Append("</b> documents · targets: ")
            .Append("<span class=\"st-unreviewed\">").Append(I(counts.Pending)).Append(" pending</span> · ")
            .Append("<span class=\"st-accepted\">").Append(I(counts.Accepted)).Append(" accepted</span> · ")
            .Append("<span class=\"st-corrected\">").Append(I(counts.Corrected)).Append(" corrected</span> · ")
            .Append("<span class=\"st-rejected\">").Append(I(counts.Rejected)).Append(" rejected</span></p>");

        html.Append("<table class=\"documents\"><thead><tr><th>Document</th><th>Region</th><th>Plan year</th><th>Targets</th>")
            .Append("<th>Pending</th><th>Accepted</th><th>Corrected</th><th>Rejected</th><th>Lowest confidence</th></tr></thead><tbody>");
        foreach (var document in listing.Documents)
        {
            var meta = document.Summary.Metadata;
            html.Append("<tr><td><a href=\"/documents/").Append(E(document.Summary.Id)).Append("\">").Append(E(document.Summary.SourceName)).Append("</a>")
                .Append(meta.Title is { } title ? "<div class=\"title\">" + E(title) + "</div>" : "").Append("</td>")
                .Append("<td>").Append(E(meta.Region ?? meta.Province)).Append("</td>")
                .Append("<td>").Append(meta.Year is { } py ? I(py) : "").Append("</td>")
                .Append("<td>").Append(I(document.Counts.Total)).Append("</td>")
                .Append("<td>").Append(I(document.Counts.Pending)).Append("</td>")
                .Append("<td>").Append(I(document.Counts.Accepted)).Append("</td>")
                .Append("<td>").Append(I(document.Counts.Corrected)).Append("</td>")
                .Append("<td>").Append(I(document.Counts.Rejected)).Append("</td>")
                .Append("<td>").Append(document.Counts.Total == 0 ? "" : N(document.MinConfidence)).Append("</td></tr>");
        }

        html.Append("</tbody></table>");
        var pages = Math.Max(1, (listing.Total + PageSize - 1) / PageSize);
        html.Append("<nav class=\"pager\">");
        if (number > 1)
        {
            html.Append("<a rel=\"prev\" href=\"").Append(E(Link(filter, number - 1))).Append("\">← previous</a> ");
        }

        html.Append("page ").Append(I(Math.Min(number, pages))).Append(" of ").Append(I(pages));
        if (number < pages)
        {
            html.Append(" <a rel=\"next\" href=\"").Append(E(Link(filter, number + 1))).Append("\">next →</a>");
        }

        html.Append("</nav>");
        return Page(context, "documents", "Documents", html.ToString());
    });

    private static string Link(DocumentFilter filter, int page)
    {
        var query = new List<KeyValuePair<string, string?>>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                query.Add(new(key, value));
            }
        }

        Add("region", filter.Region);
        Add("year", filter.Year is { } y ? I(y) : null);
        Add("category", filter.Category);
        Add("state", filter.State is { } s ? Name(s) : null);
        Add("confidence", filter.MaxConfidence is { } c ? N(c) : null);
        Add("page", I(page));
        return "/" + QueryString.Create(query);
    }

    private static string Name(ReviewState state) => state.ToString().ToLowerInvariant();

    private static string Label(ReviewState state) => state == ReviewState.Unreviewed ? "pending" : Name(state);
}
