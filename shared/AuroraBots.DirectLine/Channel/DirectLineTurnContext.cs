using AuroraBots.Builder;
using AuroraBots.DirectLine.Store;
using AuroraBots.Schema;

namespace AuroraBots.DirectLine.Channel;

/// <summary>One bot turn on the Direct Line channel. Sends after the turn ended (timeout) are refused.</summary>
internal sealed class DirectLineTurnContext(TurnQueue turns, ConversationChannel channel, ConversationRecord conversation, Activity incoming) : ITurnContext
{
    private volatile bool _completed;

    public Activity Activity { get; } = incoming;

    public ConversationRecord Conversation { get; } = conversation;

    public async Task<ResourceResponse> SendActivityAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (_completed) throw new InvalidOperationException("The turn has ended (it timed out); the activity was not sent.");
        var id = await channel.PostFromBotAsync(Conversation.Id, turns.StampBotActivity(Conversation, Activity, activity), cancellationToken).ConfigureAwait(false);
        return new ResourceResponse(id);
    }

    public void Complete() => _completed = true;
}
