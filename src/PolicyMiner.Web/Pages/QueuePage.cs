using static PolicyMiner.Web.Pages.Html;

namespace PolicyMiner.Web.Pages;

/// <summary><c>/queue</c>: pending targets across all documents, lowest confidence first; reviewed with the same keys as a document.</summary>
internal static class QueuePage
{
    public static void Map(WebApplication app) => app.MapGet("/queue", (HttpContext context) =>
        Page(context, "queue", "Review queue",
            "<h1>Review queue</h1><p class=\"meta\">Pending targets across all documents, lowest confidence first. "
            + "A reviewed target leaves the queue.</p>" + QueueShortcuts
            + "<section id=\"cards\" class=\"cards queue\" aria-label=\"Targets\"><div id=\"card-list\"></div>"
            + "<p class=\"toolbar\"><button type=\"button\" id=\"more\">Load more</button></p></section>"));
}
