using System.Text.Json;
using AuroraBots.Schema;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace AuroraBots.DirectLine.Store;

/// <summary>
/// Conversations in Redis, shared by every instance. Per conversation: <c>conv:{id}</c> (the record),
/// <c>conv:{id}:head</c> (last sequence, last timestamp, last fencing token), <c>conv:{id}:log</c> (a sorted set
/// scored by sequence) and <c>conv:{id}:requests</c> (request key → sequence, for idempotent appends). One Lua
/// script (Store/Lua/append.lua) assigns the sequence, derives the id, stores, queues the turn (and takes its lease
/// when asked) and publishes the feed notification: Redis runs it atomically, so an append is fully applied or not at all. Every write renews a
/// TTL of <see cref="DirectLineOptions.ConversationIdleExpiry"/>.
/// </summary>
public sealed class RedisConversationStore(RedisConnection redis, TimeProvider time, IOptions<DirectLineOptions> options) : IConversationStore
{
    private static readonly string AppendScript = RedisConnection.Script("append");

    private readonly TimeSpan _ttl = options.Value.ConversationIdleExpiry;
    private readonly int _maxActivities = Math.Max(1, options.Value.MaxActivitiesPerConversation);

    private ConversationKeys Keys(string id) => new(redis.KeyPrefix, id);

    public Task<bool> TryCreateAsync(ConversationRecord conversation, CancellationToken cancellationToken) =>
        redis.RunAsync(db => db.StringSetAsync(Keys(conversation.Id).Record, Serialize(conversation), _ttl, When.NotExists));

    public Task<ConversationRecord?> GetAsync(string conversationId, CancellationToken cancellationToken) =>
        redis.RunAsync(async db =>
        {
            var value = await db.StringGetAsync(Keys(conversationId).Record).ConfigureAwait(false);
            return value.IsNullOrEmpty ? null : JsonSerializer.Deserialize((byte[])value!, StoreJsonContext.Default.ConversationRecord);
        });

    public Task UpdateAsync(ConversationRecord conversation, CancellationToken cancellationToken) =>
        redis.RunAsync(db => db.StringSetAsync(Keys(conversation.Id).Record, Serialize(conversation), _ttl));

    public Task<AppendResult> AppendAsync(string conversationId, Activity activity, AppendOptions append, CancellationToken cancellationToken) =>
        redis.RunAsync(async db =>
        {
            var keys = Keys(conversationId);
            RedisKey[] scriptKeys = [keys.Head, keys.Log, keys.RequestKeys, keys.Record, keys.Turns, ConversationKeys.Waiting(redis.KeyPrefix), keys.Lease];
            var timestamp = ActivityJson.ToMilliseconds(time.GetUtcNow());
            while (true)
            {
                activity.Timestamp = timestamp;
                var (prefix, suffix) = ActivityJson.Template(activity);
                var result = (RedisResult[])(await db.ScriptEvaluateAsync(AppendScript, scriptKeys,
                [
                    conversationId, prefix, suffix, timestamp.ToUnixTimeMilliseconds(), append.RequestKey ?? "",
                    append.QueueTurn ? "1" : "0", append.Fence, _maxActivities, (long)_ttl.TotalMilliseconds, keys.Feed.ToString(),
                    append is { QueueTurn: true, TakeLease: { } lease } ? (long)lease.TotalMilliseconds : 0,
                ]).ConfigureAwait(false))!;
                switch ((int)result[0])
                {
                    case 0:
                        // Another instance recorded an activity with this or a later millisecond: go just after it.
                        timestamp = DateTimeOffset.FromUnixTimeMilliseconds((long)result[1] + 1);
                        continue;
                    case -2:
                        return new AppendResult(AppendOutcome.LeaseLost, 0, "", []);
                    default:
                        var sequence = (long)result[1];
                        var id = Ids.ActivityId(conversationId, sequence);
                        activity.Id = id;
                        TurnLease? granted = result.Length > 3 ? new TurnLease((long)result[3], result.Length > 4 ? (byte[]?)result[4] : null) : null;
                        return new AppendResult((int)result[0] == 1 ? AppendOutcome.Appended : AppendOutcome.Duplicate, sequence, id, (byte[])result[2]!, granted);
                }
            }
        });

    public Task<long> GetLastSequenceAsync(string conversationId, CancellationToken cancellationToken) =>
        redis.RunAsync(async db =>
        {
            var value = await db.HashGetAsync(Keys(conversationId).Head, "seq").ConfigureAwait(false);
            return value.IsNullOrEmpty ? 0L : (long)value;
        });

    public Task<IReadOnlyList<StoredActivity>> ReadAfterAsync(string conversationId, long afterSequence, int max, CancellationToken cancellationToken) =>
        redis.RunAsync<IReadOnlyList<StoredActivity>>(async db =>
        {
            var entries = await db.SortedSetRangeByScoreWithScoresAsync(Keys(conversationId).Log, afterSequence, double.PositiveInfinity,
                Exclude.Start, Order.Ascending, 0, max).ConfigureAwait(false);
            return [.. entries.Select(e => new StoredActivity((long)e.Score, (byte[])e.Element!))];
        });

    private static byte[] Serialize(ConversationRecord record) =>
        JsonSerializer.SerializeToUtf8Bytes(record, StoreJsonContext.Default.ConversationRecord);
}
