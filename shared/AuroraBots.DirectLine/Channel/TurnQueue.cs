using System.Text.Json;
using AuroraBots.Platform;
using AuroraBots.Builder;
using AuroraBots.DirectLine.Store;
using AuroraBots.Schema;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AuroraBots.DirectLine.Channel;

/// <summary>
/// Runs bot turns from the durable turn queue (<see cref="ITurnStore"/>): the one place where a conversation's turns
/// are serialised. Whichever instance holds the conversation's lease runs its turns one at a time in recorded
/// order, off the request path (POST answers before the bot finishes), renewing the lease while it works. A turn
/// is removed from the queue only after it ran, so the turns of an instance that died are run by the instance that
/// takes the expired lease over (<see cref="TurnSweeper"/>); replies are recorded idempotently per turn, so the user
/// sees them once. A failing or overlong turn is logged and the user gets an apology in their language.
/// </summary>
public sealed class TurnQueue(
    IServiceScopeFactory scopes,
    IServiceProvider services,
    ITurnStore store,
    IOptions<DirectLineOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<TurnQueue> logger)
{
    private readonly TimeSpan _turnTimeout = options.Value.TurnTimeout;
    private readonly TimeSpan _lease = options.Value.TurnLeaseDuration;
    private readonly Lazy<IBotCatalog?> _catalog = new(() => services.GetService<IBotCatalog>());
    private readonly Lazy<Languages> _languages = new(() => services.GetService<Languages>() ?? Languages.Default);
    private readonly Lazy<ConversationChannel> _channel = new(services.GetRequiredService<ConversationChannel>);
    private readonly Lazy<IConversationStore> _conversations = new(services.GetRequiredService<IConversationStore>);

    internal Task QueueAsync(string conversationId, byte[] activityJson, CancellationToken cancellationToken) =>
        store.QueueAsync(conversationId, activityJson, cancellationToken);

    /// <summary>
    /// Runs the conversation's waiting turns here unless another instance (or task) holds its lease.
    /// <paramref name="known"/>: the conversation's record as the caller just read or wrote it (a POST), used for the
    /// first turn instead of reading it again; records change only when a POST fills in the user and locale, before
    /// it queues its turn. <paramref name="granted"/>: a lease the append already took (no second grant).
    /// </summary>
    public void Kick(string conversationId, ConversationRecord? known = null, TurnLease? granted = null)
    {
        // The turns outlive the HTTP request: do not let them inherit the request's async-local state (HttpContext, trace).
        using (ExecutionContext.SuppressFlow()) _ = Task.Run(() => DrainAsync(conversationId, known, granted));
    }

    /// <summary>How long a lease lasts unless renewed (for a store that grants it with the append, <see cref="AppendOptions.TakeLease"/>).</summary>
    internal TimeSpan LeaseDuration => _lease;

    /// <summary>Runs the waiting turns under <paramref name="granted"/>, or under a lease taken now.</summary>
    internal async Task DrainAsync(string conversationId, ConversationRecord? known = null, TurnLease? granted = null)
    {
        var stopping = lifetime.ApplicationStopping;
        TurnLease lease;
        try
        {
            lease = granted ?? await store.TryAcquireAsync(conversationId, _lease, stopping).ConfigureAwait(false);
        }
        catch (Exception e) when (e is StoreUnavailableException or OperationCanceledException)
        {
            logger.LogWarning("Turns of conversation {ConversationId} wait: the turn store is unavailable ({Error})", conversationId, e.Message);
            return;
        }
        if (lease.Fence == 0) return;
        var fence = lease.Fence;

        using var held = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var heartbeat = RenewWhileHeldAsync(conversationId, fence, held);
        try
        {
            // The grant carries the first turn and each completion the next: no separate read per turn.
            var json = lease.Turn;
            while (!held.IsCancellationRequested)
            {
                if (json is not null)
                {
                    var conversation = known ?? await _conversations.Value.GetAsync(conversationId, held.Token).ConfigureAwait(false);
                    known = null; // later turns may come after a POST on another instance changed the record
                    // An expired conversation has nobody to answer: its leftover turns are dropped.
                    if (conversation is not null)
                        await RunTurnAsync(conversation, JsonSerializer.Deserialize(json, SchemaJsonContext.Default.Activity)!, fence, held.Token).ConfigureAwait(false);
                }
                if (held.IsCancellationRequested) break;
                var step = await store.CompleteAsync(conversationId, fence, held.Token).ConfigureAwait(false);
                if (step.Completion != TurnCompletion.More) break;
                json = step.Next;
            }
        }
        catch (Exception e) when (e is StoreUnavailableException or OperationCanceledException or TurnLeaseLostException)
        {
            // The turn stays queued; its lease expires and this or another instance runs it again.
            logger.LogWarning("Turns of conversation {ConversationId} interrupted; they resume after the lease expires ({Error})", conversationId, e.Message);
        }
        finally
        {
            await held.CancelAsync().ConfigureAwait(false);
            await heartbeat.ConfigureAwait(false);
        }
    }

    /// <summary>Renews the lease every third of its duration; cancels <paramref name="held"/> once it cannot be kept.</summary>
    private async Task RenewWhileHeldAsync(string conversationId, long fence, CancellationTokenSource held)
    {
        var renewed = DateTimeOffset.UtcNow;
        try
        {
            while (true)
            {
                await Task.Delay(_lease / 3, held.Token).ConfigureAwait(false);
                try
                {
                    if (!await store.RenewAsync(conversationId, fence, _lease, held.Token).ConfigureAwait(false)) break;
                    renewed = DateTimeOffset.UtcNow;
                }
                catch (StoreUnavailableException) when (DateTimeOffset.UtcNow - renewed < _lease) { }
            }
            logger.LogWarning("Turn lease of conversation {ConversationId} lost", conversationId);
        }
        catch (Exception e) when (e is OperationCanceledException or StoreUnavailableException) { }
        try { await held.CancelAsync().ConfigureAwait(false); } catch (ObjectDisposedException) { }
    }

    private async Task RunTurnAsync(ConversationRecord conversation, Activity incoming, long fence, CancellationToken held)
    {
        var channel = _channel.Value;
        var context = new DirectLineTurnContext(this, channel, conversation, incoming, fence);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(held);
        timeout.CancelAfter(_turnTimeout);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var bot = scope.ServiceProvider.GetRequiredService<IBot>();
            // WaitAsync: a bot that ignores cancellation must not block the conversation's queue forever.
            await bot.OnTurnAsync(context, timeout.Token).WaitAsync(_turnTimeout, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (held.IsCancellationRequested || e is TurnLeaseLostException)
        {
            logger.LogInformation("Turn of conversation {ConversationId} stopped (shutdown or lease lost); it stays queued", conversation.Id);
            throw new OperationCanceledException("Turn interrupted", e, held);
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
            logger.LogWarning("Turn of conversation {ConversationId} (activity {ActivityId}) exceeded {Timeout}", conversation.Id, incoming.Id, _turnTimeout);
            await ApologiseAsync(context, channel, held).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not StoreUnavailableException)
        {
            logger.LogError(e, "Bot failed in conversation {ConversationId} (activity {ActivityId})", conversation.Id, incoming.Id);
            await ApologiseAsync(context, channel, held).ConfigureAwait(false);
        }
        finally
        {
            context.Complete();
        }
    }

    private async Task ApologiseAsync(DirectLineTurnContext context, ConversationChannel channel, CancellationToken held)
    {
        try
        {
            var apology = Apology.For(_languages.Value.Resolve(context.Activity.Locale ?? context.Conversation.Locale));
            await channel.PostFromBotAsync(context.Conversation.Id, StampBotActivity(context.Conversation, context.Activity, apology),
                new AppendOptions($"r:{context.Activity.Id}#apology", Fence: context.Fence), held).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
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

/// <summary>
/// Takes over turns nobody runs: every <see cref="DirectLineOptions.TurnSweepInterval"/> it tries the lease of each
/// conversation with waiting turns; the lease of a live instance is held (nothing happens), the lease of a dead one
/// has expired (this instance runs the turns).
/// </summary>
internal sealed class TurnSweeper(ITurnStore store, TurnQueue turns, IOptions<DirectLineOptions> options, TimeProvider time, ILogger<TurnSweeper> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.TurnSweepInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    foreach (var conversationId in await store.ListWaitingAsync(500, stoppingToken).ConfigureAwait(false)) turns.Kick(conversationId);
                }
                catch (StoreUnavailableException e)
                {
                    logger.LogDebug(e, "Turn sweep skipped: the turn store is unavailable");
                }
            }
        }
        catch (OperationCanceledException) { }
    }
}
