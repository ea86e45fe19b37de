namespace AuroraBots.Dialogs.Content;

/// <summary>
/// <c>live_chat:</c> in <c>bot.yaml</c>: when people of the bot's organisation answer in the chat (hours and holidays
/// in the organisation's time zone), how else to reach them, and the canned answers agents pick from.
/// Without it, asking for a person shows the contact details only (or says nobody is in the chat).
/// </summary>
public sealed class LiveChatDefinition
{
    /// <summary>IANA time zone of the hours, e.g. <c>Europe/Helsinki</c>.</summary>
    public string? TimeZone { get; set; }

    /// <summary>Weekday (<c>mon</c> … <c>sun</c>) → opening ranges <c>"09:00-16:00"</c> (several: <c>"09:00-11:30, 12:30-16:00"</c>).</summary>
    public Dictionary<string, string> Hours { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Closed dates (<c>2026-12-24</c>) in the organisation's time zone.</summary>
    public List<string> Holidays { get; set; } = [];

    /// <summary>The organisation's other contact channels; shown when the chat is closed or nobody is free.</summary>
    public ContactDetails? Contact { get; set; }

    /// <summary>Ready-made answers the agent console offers (key → text in every language).</summary>
    public Dictionary<string, LocalizedText> Canned { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>How to reach the organisation outside the chat. Only real, checked details belong here (never guesses).</summary>
public sealed class ContactDetails
{
    /// <summary>Phone number as dialled, e.g. <c>+358 9 310 1111</c>.</summary>
    public string? Phone { get; set; }

    /// <summary>A web page with the contact information (https).</summary>
    public string? Web { get; set; }

    /// <summary>When the phone/service is answered, as people read it ("ma–pe 9–16").</summary>
    public LocalizedText? Hours { get; set; }
}
