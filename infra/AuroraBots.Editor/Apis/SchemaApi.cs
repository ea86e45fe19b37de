using AuroraBots.Dialogs.Steps;
using AuroraBots.Platform;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AuroraBots.Editor.Apis;

/// <summary>
/// <c>/editor/api/schema/flow</c>: the JSON Schema of flow files, generated from the engine's step kinds (the same
/// as the committed <c>bots/flow.schema.json</c>), so the editor's step form offers exactly the kinds and keys the
/// engine accepts.
/// </summary>
public static class SchemaApi
{
    public static RouteGroupBuilder MapSchemaApi(this RouteGroupBuilder api)
    {
        api.MapGet("/schema/flow", Flow);
        return api;
    }

    public static ContentHttpResult Flow(Languages languages) =>
        TypedResults.Text(FlowSchema.Text(languages.Supported), "application/schema+json");
}
