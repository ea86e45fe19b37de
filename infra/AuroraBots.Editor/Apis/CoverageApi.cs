using AuroraBots.Dialogs.Content;
using AuroraBots.Editor.Coverage;
using AuroraBots.Editor.Storage;
using AuroraBots.Platform;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AuroraBots.Editor.Apis;

/// <summary><c>/editor/api/coverage</c>: translation coverage of the draft (missing, empty, changed in one language only).</summary>
public static class CoverageApi
{
    public static RouteGroupBuilder MapCoverageApi(this RouteGroupBuilder api)
    {
        api.MapGet("/coverage", CoverageAsync);
        return api;
    }

    public static async Task<Ok<IReadOnlyList<BotCoverage>>> CoverageAsync(IEditorStore store, TranslationHistory history, YamlLimits limits, Languages languages, CancellationToken cancellationToken) =>
        TypedResults.Ok(TranslationCoverage.Analyze(await store.ReadDraftFilesAsync(cancellationToken), await history.ReadAsync(cancellationToken), limits, languages, cancellationToken));
}
