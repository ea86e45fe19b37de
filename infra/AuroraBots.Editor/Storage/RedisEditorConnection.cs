using StackExchange.Redis;

namespace AuroraBots.Editor.Storage;

/// <summary>
/// The editor's Redis: one lazily opened multiplexer and the key names under <c>{prefix}editor:</c>.
/// <c>abortConnect=false</c> lets the host start (and recover) while Redis is down; commands then fail fast with
/// <see cref="RedisUnavailableException"/> instead of queueing, so the API can answer 503 right away.
/// </summary>
public sealed class RedisEditorConnection : IAsyncDisposable
{
    private readonly Lazy<Task<ConnectionMultiplexer>> _multiplexer;

    public RedisEditorConnection(string configuration, string keyPrefix)
    {
        var options = ConfigurationOptions.Parse(configuration); // a malformed string fails at start-up, not at the first save
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = Math.Min(options.ConnectTimeout, 3000);
        options.BacklogPolicy = BacklogPolicy.FailFast;
        _multiplexer = new(() => ConnectionMultiplexer.ConnectAsync(options));
        KeyPrefix = keyPrefix;
    }

    public string KeyPrefix { get; }

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
    public RedisChannel PublishChannel => RedisChannel.Literal(KeyPrefix + "editor:publish");

    private RedisKey Key(string name) => KeyPrefix + "editor:" + name;

    public Task<ConnectionMultiplexer> GetMultiplexerAsync() => _multiplexer.Value;

    /// <summary>Runs Redis calls, turning connection failures and timeouts into <see cref="RedisUnavailableException"/>.</summary>
    public async Task<T> RunAsync<T>(Func<IDatabase, Task<T>> call)
    {
        try
        {
            return await call((await _multiplexer.Value.ConfigureAwait(false)).GetDatabase()).ConfigureAwait(false);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            throw new RedisUnavailableException(e);
        }
    }

    public Task RunAsync(Func<IDatabase, Task> call) => RunAsync(async db => { await call(db).ConfigureAwait(false); return true; });

    public async ValueTask DisposeAsync()
    {
        if (_multiplexer.IsValueCreated) await (await _multiplexer.Value.ConfigureAwait(false)).DisposeAsync().ConfigureAwait(false);
    }
}
