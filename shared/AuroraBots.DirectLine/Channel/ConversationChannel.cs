using System.Text.Json;
using AuroraBots.DirectLine.Store;
using AuroraBots.Schema;
using Microsoft.Extensions.Options;

namespace AuroraBots.DirectLine.Channel;

/// <summary>
/// The heart of the channel, stateless per instance: records activities in the shared log (which assigns id,
/// timestamp and the gap-free sequence = watermark), announces live-only ones (typing) on the feed, and queues
/// user activities as bot turns in the same atomic step. Whichever instance serves a request, the log is the one
/// truth that polling, sockets and turns read.
/// </summary>
public sealed class ConversationChannel(
    IConversationStore store,
    IConversationFeed feed,
    TurnQueue turns,
    IOptions<DirectLineOptions> options,
    TimeProvider time)
{
    public const string ChannelId = "directline";

    /// <summary>Longest <c>channelData.clientActivityID</c> used as idempotency key; longer ones are not deduplicated.</summary>
    private const int MaxClientActivityIdLength = 128;

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
            await turns.QueueAsync(proposed.Id, JsonSerializer.SerializeToUtf8Bytes(update, SchemaJsonContext.Default.Activity), cancellationToken).ConfigureAwait(false);
        }
        return (proposed, true);
    }

    /// <summary>
    /// Records a client's activity (the echo everyone sees) and queues its bot turn. A retry with the same
    /// <c>channelData.clientActivityID</c> records nothing new and returns the first copy's id.
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

        TurnLease? lease = null;
        if (activity.Type == ActivityTypes.Typing)
        {
            // Live only: shown to sockets, never stored; the bot still gets its turn.
            var json = await PublishLiveAsync(conversation.Id, activity, cancellationToken).ConfigureAwait(false);
            await turns.QueueAsync(conversation.Id, json, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var result = await store.AppendAsync(conversation.Id, activity,
                new AppendOptions(ClientActivityKey(activity), QueueTurn: true, TakeLease: turns.LeaseDuration), cancellationToken).ConfigureAwait(false);
            activity.Id = result.Id;
            lease = result.Lease;
        }
        // Held elsewhere: the holder (this or another instance) runs the turn before it can release the lease.
        if (lease is not { Fence: 0 }) turns.Kick(conversation.Id, conversation, lease);
        return activity;
    }

    /// <summary>Records a bot activity (typing is live-only) after the caller stamped its routing fields; its id.</summary>
    internal async Task<string> PostFromBotAsync(string conversationId, Activity activity, AppendOptions append, CancellationToken cancellationToken)
    {
        if (activity.Type == ActivityTypes.Typing)
        {
            await PublishLiveAsync(conversationId, activity, cancellationToken).ConfigureAwait(false);
            return activity.Id!;
        }
        var result = await store.AppendAsync(conversationId, activity, append, cancellationToken).ConfigureAwait(false);
        if (result.Outcome == AppendOutcome.LeaseLost) throw new TurnLeaseLostException(conversationId);
        return result.Id;
    }

    /// <summary>Activities after <paramref name="watermark"/> (for polling and sockets) and the watermark to continue from.</summary>
    public async Task<(IReadOnlyList<StoredActivity> Activities, long Watermark)> ReadAfterAsync(string conversationId, long watermark, int max, CancellationToken cancellationToken)
    {
        var activities = await store.ReadAfterAsync(conversationId, watermark, max, cancellationToken).ConfigureAwait(false);
        if (activities.Count > 0) return (activities, activities[^1].Sequence);
        // Nothing new: keep the client's watermark, but never beyond what exists (a stale or foreign number).
        var last = await store.GetLastSequenceAsync(conversationId, cancellationToken).ConfigureAwait(false);
        return (activities, Math.Min(Math.Max(watermark, 0), last));
    }

    /// <summary>The log after <paramref name="sequence"/> as stored (for a socket, which keeps its own watermark).</summary>
    internal Task<IReadOnlyList<StoredActivity>> ReadStoredAfterAsync(string conversationId, long sequence, int max, CancellationToken cancellationToken) =>
        store.ReadAfterAsync(conversationId, sequence, max, cancellationToken);

    /// <summary>Notifies <paramref name="listener"/> of the conversation's changes on any instance; dispose to stop.</summary>
    internal Task<IAsyncDisposable> SubscribeAsync(string conversationId, IFeedListener listener, CancellationToken cancellationToken) =>
        feed.SubscribeAsync(conversationId, listener, cancellationToken);

    private async Task<byte[]> PublishLiveAsync(string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        activity.Id = $"{conversationId}-L{Ids.NewRandomId(6)}";
        activity.Timestamp = ActivityJson.ToMilliseconds(time.GetUtcNow());
        var json = JsonSerializer.SerializeToUtf8Bytes(activity, SchemaJsonContext.Default.Activity);
        await feed.PublishLiveAsync(conversationId, json, cancellationToken).ConfigureAwait(false);
        return json;
    }

    private static string? ClientActivityKey(Activity activity) =>
        activity.ChannelData is System.Text.Json.Nodes.JsonObject data && data["clientActivityID"] is System.Text.Json.Nodes.JsonValue value && value.TryGetValue<string>(out var id)
        && id.Length is > 0 and <= MaxClientActivityIdLength
            ? "c:" + id
            : null;

    internal int MaxReplayBatch => Math.Max(1, Math.Min(options.Value.MaxActivitiesPerConversation, 200));
}
