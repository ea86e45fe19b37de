namespace AuroraBots.Dialogs.LiveChat;

/// <summary>The citizen's side of the live chat waiting for an answer (saved with the conversation state).</summary>
public sealed class PendingLiveChat
{
    /// <summary><see cref="LiveChatSteps"/>.</summary>
    public string Step { get; set; } = "";
    public string? Method { get; set; }
    public string? Contact { get; set; }
    public string? Message { get; set; }
}

public static class LiveChatSteps
{
    public const string Consent = "consent";
    public const string OfferMessage = "offer_message";
    public const string Method = "method";
    public const string Contact = "contact";
    public const string Message = "message";
    public const string Confirm = "confirm";
}

/// <summary>Choices sent back by the live-chat buttons (<c>{"aurora": "livechat", "choice": …}</c>).</summary>
public static class LiveChatChoices
{
    public const string Command = "livechat";
    public const string ShareAll = "share_all";
    public const string ShareNew = "share_new";
    public const string Cancel = "cancel";
    public const string End = "end";
    public const string LeaveMessage = "leave_message";
    public const string NoThanks = "no_thanks";
    public const string Phone = ContactMethods.Phone;
    public const string Email = ContactMethods.Email;
    public const string Send = "send";
}
