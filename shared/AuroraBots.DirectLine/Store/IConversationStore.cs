namespace AuroraBots.DirectLine.Store;

/// <summary>
/// Conversations and their append-only activity logs. Appends of one conversation are serialised by the
/// channel (one process owns a conversation), so the store need not assign sequences itself.
/// Implementations throw <see cref="StoreUnavailableException"/> when their backend is unreachable.
/// </summary>
public interface IConversationStore
{
    /// <summary>Creates the conversation; false when it already exists.</summary>
    Task<bool> TryCreateAsync(ConversationRecord conversation, CancellationToken cancellationToken);

    Task<ConversationRecord?> GetAsync(string conversationId, CancellationToken cancellationToken);

    Task UpdateAsync(ConversationRecord conversation, CancellationToken cancellationToken);

    /// <summary>Appends an activity at <paramref name="sequence"/> (always last + 1) and trims the log to its cap.</summary>
    Task AppendAsync(string conversationId, long sequence, byte[] activityJson, CancellationToken cancellationToken);

    /// <summary>The highest sequence ever appended (0 for none), also after trimming.</summary>
    Task<long> GetLastSequenceAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>Activities with a sequence greater than <paramref name="afterSequence"/>, oldest first, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<StoredActivity>> ReadAfterAsync(string conversationId, long afterSequence, int max, CancellationToken cancellationToken);
}

/// <summary>The conversation store's backend (Redis) cannot be reached.</summary>
public sealed class StoreUnavailableException(string message, Exception inner) : Exception(message, inner);
