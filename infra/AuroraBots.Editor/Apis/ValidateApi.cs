using AuroraBots.Editor.Localisation;
using AuroraBots.Editor.Preview;
using AuroraBots.Editor.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AuroraBots.Editor.Apis;

public sealed record ValidateRequest(string? Path, string? Content);

/// <summary><c>POST /editor/api/validate</c>: the whole draft validated with one file replaced by unsaved text (nothing is saved).</summary>
public static class ValidateApi
{
    public static RouteGroupBuilder MapValidateApi(this RouteGroupBuilder api)
    {
        api.MapPost("/validate", ValidateAsync);
        return api;
    }

    public static async Task<Results<Ok<ValidationReport>, BadRequest<EditorMessageResponse>>> ValidateAsync(
        ValidateRequest request, LiveValidator validator, HttpContext http, CancellationToken cancellationToken)
    {
        if (EditorPaths.Normalize(request.Path, out var problem) is not { } path) return TypedResults.BadRequest(new EditorMessageResponse($"Invalid file path: {problem}."));
        if (request.Content is null) return TypedResults.BadRequest(new EditorMessageResponse("The body needs 'content'."));
        return TypedResults.Ok(EditorText.Localise(await validator.ValidateAsync(path, request.Content, cancellationToken), EditorText.LanguageOf(http.Request)));
    }
}
