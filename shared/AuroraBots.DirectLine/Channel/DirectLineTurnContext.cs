using AuroraBots.Builder;
using AuroraBots.DirectLine.Store;
using AuroraBots.Schema;

namespace AuroraBots.DirectLine.Channel;

/// <summary>
/// One bot turn on the Direct Line channel, run under the conversation's turn lease (<paramref name="fence"/>).
/// The n-th reply of a turn is recorded under the request key "incoming id #n", so a turn re-run after its
/// instance died records each reply once. Sends after the turn ended (timeout) or after the lease was lost are refused.
/// </summary>
internal sealed class DirectLineTurnContext(TurnQueue turns, ConversationChannel channel, ConversationRecord conversation, Activity incoming, long fence)
    : ITurnContext
{
    private volatile bool _completed;
    private int _sent;

    public Activity Activity { get; } = incoming;

    public ConversationRecord Conversation { get; } = conversation;

    public long Fence { get; } = fence;

    public async Task<ResourceResponse> SendActivityAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (_completed) throw new InvalidOperationException("The turn has ended (it timed out); the activity was not sent.");
        var requestKey = $"r:{Activity.Id}#{Interlocked.Increment(ref _sent)}";
        var id = await channel.PostFromBotAsync(Conversation.Id, turns.StampBotActivity(Conversation, Activity, activity),
            new AppendOptions(requestKey, Fence: Fence), cancellationToken).ConfigureAwait(false);
        return new ResourceResponse(id);
    }

    public void Complete() => _completed = true;
}

/// <summary>The conversation's turn lease was taken over by another instance: this instance stops the turn and records nothing more.</summary>
public sealed class TurnLeaseLostException(string conversationId)
    : Exception($"The turn lease of conversation {conversationId} was lost; another instance continues its turns.");
