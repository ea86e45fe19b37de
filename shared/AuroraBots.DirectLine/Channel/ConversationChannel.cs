using System.Collections.Concurrent;
using System.Text.Json;
using AuroraBots.DirectLine.Store;
using AuroraBots.Schema;
using Microsoft.Extensions.Options;

namespace AuroraBots.DirectLine.Channel;

/// <summary>
/// The heart of the channel: records activities (id, UTC timestamp, gap-free sequence = watermark), fans them
/// out to the conversation's sockets, and hands user activities to the <see cref="TurnQueue"/>.
/// </summary>
public sealed class ConversationChannel(
    IConversationStore store,
    TurnQueue turns,
    IOptions<DirectLineOptions> options,
    TimeProvider time)
{
    public const string ChannelId = "directline";

    private readonly ConcurrentDictionary<string, ConversationRuntime> _runtimes = new(StringComparer.Ordinal);

    public Task<ConversationRecord?> GetConversationAsync(string conversationId, CancellationToken cancellationToken) =>
        store.GetAsync(conversationId, cancellationToken);

    /// <summary>
    /// Creates the conversation unless it exists. A new conversation with a known user gets one
    /// <c>conversationUpdate</c> (bot and user added) sent to the bot — never to clients.
    /// </summary>
    public async Task<(ConversationRecord Conversation, bool Created)> StartAsync(ConversationRecord proposed, CancellationToken cancellationToken)
    {
        if (!await store.TryCreateAsync(proposed, cancellationToken).ConfigureAwait(false))
        {
            var existing = await store.GetAsync(proposed.Id, cancellationToken).ConfigureAwait(false);
            if (existing is not null) return (existing, false);
            await store.TryCreateAsync(proposed, cancellationToken).ConfigureAwait(false); // expired in between
        }
        if (proposed.UserId is not null)
        {
            var update = new Activity
            {
                Type = ActivityTypes.ConversationUpdate,
                Id = $"{proposed.Id}-start",
                Timestamp = time.GetUtcNow(),
                ChannelId = ChannelId,
                ServiceUrl = proposed.ServiceUrl,
                Conversation = new ConversationAccount { Id = proposed.Id },
                From = new ChannelAccount(proposed.UserId, proposed.UserName, RoleTypes.User),
                Recipient = turns.BotAccount(proposed),
                Locale = proposed.Locale,
                MembersAdded = [turns.BotAccount(proposed), new ChannelAccount(proposed.UserId, proposed.UserName, RoleTypes.User)],
            };
            turns.Enqueue(GetRuntime(proposed.Id), proposed, update, this);
        }
        return (proposed, true);
    }

    /// <summary>
    /// Records a client's activity (the echo everyone sees) and queues the bot turn. Returns the recorded copy.
    /// </summary>
    public async Task<Activity> PostFromUserAsync(ConversationRecord conversation, Activity activity, CancellationToken cancellationToken)
    {
        activity.ChannelId = ChannelId;
        activity.ServiceUrl = conversation.ServiceUrl;
        activity.Conversation = new ConversationAccount { Id = conversation.Id };
        activity.From!.Role = RoleTypes.User;
        activity.Recipient = turns.BotAccount(conversation);
        activity.ReplyToId = null;

        if (conversation.UserId is null || (conversation.Locale is null && activity.Locale is not null))
        {
            conversation = conversation with { UserId = conversation.UserId ?? activity.From.Id, Locale = conversation.Locale ?? activity.Locale };
            await store.UpdateAsync(conversation, cancellationToken).ConfigureAwait(false);
        }

        // Queued under the append lock, so turns run in recorded order even when posts race. The bot gets its
        // own copy (from the recorded JSON), so nothing it does can alter the log.
        await RecordAsync(conversation.Id, activity, live: activity.Type == ActivityTypes.Typing, cancellationToken,
            (runtime, json) => turns.Enqueue(runtime, conversation, JsonSerializer.Deserialize(json, SchemaJsonContext.Default.Activity)!, this)).ConfigureAwait(false);
        return activity;
    }

    /// <summary>Records a bot activity (typing is live-only) after the caller stamped its routing fields.</summary>
    internal async Task<string> PostFromBotAsync(string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        await RecordAsync(conversationId, activity, live: activity.Type == ActivityTypes.Typing, cancellationToken).ConfigureAwait(false);
        return activity.Id!;
    }

    /// <summary>Activities after <paramref name="watermark"/> (for polling and socket replay) and the watermark to continue from.</summary>
    public async Task<(IReadOnlyList<StoredActivity> Activities, long Watermark)> ReadAfterAsync(string conversationId, long watermark, int max, CancellationToken cancellationToken)
    {
        var activities = await store.ReadAfterAsync(conversationId, watermark, max, cancellationToken).ConfigureAwait(false);
        if (activities.Count > 0) return (activities, activities[^1].Sequence);
        // Nothing new: keep the client's watermark, but never beyond what exists (a stale or foreign number).
        var last = await store.GetLastSequenceAsync(conversationId, cancellationToken).ConfigureAwait(false);
        return (activities, Math.Min(Math.Max(watermark, 0), last));
    }

    /// <summary>Starts live delivery to <paramref name="subscriber"/>; dispose the result to stop.</summary>
    public IDisposable Subscribe(string conversationId, IActivitySubscriber subscriber)
    {
        while (true)
        {
            var runtime = GetRuntime(conversationId);
            runtime.AddSubscriber(subscriber);
            // An evicted runtime no longer receives appends: move to the current one.
            if (!Volatile.Read(ref runtime.Retired)) return new Subscription(runtime, subscriber);
            runtime.RemoveSubscriber(subscriber);
        }
    }

    private sealed class Subscription(ConversationRuntime runtime, IActivitySubscriber subscriber) : IDisposable
    {
        public void Dispose() => runtime.RemoveSubscriber(subscriber);
    }

    private async Task RecordAsync(string conversationId, Activity activity, bool live, CancellationToken cancellationToken,
        Action<ConversationRuntime, byte[]>? recorded = null)
    {
        var runtime = await AcquireAsync(conversationId, cancellationToken).ConfigureAwait(false);
        try
        {
            var now = time.GetUtcNow();
            now = new DateTimeOffset(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
            // Web Chat orders the transcript by timestamp: keep them strictly increasing per conversation.
            if (now <= runtime.LastTimestamp) now = runtime.LastTimestamp.AddMilliseconds(1);
            activity.Timestamp = now;

            byte[] json;
            if (live)
            {
                activity.Id = $"{conversationId}-L{++runtime.LiveCounter}";
                json = JsonSerializer.SerializeToUtf8Bytes(activity, SchemaJsonContext.Default.Activity);
                runtime.LastTimestamp = now;
                Publish(runtime, new StreamItem(0, runtime.LastSequence, json));
            }
            else
            {
                var sequence = runtime.LastSequence + 1;
                activity.Id = Ids.ActivityId(conversationId, sequence);
                json = JsonSerializer.SerializeToUtf8Bytes(activity, SchemaJsonContext.Default.Activity);
                await store.AppendAsync(conversationId, sequence, json, cancellationToken).ConfigureAwait(false);
                runtime.LastSequence = sequence;
                runtime.LastTimestamp = now;
                Publish(runtime, new StreamItem(sequence, sequence, json));
            }
            runtime.LastUsedTicks = now.UtcTicks;
            recorded?.Invoke(runtime, json);
        }
        finally
        {
            runtime.AppendLock.Release();
        }
    }

    private static void Publish(ConversationRuntime runtime, StreamItem item)
    {
        // The activity is already stored: a misbehaving subscriber must not fail the post (it replays later).
        foreach (var subscriber in runtime.Subscribers)
        {
            try { subscriber.Deliver(item); }
            catch (Exception e) when (e is InvalidOperationException or ObjectDisposedException or NotSupportedException) { }
        }
    }

    private ConversationRuntime GetRuntime(string conversationId) =>
        _runtimes.GetOrAdd(conversationId, static id => new ConversationRuntime(id));

    /// <summary>Takes the conversation's append lock, loading its last sequence from the store the first time.</summary>
    private async Task<ConversationRuntime> AcquireAsync(string conversationId, CancellationToken cancellationToken)
    {
        while (true)
        {
            var runtime = GetRuntime(conversationId);
            await runtime.AppendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
            if (runtime.Retired)
            {
                runtime.AppendLock.Release();
                continue;
            }
            if (!runtime.Loaded)
            {
                try
                {
                    runtime.LastSequence = await store.GetLastSequenceAsync(conversationId, cancellationToken).ConfigureAwait(false);
                }
                catch
                {
                    runtime.AppendLock.Release();
                    throw;
                }
                runtime.Loaded = true;
            }
            return runtime;
        }
    }

    /// <summary>Evicts runtimes without sockets or turns that were unused for <paramref name="idleFor"/>; returns how many.</summary>
    public int EvictIdleRuntimes(TimeSpan idleFor)
    {
        var cutoff = (time.GetUtcNow() - idleFor).UtcTicks;
        var evicted = 0;
        foreach (var (id, runtime) in _runtimes)
        {
            if (!runtime.IsIdle || Volatile.Read(ref runtime.LastUsedTicks) > cutoff || !runtime.AppendLock.Wait(0)) continue;
            try
            {
                if (!runtime.IsIdle) continue;
                Volatile.Write(ref runtime.Retired, true);
                if (runtime.Subscribers.Length > 0) { Volatile.Write(ref runtime.Retired, false); continue; }
                _runtimes.TryRemove(new KeyValuePair<string, ConversationRuntime>(id, runtime));
                evicted++;
            }
            finally
            {
                runtime.AppendLock.Release();
            }
        }
        return evicted;
    }

    internal int RuntimeCount => _runtimes.Count;

    internal int MaxReplayBatch => Math.Max(1, Math.Min(options.Value.MaxActivitiesPerConversation, 200));
}
