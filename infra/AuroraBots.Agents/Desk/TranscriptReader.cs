using System.Text.Json;
using AuroraBots.Agents.Storage;
using AuroraBots.DirectLine.Channel;
using AuroraBots.Schema;

namespace AuroraBots.Agents.Desk;

/// <summary>One message of a chat as the agent console shows it.</summary>
/// <param name="Sequence">Position in the conversation log (the console asks for messages after the last one it has).</param>
/// <param name="Sender"><c>citizen</c>, <c>bot</c> or <c>agent</c>.</param>
public sealed record ChatMessage(long Sequence, string Sender, string? Name, string Text, DateTimeOffset? At);

/// <summary>
/// Reads a chat's messages from the conversation log — only inside what the citizen consented to: after
/// <see cref="LiveChatSession.FromSequence"/> and, once ended, not after <see cref="LiveChatSession.EndSequence"/>.
/// Only message texts (no events, attachments or channel data); nothing of it is logged.
/// </summary>
public sealed class TranscriptReader(ProactiveMessenger messenger, AgentsOptions options)
{
    public async Task<(IReadOnlyList<ChatMessage> Messages, long Watermark)> ReadAsync(LiveChatSession session, long after, CancellationToken cancellationToken)
    {
        var from = Math.Max(after, session.FromSequence);
        var (activities, watermark) = await messenger.ReadAfterAsync(session.ConversationId, from, options.MaxTranscriptActivities, cancellationToken);
        var messages = new List<ChatMessage>();
        foreach (var stored in activities)
        {
            if (session.EndSequence is { } end && stored.Sequence > end) break;
            var activity = JsonSerializer.Deserialize(stored.Json, SchemaJsonContext.Default.Activity);
            if (activity is not { Type: ActivityTypes.Message } || string.IsNullOrWhiteSpace(activity.Text)) continue;
            var sender = activity.From?.Role == RoleTypes.User ? "citizen"
                : AuroraChannelData.From(activity)?.Agent is not null ? CitizenMessages.AgentRole
                : "bot";
            messages.Add(new ChatMessage(stored.Sequence, sender, sender == "citizen" ? null : activity.From?.Name, activity.Text, activity.Timestamp));
        }
        if (session.EndSequence is { } last) watermark = Math.Min(watermark, last);
        return (messages, Math.Max(watermark, from));
    }

    /// <summary>The last position of the log now (where an ending chat stops).</summary>
    public async Task<long> LastSequenceAsync(string conversationId, CancellationToken cancellationToken)
    {
        var (_, watermark) = await messenger.ReadAfterAsync(conversationId, long.MaxValue - 1, 1, cancellationToken);
        return watermark;
    }
}
