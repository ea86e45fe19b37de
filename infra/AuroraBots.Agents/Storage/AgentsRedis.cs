using AuroraBots.Platform.Storage;
using StackExchange.Redis;

namespace AuroraBots.Agents.Storage;

/// <summary>
/// The agents' view of the process's one Redis connection (<see cref="SharedRedis"/>): the key names under
/// <c>{prefix}agents:</c>, and calls whose failures (Redis down: the shared connection fails fast) become
/// <see cref="AgentsStoreUnavailableException"/>, which the API answers with 503 and the chat with the organisation's
/// contact details.
/// </summary>
public sealed class AgentsRedis(SharedRedis redis, string keyPrefix)
{
    private readonly string _prefix = keyPrefix + "agents:";

    public RedisKey Chat(string conversationId) => _prefix + "chat:" + conversationId;
    public RedisKey Queue(string queue) => _prefix + "queue:" + queue;
    public RedisKey Active => _prefix + "active";
    public RedisKey Presence => _prefix + "presence";
    public RedisKey Requests => _prefix + "requests";

    public async Task<T> RunAsync<T>(Func<IDatabase, Task<T>> call)
    {
        try
        {
            return await call(await redis.GetDatabaseAsync().ConfigureAwait(false)).ConfigureAwait(false);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            throw new AgentsStoreUnavailableException(e);
        }
    }

    public Task RunAsync(Func<IDatabase, Task> call) => RunAsync(async db => { await call(db).ConfigureAwait(false); return true; });
}

public sealed class AgentsStoreUnavailableException(Exception inner) : Exception("The agents' store (Redis) is unavailable.", inner);
