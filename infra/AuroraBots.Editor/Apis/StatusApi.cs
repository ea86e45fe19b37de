using AuroraBots.Editor.Publishing;
using AuroraBots.Editor.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace AuroraBots.Editor.Apis;

/// <summary>
/// Where the editor keeps its data and what is live. <see cref="LiveVersion"/>: the published version every host should
/// serve; <see cref="InstanceVersion"/>: what this host's live folder holds; <see cref="Instances"/>: hosts listening for
/// publishes (Redis only).
/// </summary>
public sealed record EditorStatus(string Store, int? LiveVersion, int? InstanceVersion, long? Instances)
{
    /// <summary>Publishing goes through an approved review (<c>Editor:RequireReview</c>).</summary>
    public bool RequireReview { get; init; }

    /// <summary>Publishing runs every transcript test first (<c>Editor:TestsBeforePublish</c>).</summary>
    public bool TestsBeforePublish { get; init; }
}

/// <summary><c>GET /editor/api/status</c> (editor).</summary>
public static class StatusApi
{
    public static RouteGroupBuilder MapStatusApi(this RouteGroupBuilder api)
    {
        api.MapGet("/status", StatusAsync);
        return api;
    }

    public static async Task<Ok<EditorStatus>> StatusAsync(IServiceProvider services, IEditorStore store, EditorOptions options, CancellationToken cancellationToken)
    {
        var status = await StorageStatusAsync(services, store, cancellationToken);
        return TypedResults.Ok(status with { RequireReview = options.RequireReview, TestsBeforePublish = options.TestsBeforePublish });
    }

    private static async Task<EditorStatus> StorageStatusAsync(IServiceProvider services, IEditorStore store, CancellationToken cancellationToken)
    {
        if (store is not RedisEditorStore)
        {
            // One host: the newest version is the one publishing last wrote into the live folder.
            var latest = (await store.ListVersionsAsync(cancellationToken)).Select(v => (int?)v.Number).LastOrDefault();
            return new EditorStatus("files", latest, latest, null);
        }
        var redis = services.GetRequiredService<RedisEditorConnection>();
        var live = await redis.RunAsync(db => db.StringGetAsync(redis.Live));
        // PUBSUB NUMSUB answers [channel, subscribers]: every host's LiveVersionSync subscribes once.
        var numsub = await redis.RunAsync(db => db.ExecuteAsync("PUBSUB", "NUMSUB", redis.KeyPrefix + "editor:publish"));
        var instances = (long)((RedisResult[])numsub!)[1];
        var sync = services.GetRequiredService<LiveVersionSync>();
        return new EditorStatus("redis", live.IsNull ? null : (int)live, sync.AppliedVersion, instances);
    }
}
