using AuroraBots.Platform;
using AuroraBots.Builder;
using AuroraBots.DirectLine.Store;
using AuroraBots.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AuroraBots.DirectLine.Channel;

/// <summary>
/// Runs bot turns: one at a time per conversation, in posted order, off the request path (POST answers before
/// the bot finishes). A failing or overlong turn is logged and the user gets an apology in their language.
/// </summary>
public sealed class TurnQueue(
    IServiceScopeFactory scopes,
    IServiceProvider services,
    IOptions<DirectLineOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<TurnQueue> logger)
{
    private readonly TimeSpan _turnTimeout = options.Value.TurnTimeout;
    private readonly Lazy<IBotCatalog?> _catalog = new(() => services.GetService<IBotCatalog>());
    private readonly Lazy<Languages> _languages = new(() => services.GetService<Languages>() ?? Languages.Default);

    internal void Enqueue(ConversationRuntime runtime, ConversationRecord conversation, Activity incoming, ConversationChannel channel)
    {
        bool start;
        lock (runtime.TurnsLock)
        {
            runtime.Turns.Enqueue(() => RunTurnAsync(conversation, incoming, channel));
            start = !runtime.TurnsRunning;
            runtime.TurnsRunning = true;
        }
        if (!start) return;
        // The turn outlives the HTTP request: do not let it inherit the request's async-local state (HttpContext, trace).
        using (ExecutionContext.SuppressFlow()) _ = Task.Run(() => DrainAsync(runtime));
    }

    private async Task DrainAsync(ConversationRuntime runtime)
    {
        while (true)
        {
            Func<Task> turn;
            lock (runtime.TurnsLock)
            {
                if (!runtime.Turns.TryDequeue(out turn!))
                {
                    runtime.TurnsRunning = false;
                    return;
                }
            }
            await turn().ConfigureAwait(false);
        }
    }

    private async Task RunTurnAsync(ConversationRecord conversation, Activity incoming, ConversationChannel channel)
    {
        var context = new DirectLineTurnContext(this, channel, conversation, incoming);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(lifetime.ApplicationStopping);
        timeout.CancelAfter(_turnTimeout);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var bot = scope.ServiceProvider.GetRequiredService<IBot>();
            // WaitAsync: a bot that ignores cancellation must not block the conversation's queue forever.
            await bot.OnTurnAsync(context, timeout.Token).WaitAsync(_turnTimeout, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            logger.LogInformation(e, "Turn of conversation {ConversationId} abandoned at shutdown", conversation.Id);
            return;
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
            logger.LogWarning("Turn of conversation {ConversationId} (activity {ActivityId}) exceeded {Timeout}", conversation.Id, incoming.Id, _turnTimeout);
            await ApologiseAsync(context, channel).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Bot failed in conversation {ConversationId} (activity {ActivityId})", conversation.Id, incoming.Id);
            await ApologiseAsync(context, channel).ConfigureAwait(false);
        }
        finally
        {
            context.Complete();
        }
    }

    private async Task ApologiseAsync(DirectLineTurnContext context, ConversationChannel channel)
    {
        try
        {
            var apology = Apology.For(_languages.Value.Resolve(context.Activity.Locale ?? context.Conversation.Locale));
            await channel.PostFromBotAsync(context.Conversation.Id, StampBotActivity(context.Conversation, context.Activity, apology), lifetime.ApplicationStopping).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Could not deliver the apology in conversation {ConversationId}", context.Conversation.Id);
        }
    }

    /// <summary>The bot's account in a conversation (named from the bot catalogue when one is registered).</summary>
    internal ChannelAccount BotAccount(ConversationRecord conversation)
    {
        var name = _catalog.Value?.Find(conversation.BotId)?.NameIn(_languages.Value.Resolve(conversation.Locale));
        return new ChannelAccount(conversation.BotId, name, RoleTypes.Bot);
    }

    /// <summary>
    /// Fills what a bot left out: from = the conversation's bot, recipient = user, replyToId = incoming id (not for
    /// replies to the invisible conversationUpdate, which would make Web Chat wait for it), and <c>channelData.aurora</c>.
    /// Like Bot Framework's TurnContext, it completes the bot's own object (the log keeps a serialized copy).
    /// </summary>
    internal Activity StampBotActivity(ConversationRecord conversation, Activity incoming, Activity activity)
    {
        activity.Type ??= ActivityTypes.Message;
        activity.From ??= BotAccount(conversation);
        activity.From.Id ??= conversation.BotId;
        activity.From.Role = RoleTypes.Bot;
        activity.Recipient = incoming.From is { } user ? new ChannelAccount(user.Id!, user.Name, RoleTypes.User) : null;
        activity.Conversation = new ConversationAccount { Id = conversation.Id };
        activity.ChannelId = ConversationChannel.ChannelId;
        activity.ServiceUrl = conversation.ServiceUrl;
        if (activity.ReplyToId is null && incoming.Type != ActivityTypes.ConversationUpdate) activity.ReplyToId = incoming.Id;
        activity.Locale ??= incoming.Locale ?? conversation.Locale;
        if (AuroraChannelData.From(activity) is null)
            new AuroraChannelData(activity.From.Id, null, null, _languages.Value.Resolve(activity.Locale)).ApplyTo(activity);
        return activity;
    }
}
