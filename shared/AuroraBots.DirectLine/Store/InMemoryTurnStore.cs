namespace AuroraBots.DirectLine.Store;

/// <summary>
/// The turn queue of the single-process default: the same lease and fencing rules as <see cref="RedisTurnStore"/>,
/// kept in memory (lost with the process, like the memory log).
/// </summary>
public sealed class InMemoryTurnStore(TimeProvider time) : ITurnStore
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _fences;

    private sealed class Entry
    {
        public readonly Queue<byte[]> Turns = new();
        public long Fence;
        public DateTimeOffset LeaseUntil;
    }

    public Task QueueAsync(string conversationId, byte[] activityJson, CancellationToken cancellationToken)
    {
        Queue(conversationId, activityJson);
        return Task.CompletedTask;
    }

    internal void Queue(string conversationId, byte[] activityJson)
    {
        lock (_entries)
        {
            if (!_entries.TryGetValue(conversationId, out var entry)) _entries[conversationId] = entry = new Entry();
            entry.Turns.Enqueue(activityJson);
        }
    }

    /// <summary>True while <paramref name="fence"/> is the conversation's current, unexpired lease.</summary>
    internal bool Holds(string conversationId, long fence)
    {
        lock (_entries) return _entries.TryGetValue(conversationId, out var entry) && HoldsLocked(entry, fence);
    }

    private bool HoldsLocked(Entry entry, long fence) => entry.Fence == fence && fence != 0 && entry.LeaseUntil > time.GetUtcNow();

    public Task<TurnLease> TryAcquireAsync(string conversationId, TimeSpan leaseDuration, CancellationToken cancellationToken)
    {
        lock (_entries)
        {
            if (!_entries.TryGetValue(conversationId, out var entry) || entry.Turns.Count == 0) return Task.FromResult(default(TurnLease));
            if (entry.Fence != 0 && entry.LeaseUntil > time.GetUtcNow()) return Task.FromResult(default(TurnLease));
            entry.Fence = ++_fences;
            entry.LeaseUntil = time.GetUtcNow() + leaseDuration;
            return Task.FromResult(new TurnLease(entry.Fence, entry.Turns.Peek()));
        }
    }

    public Task<bool> RenewAsync(string conversationId, long fence, TimeSpan leaseDuration, CancellationToken cancellationToken)
    {
        lock (_entries)
        {
            if (!_entries.TryGetValue(conversationId, out var entry) || !HoldsLocked(entry, fence)) return Task.FromResult(false);
            entry.LeaseUntil = time.GetUtcNow() + leaseDuration;
            return Task.FromResult(true);
        }
    }

    public Task<TurnStep> CompleteAsync(string conversationId, long fence, CancellationToken cancellationToken)
    {
        lock (_entries)
        {
            if (!_entries.TryGetValue(conversationId, out var entry) || !HoldsLocked(entry, fence)) return Task.FromResult(new TurnStep(TurnCompletion.LeaseLost));
            entry.Turns.TryDequeue(out _);
            if (entry.Turns.TryPeek(out var next)) return Task.FromResult(new TurnStep(TurnCompletion.More, next));
            _entries.Remove(conversationId);
            return Task.FromResult(new TurnStep(TurnCompletion.Released));
        }
    }

    public Task<IReadOnlyList<string>> ListWaitingAsync(int max, CancellationToken cancellationToken)
    {
        lock (_entries) return Task.FromResult<IReadOnlyList<string>>([.. _entries.Where(e => e.Value.Turns.Count > 0).Select(e => e.Key).Take(max)]);
    }
}
