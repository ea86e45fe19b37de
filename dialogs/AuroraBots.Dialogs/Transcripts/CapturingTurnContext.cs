using AuroraBots.Builder;
using AuroraBots.Schema;

namespace AuroraBots.Dialogs.Transcripts;

/// <summary>A turn context that records what the bot sends.</summary>
internal sealed class CapturingTurnContext(Activity activity) : ITurnContext
{
    public Activity Activity { get; } = activity;
    public List<Activity> Replies { get; } = [];

    public Task<ResourceResponse> SendActivityAsync(Activity reply, CancellationToken cancellationToken = default)
    {
        Replies.Add(reply);
        return Task.FromResult(new ResourceResponse($"r{Replies.Count}"));
    }
}
