namespace AuroraBots.Dialogs.LiveChat;

/// <summary>
/// Keys of the live-chat texts in <c>bots/_shared/texts.yaml</c> (fi/sv/en; the validator requires each). Placeholders:
/// <c>{livechat.position}</c>, <c>{livechat.wait}</c> (minutes), <c>{livechat.shared}</c> (what the agent will see),
/// <c>{livechat.contact}</c> (the organisation's contact details), <c>{livechat.opens}</c>, <c>{livechat.agent}</c>,
/// <c>{livechat.retention}</c> (days).
/// </summary>
public static class LiveChatTexts
{
    public const string Consent = "livechat_consent";
    public const string ConsentTranscript = "livechat_consent_transcript";
    public const string ShareAll = "livechat_share_all";
    public const string ShareNew = "livechat_share_new";
    public const string Cancel = "livechat_cancel";
    public const string Cancelled = "livechat_cancelled";
    public const string Queued = "livechat_queued";
    public const string Position = "livechat_position";
    public const string StillWaiting = "livechat_still_waiting";
    public const string AgentJoined = "livechat_agent_joined";
    public const string AgentEnded = "livechat_agent_ended";
    public const string CitizenEnded = "livechat_citizen_ended";
    public const string End = "livechat_end";
    public const string Transferred = "livechat_transferred";
    public const string Closed = "livechat_closed";
    public const string Busy = "livechat_busy";
    public const string NotOffered = "livechat_not_offered";
    public const string Opens = "livechat_opens";
    public const string ContactPhone = "livechat_contact_phone";
    public const string ContactWeb = "livechat_contact_web";
    public const string ContactHours = "livechat_contact_hours";
    /// <summary>The bot has no contact details in content: where citizens find them (never an invented number).</summary>
    public const string ContactNone = "livechat_contact_none";
    public const string LeaveMessage = "livechat_leave_message";
    public const string NoThanks = "livechat_no_thanks";
    public const string AskMethod = "livechat_ask_method";
    public const string MethodPhone = "livechat_method_phone";
    public const string MethodEmail = "livechat_method_email";
    public const string AskPhone = "livechat_ask_phone";
    public const string AskEmail = "livechat_ask_email";
    public const string InvalidPhone = "livechat_invalid_phone";
    public const string InvalidEmail = "livechat_invalid_email";
    public const string AskMessage = "livechat_ask_message";
    public const string ConfirmMessage = "livechat_confirm_message";
    public const string Send = "livechat_send";
    public const string MessageLeft = "livechat_message_left";
    public const string Unavailable = "livechat_unavailable";

    public static IReadOnlyList<string> All { get; } =
    [
        Consent, ConsentTranscript, ShareAll, ShareNew, Cancel, Cancelled, Queued, Position, StillWaiting, AgentJoined, AgentEnded,
        CitizenEnded, End, Transferred, Closed, Busy, NotOffered, Opens, ContactPhone, ContactWeb, ContactHours, ContactNone, LeaveMessage, NoThanks,
        AskMethod, MethodPhone, MethodEmail, AskPhone, AskEmail, InvalidPhone, InvalidEmail, AskMessage, ConfirmMessage, Send,
        MessageLeft, Unavailable,
    ];

    /// <summary>Placeholders only these texts use (the validator accepts them everywhere).</summary>
    public static IReadOnlyList<string> Placeholders { get; } =
        ["livechat.position", "livechat.wait", "livechat.shared", "livechat.contact", "livechat.opens", "livechat.agent", "livechat.retention"];
}
