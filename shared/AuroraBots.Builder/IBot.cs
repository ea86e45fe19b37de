namespace AuroraBots.Builder;

/// <summary>
/// A bot, as the channel sees it: one call per incoming activity (a turn). The channel guarantees that
/// turns of one conversation never run concurrently and arrive in the order they were posted.
/// </summary>
public interface IBot
{
    Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default);
}
