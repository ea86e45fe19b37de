using System.Security.Claims;
using AuroraBots.Dialogs.Content;
using AuroraBots.Editor.Localisation;
using AuroraBots.Editor.Storage;
using YamlDotNet.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AuroraBots.Editor.Apis;

public sealed record FileContentResponse(string Path, string Content, string ETag);

public sealed record SaveFileRequest(string? Content);

public sealed record SaveFileResponse(string Path, string ETag, ValidationReport Validation);

public sealed record ConflictResponse(string Path, string CurrentETag, string Message)
{
    /// <summary>Machine-readable: <c>file.conflict</c> (the message is in the UI's language).</summary>
    public string? Code { get; init; }
}

/// <summary><c>/editor/api/files</c>: the draft's files, read with an ETag and saved with <c>If-Match</c>; <c>/editor/api/validation</c>.</summary>
public static class FilesApi
{
    public static RouteGroupBuilder MapFilesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/files", ListAsync);
        api.MapGet("/files/{**path}", ReadAsync);
        api.MapPut("/files/{**path}", SaveAsync);
        api.MapDelete("/files/{**path}", DeleteAsync);
        api.MapGet("/validation", async (EditorService editor, HttpContext http, CancellationToken ct) =>
            EditorText.Localise(await editor.ValidateDraftAsync(ct), EditorText.LanguageOf(http.Request)));
        return api;
    }

    public static async Task<Ok<IReadOnlyList<DraftFileInfo>>> ListAsync(IEditorStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.ListDraftAsync(cancellationToken));

    public static async Task<Results<Ok<FileContentResponse>, NotFound, ProblemHttpResult>> ReadAsync(
        string path, HttpContext http, IEditorStore store, CancellationToken cancellationToken)
    {
        if (EditorPaths.Normalize(path, out var problem) is not { } safe) return BadPath(problem);
        if (await store.ReadDraftAsync(safe, cancellationToken) is not { } file) return TypedResults.NotFound();
        http.Response.Headers.ETag = file.ETag;
        return TypedResults.Ok(new FileContentResponse(file.Path, file.Content, file.ETag));
    }

    /// <summary>
    /// <c>If-Match: "etag"</c> updates a file only if nobody changed it since it was read (409 otherwise);
    /// <c>If-None-Match: *</c> creates a new one. Without either: 428, so a save can never silently overwrite.
    /// </summary>
    public static async Task<Results<Ok<SaveFileResponse>, Created<SaveFileResponse>, Conflict<ConflictResponse>, NotFound, ProblemHttpResult>> SaveAsync(
        string path, SaveFileRequest request, HttpContext http, ClaimsPrincipal user, EditorService editor, YamlLimits limits, CancellationToken cancellationToken)
    {
        if (EditorPaths.Normalize(path, out var problem) is not { } safe) return BadPath(problem);
        if (request.Content is null) return TypedResults.Problem("The body needs 'content'.", statusCode: StatusCodes.Status400BadRequest);
        // A file beyond the YAML limits is never stored: every later read of the draft would have to refuse it again.
        try { SafeYaml.Check(request.Content, limits, cancellationToken); }
        catch (YamlLimitException e)
        {
            return TypedResults.Problem($"The file is refused: {SafeYaml.Describe(e)}.", statusCode: StatusCodes.Status422UnprocessableEntity, title: "YAML limit exceeded");
        }
        catch (YamlException) { } // a syntax error is saved and reported by validation, as the editor always did
        var ifMatch = http.Request.Headers.IfMatch.ToString();
        var createOnly = http.Request.Headers.IfNoneMatch.ToString() == "*";
        if (string.IsNullOrEmpty(ifMatch) && !createOnly)
            return TypedResults.Problem("Send If-Match with the ETag you read (or If-None-Match: * to create a file).",
                statusCode: StatusCodes.Status428PreconditionRequired, title: "Precondition required");

        var (result, validation) = await editor.SaveAsync(user.Identity?.Name ?? "", safe, request.Content, ifMatch, createOnly, cancellationToken);
        switch (result.Outcome)
        {
            case SaveOutcome.Conflict:
                return TypedResults.Conflict(Conflicted(http, safe, result.ETag));
            case SaveOutcome.NotFound:
                return TypedResults.NotFound();
        }
        http.Response.Headers.ETag = result.ETag;
        var body = new SaveFileResponse(safe, result.ETag!, EditorText.Localise(validation!, EditorText.LanguageOf(http.Request)));
        return result.Outcome == SaveOutcome.Created ? TypedResults.Created($"/editor/api/files/{safe}", body) : TypedResults.Ok(body);
    }

    /// <summary>Deletes a draft file; like a save it needs <c>If-Match</c> (409 when stale, 428 without).</summary>
    public static async Task<Results<Ok<ValidationReport>, Conflict<ConflictResponse>, NotFound, ProblemHttpResult>> DeleteAsync(
        string path, HttpContext http, ClaimsPrincipal user, EditorService editor, CancellationToken cancellationToken)
    {
        if (EditorPaths.Normalize(path, out var problem) is not { } safe) return BadPath(problem);
        var ifMatch = http.Request.Headers.IfMatch.ToString();
        if (string.IsNullOrEmpty(ifMatch))
            return TypedResults.Problem("Send If-Match with the ETag you read.", statusCode: StatusCodes.Status428PreconditionRequired, title: "Precondition required");
        var (result, validation) = await editor.DeleteAsync(user.Identity?.Name ?? "", safe, ifMatch, cancellationToken);
        return result.Outcome switch
        {
            SaveOutcome.Conflict => TypedResults.Conflict(Conflicted(http, safe, result.ETag)),
            SaveOutcome.NotFound => TypedResults.NotFound(),
            _ => TypedResults.Ok(EditorText.Localise(validation!, EditorText.LanguageOf(http.Request))),
        };
    }

    private static ConflictResponse Conflicted(HttpContext http, string path, string? eTag) =>
        new(path, eTag ?? "", EditorText.Say(http.Request, "file.conflict")) { Code = "file.conflict" };

    private static ProblemHttpResult BadPath(string? problem) =>
        TypedResults.Problem(problem, statusCode: StatusCodes.Status400BadRequest, title: "Invalid file path");
}
