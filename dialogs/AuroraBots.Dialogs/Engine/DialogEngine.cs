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
    Languages Languages);

/// <summary>
/// The one <see cref="IBot"/> serving every bot under <c>bots/</c>. Per turn: take the conversation's lock,
/// load its state, run the turn, save the state, then send the replies — so what the user sees always
/// matches what was saved.
/// </summary>
public sealed class DialogEngine(IDialogContent content, ConversationStateStore store, EngineServices services) : IBot
{
    private readonly KeyedAsyncLock _locks = new();

    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        var activity = turnContext.Activity;
        var conversationId = activity.Conversation?.Id;
        if (string.IsNullOrEmpty(conversationId)) throw new ArgumentException("The activity has no conversation id.", nameof(turnContext));

        // The channel already serialises turns; this guards any other caller (tests, other channels).
        using var held = await _locks.AcquireAsync(conversationId, cancellationToken);
        var runtime = content.Current;

        ConversationState? state;
        try
        {
            state = await store.LoadAsync(conversationId, cancellationToken);
        }
        catch (StateUnavailableException ex)
        {
            services.Logger.LogError(ex, "Loading state of conversation {Conversation} failed", conversationId);
            await SendApologyAsync(turnContext, runtime, EngineTexts.StateUnavailable, cancellationToken);
            return;
        }

        var turn = new Turn(runtime, state ?? new ConversationState(), turnContext, services, cancellationToken);
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

        try
        {
            await store.SaveAsync(conversationId, turn.State, cancellationToken);
        }
        catch (StateUnavailableException ex)
        {
            services.Logger.LogError(ex, "Saving state of conversation {Conversation} failed; the turn's replies are withheld", conversationId);
            await SendApologyAsync(turnContext, runtime, EngineTexts.StateUnavailable, cancellationToken, turn.Language, turn.State.ActiveBot);
            return;
        }

        foreach (var reply in turn.Outbox)
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
