using System.Collections.Concurrent;

namespace AuroraBots.Dialogs.State;

/// <summary>State of the single-process default, with the same version check as Redis; entries expire after their TTL.</summary>
public sealed class InMemoryStateStorage(TimeProvider time) : IStateStorage
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    private sealed record Entry(byte[] State, long Version, byte[] Turn, DateTimeOffset ExpiresAt);

    public Task<StoredState> LoadAsync(string key, CancellationToken cancellationToken) =>
        // As in Redis: a save without a turn (a preset state) stores an empty turn, which reads back as none.
        Task.FromResult(Current(key) is { } entry ? new StoredState(entry.State, entry.Version, entry.Turn is { Length: > 0 } turn ? turn : null) : default);

    public Task<bool> TrySaveAsync(string key, byte[] state, byte[] turn, long? expectedVersion, TimeSpan ttl, CancellationToken cancellationToken)
    {
        RemoveExpired();
        while (true)
        {
            var current = Current(key);
            var version = current?.Version ?? 0;
            if (expectedVersion is { } expected && expected != version) return Task.FromResult(false);
            var next = new Entry(state, version + 1, turn, time.GetUtcNow() + ttl);
            var swapped = current is null
                ? _entries.TryAdd(key, next) || (_entries.TryGetValue(key, out var raced) && IsExpired(raced) && _entries.TryUpdate(key, next, raced))
                : _entries.TryUpdate(key, next, current);
            if (swapped) return Task.FromResult(true);
        }
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        _entries.TryRemove(key, out _);
        return Task.CompletedTask;
    }

    private Entry? Current(string key) => _entries.TryGetValue(key, out var entry) && !IsExpired(entry) ? entry : null;

    private bool IsExpired(Entry entry) => entry.ExpiresAt <= time.GetUtcNow();

    private void RemoveExpired()
    {
        // Cheap enough at the embedded scale; keeps abandoned conversations from piling up.
        if (_entries.Count < 1024) return;
        foreach (var (key, entry) in _entries)
            if (IsExpired(entry)) _entries.TryRemove(new KeyValuePair<string, Entry>(key, entry));
    }
}
