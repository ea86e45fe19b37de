namespace AuroraBots.Dialogs.State;

/// <summary>
/// Where conversation state lives, with a version per conversation for optimistic concurrency: a save names the
/// version it read and fails when another save came in between. Implementations: memory (one process) and Redis
/// (every instance). Failures surface as exceptions; <see cref="ConversationStateStore"/> reports them.
/// </summary>
public interface IStateStorage
{
    /// <summary>The stored state, its version (0 when none) and the last committed turn.</summary>
    Task<StoredState> LoadAsync(string key, CancellationToken cancellationToken);

    /// <summary>
    /// Saves when the stored version is still <paramref name="expectedVersion"/> (null: unconditionally) and renews
    /// the idle <paramref name="ttl"/>; false on a version conflict.
    /// </summary>
    Task<bool> TrySaveAsync(string key, byte[] state, byte[] turn, long? expectedVersion, TimeSpan ttl, CancellationToken cancellationToken);

    Task DeleteAsync(string key, CancellationToken cancellationToken);
}

/// <summary>Raw stored state: JSON of the state and of the last committed turn (empty when none).</summary>
public readonly record struct StoredState(byte[]? State, long Version, byte[]? Turn);
