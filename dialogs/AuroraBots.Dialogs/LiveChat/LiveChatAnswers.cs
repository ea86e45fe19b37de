using System.Globalization;

namespace AuroraBots.Dialogs.LiveChat;

/// <summary>
/// What the live chat's questions share: buttons typed instead of clicked, "cancel", and the values filled into
/// its texts (queue place, the organisation's contact details). Used by <see cref="LiveChatDialog"/> and
/// <see cref="LeaveMessageDialog"/>.
/// </summary>
internal sealed class LiveChatAnswers(ILiveChatTurn turn)
{
    /// <summary>A button answer was expected: "cancel" ends the question; anything else leaves it and goes to the flows.</summary>
    public bool Cancelled(string? choice)
    {
        turn.Pending = null;
        if (choice is LiveChatChoices.Cancel or LiveChatChoices.NoThanks)
        {
            turn.Say(turn.Text(LiveChatTexts.Cancelled));
            return true;
        }
        return false;
    }

    public bool Clear()
    {
        turn.Pending = null;
        return false;
    }

    /// <summary>Typed instead of clicked: the text of a button of the current question (in the user's language).</summary>
    public string? MatchButton(string? text, string? step)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var candidates = new List<(string Key, string Choice)> { (LiveChatTexts.Cancel, LiveChatChoices.Cancel), (LiveChatTexts.End, LiveChatChoices.End) };
        candidates.AddRange(step switch
        {
            LiveChatSteps.Consent => [(LiveChatTexts.ShareAll, LiveChatChoices.ShareAll), (LiveChatTexts.ShareNew, LiveChatChoices.ShareNew)],
            LiveChatSteps.OfferMessage => [(LiveChatTexts.LeaveMessage, LiveChatChoices.LeaveMessage), (LiveChatTexts.NoThanks, LiveChatChoices.NoThanks)],
            LiveChatSteps.Method => [(LiveChatTexts.MethodPhone, LiveChatChoices.Phone), (LiveChatTexts.MethodEmail, LiveChatChoices.Email)],
            LiveChatSteps.Confirm => [(LiveChatTexts.Send, LiveChatChoices.Send)],
            _ => [],
        });
        var typed = text.Trim();
        return candidates.FirstOrDefault(c => string.Equals(turn.Text(c.Key).Trim(), typed, StringComparison.OrdinalIgnoreCase)).Choice;
    }

    public Dictionary<string, string> StatusValues(LiveChatStatus status) => new()
    {
        ["livechat.position"] = status.Position.ToString(CultureInfo.InvariantCulture),
        ["livechat.wait"] = Math.Max(1, (int)Math.Ceiling(status.EstimatedWait.TotalMinutes)).ToString(CultureInfo.InvariantCulture),
        ["livechat.agent"] = status.AgentName ?? "",
    };

    /// <summary><c>{livechat.contact}</c>: the organisation's phone, web page and hours from content (nothing invented); without any, where to find them.</summary>
    public Dictionary<string, string> ContactValues()
    {
        var lines = new List<string>();
        if (turn.Definition?.Contact is { } contact)
        {
            if (contact.Phone is { } phone)
                lines.Add(turn.Text(LiveChatTexts.ContactPhone, new Dictionary<string, string> { ["livechat.contact"] = $"[{phone}](tel:{phone.Replace(" ", "", StringComparison.Ordinal)})" }));
            if (contact.Web is { } web)
                lines.Add(turn.Text(LiveChatTexts.ContactWeb, new Dictionary<string, string> { ["livechat.contact"] = $"[{web}]({web})" }));
            if (contact.Hours is { } hours)
                lines.Add(turn.Text(LiveChatTexts.ContactHours, new Dictionary<string, string> { ["livechat.contact"] = turn.Pick(hours) }));
        }
        if (lines.Count == 0) return new Dictionary<string, string> { ["livechat.contact"] = turn.Text(LiveChatTexts.ContactNone) };
        return new Dictionary<string, string> { ["livechat.contact"] = string.Join("\n", lines.Select(l => "- " + l)) };
    }
}
