using System.Reflection;
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

    public Task<IConnectionMultiplexer> GetMultiplexerAsync() => redis.GetMultiplexerAsync();

    /// <summary>Runs a Redis call, turning connection failures into <see cref="StoreUnavailableException"/>.</summary>
    public async Task<T> RunAsync<T>(Func<IDatabase, Task<T>> call)
    {
        try
        {
            return await call(await redis.GetDatabaseAsync().ConfigureAwait(false)).ConfigureAwait(false);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            throw new StoreUnavailableException("Redis is not reachable", e);
        }
    }

    /// <summary>A Lua script shipped with the channel (Store/Lua); StackExchange.Redis runs it by SHA after the first call.</summary>
    internal static string Script(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"AuroraBots.DirectLine.Store.Lua.{name}.lua")
            ?? throw new InvalidOperationException($"Lua script {name} is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

/// <summary>
/// Key names of one conversation. Scripts touch one conversation's keys plus the global set of conversations with
/// waiting turns, so the channel needs one Redis primary (with replicas or Sentinel), not Redis Cluster.
/// </summary>
internal readonly struct ConversationKeys(string prefix, string conversationId)
{
    public RedisKey Record => $"{prefix}conv:{conversationId}";
    public RedisKey Head => $"{prefix}conv:{conversationId}:head";
    public RedisKey Log => $"{prefix}conv:{conversationId}:log";
    public RedisKey RequestKeys => $"{prefix}conv:{conversationId}:requests";
    public RedisKey Turns => $"{prefix}conv:{conversationId}:turns";
    public RedisKey Lease => $"{prefix}conv:{conversationId}:lease";
    public RedisChannel Feed => RedisChannel.Literal($"{prefix}feed:{conversationId}");

    public static RedisKey Waiting(string prefix) => $"{prefix}turns:waiting";
}
