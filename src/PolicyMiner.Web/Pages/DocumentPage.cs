using System.Diagnostics;
using System.Globalization;
using System.Text;
using PolicyMiner.Storage;
using static PolicyMiner.Web.Pages.Html;

namespace PolicyMiner.Web.Pages;

/// <summary><c>/documents/{id}</c>: the document's text with every target highlighted from its offsets, the records beside it.</summary>
/// <remarks>
/// The text is cut at every target boundary; each piece is a span carrying its offset (<c>data-s</c>) so the script can
/// turn a selection back into text offsets, and highlighted pieces name the targets covering them (<c>data-t</c>).
/// </remarks>
internal static class DocumentPage
{
    public static void Map(WebApplication app) => app.MapGet("/documents/{id}", (HttpContext context, IPolicyStore store, string id) =>
    {
        var clock = Stopwatch.StartNew();
        if (store.GetDocument(id) is not { } document)
        {
            return Results.NotFound("no such document");
        }

        var targets = store.TargetsOf(id);
        var review = store.GetReviewDocument(id);
        context.Response.Headers["Server-Timing"] = string.Create(CultureInfo.InvariantCulture, $"store;dur={clock.Elapsed.TotalMilliseconds:F1}");
        var meta = document.Summary.Metadata;
        var html = new StringBuilder(document.Text.Length * 2 + 8192);
        html.Append("<div class=\"doc-head\"><h1>").Append(E(meta.Title ?? document.Summary.SourceName)).Append("</h1><p class=\"meta\">")
            .Append(E(document.Summary.SourceName)).Append(" · ").Append(E(meta.Region ?? meta.Province ?? "region unknown"))
            .Append(meta.Year is { } year ? " · " + I(year) + "年" : "")
            .Append(meta.DocNumber is { } number ? " · " + E(number) : "")
            .Append(" · <span id=\"doc-counts\">");
        if (review is not null)
        {
            html.Append(I(review.Counts.Pending)).Append(" pending, ").Append(I(review.Counts.Accepted)).Append(" accepted, ")
                .Append(I(review.Counts.Corrected)).Append(" corrected, ").Append(I(review.Counts.Rejected)).Append(" rejected");
        }

        html.Append("</span></p>");
        // The same text arrived in other files too (another format, a copy): stored and counted once, named here.
        if (store.FoldedSourcesOf(id) is { Count: > 0 } folded)
        {
            html.Append("<p class=\"meta\" id=\"other-sources\">Also received as ");
            for (var i = 0; i < folded.Count; i++)
            {
                html.Append(i == 0 ? "" : ", ").Append("<span title=\"").Append(E(folded[i])).Append("\">").Append(E(Path.GetFileName(folded[i]))).Append("</span>");
            }

            html.Append(" (the same text, folded into this document)</p>");
        }

        html.Append(Shortcuts).Append("</div>")
            .Append("<div class=\"review\"><article id=\"text\" class=\"text\" lang=\"zh-CN\" data-document=\"").Append(E(id)).Append("\">");
        AppendText(html, document.Text, targets);
        html.Append("</article><section id=\"cards\" class=\"cards\" aria-label=\"Targets\" data-document=\"").Append(E(id)).Append("\">")
            .Append("<p class=\"toolbar\"><button type=\"button\" id=\"add-selection\">Add target from selected text (n)</button></p>")
            .Append("<div id=\"card-list\"></div></section></div>");
        return Page(context, "document", meta.Title ?? document.Summary.SourceName, html.ToString());
    });

    /// <summary>The text as spans cut at every target boundary, highlighted where targets cover it.</summary>
    internal static void AppendText(StringBuilder html, string text, IReadOnlyList<StoredTarget> targets)
    {
        var spans = targets
            .Select(t => (t.Id, Start: Math.Clamp(t.Target.Start, 0, text.Length), End: Math.Clamp(t.Target.End, 0, text.Length), State: t.Review.State))
            .Where(t => t.End > t.Start)
            .ToList();
        var cuts = new SortedSet<int> { 0, text.Length };
        foreach (var span in spans)
        {
            cuts.Add(span.Start);
            cuts.Add(span.End);
        }

        var previous = -1;
        foreach (var cut in cuts)
        {
            if (previous >= 0 && cut > previous)
            {
                var covering = spans.Where(s => s.Start <= previous && s.End >= cut).ToList();
                var piece = E(text[previous..cut]);
                if (covering.Count == 0)
                {
                    html.Append("<span data-s=\"").Append(I(previous)).Append("\">").Append(piece).Append("</span>");
                }
                else
                {
                    // A pending target colours the piece first (what is left to do); rejected shows only where nothing else covers it.
                    var state = covering.Min(c => c.State);
                    html.Append("<mark data-s=\"").Append(I(previous)).Append("\" data-t=\"").Append(E(string.Join(' ', covering.Select(c => c.Id))))
                        .Append("\" class=\"st-").Append(state.ToString().ToLowerInvariant()).Append("\">").Append(piece).Append("</mark>");
                }
            }

            previous = cut;
        }
    }
}
