using System.Collections.Concurrent;
using AuroraBots.Schema;
using Microsoft.Extensions.Options;

namespace AuroraBots.DirectLine.Store;

/// <summary>
/// Default store for the single-process embedded run: everything in process memory, with the same rules as
/// <see cref="RedisConversationStore"/> (sequence, id and timestamp assigned under one lock, idempotent request
/// keys, turn queued with the append, fencing). Logs are capped at <see cref="DirectLineOptions.MaxActivitiesPerConversation"/>
/// and <see cref="DirectLineOptions.MaxBytesPerConversation"/>, idle conversations are forgotten after
/// <see cref="DirectLineOptions.ConversationIdleExpiry"/> (see <see cref="RemoveIdle"/>), and when all logs together pass
/// <see cref="DirectLineOptions.MemoryBudgetBytes"/> the longest-idle conversations are forgotten first.
/// </summary>
public sealed class InMemoryConversationStore(IOptions<DirectLineOptions> options, TimeProvider time, InMemoryTurnStore turns, InMemoryConversationFeed feed)
    : IConversationStore
{
    private readonly ConcurrentDictionary<string, Entry> _conversations = new(StringComparer.Ordinal);
    private readonly int _maxActivities = Math.Max(1, options.Value.MaxActivitiesPerConversation);
    private readonly long _maxBytes = Math.Max(1, options.Value.MaxBytesPerConversation);
    private readonly long _budget = Math.Max(1, options.Value.MemoryBudgetBytes);
    private readonly Lock _evictionLock = new();
    private long _totalBytes;

    public InMemoryConversationStore(IOptions<DirectLineOptions> options, TimeProvider time)
        : this(options, time, new InMemoryTurnStore(time), new InMemoryConversationFeed()) { }

    private sealed class Entry(ConversationRecord record, DateTimeOffset now)
    {
        public ConversationRecord Record = record;
        public readonly List<StoredActivity> Log = [];
        public readonly Dictionary<string, long> RequestKeys = new(StringComparer.Ordinal);
        public long LastSequence;
        public long Bytes;
        public bool Forgotten; // removed from the map: its bytes no longer count
        public DateTimeOffset LastTimestamp;
        public DateTimeOffset LastUsed = now;
    }

    public Task<bool> TryCreateAsync(ConversationRecord conversation, CancellationToken cancellationToken) =>
        Task.FromResult(_conversations.TryAdd(conversation.Id, new Entry(conversation, time.GetUtcNow())));

    public Task<ConversationRecord?> GetAsync(string conversationId, CancellationToken cancellationToken)
    {
        if (!_conversations.TryGetValue(conversationId, out var entry)) return Task.FromResult<ConversationRecord?>(null);
        entry.LastUsed = time.GetUtcNow();
        return Task.FromResult<ConversationRecord?>(entry.Record);
    }

    public Task UpdateAsync(ConversationRecord conversation, CancellationToken cancellationToken)
    {
        if (_conversations.TryGetValue(conversation.Id, out var entry)) entry.Record = conversation;
        return Task.CompletedTask;
    }

    public Task<AppendResult> AppendAsync(string conversationId, Activity activity, AppendOptions append, CancellationToken cancellationToken)
    {
        if (!_conversations.TryGetValue(conversationId, out var entry))
            throw new InvalidOperationException($"Conversation {conversationId} does not exist.");
        AppendResult result;
        long delta;
        lock (entry.Log)
        {
            if (append.Fence != 0 && !turns.Holds(conversationId, append.Fence))
                return Task.FromResult(new AppendResult(AppendOutcome.LeaseLost, 0, "", []));
            if (append.RequestKey is { } key && entry.RequestKeys.TryGetValue(key, out var seen))
            {
                var id = Ids.ActivityId(conversationId, seen);
                var found = entry.Log.Find(a => a.Sequence == seen);
                return Task.FromResult(new AppendResult(AppendOutcome.Duplicate, seen, id, found?.Json ?? []));
            }
            var now = ActivityJson.ToMilliseconds(time.GetUtcNow());
            activity.Timestamp = entry.LastTimestamp = now > entry.LastTimestamp ? now : entry.LastTimestamp.AddMilliseconds(1);
            var sequence = ++entry.LastSequence;
            activity.Id = Ids.ActivityId(conversationId, sequence);
            var json = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(activity, SchemaJsonContext.Default.Activity);
            entry.Log.Add(new StoredActivity(sequence, json));
            entry.Bytes += json.Length;
            delta = json.Length;
            // The newest activity always stays, even alone above the byte cap (it passed the per-activity limit).
            while (entry.Log.Count > 1 && (entry.Log.Count > _maxActivities || entry.Bytes > _maxBytes))
            {
                entry.Bytes -= entry.Log[0].Json.Length;
                delta -= entry.Log[0].Json.Length;
                entry.Log.RemoveAt(0);
            }
            if (entry.Forgotten) delta = 0;
            if (append.RequestKey is not null) entry.RequestKeys[append.RequestKey] = sequence;
            if (append.QueueTurn) turns.Queue(conversationId, json);
            result = new AppendResult(AppendOutcome.Appended, sequence, activity.Id, json);
        }
        entry.LastUsed = time.GetUtcNow();
        if (Interlocked.Add(ref _totalBytes, delta) > _budget) EvictLongestIdle(keep: conversationId);
        feed.NotifyStored(conversationId, result.Sequence);
        return Task.FromResult(result);
    }

    /// <summary>Bytes of all kept activities.</summary>
    public long TotalBytes => Interlocked.Read(ref _totalBytes);

    /// <summary>Forgets the longest-idle conversations until all logs fit in 90 % of the budget (room before the next eviction).</summary>
    private void EvictLongestIdle(string keep)
    {
        lock (_evictionLock)
        {
            var target = _budget / 10 * 9;
            foreach (var (id, entry) in _conversations.Where(c => c.Key != keep).OrderBy(c => c.Value.LastUsed).ToList())
            {
                if (Interlocked.Read(ref _totalBytes) <= target) break;
                Forget(id, entry);
            }
        }
    }

    private bool Forget(string id, Entry entry)
    {
        if (!_conversations.TryRemove(new KeyValuePair<string, Entry>(id, entry))) return false;
        lock (entry.Log)
        {
            entry.Forgotten = true;
            Interlocked.Add(ref _totalBytes, -entry.Bytes);
        }
        return true;
    }

    public Task<long> GetLastSequenceAsync(string conversationId, CancellationToken cancellationToken)
    {
        if (!_conversations.TryGetValue(conversationId, out var entry)) return Task.FromResult(0L);
        lock (entry.Log) return Task.FromResult(entry.LastSequence);
    }

    public Task<IReadOnlyList<StoredActivity>> ReadAfterAsync(string conversationId, long afterSequence, int max, CancellationToken cancellationToken)
    {
        if (!_conversations.TryGetValue(conversationId, out var entry)) return Task.FromResult<IReadOnlyList<StoredActivity>>([]);
        lock (entry.Log)
        {
            // Sequences are contiguous, so the first wanted index follows from the first kept sequence.
            var first = entry.Log.Count == 0 ? 0 : entry.Log[0].Sequence;
            var start = (int)Math.Clamp(afterSequence + 1 - first, 0, entry.Log.Count);
            var count = Math.Min(max, entry.Log.Count - start);
            return Task.FromResult<IReadOnlyList<StoredActivity>>(entry.Log.GetRange(start, count));
        }
    }

    /// <summary>Forgets conversations unused for longer than <paramref name="idleFor"/>; returns how many.</summary>
    public int RemoveIdle(TimeSpan idleFor)
    {
        var cutoff = time.GetUtcNow() - idleFor;
        var removed = 0;
        foreach (var (id, entry) in _conversations)
            if (entry.LastUsed < cutoff && Forget(id, entry)) removed++;
        return removed;
    }
}
