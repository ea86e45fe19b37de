namespace AuroraBots.Agents.Storage;

/// <summary>The embedded default: everything in this process (one instance; lost on restart). One lock keeps it simple and atomic.</summary>
public sealed class MemoryLiveChatStore(TimeProvider time, AgentsOptions options) : ILiveChatStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, (LiveChatSession Session, DateTimeOffset Expires)> _sessions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _queues = new(StringComparer.Ordinal);
    private readonly HashSet<string> _active = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AgentPresence> _presence = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, ContactRequest> _requests = new(StringComparer.Ordinal);

    public Task<LiveChatSession?> GetAsync(string conversationId, CancellationToken cancellationToken)
    {
        lock (_lock) return Task.FromResult(Live(conversationId));
    }

    public Task SaveAsync(LiveChatSession session, CancellationToken cancellationToken)
    {
        lock (_lock) _sessions[session.ConversationId] = (session, time.GetUtcNow() + options.ChatRetention);
        return Task.CompletedTask;
    }

    public Task EnqueueAsync(LiveChatSession session, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _sessions[session.ConversationId] = (session, time.GetUtcNow() + options.ChatRetention);
            foreach (var queue in _queues.Values) queue.Remove(session.ConversationId);
            if (!_queues.TryGetValue(session.Queue, out var list)) _queues[session.Queue] = list = [];
            list.Add(session.ConversationId);
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<LiveChatSession>> ListQueueAsync(string queue, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (!_queues.TryGetValue(queue, out var ids)) return Task.FromResult<IReadOnlyList<LiveChatSession>>([]);
            ids.RemoveAll(id => Live(id) is null);
            return Task.FromResult<IReadOnlyList<LiveChatSession>>([.. ids.Select(id => Live(id)!).OrderBy(s => s.QueuedAt)]);
        }
    }

    public Task<bool> TryTakeAsync(string queue, LiveChatSession taken, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (!_queues.TryGetValue(queue, out var ids) || !ids.Remove(taken.ConversationId)) return Task.FromResult(false);
            _sessions[taken.ConversationId] = (taken, time.GetUtcNow() + options.ChatRetention);
            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlyList<LiveChatSession>> ListActiveAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _active.RemoveWhere(id => Live(id) is null);
            return Task.FromResult<IReadOnlyList<LiveChatSession>>([.. _active.Select(id => Live(id)!)]);
        }
    }

    public Task SetActiveAsync(string conversationId, bool active, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (active) _active.Add(conversationId);
            else _active.Remove(conversationId);
        }
        return Task.CompletedTask;
    }

    public Task DeleteAsync(string conversationId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _sessions.Remove(conversationId);
            _active.Remove(conversationId);
            foreach (var queue in _queues.Values) queue.Remove(conversationId);
        }
        return Task.CompletedTask;
    }

    public Task ReportPresenceAsync(AgentPresence presence, CancellationToken cancellationToken)
    {
        lock (_lock) _presence[presence.Agent] = presence;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<AgentPresence>> ListPresenceAsync(CancellationToken cancellationToken)
    {
        lock (_lock) return Task.FromResult<IReadOnlyList<AgentPresence>>([.. _presence.Values]);
    }

    public Task SaveContactRequestAsync(ContactRequest request, CancellationToken cancellationToken)
    {
        lock (_lock) _requests[request.Id] = request;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ContactRequest>> ListContactRequestsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            foreach (var expired in _requests.Values.Where(r => r.ExpiresAt <= now).Select(r => r.Id).ToList()) _requests.Remove(expired);
            return Task.FromResult<IReadOnlyList<ContactRequest>>([.. _requests.Values.OrderBy(r => r.CreatedAt)]);
        }
    }

    public Task<bool> RemoveContactRequestAsync(string id, CancellationToken cancellationToken)
    {
        lock (_lock) return Task.FromResult(_requests.Remove(id));
    }

    private LiveChatSession? Live(string conversationId)
    {
        if (!_sessions.TryGetValue(conversationId, out var entry)) return null;
        if (entry.Expires > time.GetUtcNow()) return entry.Session;
        _sessions.Remove(conversationId);
        return null;
    }
}
