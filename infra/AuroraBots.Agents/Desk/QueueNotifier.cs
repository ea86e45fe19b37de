using System.Text.Json.Nodes;
using AuroraBots.Agents.Storage;
using AuroraBots.Dialogs.LiveChat;
using AuroraBots.Schema;
using Microsoft.Extensions.Logging;

namespace AuroraBots.Agents.Desk;

/// <summary>
/// Queue positions and endings, shared by the engine's side and the console: a citizen's place and estimated wait,
/// telling everyone still waiting their new place when the queue moves, and ending a chat (back to the bot, which says so).
/// </summary>
public sealed class QueueNotifier(ILiveChatStore store, CitizenMessages citizen, TranscriptReader transcripts, AgentsOptions options,
    TimeProvider time, ILogger<QueueNotifier> logger)
{
    public async Task<LiveChatStatus> StatusAsync(LiveChatSession session, CancellationToken cancellationToken)
    {
        var queue = await store.ListQueueAsync(session.Queue, cancellationToken);
        var position = queue.Select(s => s.ConversationId).ToList().IndexOf(session.ConversationId) + 1;
        if (position == 0) position = queue.Count + 1;
        return new LiveChatStatus(LiveChatStates.Waiting, position, QueueEstimate.Wait(position, await OnDutyAsync(cancellationToken), options.AverageChatDuration), null);
    }

    /// <summary>Tells every citizen still waiting in <paramref name="queue"/> their new place (the queue moved).</summary>
    public async Task QueueMovedAsync(string queue, CancellationToken cancellationToken)
    {
        var waiting = await store.ListQueueAsync(queue, cancellationToken);
        var onDuty = await OnDutyAsync(cancellationToken);
        for (var i = 0; i < waiting.Count; i++)
        {
            var session = waiting[i];
            try
            {
                await citizen.FromBotAsync(session, LiveChatTexts.Position,
                    CitizenMessages.Position(i + 1, QueueEstimate.Wait(i + 1, onDuty, options.AverageChatDuration)), offerEnd: true, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Could not tell a waiting citizen their place in queue {Queue}", queue);
            }
        }
    }

    /// <summary>Ends the chat: the agent reads nothing after now, the bot takes over and says so, and <c>handoff.status completed</c>.</summary>
    public async Task<LiveChatSession> EndAsync(LiveChatSession session, string by, CancellationToken cancellationToken, bool announce = true)
    {
        var wasWaiting = session.State == LiveChatStates.Waiting;
        if (wasWaiting) await store.DeleteAsync(session.ConversationId, cancellationToken); // leaves the queue
        var last = await transcripts.LastSequenceAsync(session.ConversationId, cancellationToken);
        var ended = session with { State = LiveChatStates.Ended, EndedAt = time.GetUtcNow(), EndedBy = by, EndSequence = last, CitizenTypingAt = null };
        await store.SaveAsync(ended, cancellationToken);
        await store.SetActiveAsync(session.ConversationId, false, cancellationToken);
        if (announce)
        {
            if (by == CitizenMessages.AgentRole)
                await citizen.FromBotAsync(session, LiveChatTexts.AgentEnded, null, offerEnd: false, cancellationToken);
            await StatusEventAsync(ended, HandoffEvents.Completed, cancellationToken);
        }
        if (wasWaiting) await QueueMovedAsync(session.Queue, cancellationToken);
        return ended;
    }

    public Task StatusEventAsync(LiveChatSession session, string state, CancellationToken cancellationToken) =>
        citizen.EventAsync(session.ConversationId, session.BotId, session.Language, HandoffEvents.Status,
            new JsonObject { ["state"] = state, ["queue"] = session.Queue }, null, cancellationToken);

    /// <summary>The consented part of the conversation as a Bot Framework transcript attachment (<c>handoff.initiate</c>).</summary>
    public async Task<Attachment?> TranscriptAttachmentAsync(LiveChatSession session, CancellationToken cancellationToken)
    {
        if (!session.ShareTranscript) return null;
        var (messages, _) = await transcripts.ReadAsync(session, 0, cancellationToken);
        var activities = new JsonArray([.. messages.Select(m => (JsonNode)new JsonObject
        {
            ["type"] = ActivityTypes.Message,
            ["text"] = m.Text,
            ["timestamp"] = m.At?.ToString("O"),
            ["from"] = new JsonObject { ["role"] = m.Sender == "citizen" ? RoleTypes.User : RoleTypes.Bot, ["name"] = m.Name },
        })]);
        // As botbuilder's EventFactory.CreateHandoffInitiation: a JSON attachment named "Transcript" holding { activities }.
        return new Attachment { ContentType = "application/json", Name = "Transcript", Content = new JsonObject { ["activities"] = activities } };
    }

    /// <summary>Agents on duty now: console open with "I take new chats", reported within <see cref="AgentsOptions.PresenceTimeout"/>.</summary>
    public async Task<int> OnDutyAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return (await store.ListPresenceAsync(cancellationToken)).Count(p => p.Available && now - p.At <= options.PresenceTimeout);
    }
}
