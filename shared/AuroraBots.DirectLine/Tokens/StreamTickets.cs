using System.Collections.Concurrent;
using AuroraBots.DirectLine.Store;
using StackExchange.Redis;

namespace AuroraBots.DirectLine.Tokens;

/// <summary>
/// Makes stream URLs single-use: the first WebSocket opened with a stream capability spends its id; any later
/// attempt is refused. Shared through Redis when configured, so a URL cannot be replayed against another instance.
/// </summary>
public interface IStreamTickets
{
    /// <summary>True the first time <paramref name="ticketId"/> is used; false afterwards (until it has expired anyway).</summary>
    Task<bool> TryUseAsync(string ticketId, DateTimeOffset expiresAt, CancellationToken cancellationToken);
}

/// <summary>One process (the embedded default): spent ids are kept until their URL would have expired.</summary>
public sealed class InMemoryStreamTickets(TimeProvider time) : IStreamTickets
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _spent = new(StringComparer.Ordinal);

    public Task<bool> TryUseAsync(string ticketId, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        foreach (var (id, expiry) in _spent)
            if (expiry <= now) _spent.TryRemove(new KeyValuePair<string, DateTimeOffset>(id, expiry));
        return Task.FromResult(_spent.TryAdd(ticketId, expiresAt));
    }
}

/// <summary>Redis <c>SET NX</c> with the URL's remaining lifetime: atomic across instances.</summary>
public sealed class RedisStreamTickets(RedisConnection redis, TimeProvider time) : IStreamTickets
{
    public Task<bool> TryUseAsync(string ticketId, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        var ttl = expiresAt - time.GetUtcNow();
        if (ttl <= TimeSpan.Zero) return Task.FromResult(false);
        return redis.RunAsync(db => db.StringSetAsync(redis.KeyPrefix + "stream-ticket:" + ticketId, 1, ttl, When.NotExists));
    }
}
