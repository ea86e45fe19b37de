using System.Security.Claims;
using AuroraBots.Editor.Localisation;
using AuroraBots.Editor.Storage;
using AuroraBots.Editor.Transcripts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AuroraBots.Editor.Apis;

public sealed record RunTestsRequest(string? Bot, string? File, string? Language);

public sealed record RecordTestRequest(string? ConversationId, string? Name, string? Bot);

public sealed record RecordTestResponse(string Path, string ETag, string Content, ValidationReport Validation);

/// <summary><c>/editor/api/tests</c>: the draft's transcript tests — list, run against the draft, record a preview conversation as a test.</summary>
public static class TestsApi
{
    public static RouteGroupBuilder MapTestsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/tests", ListAsync);
        api.MapPost("/tests/run", RunAsync);
        api.MapPost("/tests", RecordAsync);
        return api;
    }

    public static async Task<Ok<IReadOnlyList<TranscriptTestInfo>>> ListAsync(string? bot, DraftTranscripts tests, CancellationToken cancellationToken) =>
        TypedResults.Ok(await tests.ListAsync(string.IsNullOrWhiteSpace(bot) ? null : bot, cancellationToken));

    public static async Task<Results<Ok<TranscriptRunReport>, NotFound<EditorMessageResponse>, UnprocessableEntity<InvalidDraftResponse>, BadRequest<EditorMessageResponse>>> RunAsync(
        RunTestsRequest? request, DraftTranscripts tests, HttpContext http, CancellationToken cancellationToken)
    {
        string? file = null;
        if (!string.IsNullOrWhiteSpace(request?.File))
        {
            if (EditorPaths.Normalize(request.File.Trim(), out var problem) is not { } safe)
                return TypedResults.BadRequest(new EditorMessageResponse($"Invalid file path: {problem}."));
            file = safe;
        }
        var bot = string.IsNullOrWhiteSpace(request?.Bot) ? null : request.Bot.Trim();
        var language = string.IsNullOrWhiteSpace(request?.Language) ? null : request.Language.Trim();
        var (report, status, found) = await tests.RunAsync(bot, file, language, cancellationToken);
        if (!status.IsValid)
            return TypedResults.UnprocessableEntity(new InvalidDraftResponse("The draft has errors; fix them before running its tests.", EditorText.Localise(status.Errors, EditorText.LanguageOf(http.Request)), []));
        if (!found) return TypedResults.NotFound(new EditorMessageResponse($"No transcript test '{file}' in the draft."));
        return TypedResults.Ok(report!);
    }

    public static async Task<Results<Created<RecordTestResponse>, NotFound<EditorMessageResponse>, Conflict<EditorMessageResponse>, BadRequest<EditorMessageResponse>, ProblemHttpResult>> RecordAsync(
        RecordTestRequest request, ClaimsPrincipal user, DraftTranscripts tests, HttpContext http, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.ConversationId)) return TypedResults.BadRequest(new EditorMessageResponse("The body needs 'conversationId' (of a preview conversation)."));
        var result = await tests.RecordAsync(user, request.ConversationId.Trim(), request.Name ?? "", request.Bot, cancellationToken);
        return result.Outcome switch
        {
            RecordOutcome.Created => TypedResults.Created($"/editor/api/files/{result.Path}", new RecordTestResponse(result.Path!, result.ETag!, result.Content!, result.Validation!)),
            RecordOutcome.Exists => TypedResults.Conflict(Refusals.Message(http, "test.exists", ("path", result.Path))),
            RecordOutcome.InvalidName => TypedResults.BadRequest(new EditorMessageResponse(result.Message!)),
            RecordOutcome.Unavailable => TypedResults.Problem(result.Message, statusCode: StatusCodes.Status503ServiceUnavailable),
            _ => TypedResults.NotFound(new EditorMessageResponse(result.Message!)),
        };
    }
}
