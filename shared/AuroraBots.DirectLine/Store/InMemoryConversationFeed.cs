namespace AuroraBots.DirectLine.Store;

/// <summary>The feed of the single-process default: listeners in a dictionary, notified by <see cref="InMemoryConversationStore"/>.</summary>
public sealed class InMemoryConversationFeed : IConversationFeed
{
    private readonly Dictionary<string, IFeedListener[]> _listeners = new(StringComparer.Ordinal);

    public Task<IAsyncDisposable> SubscribeAsync(string conversationId, IFeedListener listener, CancellationToken cancellationToken)
    {
        lock (_listeners) _listeners[conversationId] = [.. _listeners.GetValueOrDefault(conversationId, []), listener];
        return Task.FromResult<IAsyncDisposable>(new Subscription(this, conversationId, listener));
    }

    public Task PublishLiveAsync(string conversationId, byte[] activityJson, CancellationToken cancellationToken)
    {
        foreach (var listener in ListenersOf(conversationId)) listener.OnLive(activityJson);
        return Task.CompletedTask;
    }

    internal void NotifyStored(string conversationId, long sequence)
    {
        foreach (var listener in ListenersOf(conversationId)) listener.OnStored(sequence);
    }

    private IFeedListener[] ListenersOf(string conversationId)
    {
        lock (_listeners) return _listeners.GetValueOrDefault(conversationId, []);
    }

    private sealed class Subscription(InMemoryConversationFeed feed, string conversationId, IFeedListener listener) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            lock (feed._listeners)
            {
                var left = feed._listeners.GetValueOrDefault(conversationId, []).Where(l => !ReferenceEquals(l, listener)).ToArray();
                if (left.Length == 0) feed._listeners.Remove(conversationId);
                else feed._listeners[conversationId] = left;
            }
            return ValueTask.CompletedTask;
        }
    }
}
