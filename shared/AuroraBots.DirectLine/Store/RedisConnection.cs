using AuroraBots.Platform.Storage;
using StackExchange.Redis;

namespace AuroraBots.DirectLine.Store;

/// <summary>
/// The channel's view of the process's one Redis connection (<see cref="SharedRedis"/>): its key prefix, and calls
/// whose connection failures become <see cref="StoreUnavailableException"/> (the API answers 503).
/// </summary>
public sealed class RedisConnection(SharedRedis redis, string keyPrefix)
{
    public string KeyPrefix { get; } = keyPrefix;

    public Task<IDatabase> GetDatabaseAsync() => redis.GetDatabaseAsync();

    /// <summary>Runs a Redis call, turning connection failures into <see cref="StoreUnavailableException"/>.</summary>
    public async Task<T> RunAsync<T>(Func<IDatabase, Task<T>> call)
    {
        try
        {
            return await call(await GetDatabaseAsync().ConfigureAwait(false)).ConfigureAwait(false);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            throw new StoreUnavailableException("Redis is not reachable", e);
        }
    }
}
