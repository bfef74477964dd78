using Microsoft.AspNetCore.Antiforgery;
using PolicyMiner.Storage;
using PolicyMiner.Storage.Reviewing;
using PolicyMiner.Web.Selection;

namespace PolicyMiner.Web.Api;

/// <summary>The JSON API the pages' script calls: targets, their audit trail, and every review operation.</summary>
/// <remarks>
/// Every POST must carry the antiforgery token (header <see cref="ReviewServer.AntiforgeryHeader"/>, from the page's
/// meta tag) and the target version the editor saw. A stale version answers 409 with the target as it now stands and
/// the edits made since; an invalid change answers 400 with the reason.
/// </remarks>
internal static class ReviewApi
{
    private const int MaxUserLength = 60;

    public static void Map(WebApplication app)
    {
        var api = app.MapGroup("/api");
        api.MapGet("/documents/{id}/targets", (IPolicyStore store, string id) =>
            store.GetDocument(id) is null ? Results.NotFound(new { message = $"no document {id}" }) : Results.Ok(store.TargetsOf(id).Select(TargetDto.From)));
        api.MapGet("/queue", (IPolicyStore store, int? skip, int? take) =>
            Results.Ok(store.ReviewQueue(skip ?? 0, take ?? 50).Select(TargetDto.From)));
        api.MapGet("/targets/{id}", (IPolicyStore store, string id) =>
            store.GetTarget(id) is { } target ? Results.Ok(TargetDto.From(target)) : Results.NotFound(new { message = $"no target {id}" }));
        api.MapGet("/targets/{id}/audit", (IPolicyStore store, string id) => Results.Ok(store.AuditOf(id)));
        api.MapGet("/documents/{id}/parse", (IPolicyStore store, SelectionParser parser, string id, int start, int end) =>
        {
            if (store.GetDocument(id) is not { } document)
            {
                return Results.NotFound(new { message = $"no document {id}" });
            }

            if (start < 0 || end > document.Text.Length || start >= end)
            {
                return Results.BadRequest(new { message = $"span {start}..{end} is not inside the text" });
            }

            return Results.Ok(new { quote = document.Text[start..end], fields = parser.Parse(document.Text, start, end, document.Summary.Metadata.Year) });
        });

        var write = api.MapGroup("").AddEndpointFilter(async (context, next) =>
        {
            try
            {
                await context.HttpContext.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(context.HttpContext).ConfigureAwait(false);
            }
            catch (AntiforgeryValidationException)
            {
                return Results.BadRequest(new { message = "missing or invalid antiforgery token; reload the page" });
            }

            return await next(context).ConfigureAwait(false);
        });
        write.MapPost("/targets/{id}/accept", (IPolicyStore store, ReviewServerOptions options, string id, ReviewRequest body) =>
            Answer(store.Accept(id, body.Version, UserOf(body, options), body.Note)));
        write.MapPost("/targets/{id}/reject", (IPolicyStore store, ReviewServerOptions options, string id, ReviewRequest body) =>
            Answer(store.Reject(id, body.Version, UserOf(body, options), body.Note)));
        write.MapPost("/targets/{id}/correct", (IPolicyStore store, ReviewServerOptions options, string id, ReviewRequest body) =>
            Answer(store.Correct(id, body.Version, UserOf(body, options), body.Fields ?? [])));
        write.MapPost("/targets/{id}/split", (IPolicyStore store, ReviewServerOptions options, string id, ReviewRequest body) =>
            body.At is { } at ? Answer(store.Split(id, body.Version, UserOf(body, options), at)) : Results.BadRequest(new { message = "say where to split (at)" }));
        write.MapPost("/targets/{id}/merge", (IPolicyStore store, ReviewServerOptions options, string id, ReviewRequest body) =>
            body.DuplicateId is { } duplicate
                ? Answer(store.Merge(id, body.Version, duplicate, body.DuplicateVersion, UserOf(body, options)))
                : Results.BadRequest(new { message = "say which target is the duplicate (duplicate_id)" }));
        write.MapPost("/documents/{id}/targets", (IPolicyStore store, ReviewServerOptions options, string id, ReviewRequest body) =>
            body is { Start: { } start, End: { } end }
                ? Answer(store.AddTarget(id, start, end, UserOf(body, options), body.Fields ?? []))
                : Results.BadRequest(new { message = "say which text the target is (start, end)" }));
    }

    private static string UserOf(ReviewRequest body, ReviewServerOptions options)
    {
        var user = string.IsNullOrWhiteSpace(body.User) ? options.User : body.User.Trim();
        return string.IsNullOrWhiteSpace(user) ? PolicyStore.AnonymousUser : user.Length > MaxUserLength ? user[..MaxUserLength] : user;
    }

    private static IResult Answer(ReviewOutcome outcome) => outcome.Status switch
    {
        ReviewStatus.Saved => Results.Ok(new { message = outcome.Message, targets = outcome.Targets.Select(TargetDto.From) }),
        ReviewStatus.Conflict => Results.Json(
            new { message = outcome.Message, current = outcome.Target is { } t ? TargetDto.From(t) : null, other_edits = outcome.OtherEdits },
            statusCode: StatusCodes.Status409Conflict),
        ReviewStatus.NotFound => Results.NotFound(new { message = outcome.Message }),
        _ => Results.BadRequest(new { message = outcome.Message }),
    };
}

/// <summary>The body of every review POST; each operation reads the members it needs.</summary>
/// <param name="Version">The target version the editor saw; a stale one is a conflict.</param>
internal sealed record ReviewRequest(
    int? Version = null,
    string? User = null,
    string? Note = null,
    Dictionary<string, string>? Fields = null,
    int? At = null,
    string? DuplicateId = null,
    int? DuplicateVersion = null,
    int? Start = null,
    int? End = null);

/// <summary>A target as the pages' script sees it: identity, version, review, provenance and every editable field as text.</summary>
internal sealed record TargetDto(
    string Id,
    string DocumentId,
    string Doc,
    int Version,
    string State,
    string? Reviewer,
    DateTime? ReviewedAt,
    string? Note,
    int Start,
    int End,
    string Quote,
    double Confidence,
    bool AddedByEditor,
    bool Stale,
    IReadOnlyList<string> ReviewedFields,
    Dictionary<string, string> Fields)
{
    public static TargetDto From(StoredTarget stored) => new(
        stored.Id,
        stored.Document.Id,
        stored.Document.SourceName,
        stored.Version,
        stored.Review.State.ToString().ToLowerInvariant(),
        stored.Review.Reviewer,
        stored.Review.ReviewedAt?.ToUniversalTime(),
        stored.Review.Note,
        stored.Target.Start,
        stored.Target.End,
        stored.Target.Quote,
        stored.Target.Confidence,
        stored.AddedByEditor,
        stored.Stale,
        stored.ReviewedFields,
        TargetFields.All.ToDictionary(f => f, f => TargetFields.Read(stored.Target, f), StringComparer.Ordinal));
}
