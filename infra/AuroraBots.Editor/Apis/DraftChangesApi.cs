using AuroraBots.Editor.Storage;
using AuroraBots.Editor.Versions;
using AuroraBots.Platform;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AuroraBots.Editor.Apis;

/// <summary>
/// What publishing would change: the draft against the live version (the newest), per file (line diff) and per
/// translated text with the languages whose wording changed — shown before anyone presses Publish.
/// </summary>
/// <param name="LiveVersion">The version the draft is compared with; null before the first publish (everything is new).</param>
public sealed record DraftChangesResult(int? LiveVersion, IReadOnlyList<FileDiff> Files, IReadOnlyList<TextChange> Texts);

/// <summary><c>GET /editor/api/draft/changes</c>.</summary>
public static class DraftChangesApi
{
    public static RouteGroupBuilder MapDraftChangesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/draft/changes", ChangesAsync);
        return api;
    }

    public static async Task<Ok<DraftChangesResult>> ChangesAsync(IEditorStore store, Languages languages, CancellationToken cancellationToken)
    {
        var newest = (await store.ListVersionsAsync(cancellationToken)).MaxBy(v => v.Number);
        var live = newest is null ? null : await store.GetVersionAsync(newest.Number, cancellationToken);
        var liveFiles = live?.Files ?? new Dictionary<string, string>();
        var draft = await store.ReadDraftFilesAsync(cancellationToken);
        return TypedResults.Ok(new DraftChangesResult(live?.Info.Number, VersionDiff.Compare(liveFiles, draft), TextDiff.Compare(liveFiles, draft, null, languages)));
    }
}
