using AuroraBots.Editor.Storage;
using StackExchange.Redis;

namespace AuroraBots.Editor.Audit;

/// <summary>The audit log as the Redis stream <c>{prefix}editor:audit</c> (<c>XADD</c>; never trimmed), shared by every instance.</summary>
public sealed class RedisAuditStore(RedisEditorConnection redis) : IAuditStore
{
    private const string Field = "entry";

    public Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken) =>
        redis.RunAsync(db => db.StreamAddAsync(redis.Audit, Field, AuditLog.Serialize(entry)));

    public async Task<IReadOnlyList<AuditEntry>> ReadAsync(int take, CancellationToken cancellationToken)
    {
        var messages = await redis.RunAsync(db => db.StreamRangeAsync(redis.Audit, "-", "+", take, Order.Descending));
        var entries = new List<AuditEntry>(messages.Length);
        foreach (var message in messages)
            if (message[Field] is { IsNull: false } json && AuditLog.Parse(json!) is { } entry) entries.Add(entry);
        return entries;
    }
}
