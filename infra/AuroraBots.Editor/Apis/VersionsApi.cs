using System.Security.Claims;
using AuroraBots.Editor.Localisation;
using AuroraBots.Editor.Security;
using AuroraBots.Editor.Storage;
using AuroraBots.Editor.Transcripts;
using AuroraBots.Editor.Versions;
using AuroraBots.Platform;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AuroraBots.Editor.Apis;

public sealed record PublishRequest(string? Comment);

public sealed record PublishResponse(VersionInfo Version, IReadOnlyList<string> ChangedFiles);

public sealed record InvalidDraftResponse(string Message, IReadOnlyList<ValidationProblem> Errors, IReadOnlyList<TranscriptRunItem> TestFailures);

/// <summary><c>/editor/api/versions</c>: publish, list, diff, roll back.</summary>
public static class VersionsApi
{
    public static RouteGroupBuilder MapVersionsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/versions", async (IEditorStore store, CancellationToken ct) => TypedResults.Ok(await store.ListVersionsAsync(ct)));
        api.MapGet("/versions/{number:int}", GetAsync);
        api.MapGet("/versions/{from:int}/diff/{to:int}", DiffAsync);
        api.MapGet("/versions/{from:int}/diff/{to:int}/texts", TextDiffAsync);
        api.MapPost("/versions", PublishAsync).RequireAuthorization(EditorRoles.PublisherPolicy);
        api.MapPost("/versions/{number:int}/rollback", RollbackAsync).RequireAuthorization(EditorRoles.PublisherPolicy);
        return api;
    }

    public static async Task<Results<Ok<VersionSnapshot>, NotFound>> GetAsync(int number, IEditorStore store, CancellationToken cancellationToken) =>
        await store.GetVersionAsync(number, cancellationToken) is { } snapshot ? TypedResults.Ok(snapshot) : TypedResults.NotFound();

    public static async Task<Results<Ok<VersionDiffResult>, NotFound>> DiffAsync(int from, int to, IEditorStore store, CancellationToken cancellationToken)
    {
        if (await store.GetVersionAsync(from, cancellationToken) is not { } a || await store.GetVersionAsync(to, cancellationToken) is not { } b)
            return TypedResults.NotFound();
        return TypedResults.Ok(new VersionDiffResult(from, to, VersionDiff.Compare(a.Files, b.Files)));
    }

    /// <summary>Changed translated texts between two versions, optionally only those whose <paramref name="language"/> wording changed.</summary>
    public static async Task<Results<Ok<TextDiffResult>, NotFound, ProblemHttpResult>> TextDiffAsync(
        int from, int to, string? language, IEditorStore store, Languages languages, CancellationToken cancellationToken)
    {
        if (language is not null && (language.Length != 2 || !language.All(char.IsAsciiLetterLower)))
            return TypedResults.Problem("language is a two-letter code such as fi, sv or en.", statusCode: StatusCodes.Status400BadRequest);
        if (await store.GetVersionAsync(from, cancellationToken) is not { } a || await store.GetVersionAsync(to, cancellationToken) is not { } b)
            return TypedResults.NotFound();
        return TypedResults.Ok(new TextDiffResult(from, to, language, TextDiff.Compare(a.Files, b.Files, language, languages)));
    }

    public static async Task<Results<Created<PublishResponse>, UnprocessableEntity<InvalidDraftResponse>, Conflict<EditorMessageResponse>, ProblemHttpResult>> PublishAsync(
        PublishRequest request, ClaimsPrincipal user, EditorService editor, EditorOptions options, HttpContext http, CancellationToken cancellationToken)
    {
        if (options.RequireReview)
            return TypedResults.Conflict(Refusals.Message(http, "version.reviewRequired"));
        if (string.IsNullOrWhiteSpace(request.Comment))
            return Refusals.Problem(http, StatusCodes.Status400BadRequest, "version.needsComment");
        var result = await editor.PublishAsync(user.Identity?.Name ?? "", request.Comment.Trim(), cancellationToken);
        if (Refusal(result, http.Request) is { } refused) return refused;
        if (result.Outcome == PublishOutcome.LiveWriteFailed) return LiveWriteFailed(result, http.Request);
        return TypedResults.Created($"/editor/api/versions/{result.Version!.Number}", new PublishResponse(result.Version, result.ChangedFiles));
    }

    public static async Task<Results<Created<PublishResponse>, NotFound, ProblemHttpResult>> RollbackAsync(
        int number, PublishRequest? request, ClaimsPrincipal user, EditorService editor, HttpContext http, CancellationToken cancellationToken)
    {
        var result = await editor.RollbackAsync(user.Identity?.Name ?? "", number, request?.Comment, cancellationToken);
        if (result.Outcome == PublishOutcome.NotFound) return TypedResults.NotFound();
        if (result.Outcome == PublishOutcome.LiveWriteFailed) return LiveWriteFailed(result, http.Request);
        return TypedResults.Created($"/editor/api/versions/{result.Version!.Number}", new PublishResponse(result.Version, result.ChangedFiles));
    }

    /// <summary>422 for a draft that does not load or whose transcript tests fail; null when it was published.</summary>
    public static UnprocessableEntity<InvalidDraftResponse>? Refusal(PublishResult result, HttpRequest request) => result.Outcome switch
    {
        PublishOutcome.Invalid => TypedResults.UnprocessableEntity(new InvalidDraftResponse("The draft has errors; fix them before publishing.", EditorText.Localise(result.Errors, EditorText.LanguageOf(request)), [])),
        PublishOutcome.TestsFailed => TypedResults.UnprocessableEntity(new InvalidDraftResponse(
            $"{result.TestFailures.Count} transcript test{(result.TestFailures.Count == 1 ? "" : "s")} failed on the draft; fix the content or the test, then publish again.", [], result.TestFailures)),
        _ => null,
    };

    public static ProblemHttpResult LiveWriteFailed(PublishResult result, HttpRequest request) =>
        TypedResults.Problem(EditorText.Localise(result.Errors[0], EditorText.LanguageOf(request)).Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Publishing failed");
}
