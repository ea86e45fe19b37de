namespace AuroraBots.DirectLine.Store;

/// <summary>
/// Tells this instance's listeners that a conversation changed, whichever instance wrote: "the log grew to
/// sequence N" (published by the store with every append) or a live-only activity (typing). Listeners then read
/// the log from their own watermark, so a lost or reordered notification never loses or reorders an activity.
/// </summary>
public interface IConversationFeed
{
    /// <summary>Starts notifications; returns once they are active (so a read after it misses nothing).</summary>
    Task<IAsyncDisposable> SubscribeAsync(string conversationId, IFeedListener listener, CancellationToken cancellationToken);

    /// <summary>Sends a live-only activity (never stored) to every listener of the conversation on every instance.</summary>
    Task PublishLiveAsync(string conversationId, byte[] activityJson, CancellationToken cancellationToken);
}

/// <summary>Receives a conversation's notifications; must not block (called on the notification thread).</summary>
public interface IFeedListener
{
    /// <summary>The log has grown (to at least <paramref name="sequence"/>), or may have: read it.</summary>
    void OnStored(long sequence);

    void OnLive(byte[] activityJson);
}
