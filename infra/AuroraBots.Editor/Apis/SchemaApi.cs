using AuroraBots.Dialogs.Steps;
using AuroraBots.Editor.Localisation;
using AuroraBots.Platform;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AuroraBots.Editor.Apis;

/// <summary>
/// <c>/editor/api/schema/flow</c>: the JSON Schema of flow files, generated from the engine's step kinds (the same
/// as the committed <c>bots/flow.schema.json</c>), so the editor's step form offers exactly the kinds and keys the
/// engine accepts; <c>/schema/flow/words</c> names them in the editor's languages (<see cref="FlowWords"/>).
/// </summary>
public static class SchemaApi
{
    public static RouteGroupBuilder MapSchemaApi(this RouteGroupBuilder api)
    {
        api.MapGet("/schema/flow", Flow);
        api.MapGet("/schema/flow/words", Words);
        return api;
    }

    public static ContentHttpResult Flow(Languages languages) =>
        TypedResults.Text(FlowSchema.Text(languages.Supported), "application/schema+json");

    /// <summary>The editor words (names, help, examples in fi/sv/en) of the schema's step kinds, prompt types and keys.</summary>
    public static ContentHttpResult Words() => TypedResults.Text(FlowWords.Text, "application/json");
}
