using AuroraBots.DirectLine.Store;
using AuroraBots.Schema;

namespace AuroraBots.DirectLine.Channel;

/// <summary>
/// Sends an activity into a conversation outside a bot turn (Bot Framework's proactive message / ContinueConversation):
/// a human agent's message, a queue update. It goes into the conversation log like any bot reply, so every client of
/// the conversation receives it (socket or poll) and a transcript holds it.
/// </summary>
public sealed class ProactiveMessenger(ConversationChannel channel, TurnQueue turns)
{
    /// <summary>Sends <paramref name="activity"/>; returns its id, or null when the conversation no longer exists.</summary>
    public async Task<string?> SendAsync(string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        if (await channel.GetConversationAsync(conversationId, cancellationToken).ConfigureAwait(false) is not { } conversation) return null;
        activity.Type ??= ActivityTypes.Message;
        activity.From ??= turns.BotAccount(conversation);
        activity.From.Role ??= RoleTypes.Bot;
        activity.Recipient = conversation.UserId is { } user ? new ChannelAccount(user, conversation.UserName, RoleTypes.User) : null;
        activity.Conversation = new ConversationAccount { Id = conversation.Id };
        activity.ChannelId = ConversationChannel.ChannelId;
        activity.ServiceUrl = conversation.ServiceUrl;
        activity.Locale ??= conversation.Locale;
        // Outside a turn: no lease fence and no turn queued (the agent's message is not a turn of the bot).
        return await channel.PostFromBotAsync(conversation.Id, activity, new AppendOptions(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The conversation's recorded activities after <paramref name="afterSequence"/> (oldest first) for a reader outside the bot.</summary>
    public Task<(IReadOnlyList<StoredActivity> Activities, long Watermark)> ReadAfterAsync(string conversationId, long afterSequence, int max, CancellationToken cancellationToken) =>
        channel.ReadAfterAsync(conversationId, afterSequence, max, cancellationToken);
}
