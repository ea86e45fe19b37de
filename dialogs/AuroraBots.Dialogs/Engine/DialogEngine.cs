using AuroraBots.AuroraAI;
using AuroraBots.Builder;
using AuroraBots.Dialogs.Handoff;
using AuroraBots.Dialogs.State;
using AuroraBots.Platform;
using AuroraBots.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;

namespace AuroraBots.Dialogs.Engine;

/// <summary>The services a turn may use; optional ones are null when the host did not register them.</summary>
public sealed record EngineServices(
    DialogsOptions Options,
    Kernel Kernel,
    IAuroraAiClient? AuroraAi,
    IHandoffService? Handoff,
    TimeProvider Time,
    ILogger Logger,
    Languages Languages,
    LiveChat.ILiveChatService? LiveChat = null);

/// <summary>
/// The one <see cref="IBot"/> serving every bot under <c>bots/</c>. Per turn: load the conversation's state, run
/// the turn, commit the state together with the turn's replies (optimistic concurrency on the loaded version),
/// then send the replies — so what the user sees always matches what was saved. Turns are serialised by the
/// channel's turn queue, not here: a turn that lost a race (another turn of the conversation committed first, as
/// only callers without a queue can cause) runs again on the newer state, and a turn that runs again for an
/// activity already committed (its instance died before the replies were recorded) resends the committed replies.
/// </summary>
public sealed class DialogEngine(IDialogContent content, ConversationStateStore store, EngineServices services) : IBot
{
    /// <summary>Attempts of a turn that keeps losing the race to concurrent turns of its conversation.</summary>
    private const int MaxAttempts = 10;

    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        var activity = turnContext.Activity;
        var conversationId = activity.Conversation?.Id;
        if (string.IsNullOrEmpty(conversationId)) throw new ArgumentException("The activity has no conversation id.", nameof(turnContext));
        var runtime = content.Current;

        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            LoadedState loaded;
            CommittedTurn? committedBefore;
            try
            {
                loaded = await store.LoadForTurnAsync(conversationId, cancellationToken);
                committedBefore = loaded.LastTurnFor(activity.Id);
            }
            catch (StateUnavailableException ex)
            {
                services.Logger.LogError(ex, "Loading state of conversation {Conversation} failed", conversationId);
                await SendApologyAsync(turnContext, runtime, EngineTexts.StateUnavailable, cancellationToken);
                return;
            }
            if (committedBefore is not null)
            {
                await SendAsync(turnContext, committedBefore.Replies, cancellationToken);
                return;
            }

            var turn = new Turn(runtime, loaded.State ?? new ConversationState(), turnContext, services, cancellationToken);
            try
            {
                await turn.RunAsync();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Nothing is saved: the conversation continues from the state before this turn.
                services.Logger.LogError(ex, "Turn of conversation {Conversation} failed", conversationId);
                await SendApologyAsync(turnContext, runtime, EngineTexts.Error, cancellationToken);
                return;
            }

            bool committed;
            try
            {
                committed = await store.TrySaveTurnAsync(conversationId, turn.State, loaded.Version, new CommittedTurn(activity.Id, [.. turn.Outbox]), cancellationToken);
            }
            catch (StateUnavailableException ex)
            {
                services.Logger.LogError(ex, "Saving state of conversation {Conversation} failed; the turn's replies are withheld", conversationId);
                await SendApologyAsync(turnContext, runtime, EngineTexts.StateUnavailable, cancellationToken, turn.Language, turn.State.ActiveBot);
                return;
            }
            if (committed)
            {
                await SendAsync(turnContext, turn.Outbox, cancellationToken);
                return;
            }
            services.Logger.LogInformation("Turn of conversation {Conversation} raced another turn; running it again on the newer state", conversationId);
            // Jitter, so racing turns do not collide again in lockstep.
            await Task.Delay(Random.Shared.Next(5 * attempt), cancellationToken);
        }
        services.Logger.LogError("Turn of conversation {Conversation} lost {Attempts} races in a row; the replies are withheld", conversationId, MaxAttempts);
        await SendApologyAsync(turnContext, runtime, EngineTexts.Error, cancellationToken);
    }

    private static async Task SendAsync(ITurnContext turnContext, IEnumerable<Activity> replies, CancellationToken cancellationToken)
    {
        foreach (var reply in replies)
            await turnContext.SendActivityAsync(reply, cancellationToken);
    }

    private async Task SendApologyAsync(ITurnContext context, DialogRuntime runtime, string key, CancellationToken cancellationToken,
        string? language = null, string? botId = null)
    {
        botId ??= context.Activity.Recipient?.Id;
        runtime.Content.Bots.TryGetValue(botId ?? "", out var bot);
        language ??= services.Languages.Find(context.Activity.Locale) ?? bot?.DefaultLanguage ?? services.Languages.Fallback;
        var text = runtime.Content.FindText(null, key)?.ByLanguage.GetValueOrDefault(language) ?? EngineTexts.Missing(key);
        var reply = MessageFactory.Text(text);
        reply.Locale = language;
        if (bot is not null)
        {
            reply.From = new ChannelAccount(bot.Id, bot.NameIn(language), RoleTypes.Bot);
            new AuroraChannelData(bot.Id, null, null, language).ApplyTo(reply);
        }
        await context.SendActivityAsync(reply, cancellationToken);
    }
}
