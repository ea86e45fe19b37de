using AuroraBots.Schema;

namespace AuroraBots.DirectLine.Store;

/// <summary>
/// Conversations and their append-only activity logs: the single source of truth shared by every instance.
/// The store assigns each recorded activity its sequence (= watermark) and id atomically, so any number of
/// instances may append to one conversation at once. Implementations throw <see cref="StoreUnavailableException"/>
/// when their backend is unreachable; an append that fails that way was either fully applied or not at all.
/// </summary>
public interface IConversationStore
{
    /// <summary>Creates the conversation; false when it already exists.</summary>
    Task<bool> TryCreateAsync(ConversationRecord conversation, CancellationToken cancellationToken);

    Task<ConversationRecord?> GetAsync(string conversationId, CancellationToken cancellationToken);

    Task UpdateAsync(ConversationRecord conversation, CancellationToken cancellationToken);

    /// <summary>
    /// Records <paramref name="activity"/>: assigns the next sequence, the id derived from it and a timestamp strictly
    /// after the previous one (both written into <paramref name="activity"/>), trims the log to its cap, queues the
    /// bot turn when asked, and notifies the conversation's feed. See <see cref="AppendOptions"/> for idempotency
    /// and fencing.
    /// </summary>
    Task<AppendResult> AppendAsync(string conversationId, Activity activity, AppendOptions options, CancellationToken cancellationToken);

    /// <summary>The highest sequence ever appended (0 for none), also after trimming.</summary>
    Task<long> GetLastSequenceAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>Activities with a sequence greater than <paramref name="afterSequence"/>, oldest first, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<StoredActivity>> ReadAfterAsync(string conversationId, long afterSequence, int max, CancellationToken cancellationToken);
}

/// <summary>
/// How to append. <see cref="RequestKey"/> makes the append idempotent: a second append with the same key
/// (a client retrying a POST with the same <c>clientActivityID</c>, or a re-run turn sending its n-th reply again)
/// records nothing and returns the first one. <see cref="QueueTurn"/> also queues the recorded activity as a
/// bot turn in the same atomic step. A non-zero <see cref="Fence"/> appends only while that turn lease is held.
/// <see cref="TakeLease"/> (with <see cref="QueueTurn"/>) also takes the conversation's turn lease for that long
/// when nobody holds it, in the same step: a POST then starts its turn without a separate grant round trip.
/// </summary>
public readonly record struct AppendOptions(string? RequestKey = null, bool QueueTurn = false, long Fence = 0, TimeSpan? TakeLease = null);

public enum AppendOutcome
{
    /// <summary>Recorded now.</summary>
    Appended,
    /// <summary>Recorded earlier under the same request key; nothing new was written.</summary>
    Duplicate,
    /// <summary>The turn lease given as fence is no longer held (another instance took the turn over); nothing written.</summary>
    LeaseLost,
}

/// <summary>
/// The outcome, the recorded sequence and id, and the recorded JSON (empty when the duplicate was trimmed away).
/// <see cref="Lease"/>: with <see cref="AppendOptions.TakeLease"/> on a new append, the grant (fence 0 = the lease is
/// held, and its holder runs this turn before it can release it); null when no grant was tried (a duplicate, or a
/// store that does not offer it: the caller then asks <see cref="ITurnStore.TryAcquireAsync"/>).
/// </summary>
public readonly record struct AppendResult(AppendOutcome Outcome, long Sequence, string Id, byte[] Json, TurnLease? Lease = null);

/// <summary>The conversation store's backend (Redis) cannot be reached.</summary>
public sealed class StoreUnavailableException(string message, Exception inner) : Exception(message, inner);
