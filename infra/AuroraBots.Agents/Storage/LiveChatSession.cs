using AuroraBots.Dialogs.LiveChat;

namespace AuroraBots.Agents.Storage;

/// <summary>
/// What a citizen asked of a bot's organisation under a consent receipt — a live chat or a message left for its
/// agents: whose (pseudonymously), from which bot, in which language, and the receipt.
/// </summary>
public abstract record CitizenRequest
{
    /// <summary>The bot the citizen asked from (its organisation's texts and hours).</summary>
    public required string BotId { get; init; }
    /// <summary>The bot's name as the citizen saw it (the embedding site's name for it), for the notices sent in its name.</summary>
    public string? BotName { get; init; }
    public required string Language { get; init; }
    /// <summary>Pseudonymous id of the citizen (as the engine derives it): "forget me" finds the request by it.</summary>
    public required string Subject { get; init; }
    /// <summary>The consent receipt in the ledger (names only, never values).</summary>
    public string? ReceiptId { get; init; }
}

/// <summary>
/// One citizen's live chat: in a bot's queue, with an agent, or ended. Holds only what the citizen consented to show
/// the agent (the attributes with values, and from where in the conversation log the agent may read).
/// </summary>
public sealed record LiveChatSession : CitizenRequest
{
    public required string ConversationId { get; init; }
    /// <summary>The queue it waits in: a bot id (transfer moves it to another bot's queue).</summary>
    public required string Queue { get; init; }
    /// <summary><see cref="LiveChatStates"/>.</summary>
    public required string State { get; init; }
    public required DateTimeOffset QueuedAt { get; init; }
    public DateTimeOffset? AcceptedAt { get; init; }
    public DateTimeOffset? EndedAt { get; init; }
    /// <summary>Who ended it: <c>agent</c> or <c>citizen</c>.</summary>
    public string? EndedBy { get; init; }
    /// <summary>The agent's user name (sign-in) while active.</summary>
    public string? Agent { get; init; }
    public bool ShareTranscript { get; init; }
    /// <summary>The agent reads the conversation log after this position (0 = from the start, when the transcript is shared).</summary>
    public long FromSequence { get; init; }
    /// <summary>Set when the chat ends: the agent reads nothing after this position.</summary>
    public long? EndSequence { get; init; }
    public IReadOnlyList<SharedAttribute> Attributes { get; init; } = [];
    public DateTimeOffset? CitizenTypingAt { get; init; }
    public DateTimeOffset? LastCitizenMessageAt { get; init; }
}

/// <summary>A message a citizen left for the organisation's agents (outside hours or when nobody was free).</summary>
public sealed record ContactRequest : CitizenRequest
{
    public required string Id { get; init; }
    /// <summary><see cref="ContactMethods"/>.</summary>
    public required string Method { get; init; }
    public required string Contact { get; init; }
    public required string Message { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset ExpiresAt { get; init; }
    public bool Done { get; init; }
    public string? DoneBy { get; init; }
    public DateTimeOffset? DoneAt { get; init; }
}

/// <summary>An agent's console reporting in: on duty for new chats or not.</summary>
public sealed record AgentPresence(string Agent, bool Available, DateTimeOffset At);
