using System.Collections.Concurrent;

namespace AuroraBots.DirectLine.Streaming;

/// <summary>All open WebSockets of this process: for keep-alives, shutdown and operational counts.</summary>
public sealed class StreamSessionRegistry
{
    private readonly ConcurrentDictionary<StreamSession, byte> _sessions = new();

    public int Count => _sessions.Count;

    internal void Add(StreamSession session) => _sessions.TryAdd(session, 0);

    internal void Remove(StreamSession session) => _sessions.TryRemove(session, out _);

    internal IEnumerable<StreamSession> Sessions => _sessions.Keys;

    /// <summary>Closes every socket (clients reconnect with their watermark). Used at shutdown and by tests.</summary>
    public void CloseAll()
    {
        foreach (var session in _sessions.Keys) session.Close();
    }
}
