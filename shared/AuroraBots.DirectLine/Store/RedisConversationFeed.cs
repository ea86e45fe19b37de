using System.Globalization;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace AuroraBots.DirectLine.Store;

/// <summary>
/// The feed over Redis pub/sub: channel <c>feed:{id}</c> carries the new sequence (published by the append
/// script) or a live activity's JSON. This instance subscribes to a conversation while it has listeners for it.
/// Pub/sub is fire-and-forget, so when the connection comes back every listener is told to re-read the log.
/// </summary>
public sealed class RedisConversationFeed : IConversationFeed
{
    private readonly RedisConnection _redis;
    private readonly ILogger<RedisConversationFeed> _logger;
    private readonly Dictionary<string, Topic> _topics = new(StringComparer.Ordinal);
    private int _watchingReconnects;

    public RedisConversationFeed(RedisConnection redis, ILogger<RedisConversationFeed> logger) => (_redis, _logger) = (redis, logger);

    private sealed class Topic(RedisChannel channel)
    {
        public readonly RedisChannel Channel = channel;
        public IFeedListener[] Listeners = [];
        public Task Subscribed = Task.CompletedTask;
        public Action<RedisChannel, RedisValue>? Handler;
    }

    public async Task<IAsyncDisposable> SubscribeAsync(string conversationId, IFeedListener listener, CancellationToken cancellationToken)
    {
        var subscriber = await SubscriberAsync().ConfigureAwait(false);
        Topic topic;
        lock (_topics)
        {
            if (!_topics.TryGetValue(conversationId, out topic!))
            {
                _topics[conversationId] = topic = new Topic(new ConversationKeys(_redis.KeyPrefix, conversationId).Feed);
                var created = topic;
                created.Handler = (_, message) => Dispatch(created, message);
                created.Subscribed = subscriber.SubscribeAsync(created.Channel, created.Handler);
            }
            topic.Listeners = [.. topic.Listeners, listener];
        }
        try
        {
            await topic.Subscribed.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            await RemoveAsync(conversationId, topic, listener).ConfigureAwait(false);
            throw new StoreUnavailableException("Redis is not reachable", e);
        }
        return new Subscription(this, conversationId, topic, listener);
    }

    public async Task PublishLiveAsync(string conversationId, byte[] activityJson, CancellationToken cancellationToken)
    {
        var subscriber = await SubscriberAsync().ConfigureAwait(false);
        await _redis.RunAsync(_ => subscriber.PublishAsync(new ConversationKeys(_redis.KeyPrefix, conversationId).Feed, activityJson)).ConfigureAwait(false);
    }

    private static void Dispatch(Topic topic, RedisValue message)
    {
        var bytes = (byte[])message!;
        var live = bytes.Length > 0 && bytes[0] == (byte)'{';
        var sequence = live ? 0 : long.Parse(message.ToString(), CultureInfo.InvariantCulture);
        foreach (var listener in Volatile.Read(ref topic.Listeners))
        {
            if (live) listener.OnLive(bytes);
            else listener.OnStored(sequence);
        }
    }

    /// <summary>The subscriber of the shared connection; the first call also starts watching for reconnects.</summary>
    private async Task<ISubscriber> SubscriberAsync()
    {
        var multiplexer = await _redis.GetMultiplexerAsync().ConfigureAwait(false);
        if (Interlocked.Exchange(ref _watchingReconnects, 1) == 0) multiplexer.ConnectionRestored += OnConnectionRestored;
        return multiplexer.GetSubscriber();
    }

    private void OnConnectionRestored(object? sender, ConnectionFailedEventArgs e)
    {
        Topic[] topics;
        lock (_topics) topics = [.. _topics.Values];
        _logger.LogInformation("Redis connection restored: {Count} conversations re-read their logs", topics.Length);
        foreach (var topic in topics)
            foreach (var listener in topic.Listeners) listener.OnStored(0);
    }

    private async Task RemoveAsync(string conversationId, Topic topic, IFeedListener listener)
    {
        bool last;
        lock (_topics)
        {
            topic.Listeners = [.. topic.Listeners.Where(l => !ReferenceEquals(l, listener))];
            last = topic.Listeners.Length == 0 && _topics.TryGetValue(conversationId, out var current) && ReferenceEquals(current, topic);
            if (last) _topics.Remove(conversationId);
        }
        if (!last) return;
        try { await (await SubscriberAsync().ConfigureAwait(false)).UnsubscribeAsync(topic.Channel, topic.Handler).ConfigureAwait(false); }
        catch (Exception e) when (e is RedisException or TimeoutException) { } // the subscription ends with the connection anyway
    }

    private sealed class Subscription(RedisConversationFeed feed, string conversationId, Topic topic, IFeedListener listener) : IAsyncDisposable
    {
        private int _disposed;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) await feed.RemoveAsync(conversationId, topic, listener).ConfigureAwait(false);
        }
    }
}
