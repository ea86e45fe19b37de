using System.Text.Json;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace AuroraBots.DirectLine.Store;

/// <summary>
/// Conversations in Redis, so a restarted host continues them. Per conversation: <c>conv:{id}</c> (the record),
/// <c>conv:{id}:seq</c> (last sequence) and <c>conv:{id}:log</c> (a sorted set scored by sequence). Every write
/// renews a TTL of <see cref="DirectLineOptions.ConversationIdleExpiry"/> on all three keys.
/// </summary>
public sealed class RedisConversationStore(RedisConnection redis, IOptions<DirectLineOptions> options) : IConversationStore
{
    private readonly TimeSpan _ttl = options.Value.ConversationIdleExpiry;
    private readonly int _maxActivities = Math.Max(1, options.Value.MaxActivitiesPerConversation);

    private RedisKey RecordKey(string id) => $"{redis.KeyPrefix}conv:{id}";
    private RedisKey SequenceKey(string id) => $"{redis.KeyPrefix}conv:{id}:seq";
    private RedisKey LogKey(string id) => $"{redis.KeyPrefix}conv:{id}:log";

    public Task<bool> TryCreateAsync(ConversationRecord conversation, CancellationToken cancellationToken) =>
        redis.RunAsync(db => db.StringSetAsync(RecordKey(conversation.Id), Serialize(conversation), _ttl, When.NotExists));

    public Task<ConversationRecord?> GetAsync(string conversationId, CancellationToken cancellationToken) =>
        redis.RunAsync(async db =>
        {
            var value = await db.StringGetAsync(RecordKey(conversationId)).ConfigureAwait(false);
            return value.IsNullOrEmpty ? null : JsonSerializer.Deserialize((byte[])value!, StoreJsonContext.Default.ConversationRecord);
        });

    public Task UpdateAsync(ConversationRecord conversation, CancellationToken cancellationToken) =>
        redis.RunAsync(db => db.StringSetAsync(RecordKey(conversation.Id), Serialize(conversation), _ttl));

    public Task AppendAsync(string conversationId, long sequence, byte[] activityJson, CancellationToken cancellationToken) =>
        redis.RunAsync(async db =>
        {
            var batch = db.CreateTransaction();
            var log = LogKey(conversationId);
            _ = batch.SortedSetAddAsync(log, activityJson, sequence);
            _ = batch.StringSetAsync(SequenceKey(conversationId), sequence, _ttl);
            _ = batch.SortedSetRemoveRangeByRankAsync(log, 0, -(_maxActivities + 1));
            _ = batch.KeyExpireAsync(log, _ttl);
            _ = batch.KeyExpireAsync(RecordKey(conversationId), _ttl);
            return await batch.ExecuteAsync().ConfigureAwait(false);
        });

    public Task<long> GetLastSequenceAsync(string conversationId, CancellationToken cancellationToken) =>
        redis.RunAsync(async db =>
        {
            var value = await db.StringGetAsync(SequenceKey(conversationId)).ConfigureAwait(false);
            return value.IsNullOrEmpty ? 0L : (long)value;
        });

    public Task<IReadOnlyList<StoredActivity>> ReadAfterAsync(string conversationId, long afterSequence, int max, CancellationToken cancellationToken) =>
        redis.RunAsync<IReadOnlyList<StoredActivity>>(async db =>
        {
            var entries = await db.SortedSetRangeByScoreWithScoresAsync(LogKey(conversationId), afterSequence, double.PositiveInfinity,
                Exclude.Start, Order.Ascending, 0, max).ConfigureAwait(false);
            return [.. entries.Select(e => new StoredActivity((long)e.Score, (byte[])e.Element!))];
        });

    private static byte[] Serialize(ConversationRecord record) =>
        JsonSerializer.SerializeToUtf8Bytes(record, StoreJsonContext.Default.ConversationRecord);
}
