using AuroraBots.Agents.Storage;
using AuroraBots.Dialogs.LiveChat;

namespace AuroraBots.Agents.Apis;

/// <summary>A waiting chat in a queue: no content at all (the agent sees the chat only after accepting it).</summary>
public sealed record QueueEntry(string ConversationId, string Bot, string Language, int WaitingSeconds);

public sealed record QueueView(string Bot, string Name, IReadOnlyList<QueueEntry> Waiting);

/// <summary>One of the agent's chats in the list (active or just ended).</summary>
public sealed record ChatSummary(string ConversationId, string Bot, string Language, string State, DateTimeOffset? AcceptedAt, bool CitizenTyping);

/// <param name="OnDuty">Agents on duty now (console open and available).</param>
/// <param name="OpenContactRequests">Messages citizens left that nobody has marked done.</param>
public sealed record DeskView(IReadOnlyList<QueueView> Queues, IReadOnlyList<ChatSummary> MyChats, int OnDuty, int OpenContactRequests);

public sealed record PresenceRequest(bool Available);

/// <summary>A chat as its agent sees it: only what the citizen consented to (attributes with values, transcript window).</summary>
public sealed record ChatView(
    string ConversationId,
    string Bot,
    string BotName,
    string Language,
    string State,
    string? EndedBy,
    bool TranscriptShared,
    IReadOnlyList<SharedAttribute> Attributes,
    bool CitizenTyping,
    IReadOnlyList<Desk.ChatMessage> Messages,
    long Watermark);

public sealed record SendRequest(string? Text);

public sealed record TransferRequest(string? Queue);

public sealed record CannedAnswer(string Key, string Text);

public sealed record ContactRequestView(string Id, string Bot, string BotName, string Language, string Method, string Contact, string Message,
    DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, bool Done, string? DoneBy);

public sealed record MarkRequest(bool Done);

public sealed record DeskMessage(string Message);

internal static class DeskViews
{
    public static ContactRequestView View(ContactRequest r, string botName) =>
        new(r.Id, r.BotId, botName, r.Language, r.Method, r.Contact, r.Message, r.CreatedAt, r.ExpiresAt, r.Done, r.DoneBy);
}
