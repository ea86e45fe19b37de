using AuroraBots.Editor.Storage;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace AuroraBots.Editor.Publishing;

/// <summary>
/// Publishing with several hosts: write the version into this host's live folder, then record it as
/// <c>{prefix}editor:live</c> and announce it on <c>{prefix}editor:publish</c>; every host's <see cref="LiveVersionSync"/>
/// then mirrors it into its own live folder. If Redis cannot record it, this host's folder is put back, so no host
/// serves a version the others never get.
/// </summary>
public sealed class RedisLivePublisher(RedisEditorConnection redis, LiveFolder live, ILogger<RedisLivePublisher> logger) : ILivePublisher
{
    // Only a newer version may become live: two hosts publishing at once both end on the higher number.
    private const string SetLiveScript = """
        local current = tonumber(redis.call('GET', KEYS[1]) or '0')
        local wanted = tonumber(ARGV[1])
        if wanted > current then redis.call('SET', KEYS[1], ARGV[1]) return wanted end
        return current
        """;

    public Task<IReadOnlyList<string>> GoLiveAsync(VersionInfo version, IReadOnlyDictionary<string, string> files, CancellationToken cancellationToken) =>
        live.WriteAsync(async () =>
        {
            var previous = await live.ReadAsync(cancellationToken);
            IReadOnlyList<string> changed;
            int current;
            try
            {
                changed = await FolderSync.MirrorAsync(files, live.Path, cancellationToken);
                current = (int)await redis.RunAsync(db => db.ScriptEvaluateAsync(SetLiveScript, [redis.Live], [version.Number]));
            }
            catch (Exception e) when (e is RedisUnavailableException or IOException or UnauthorizedAccessException)
            {
                await PutBackAsync(previous);
                throw;
            }
            if (current != version.Number)
                logger.LogWarning("Version {Version} was published while version {Live} was published elsewhere; every host converges on {Live}", version.Number, current, current);
            try
            {
                await redis.RunAsync(db => db.PublishAsync(redis.PublishChannel, current));
            }
            catch (RedisUnavailableException e)
            {
                // Recorded but not announced: the other hosts' periodic check still picks it up.
                logger.LogWarning(e.InnerException, "Version {Version} is live but the announcement failed; other hosts catch up at their next check", current);
            }
            return changed;
        }, cancellationToken);

    private async Task PutBackAsync(IReadOnlyDictionary<string, string> previous)
    {
        try { await FolderSync.MirrorAsync(previous, live.Path, CancellationToken.None); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogError(e, "The live folder {LivePath} could not be put back; the periodic live-version check retries", live.Path);
        }
    }
}
