using System.Collections.Concurrent;
using AuroraBots.DirectLine.Store;

namespace AuroraBots.DirectLine.Tokens;

/// <summary>
/// Revoked conversations: once the user ends a conversation (or its token is revoked explicitly), no token of it is
/// accepted any more — not for REST calls, refresh, reconnect or a new stream URL. Kept until every token the
/// conversation could have had is expired anyway (its absolute lifetime). Shared through Redis when configured.
/// </summary>
public interface ITokenRevocations
{
    Task RevokeAsync(string conversationId, DateTimeOffset until, CancellationToken cancellationToken);

    Task<bool> IsRevokedAsync(string conversationId, CancellationToken cancellationToken);
}

/// <summary>One process (the embedded default).</summary>
public sealed class InMemoryTokenRevocations(TimeProvider time) : ITokenRevocations
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _revoked = new(StringComparer.Ordinal);

    public Task RevokeAsync(string conversationId, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        foreach (var (id, expiry) in _revoked)
            if (expiry <= now) _revoked.TryRemove(new KeyValuePair<string, DateTimeOffset>(id, expiry));
        _revoked[conversationId] = until;
        return Task.CompletedTask;
    }

    public Task<bool> IsRevokedAsync(string conversationId, CancellationToken cancellationToken) =>
        Task.FromResult(_revoked.TryGetValue(conversationId, out var until) && until > time.GetUtcNow());
}

/// <summary>A Redis key per revoked conversation, expiring with the last token it could have had.</summary>
public sealed class RedisTokenRevocations(RedisConnection redis, TimeProvider time) : ITokenRevocations
{
    private string Key(string conversationId) => redis.KeyPrefix + "revoked:" + conversationId;

    public Task RevokeAsync(string conversationId, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var ttl = until - time.GetUtcNow();
        return ttl <= TimeSpan.Zero
            ? Task.CompletedTask
            : redis.RunAsync(db => db.StringSetAsync(Key(conversationId), 1, ttl));
    }

    public Task<bool> IsRevokedAsync(string conversationId, CancellationToken cancellationToken) =>
        redis.RunAsync(db => db.KeyExistsAsync(Key(conversationId)));
}
