using AuroraBots.Dialogs.Engine;
using AuroraBots.Editor.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace AuroraBots.Editor.Publishing;

/// <summary>
/// Keeps this host's live folder on the version recorded in <c>{prefix}editor:live</c>: at start-up (a host that was down
/// during a publish catches up), on every announcement on <c>{prefix}editor:publish</c>, when the Redis connection comes
/// back, and every <see cref="EditorOptions.LiveCheckInterval"/> (a missed announcement still converges). It compares the
/// folder's content hash with the version's, and only when they differ writes the changed files (atomically each);
/// the engine's hot reload then serves them. While Redis is down it waits and the bots keep serving their folder.
/// </summary>
public sealed class LiveVersionSync(RedisEditorConnection redis, RedisEditorStore store, LiveFolder live, FolderImport folderImport, EditorOptions options, IDialogContent dialogs, ILogger<LiveVersionSync> logger)
    : BackgroundService
{
    private readonly SemaphoreSlim _wake = new(0);
    private bool _subscribed;

    /// <summary>The version this host's live folder was last found or made equal to (null before the first check).</summary>
    public int? AppliedVersion { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield(); // never hold up the host's start-up
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SubscribeAsync();
                await SyncAsync(stoppingToken);
            }
            catch (RedisUnavailableException e)
            {
                logger.LogWarning(e.InnerException, "Redis is not reachable; the live folder {LivePath} stays as it is until it is", live.Path);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
            catch (Exception e)
            {
                // Never let the host stop over this (a background service's exception would): the bots keep their folder.
                logger.LogError(e, "Bringing the live folder {LivePath} to the published version failed; retrying at the next check", live.Path);
            }
            try
            {
                if (await _wake.WaitAsync(options.LiveCheckInterval, stoppingToken))
                    while (_wake.Wait(0)) { } // several announcements at once need one check
            }
            catch (OperationCanceledException) { return; }
        }
    }

    /// <summary>
    /// One check: content in the live folder that no version has is imported first (<see cref="FolderImport"/>: a hand edit
    /// or a deploy is never overwritten); then the folder is made equal to the live version if it is not. Returns the
    /// live version (null: none yet).
    /// </summary>
    public async Task<int?> SyncAsync(CancellationToken cancellationToken)
    {
        await folderImport.ImportIfChangedAsync(cancellationToken);
        return await MirrorLiveVersionAsync(cancellationToken);
    }

    private Task<int?> MirrorLiveVersionAsync(CancellationToken cancellationToken) => live.WriteAsync<int?>(async () =>
    {
        var value = await redis.RunAsync(db => db.StringGetAsync(redis.Live));
        if (value.IsNull) return null; // nothing published yet: the editor imports this folder on first use
        var number = (int)value;
        var info = await store.GetVersionInfoAsync(number, cancellationToken)
            ?? throw new InvalidDataException($"The live version {number} has no metadata in Redis");
        if (ContentHash.OfFiles(await live.ReadAsync(cancellationToken)) != info.Hash)
        {
            var snapshot = await store.GetVersionAsync(number, cancellationToken)
                ?? throw new InvalidDataException($"The live version {number} is missing in Redis");
            var changed = await FolderSync.MirrorAsync(snapshot.Files, live.Path, cancellationToken);
            EngineReload.AfterLiveWrite(dialogs, changed);
            logger.LogInformation("Live folder {LivePath} brought to version {Version} ({Changed} files changed)", live.Path, number, changed.Count);
        }
        AppliedVersion = number;
        return number;
    }, cancellationToken);

    private async Task SubscribeAsync()
    {
        if (_subscribed) return;
        var multiplexer = await redis.GetMultiplexerAsync();
        try
        {
            // The multiplexer re-subscribes by itself after a reconnect; announcements missed meanwhile are caught by the check on reconnect.
            await multiplexer.GetSubscriber().SubscribeAsync(redis.PublishChannel, (_, _) => _wake.Release());
        }
        catch (Exception e) when (e is RedisException or TimeoutException) { throw new RedisUnavailableException(e); }
        multiplexer.ConnectionRestored += (_, _) => _wake.Release();
        _subscribed = true;
    }
}
