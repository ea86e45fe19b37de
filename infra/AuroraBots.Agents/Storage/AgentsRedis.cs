using StackExchange.Redis;

namespace AuroraBots.Agents.Storage;

/// <summary>
/// The agents' Redis: one lazily opened multiplexer and the key names under <c>{prefix}agents:</c>. Connection failures
/// and timeouts become <see cref="AgentsStoreUnavailableException"/>, which the API answers with 503 and the chat
/// with the organisation's contact details.
/// </summary>
public sealed class AgentsRedis : IAsyncDisposable
{
    private readonly Lazy<Task<ConnectionMultiplexer>> _multiplexer;
    private readonly string _prefix;

    public AgentsRedis(string configuration, string keyPrefix)
    {
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = Math.Min(options.ConnectTimeout, 3000);
        options.BacklogPolicy = BacklogPolicy.FailFast;
        _multiplexer = new(() => ConnectionMultiplexer.ConnectAsync(options));
        _prefix = keyPrefix + "agents:";
    }

    public RedisKey Chat(string conversationId) => _prefix + "chat:" + conversationId;
    public RedisKey Queue(string queue) => _prefix + "queue:" + queue;
    public RedisKey Active => _prefix + "active";
    public RedisKey Presence => _prefix + "presence";
    public RedisKey Requests => _prefix + "requests";

    public async Task<T> RunAsync<T>(Func<IDatabase, Task<T>> call)
    {
        try
        {
            return await call((await _multiplexer.Value.ConfigureAwait(false)).GetDatabase()).ConfigureAwait(false);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            throw new AgentsStoreUnavailableException(e);
        }
    }

    public Task RunAsync(Func<IDatabase, Task> call) => RunAsync(async db => { await call(db).ConfigureAwait(false); return true; });

    public async ValueTask DisposeAsync()
    {
        if (_multiplexer.IsValueCreated) await (await _multiplexer.Value.ConfigureAwait(false)).DisposeAsync().ConfigureAwait(false);
    }
}

public sealed class AgentsStoreUnavailableException(Exception inner) : Exception("The agents' store (Redis) is unavailable.", inner);
