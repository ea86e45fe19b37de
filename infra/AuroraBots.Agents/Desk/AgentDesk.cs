using System.Security.Cryptography;
using System.Text;
using AuroraBots.Agents.Storage;
using AuroraBots.Dialogs.Engine;
using AuroraBots.Dialogs.LiveChat;

namespace AuroraBots.Agents.Desk;

public enum DeskOutcome { Done, NotFound, Taken, NotYours, Ended, Invalid }

/// <summary>
/// What an agent does in the console: report on duty, see the queues, accept a chat (exactly one agent gets it),
/// write, show typing, transfer to another bot's queue, end; and work through the messages citizens left.
/// </summary>
public sealed class AgentDesk(
    ILiveChatStore store,
    IDialogContent content,
    CitizenMessages citizen,
    QueueNotifier notifier,
    TranscriptReader transcripts,
    TimeProvider time)
{
    public const int MaxMessageLength = 4000;

    public static AgentIdentity Identity(string agent) =>
        new("agent-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(agent.ToLowerInvariant())))[..12], agent);

    public Task ReportPresenceAsync(string agent, bool available, CancellationToken cancellationToken) =>
        store.ReportPresenceAsync(new AgentPresence(agent, available, time.GetUtcNow()), cancellationToken);

    /// <summary>Every bot with a live chat: its queue (waiting chats, first come first) and how many agents are on duty.</summary>
    public async Task<IReadOnlyList<(string Bot, IReadOnlyList<LiveChatSession> Waiting)>> QueuesAsync(CancellationToken cancellationToken)
    {
        var queues = new List<(string, IReadOnlyList<LiveChatSession>)>();
        foreach (var bot in content.Current.Content.Bots.Values.Where(b => b.Manifest.LiveChat is not null).OrderBy(b => b.Id, StringComparer.Ordinal))
            queues.Add((bot.Id, await store.ListQueueAsync(bot.Id, cancellationToken)));
        return queues;
    }

    public Task<int> OnDutyAsync(CancellationToken cancellationToken) => notifier.OnDutyAsync(cancellationToken);

    public async Task<IReadOnlyList<LiveChatSession>> MyChatsAsync(string agent, CancellationToken cancellationToken) =>
        [.. (await store.ListActiveAsync(cancellationToken)).Where(s => Same(s.Agent, agent)).OrderBy(s => s.AcceptedAt)];

    public async Task<(DeskOutcome, LiveChatSession?)> AcceptAsync(string conversationId, string agent, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(conversationId, cancellationToken) is not { } session) return (DeskOutcome.NotFound, null);
        if (session.State != LiveChatStates.Waiting) return (DeskOutcome.Taken, null);
        var taken = session with { State = LiveChatStates.Active, Agent = agent, AcceptedAt = time.GetUtcNow() };
        if (!await store.TryTakeAsync(session.Queue, taken, cancellationToken)) return (DeskOutcome.Taken, null);
        await store.SetActiveAsync(conversationId, true, cancellationToken);
        var identity = Identity(agent);
        await citizen.FromBotAsync(taken, LiveChatTexts.AgentJoined,
            new Dictionary<string, string> { ["livechat.agent"] = identity.DisplayName }, offerEnd: true, cancellationToken);
        await notifier.StatusEventAsync(taken, HandoffEvents.Accepted, cancellationToken);
        await notifier.QueueMovedAsync(session.Queue, cancellationToken);
        return (DeskOutcome.Done, taken);
    }

    /// <summary>The chat when the agent may see it: it is theirs (active or just ended by either side).</summary>
    public async Task<(DeskOutcome, LiveChatSession?)> FindMineAsync(string conversationId, string agent, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(conversationId, cancellationToken) is not { } session) return (DeskOutcome.NotFound, null);
        return Same(session.Agent, agent) ? (DeskOutcome.Done, session) : (DeskOutcome.NotYours, null);
    }

    public Task<(IReadOnlyList<ChatMessage> Messages, long Watermark)> MessagesAsync(LiveChatSession session, long after, CancellationToken cancellationToken) =>
        transcripts.ReadAsync(session, after, cancellationToken);

    public async Task<DeskOutcome> SendAsync(string conversationId, string agent, string? text, CancellationToken cancellationToken)
    {
        text = text?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > MaxMessageLength) return DeskOutcome.Invalid;
        var (outcome, session) = await ActiveOfAsync(conversationId, agent, cancellationToken);
        if (outcome != DeskOutcome.Done) return outcome;
        await citizen.FromAgentAsync(conversationId, session!.BotId, session.Language, Identity(agent), text, cancellationToken);
        return DeskOutcome.Done;
    }

    public async Task<DeskOutcome> TypingAsync(string conversationId, string agent, CancellationToken cancellationToken)
    {
        var (outcome, session) = await ActiveOfAsync(conversationId, agent, cancellationToken);
        if (outcome != DeskOutcome.Done) return outcome;
        await citizen.AgentTypingAsync(conversationId, session!.BotId, session.Language, Identity(agent), cancellationToken);
        return DeskOutcome.Done;
    }

    public async Task<DeskOutcome> EndAsync(string conversationId, string agent, CancellationToken cancellationToken)
    {
        var (outcome, session) = await ActiveOfAsync(conversationId, agent, cancellationToken);
        if (outcome != DeskOutcome.Done) return outcome;
        await notifier.EndAsync(session!, CitizenMessages.AgentRole, cancellationToken);
        return DeskOutcome.Done;
    }

    /// <summary>Back into a queue (another bot's, or the same one for a colleague); the citizen is told their new place.</summary>
    public async Task<DeskOutcome> TransferAsync(string conversationId, string agent, string? queue, CancellationToken cancellationToken)
    {
        if (queue is null || !content.Current.Content.Bots.TryGetValue(queue, out var target) || target.Manifest.LiveChat is null) return DeskOutcome.Invalid;
        var (outcome, session) = await ActiveOfAsync(conversationId, agent, cancellationToken);
        if (outcome != DeskOutcome.Done) return outcome;
        var moved = session! with { State = LiveChatStates.Waiting, Queue = queue, Agent = null, AcceptedAt = null, QueuedAt = time.GetUtcNow(), CitizenTypingAt = null };
        await store.SetActiveAsync(conversationId, false, cancellationToken);
        await store.EnqueueAsync(moved, cancellationToken);
        var status = await notifier.StatusAsync(moved, cancellationToken);
        await citizen.FromBotAsync(moved, LiveChatTexts.Transferred,
            CitizenMessages.Position(status.Position, status.EstimatedWait), offerEnd: true, cancellationToken);
        return DeskOutcome.Done;
    }

    /// <summary>Canned answers of a bot in a language (key → text).</summary>
    public IReadOnlyList<(string Key, string Text)> Canned(string botId, string language)
    {
        var runtime = content.Current.Content;
        if (!runtime.Bots.TryGetValue(botId, out var bot) || bot.Manifest.LiveChat is not { } live) return [];
        return [.. live.Canned.Select(pair => (pair.Key, Resolve(runtime, bot.Id, pair.Value, language))).Where(p => p.Item2.Length > 0)];
    }

    public async Task<IReadOnlyList<ContactRequest>> ContactRequestsAsync(CancellationToken cancellationToken) =>
        await store.ListContactRequestsAsync(time.GetUtcNow(), cancellationToken);

    public async Task<ContactRequest?> MarkContactRequestAsync(string id, string agent, bool done, CancellationToken cancellationToken)
    {
        var request = (await store.ListContactRequestsAsync(time.GetUtcNow(), cancellationToken)).FirstOrDefault(r => r.Id == id);
        if (request is null) return null;
        var changed = done ? request with { Done = true, DoneBy = agent, DoneAt = time.GetUtcNow() } : request with { Done = false, DoneBy = null, DoneAt = null };
        await store.SaveContactRequestAsync(changed, cancellationToken);
        return changed;
    }

    private async Task<(DeskOutcome, LiveChatSession?)> ActiveOfAsync(string conversationId, string agent, CancellationToken cancellationToken)
    {
        var (outcome, session) = await FindMineAsync(conversationId, agent, cancellationToken);
        if (outcome != DeskOutcome.Done) return (outcome, null);
        return session!.State == LiveChatStates.Active ? (DeskOutcome.Done, session) : (DeskOutcome.Ended, null);
    }

    private static string Resolve(Dialogs.Content.DialogContent runtime, string botId, Dialogs.Content.LocalizedText text, string language)
    {
        var resolved = text.Reference is { } key ? runtime.FindText(botId, key) : text;
        return resolved?.ByLanguage.GetValueOrDefault(language) ?? "";
    }

    private static bool Same(string? a, string? b) => a is not null && b is not null && string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
