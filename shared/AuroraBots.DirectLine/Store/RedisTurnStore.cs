using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace AuroraBots.DirectLine.Store;

/// <summary>
/// The turn queue in Redis: <c>conv:{id}:turns</c> (a list of activity JSON, filled by the append script),
/// <c>conv:{id}:lease</c> (the current fencing token, with an expiry) and <c>turns:waiting</c> (the set of
/// conversations with waiting turns). Lease changes are Lua scripts (Store/Lua), so granting, completing and
/// releasing can never interleave with an append.
/// </summary>
public sealed class RedisTurnStore(RedisConnection redis, IOptions<DirectLineOptions> options) : ITurnStore
{
    private static readonly string AcquireScript = RedisConnection.Script("acquire");
    private static readonly string RenewScript = RedisConnection.Script("renew");
    private static readonly string CompleteScript = RedisConnection.Script("complete");

    private readonly TimeSpan _ttl = options.Value.ConversationIdleExpiry;
    private RedisKey Waiting => ConversationKeys.Waiting(redis.KeyPrefix);

    private ConversationKeys Keys(string id) => new(redis.KeyPrefix, id);

    public Task QueueAsync(string conversationId, byte[] activityJson, CancellationToken cancellationToken) =>
        redis.RunAsync(async db =>
        {
            var keys = Keys(conversationId);
            var batch = db.CreateTransaction();
            _ = batch.ListRightPushAsync(keys.Turns, activityJson);
            _ = batch.KeyExpireAsync(keys.Turns, _ttl);
            _ = batch.SetAddAsync(Waiting, conversationId);
            return await batch.ExecuteAsync().ConfigureAwait(false);
        });

    public Task<TurnLease> TryAcquireAsync(string conversationId, TimeSpan leaseDuration, CancellationToken cancellationToken) =>
        redis.RunAsync(async db =>
        {
            var keys = Keys(conversationId);
            var result = (RedisResult[])(await db.ScriptEvaluateAsync(AcquireScript, [keys.Lease, keys.Turns, keys.Head, Waiting],
                [(long)leaseDuration.TotalMilliseconds, conversationId]).ConfigureAwait(false))!;
            return new TurnLease((long)result[0], result.Length > 1 ? (byte[]?)result[1] : null);
        });

    public Task<bool> RenewAsync(string conversationId, long fence, TimeSpan leaseDuration, CancellationToken cancellationToken) =>
        redis.RunAsync(async db =>
            (long)await db.ScriptEvaluateAsync(RenewScript, [Keys(conversationId).Lease], [fence, (long)leaseDuration.TotalMilliseconds]).ConfigureAwait(false) == 1);

    public Task<TurnStep> CompleteAsync(string conversationId, long fence, CancellationToken cancellationToken) =>
        redis.RunAsync(async db =>
        {
            var keys = Keys(conversationId);
            var result = (RedisResult[])(await db.ScriptEvaluateAsync(CompleteScript, [keys.Lease, keys.Turns, Waiting], [fence, conversationId]).ConfigureAwait(false))!;
            return (long)result[0] switch
            {
                0 => new TurnStep(TurnCompletion.More, (byte[]?)result[1]),
                1 => new TurnStep(TurnCompletion.Released),
                _ => new TurnStep(TurnCompletion.LeaseLost),
            };
        });

    public Task<IReadOnlyList<string>> ListWaitingAsync(int max, CancellationToken cancellationToken) =>
        redis.RunAsync<IReadOnlyList<string>>(async db =>
            [.. (await db.SetRandomMembersAsync(Waiting, max).ConfigureAwait(false)).Select(m => m.ToString())]);
}
