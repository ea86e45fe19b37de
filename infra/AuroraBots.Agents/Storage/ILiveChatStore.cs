namespace AuroraBots.Agents.Storage;

/// <summary>
/// Queues, chats, agents on duty and contact requests: in memory for the embedded single instance
/// (<see cref="MemoryLiveChatStore"/>) or in Redis shared by every instance (<see cref="RedisLiveChatStore"/>).
/// Taking a chat from a queue is atomic: of several agents accepting at once, exactly one gets it.
/// </summary>
public interface ILiveChatStore
{
    Task<LiveChatSession?> GetAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>Writes the chat (and keeps it for the retention time).</summary>
    Task SaveAsync(LiveChatSession session, CancellationToken cancellationToken);

    /// <summary>Saves a waiting chat and puts it at the end of its queue (by <see cref="LiveChatSession.QueuedAt"/>).</summary>
    Task EnqueueAsync(LiveChatSession session, CancellationToken cancellationToken);

    /// <summary>The waiting chats of a queue, first come first.</summary>
    Task<IReadOnlyList<LiveChatSession>> ListQueueAsync(string queue, CancellationToken cancellationToken);

    /// <summary>
    /// Takes the chat out of its queue and saves <paramref name="taken"/> in one atomic step; false (nothing changed)
    /// when it was not in the queue any more (another agent took it, or the citizen left).
    /// </summary>
    Task<bool> TryTakeAsync(string queue, LiveChatSession taken, CancellationToken cancellationToken);

    /// <summary>Chats with an agent (state active), for the agents' "my chats".</summary>
    Task<IReadOnlyList<LiveChatSession>> ListActiveAsync(CancellationToken cancellationToken);

    /// <summary>Marks the chat active (or no longer active) in the list of chats with an agent.</summary>
    Task SetActiveAsync(string conversationId, bool active, CancellationToken cancellationToken);

    Task DeleteAsync(string conversationId, CancellationToken cancellationToken);

    Task ReportPresenceAsync(AgentPresence presence, CancellationToken cancellationToken);

    Task<IReadOnlyList<AgentPresence>> ListPresenceAsync(CancellationToken cancellationToken);

    Task SaveContactRequestAsync(ContactRequest request, CancellationToken cancellationToken);

    /// <summary>Contact requests not yet expired (expired ones are deleted on the way).</summary>
    Task<IReadOnlyList<ContactRequest>> ListContactRequestsAsync(DateTimeOffset now, CancellationToken cancellationToken);

    Task<bool> RemoveContactRequestAsync(string id, CancellationToken cancellationToken);
}
