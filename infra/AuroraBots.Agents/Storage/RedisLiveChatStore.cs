using System.Text.Json;
using StackExchange.Redis;

namespace AuroraBots.Agents.Storage;

/// <summary>
/// The store in Redis, shared by every host instance. Keys under <c>{prefix}agents:</c>: <c>chat:{conversation}</c>
/// (JSON, with the chat retention as TTL), <c>queue:{bot}</c> (sorted set by queue time), <c>active</c> (set),
/// <c>presence</c> and <c>requests</c> (hashes). Taking a chat is one Lua script: ZREM from the queue and SET the
/// taken chat only when the ZREM removed it, so two agents accepting at once never both get it.
/// </summary>
public sealed class RedisLiveChatStore(AgentsRedis redis, AgentsOptions options) : ILiveChatStore
{
    private static readonly LuaScript TakeScript = LuaScript.Prepare(
        "if redis.call('ZREM', @queue, @id) == 1 then redis.call('SET', @chat, @json, 'PX', @ttl) return 1 end return 0");

    private long TtlMs => (long)options.ChatRetention.TotalMilliseconds;

    public Task<LiveChatSession?> GetAsync(string conversationId, CancellationToken cancellationToken) =>
        redis.RunAsync(async db => Read<LiveChatSession>(await db.StringGetAsync(redis.Chat(conversationId))));

    public Task SaveAsync(LiveChatSession session, CancellationToken cancellationToken) =>
        redis.RunAsync(db => db.StringSetAsync(redis.Chat(session.ConversationId), Json(session), options.ChatRetention));

    public Task EnqueueAsync(LiveChatSession session, CancellationToken cancellationToken) =>
        redis.RunAsync(async db =>
        {
            var transaction = db.CreateTransaction();
            _ = transaction.StringSetAsync(redis.Chat(session.ConversationId), Json(session), options.ChatRetention);
            _ = transaction.SortedSetAddAsync(redis.Queue(session.Queue), session.ConversationId, session.QueuedAt.ToUnixTimeMilliseconds());
            return await transaction.ExecuteAsync();
        });

    public Task<IReadOnlyList<LiveChatSession>> ListQueueAsync(string queue, CancellationToken cancellationToken) =>
        redis.RunAsync<IReadOnlyList<LiveChatSession>>(async db =>
        {
            var ids = await db.SortedSetRangeByRankAsync(redis.Queue(queue));
            if (ids.Length == 0) return [];
            var values = await db.StringGetAsync([.. ids.Select(id => redis.Chat(id!))]);
            var sessions = new List<LiveChatSession>();
            for (var i = 0; i < ids.Length; i++)
            {
                if (Read<LiveChatSession>(values[i]) is { } session) sessions.Add(session);
                else await db.SortedSetRemoveAsync(redis.Queue(queue), ids[i]); // the chat expired: drop its queue entry
            }
            return sessions;
        });

    public Task<bool> TryTakeAsync(string queue, LiveChatSession taken, CancellationToken cancellationToken) =>
        redis.RunAsync(async db =>
        {
            var result = await db.ScriptEvaluateAsync(TakeScript, new
            {
                queue = redis.Queue(queue),
                id = (RedisValue)taken.ConversationId,
                chat = redis.Chat(taken.ConversationId),
                json = (RedisValue)Json(taken),
                ttl = TtlMs,
            });
            return (int)result == 1;
        });

    public Task<IReadOnlyList<LiveChatSession>> ListActiveAsync(CancellationToken cancellationToken) =>
        redis.RunAsync<IReadOnlyList<LiveChatSession>>(async db =>
        {
            var ids = await db.SetMembersAsync(redis.Active);
            if (ids.Length == 0) return [];
            var values = await db.StringGetAsync([.. ids.Select(id => redis.Chat(id!))]);
            var sessions = new List<LiveChatSession>();
            for (var i = 0; i < ids.Length; i++)
            {
                if (Read<LiveChatSession>(values[i]) is { } session) sessions.Add(session);
                else await db.SetRemoveAsync(redis.Active, ids[i]);
            }
            return sessions;
        });

    public Task SetActiveAsync(string conversationId, bool active, CancellationToken cancellationToken) =>
        redis.RunAsync(db => active ? db.SetAddAsync(redis.Active, conversationId) : db.SetRemoveAsync(redis.Active, conversationId));

    public Task DeleteAsync(string conversationId, CancellationToken cancellationToken) =>
        redis.RunAsync(async db =>
        {
            if (Read<LiveChatSession>(await db.StringGetAsync(redis.Chat(conversationId))) is { } session)
                await db.SortedSetRemoveAsync(redis.Queue(session.Queue), conversationId);
            await db.SetRemoveAsync(redis.Active, conversationId);
            return await db.KeyDeleteAsync(redis.Chat(conversationId));
        });

    public Task ReportPresenceAsync(AgentPresence presence, CancellationToken cancellationToken) =>
        redis.RunAsync(db => db.HashSetAsync(redis.Presence, presence.Agent.ToLowerInvariant(), JsonSerializer.Serialize(presence, AgentsJsonContext.Default.AgentPresence)));

    public Task<IReadOnlyList<AgentPresence>> ListPresenceAsync(CancellationToken cancellationToken) =>
        redis.RunAsync<IReadOnlyList<AgentPresence>>(async db =>
            [.. (await db.HashValuesAsync(redis.Presence)).Select(v => Read<AgentPresence>(v)).OfType<AgentPresence>()]);

    public Task SaveContactRequestAsync(ContactRequest request, CancellationToken cancellationToken) =>
        redis.RunAsync(db => db.HashSetAsync(redis.Requests, request.Id, JsonSerializer.Serialize(request, AgentsJsonContext.Default.ContactRequest)));

    public Task<IReadOnlyList<ContactRequest>> ListContactRequestsAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        redis.RunAsync<IReadOnlyList<ContactRequest>>(async db =>
        {
            var all = (await db.HashValuesAsync(redis.Requests)).Select(v => Read<ContactRequest>(v)).OfType<ContactRequest>().ToList();
            // Expiry is enforced on every read: an expired request is deleted before anyone can see it.
            foreach (var expired in all.Where(r => r.ExpiresAt <= now)) await db.HashDeleteAsync(redis.Requests, expired.Id);
            return [.. all.Where(r => r.ExpiresAt > now).OrderBy(r => r.CreatedAt)];
        });

    public Task<bool> RemoveContactRequestAsync(string id, CancellationToken cancellationToken) =>
        redis.RunAsync(db => db.HashDeleteAsync(redis.Requests, id));

    private static string Json(LiveChatSession session) => JsonSerializer.Serialize(session, AgentsJsonContext.Default.LiveChatSession);

    private static T? Read<T>(RedisValue value) where T : class =>
        value.IsNullOrEmpty ? null : (T?)JsonSerializer.Deserialize((string)value!, typeof(T), AgentsJsonContext.Default);
}
