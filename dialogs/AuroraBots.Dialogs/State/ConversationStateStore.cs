using System.Text.Json;
using AuroraBots.Schema;

namespace AuroraBots.Dialogs.State;

/// <summary>The state store failed (e.g. Redis down); the turn answers with an apology and nothing is overwritten.</summary>
public sealed class StateUnavailableException(string message, Exception inner) : Exception(message, inner);

/// <summary>
/// Conversation state in an <see cref="IStateStorage"/> (memory or Redis) with an idle TTL renewed on every save.
/// One key per conversation: <c>&lt;prefix&gt;state:&lt;conversation id&gt;</c>. A turn commits its state together
/// with its replies (<see cref="TrySaveTurnAsync"/>), guarded by the version it loaded.
/// </summary>
public sealed class ConversationStateStore(IStateStorage storage, DialogsOptions options)
{
    private string Key(string conversationId) => $"{options.StateKeyPrefix}state:{conversationId}";

    public async Task<ConversationState?> LoadAsync(string conversationId, CancellationToken cancellationToken) =>
        (await LoadForTurnAsync(conversationId, cancellationToken)).State;

    /// <summary>The state with the version to save against, and the last committed turn (to recognise a re-run turn).</summary>
    public async Task<LoadedState> LoadForTurnAsync(string conversationId, CancellationToken cancellationToken)
    {
        StoredState stored;
        try { stored = await storage.LoadAsync(Key(conversationId), cancellationToken); }
        catch (Exception ex) when (ex is not OperationCanceledException) { throw new StateUnavailableException("Could not read conversation state.", ex); }
        try
        {
            var state = stored.State is null ? null : JsonSerializer.Deserialize(stored.State, StateJsonContext.Default.ConversationState);
            return new LoadedState(state, stored.Version, stored.Turn);
        }
        catch (JsonException ex) { throw new StateUnavailableException("Stored conversation state is unreadable.", ex); }
    }

    /// <summary>Saves whatever is stored (tests and tools that preset a state).</summary>
    public Task SaveAsync(string conversationId, ConversationState state, CancellationToken cancellationToken) =>
        WriteAsync(conversationId, state, null, null, cancellationToken);

    /// <summary>
    /// Commits a turn: its state and its replies, only if nobody saved since <paramref name="loadedVersion"/>;
    /// false on such a conflict (nothing written).
    /// </summary>
    public Task<bool> TrySaveTurnAsync(string conversationId, ConversationState state, long loadedVersion, CommittedTurn turn, CancellationToken cancellationToken) =>
        WriteAsync(conversationId, state, turn, loadedVersion, cancellationToken);

    private async Task<bool> WriteAsync(string conversationId, ConversationState state, CommittedTurn? turn, long? expectedVersion, CancellationToken cancellationToken)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(state, StateJsonContext.Default.ConversationState);
        var turnBytes = turn is null ? [] : JsonSerializer.SerializeToUtf8Bytes(turn, StateJsonContext.Default.CommittedTurn);
        try
        {
            // Every turn saves, so an expiry relative to now is the idle TTL; unlike a sliding expiration it
            // costs no extra refresh round trip on each read.
            return await storage.TrySaveAsync(Key(conversationId), bytes, turnBytes, expectedVersion, options.StateTtl, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException) { throw new StateUnavailableException("Could not save conversation state.", ex); }
    }

    public async Task DeleteAsync(string conversationId, CancellationToken cancellationToken)
    {
        try { await storage.DeleteAsync(Key(conversationId), cancellationToken); }
        catch (Exception ex) when (ex is not OperationCanceledException) { throw new StateUnavailableException("Could not erase conversation state.", ex); }
    }
}

/// <summary>A loaded state (null: new conversation), the version it was saved as, and the turn committed with it.</summary>
public sealed class LoadedState(ConversationState? state, long version, byte[]? lastTurn)
{
    public ConversationState? State { get; } = state;
    public long Version { get; } = version;

    /// <summary>
    /// The committed turn when it answered <paramref name="activityId"/> (a turn run again), else null. Nearly every
    /// turn is a new activity: only the id is read then, not the replies (which would cost as much as the state).
    /// </summary>
    public CommittedTurn? LastTurnFor(string? activityId)
    {
        if (activityId is null || lastTurn is null || CommittedActivityId(lastTurn) != activityId) return null;
        try { return JsonSerializer.Deserialize(lastTurn, StateJsonContext.Default.CommittedTurn); }
        catch (JsonException ex) { throw new StateUnavailableException("Stored conversation turn is unreadable.", ex); }
    }

    private static string? CommittedActivityId(byte[] json)
    {
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isId = reader.ValueTextEquals("activityId"u8);
                reader.Read();
                if (isId) return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                reader.Skip();
            }
            return null;
        }
        catch (JsonException ex) { throw new StateUnavailableException("Stored conversation turn is unreadable.", ex); }
    }
}

/// <summary>
/// The turn that produced a saved state: the incoming activity's id and the replies it sent. A turn that runs again
/// for the same activity (its instance died before the replies were recorded) sends these instead of moving the dialog on.
/// </summary>
public sealed record CommittedTurn(string? ActivityId, List<Activity> Replies);
