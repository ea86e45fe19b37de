namespace AuroraBots.DirectLine.Store;

/// <summary>
/// The durable per-conversation turn queue and its lease. User activities are queued by
/// <see cref="IConversationStore.AppendAsync"/> in the same atomic step that records them. One instance at a time
/// holds a conversation's lease; each grant carries a new fencing token, and every write of a turn (its replies,
/// completing it) is refused once that token is no longer the current lease. A lease that is not renewed expires,
/// so the turns of an instance that died are taken over by another one.
/// </summary>
public interface ITurnStore
{
    /// <summary>Queues an activity that is not part of the log (the channel's <c>conversationUpdate</c>).</summary>
    Task QueueAsync(string conversationId, byte[] activityJson, CancellationToken cancellationToken);

    /// <summary>
    /// Takes the lease when turns are waiting and nobody holds it: its fencing token and the oldest waiting turn, in
    /// the same round trip; fence 0 when not granted.
    /// </summary>
    Task<TurnLease> TryAcquireAsync(string conversationId, TimeSpan leaseDuration, CancellationToken cancellationToken);

    /// <summary>Extends the lease; false when it was lost.</summary>
    Task<bool> RenewAsync(string conversationId, long fence, TimeSpan leaseDuration, CancellationToken cancellationToken);

    /// <summary>
    /// Removes the oldest turn and, when none is left, releases the lease; with <see cref="TurnCompletion.More"/> the
    /// next turn comes in the same round trip.
    /// </summary>
    Task<TurnStep> CompleteAsync(string conversationId, long fence, CancellationToken cancellationToken);

    /// <summary>Conversations with waiting turns (for taking over an instance's turns after it died).</summary>
    Task<IReadOnlyList<string>> ListWaitingAsync(int max, CancellationToken cancellationToken);
}

public enum TurnCompletion
{
    /// <summary>More turns wait; the lease is still held.</summary>
    More,
    /// <summary>The queue is empty and the lease released.</summary>
    Released,
    /// <summary>The lease had been lost: nothing was changed.</summary>
    LeaseLost,
}

/// <summary>A lease grant: the fencing token (0 = not granted) and the oldest waiting turn's activity JSON.</summary>
public readonly record struct TurnLease(long Fence, byte[]? Turn);

/// <summary>What completing a turn did, and the next turn's activity JSON when <see cref="TurnCompletion.More"/>.</summary>
public readonly record struct TurnStep(TurnCompletion Completion, byte[]? Next = null);
