using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace AuroraBots.DirectLine.Store;

/// <summary>
/// Default store: everything in process memory. Logs are capped at <see cref="DirectLineOptions.MaxActivitiesPerConversation"/>
/// and idle conversations are forgotten after <see cref="DirectLineOptions.ConversationIdleExpiry"/> (see <see cref="RemoveIdle"/>).
/// </summary>
public sealed class InMemoryConversationStore(IOptions<DirectLineOptions> options, TimeProvider time) : IConversationStore
{
    private readonly ConcurrentDictionary<string, Entry> _conversations = new(StringComparer.Ordinal);
    private readonly int _maxActivities = Math.Max(1, options.Value.MaxActivitiesPerConversation);

    private sealed class Entry(ConversationRecord record, DateTimeOffset now)
    {
        public ConversationRecord Record = record;
        public readonly List<StoredActivity> Log = [];
        public long LastSequence;
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

    public Task AppendAsync(string conversationId, long sequence, byte[] activityJson, CancellationToken cancellationToken)
    {
        if (!_conversations.TryGetValue(conversationId, out var entry))
            throw new InvalidOperationException($"Conversation {conversationId} does not exist.");
        lock (entry.Log)
        {
            entry.Log.Add(new StoredActivity(sequence, activityJson));
            entry.LastSequence = sequence;
            if (entry.Log.Count > _maxActivities) entry.Log.RemoveRange(0, entry.Log.Count - _maxActivities);
        }
        entry.LastUsed = time.GetUtcNow();
        return Task.CompletedTask;
    }

    public Task<long> GetLastSequenceAsync(string conversationId, CancellationToken cancellationToken) =>
        Task.FromResult(_conversations.TryGetValue(conversationId, out var entry) ? Interlocked.Read(ref entry.LastSequence) : 0);

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
            if (entry.LastUsed < cutoff && _conversations.TryRemove(new KeyValuePair<string, Entry>(id, entry))) removed++;
        return removed;
    }
}
