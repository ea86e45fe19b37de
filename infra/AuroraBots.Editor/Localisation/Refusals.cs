using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AuroraBots.Editor.Localisation;

/// <summary>Refusals in the editor UI's language, each with its machine-readable <c>code</c> (<see cref="EditorText"/>).</summary>
public static class Refusals
{
    /// <summary>A problem+json whose <c>detail</c> is the message in the UI's language and whose <c>code</c> stays the same in every language.</summary>
    public static ProblemHttpResult Problem(HttpContext http, int status, string code, params (string Name, object? Value)[] values) =>
        TypedResults.Problem(EditorText.Say(http.Request, code, values), statusCode: status,
            extensions: new Dictionary<string, object?> { ["code"] = code });

    /// <summary>A <c>{message, code}</c> body.</summary>
    public static EditorMessageResponse Message(HttpContext http, string code, params (string Name, object? Value)[] values) =>
        new(EditorText.Say(http.Request, code, values), code);
}
