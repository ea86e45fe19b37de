using System.Security.Claims;
using AuroraBots.Editor.Localisation;
using AuroraBots.Editor.Reviews;
using AuroraBots.Editor.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AuroraBots.Editor.Apis;

public sealed record ReviewRequest(string? Comment);

/// <summary>
/// <c>/editor/api/reviews</c>: editors submit the draft for review; publishers approve (publishes exactly the submitted
/// draft) or reject. With <c>Editor:RequireReview</c> this is the only way to publish (besides rollback).
/// </summary>
public static class ReviewsApi
{
    public static RouteGroupBuilder MapReviewsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/reviews", async (ReviewService reviews, CancellationToken ct) => TypedResults.Ok(await reviews.ListAsync(ct)));
        api.MapPost("/reviews", SubmitAsync);
        api.MapPost("/reviews/{id}/approve", ApproveAsync).RequireAuthorization(EditorRoles.PublisherPolicy);
        api.MapPost("/reviews/{id}/reject", RejectAsync).RequireAuthorization(EditorRoles.PublisherPolicy);
        return api;
    }

    public static async Task<Results<Created<Review>, ProblemHttpResult>> SubmitAsync(
        ReviewRequest request, ClaimsPrincipal user, ReviewService reviews, HttpContext http, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Comment))
            return Refusals.Problem(http, StatusCodes.Status400BadRequest, "review.needsComment");
        var review = await reviews.SubmitAsync(user.Identity?.Name ?? "", request.Comment.Trim(), cancellationToken);
        return TypedResults.Created($"/editor/api/reviews/{review.Id}", review);
    }

    public static async Task<Results<Created<PublishResponse>, NotFound<EditorMessageResponse>, Conflict<EditorMessageResponse>, UnprocessableEntity<InvalidDraftResponse>, ProblemHttpResult>> ApproveAsync(
        string id, ReviewRequest? request, ClaimsPrincipal user, ReviewService reviews, HttpContext http, CancellationToken cancellationToken)
    {
        var decision = await reviews.ApproveAsync(user.Identity?.Name ?? "", id, request?.Comment, cancellationToken);
        switch (decision.Outcome)
        {
            case ReviewOutcome.NotFound: return TypedResults.NotFound(Said(http, id, decision));
            case ReviewOutcome.Conflict: return TypedResults.Conflict(Said(http, id, decision));
            case ReviewOutcome.Refused: return VersionsApi.Refusal(decision.Publish!, http.Request)!;
        }
        var published = decision.Publish!;
        if (published.Outcome == PublishOutcome.LiveWriteFailed)
            return VersionsApi.LiveWriteFailed(published, http.Request);
        return TypedResults.Created($"/editor/api/versions/{published.Version!.Number}", new PublishResponse(published.Version, published.ChangedFiles));
    }

    public static async Task<Results<Ok<Review>, NotFound<EditorMessageResponse>, Conflict<EditorMessageResponse>, ProblemHttpResult>> RejectAsync(
        string id, ReviewRequest request, ClaimsPrincipal user, ReviewService reviews, HttpContext http, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Comment))
            return Refusals.Problem(http, StatusCodes.Status400BadRequest, "review.rejectNeedsComment");
        var decision = await reviews.RejectAsync(user.Identity?.Name ?? "", id, request.Comment.Trim(), cancellationToken);
        return decision.Outcome switch
        {
            ReviewOutcome.NotFound => TypedResults.NotFound(Said(http, id, decision)),
            ReviewOutcome.Conflict => TypedResults.Conflict(Said(http, id, decision)),
            _ => TypedResults.Ok(decision.Review!),
        };
    }

    /// <summary>A refused decision said in the UI's language, with its code.</summary>
    private static EditorMessageResponse Said(HttpContext http, string id, ReviewDecision decision) =>
        decision.Code is { } code
            ? new(EditorText.Say(http.Request, code, ("id", id), ("state", decision.Review?.State)), code)
            : new(decision.Message ?? "", null);
}
