namespace AuroraBots.Dialogs.LiveChat;

/// <summary>
/// People of the bot's organisation in the same chat (infra/AuroraBots.Agents implements it): availability by the
/// bot's hours and the agents on duty, the queue, the hand-over to an agent and messages left for them. The engine
/// runs the citizen's side (<see cref="LiveChatDialog"/>); without a registered service, asking for a person shows
/// the organisation's contact details only.
/// </summary>
public interface ILiveChatService
{
    Task<LiveChatAvailability> CheckAsync(string botId, CancellationToken cancellationToken);

    /// <summary>The conversation's live chat while it waits in a queue or is with an agent; null otherwise.</summary>
    Task<LiveChatStatus?> FindAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>Queues the conversation for the bot's agents with what the citizen consented to show them.</summary>
    Task<LiveChatStatus> RequestAsync(LiveChatRequest request, CancellationToken cancellationToken);

    /// <summary>The citizen typed or sent a message while waiting or with an agent (their messages are in the conversation log).</summary>
    Task OnCitizenActivityAsync(string conversationId, bool typing, CancellationToken cancellationToken);

    /// <summary>The citizen ends the chat (or leaves the queue); the agent sees that it ended.</summary>
    Task EndByCitizenAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>Stores a message for the organisation's agents (consented, kept for the configured retention); returns its id.</summary>
    Task<string> LeaveMessageAsync(ContactRequestDraft draft, CancellationToken cancellationToken);

    /// <summary>"Forget me": removes the conversation's queue entry and every message the citizen left.</summary>
    Task ForgetAsync(string conversationId, string subject, CancellationToken cancellationToken);

    /// <summary>How long messages left for agents are kept (told to the citizen before they agree).</summary>
    TimeSpan ContactRequestRetention { get; }
}

public enum LiveChatAvailabilityKind
{
    /// <summary>Open and an agent on duty (or a short queue): the citizen may queue.</summary>
    Open,
    /// <summary>Open, but nobody on duty or the queue is full.</summary>
    Busy,
    /// <summary>Outside the bot's hours or on a holiday.</summary>
    Closed,
    /// <summary>The bot has no <c>live_chat</c> hours.</summary>
    NotOffered,
}

/// <param name="Waiting">Conversations waiting in the bot's queue now.</param>
/// <param name="EstimatedWait">For a new request: the estimated wait.</param>
/// <param name="NextOpening">When closed: the next opening (null when unknown).</param>
public sealed record LiveChatAvailability(LiveChatAvailabilityKind Kind, int Waiting, TimeSpan EstimatedWait, DateTimeOffset? NextOpening);

public static class LiveChatStates
{
    public const string Waiting = "waiting";
    public const string Active = "active";
    public const string Ended = "ended";
}

/// <param name="State"><see cref="LiveChatStates"/>.</param>
/// <param name="Position">1-based place in the queue while waiting.</param>
/// <param name="AgentName">The agent's display name while active.</param>
public sealed record LiveChatStatus(string State, int Position, TimeSpan EstimatedWait, string? AgentName);

/// <summary>An attribute the citizen agreed to show the agent: its name, label and value as shown to them.</summary>
public sealed record SharedAttribute(string Name, string Label, string Value);

/// <param name="Subject">Pseudonymous id of the user (as in the consent ledger).</param>
/// <param name="ShareTranscript">The agent may read the conversation before the hand-over.</param>
/// <param name="FromSequence">When the transcript is not shared: the agent sees only activities after this position of the log.</param>
/// <param name="Attributes">Only the consented attributes.</param>
/// <param name="BotName">The bot's name as the citizen sees it (an embedding site may name it), for notices in its name.</param>
public sealed record LiveChatRequest(
    string ConversationId,
    string UserId,
    string Subject,
    string BotId,
    string Language,
    bool ShareTranscript,
    long FromSequence,
    IReadOnlyList<SharedAttribute> Attributes,
    string Purpose,
    string? BotName = null);

public static class ContactMethods
{
    public const string Phone = "phone";
    public const string Email = "email";
}

/// <param name="Method"><see cref="ContactMethods"/>.</param>
/// <param name="Contact">The phone number or e-mail address the citizen gave.</param>
public sealed record ContactRequestDraft(
    string ConversationId,
    string Subject,
    string BotId,
    string Language,
    string Method,
    string Contact,
    string Message);
