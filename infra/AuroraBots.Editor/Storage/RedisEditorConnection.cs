using AuroraBots.Platform.Storage;
using StackExchange.Redis;

namespace AuroraBots.Editor.Storage;

/// <summary>
/// The editor's view of the process's one Redis connection (<see cref="SharedRedis"/>): the key names under
/// <c>{prefix}editor:</c>, and calls whose failures (Redis down: the shared connection fails fast instead of
/// queueing) become <see cref="RedisUnavailableException"/>, so the API can answer 503 right away.
/// </summary>
public sealed class RedisEditorConnection(SharedRedis redis, string keyPrefix)
{

    public string KeyPrefix { get; } = keyPrefix;

    public RedisKey Draft => Key("draft");
    public RedisKey DraftRevision => Key("draft-rev");
    public RedisKey VersionSequence => Key("version-seq");
    /// <summary>Hash: version number → metadata JSON.</summary>
    public RedisKey Versions => Key("versions");
    public RedisKey VersionFiles(int number) => Key("version:" + number.ToString(System.Globalization.CultureInfo.InvariantCulture));
    public string VersionFilesPrefix => KeyPrefix + "editor:version:";
    public RedisKey Live => Key("live");
    public RedisKey Audit => Key("audit");
    public RedisKey Translations => Key("translations");
    /// <summary>Claim of one instance on importing folder content with this hash.</summary>
    public RedisKey ImportClaim(string contentHash) => Key("import:" + contentHash);
    public RedisChannel PublishChannel => RedisChannel.Literal(KeyPrefix + "editor:publish");

    private RedisKey Key(string name) => KeyPrefix + "editor:" + name;

    public Task<IConnectionMultiplexer> GetMultiplexerAsync() => redis.GetMultiplexerAsync();

    /// <summary>Runs Redis calls, turning connection failures and timeouts into <see cref="RedisUnavailableException"/>.</summary>
    public async Task<T> RunAsync<T>(Func<IDatabase, Task<T>> call)
    {
        try
        {
            return await call(await redis.GetDatabaseAsync().ConfigureAwait(false)).ConfigureAwait(false);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            throw new RedisUnavailableException(e);
        }
    }

    public Task RunAsync(Func<IDatabase, Task> call) => RunAsync(async db => { await call(db).ConfigureAwait(false); return true; });
}
