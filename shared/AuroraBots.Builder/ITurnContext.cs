using AuroraBots.Schema;

namespace AuroraBots.Builder;

/// <summary>
/// The context of one turn: the incoming activity (as recorded by the channel, with id, timestamp,
/// conversation, <c>from</c> = the user and <c>recipient</c> = the bot the conversation was opened for)
/// and a way to send activities back into the same conversation.
/// </summary>
public interface ITurnContext
{
    Activity Activity { get; }

    /// <summary>
    /// Sends an activity to the conversation. Missing routing fields are filled from the incoming activity
    /// (conversation, recipient = user, from = bot, replyToId = incoming id); the channel assigns id and timestamp.
    /// </summary>
    Task<ResourceResponse> SendActivityAsync(Activity activity, CancellationToken cancellationToken = default);
}
