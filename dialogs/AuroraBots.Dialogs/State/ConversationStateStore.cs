using System.Text.Json;
using Microsoft.Extensions.Caching.Distributed;

namespace AuroraBots.Dialogs.State;

/// <summary>The state store failed (e.g. Redis down); the turn answers with an apology and nothing is overwritten.</summary>
public sealed class StateUnavailableException(string message, Exception inner) : Exception(message, inner);

/// <summary>
/// Conversation state in <see cref="IDistributedCache"/> (memory or Redis) with an idle TTL renewed on every save.
/// One key per conversation: <c>&lt;prefix&gt;state:&lt;conversation id&gt;</c>.
/// </summary>
public sealed class ConversationStateStore(IDistributedCache cache, DialogsOptions options)
{
    private string Key(string conversationId) => $"{options.StateKeyPrefix}state:{conversationId}";

    public async Task<ConversationState?> LoadAsync(string conversationId, CancellationToken cancellationToken)
    {
        byte[]? bytes;
        try { bytes = await cache.GetAsync(Key(conversationId), cancellationToken); }
        catch (Exception ex) when (ex is not OperationCanceledException) { throw new StateUnavailableException("Could not read conversation state.", ex); }
        if (bytes is null) return null;
        try { return JsonSerializer.Deserialize(bytes, StateJsonContext.Default.ConversationState); }
        catch (JsonException ex) { throw new StateUnavailableException("Stored conversation state is unreadable.", ex); }
    }

    public async Task SaveAsync(string conversationId, ConversationState state, CancellationToken cancellationToken)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(state, StateJsonContext.Default.ConversationState);
        try
        {
            // Every turn saves, so an expiry relative to now is the idle TTL; unlike a sliding expiration it
            // costs no extra refresh round trip on each read.
            await cache.SetAsync(Key(conversationId), bytes,
                new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = options.StateTtl }, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException) { throw new StateUnavailableException("Could not save conversation state.", ex); }
    }

    public async Task DeleteAsync(string conversationId, CancellationToken cancellationToken)
    {
        try { await cache.RemoveAsync(Key(conversationId), cancellationToken); }
        catch (Exception ex) when (ex is not OperationCanceledException) { throw new StateUnavailableException("Could not erase conversation state.", ex); }
    }
}
