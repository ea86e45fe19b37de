using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;

namespace AuroraBots.Dialogs.LiveChat;

/// <summary>
/// The citizen's side of "I want to talk to a person": open and someone on duty → consent to what the agent will
/// see → queue; closed or nobody free → the organisation's contact details and an offer to leave a message. While
/// the conversation waits or is with an agent, the citizen's messages go to the agent instead of the flows.
/// </summary>
internal sealed class LiveChatDialog(ILiveChatService? service, ILiveChatTurn turn, ILogger logger)
{
    private const int MaxMessageLength = 1000;

    /// <summary><c>do: live_chat</c>.</summary>
    public async Task StartAsync()
    {
        turn.Pending = null;
        if (service is null || turn.Definition is null)
        {
            OfferAlternatives(LiveChatTexts.NotOffered, null);
            return;
        }
        try
        {
            if (await service.FindAsync(turn.ConversationId, turn.Cancellation) is { } current)
            {
                SayStatus(current);
                return;
            }
            var availability = await service.CheckAsync(turn.BotId, turn.Cancellation);
            switch (availability.Kind)
            {
                case LiveChatAvailabilityKind.Open:
                    AskConsent();
                    break;
                case LiveChatAvailabilityKind.Busy:
                    OfferAlternatives(LiveChatTexts.Busy, null);
                    break;
                case LiveChatAvailabilityKind.Closed:
                    OfferAlternatives(LiveChatTexts.Closed, availability.NextOpening);
                    break;
                default:
                    OfferAlternatives(LiveChatTexts.NotOffered, null);
                    break;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Live chat unavailable for bot {Bot}", turn.BotId);
            turn.Say(turn.Text(LiveChatTexts.Unavailable, ContactValues()));
        }
    }

    /// <summary>
    /// A message turn: true when the live chat took it (forwarded to the agent, or an answer to a live-chat question).
    /// <paramref name="choice"/> is the button's command choice, if the citizen clicked one.
    /// </summary>
    public async Task<bool> OnMessageAsync(string? text, string? choice)
    {
        if (service is not null)
        {
            LiveChatStatus? status;
            try { status = await service.FindAsync(turn.ConversationId, turn.Cancellation); }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Live chat store unavailable in a message turn");
                status = null;
            }
            if (status is not null) return await WithAgentAsync(status, text, choice);
        }
        if (turn.Pending is not { } pending) return false;
        choice ??= MatchButton(text, pending.Step);
        return pending.Step switch
        {
            LiveChatSteps.Consent => await OnConsentAsync(choice),
            LiveChatSteps.OfferMessage => OnOfferMessage(choice),
            LiveChatSteps.Method => OnMethod(pending, choice),
            LiveChatSteps.Contact => OnContact(pending, text),
            LiveChatSteps.Message => OnMessageText(pending, text),
            LiveChatSteps.Confirm => await OnConfirmAsync(pending, choice),
            _ => Clear(),
        };
    }

    /// <summary>Typing while waiting or with an agent: the agent sees it.</summary>
    public async Task OnTypingAsync()
    {
        if (service is null) return;
        try
        {
            if (await service.FindAsync(turn.ConversationId, turn.Cancellation) is { State: LiveChatStates.Active })
                await service.OnCitizenActivityAsync(turn.ConversationId, typing: true, turn.Cancellation);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Could not pass the citizen's typing to the agent");
        }
    }

    public async Task ForgetAsync()
    {
        if (service is null) return;
        await service.ForgetAsync(turn.ConversationId, turn.Subject, turn.Cancellation);
    }

    private async Task<bool> WithAgentAsync(LiveChatStatus status, string? text, string? choice)
    {
        if ((choice ?? MatchButton(text, null)) == LiveChatChoices.End)
        {
            await service!.EndByCitizenAsync(turn.ConversationId, turn.Cancellation);
            turn.Say(turn.Text(LiveChatTexts.CitizenEnded));
            return true;
        }
        await service!.OnCitizenActivityAsync(turn.ConversationId, typing: false, turn.Cancellation);
        // The agent reads the message from the conversation; while waiting, the citizen is told it will be seen.
        if (status.State == LiveChatStates.Waiting)
            turn.Say(turn.Text(LiveChatTexts.StillWaiting, StatusValues(status)), [(turn.Text(LiveChatTexts.End), LiveChatChoices.End)]);
        return true;
    }

    private void SayStatus(LiveChatStatus status)
    {
        var key = status.State == LiveChatStates.Active ? LiveChatTexts.AgentJoined : LiveChatTexts.Position;
        turn.Say(turn.Text(key, StatusValues(status)), [(turn.Text(LiveChatTexts.End), LiveChatChoices.End)]);
    }

    private void AskConsent()
    {
        var shared = new StringBuilder("- ").Append(turn.Text(LiveChatTexts.ConsentTranscript));
        foreach (var attribute in turn.HeldAttributes())
            shared.Append("\n- **").Append(attribute.Label).Append("**: ").Append(attribute.Value);
        turn.Pending = new PendingLiveChat { Step = LiveChatSteps.Consent };
        turn.Say(turn.Text(LiveChatTexts.Consent, new Dictionary<string, string> { ["livechat.shared"] = shared.ToString() }),
        [
            (turn.Text(LiveChatTexts.ShareAll), LiveChatChoices.ShareAll),
            (turn.Text(LiveChatTexts.ShareNew), LiveChatChoices.ShareNew),
            (turn.Text(LiveChatTexts.Cancel), LiveChatChoices.Cancel),
        ]);
    }

    private async Task<bool> OnConsentAsync(string? choice)
    {
        if (choice is not (LiveChatChoices.ShareAll or LiveChatChoices.ShareNew)) return Cancelled(choice);
        turn.Pending = null;
        var all = choice == LiveChatChoices.ShareAll;
        var request = new LiveChatRequest(turn.ConversationId, turn.UserId, turn.Subject, turn.BotId, turn.Language,
            ShareTranscript: all, FromSequence: all ? 0 : turn.IncomingSequence, all ? turn.HeldAttributes() : [],
            turn.Text(LiveChatTexts.ConsentTranscript), turn.BotName);
        try
        {
            var status = await service!.RequestAsync(request, turn.Cancellation);
            turn.Say(turn.Text(LiveChatTexts.Queued, StatusValues(status)), [(turn.Text(LiveChatTexts.End), LiveChatChoices.End)]);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Queueing a live chat failed for bot {Bot}", turn.BotId);
            OfferAlternatives(LiveChatTexts.Unavailable, null);
        }
        return true;
    }

    /// <summary>Closed, busy or not offered: the organisation's contact details and, when agents exist, "leave a message".</summary>
    private void OfferAlternatives(string key, DateTimeOffset? opens)
    {
        var values = ContactValues();
        values["livechat.opens"] = opens is { } at && turn.Definition is not null && BusinessHours.Parse(turn.Definition, out _) is { } hours
            ? turn.Text(LiveChatTexts.Opens, new Dictionary<string, string> { ["livechat.opens"] = FormatOpening(TimeZoneInfo.ConvertTime(at, hours.TimeZone)) })
            : "";
        if (service is null)
        {
            turn.Say(turn.Text(key, values));
            return;
        }
        turn.Pending = new PendingLiveChat { Step = LiveChatSteps.OfferMessage };
        turn.Say(turn.Text(key, values),
        [
            (turn.Text(LiveChatTexts.LeaveMessage), LiveChatChoices.LeaveMessage),
            (turn.Text(LiveChatTexts.NoThanks), LiveChatChoices.NoThanks),
        ]);
    }

    private string FormatOpening(DateTimeOffset local)
    {
        var culture = CultureInfo.GetCultureInfo(turn.Language switch { "sv" => "sv-FI", "en" => "en-GB", _ => "fi-FI" });
        return local.ToString("dddd d.M. HH:mm", culture);
    }

    private bool OnOfferMessage(string? choice)
    {
        if (choice != LiveChatChoices.LeaveMessage) return Cancelled(choice);
        turn.Pending = new PendingLiveChat { Step = LiveChatSteps.Method };
        turn.Say(turn.Text(LiveChatTexts.AskMethod),
        [
            (turn.Text(LiveChatTexts.MethodPhone), LiveChatChoices.Phone),
            (turn.Text(LiveChatTexts.MethodEmail), LiveChatChoices.Email),
            (turn.Text(LiveChatTexts.Cancel), LiveChatChoices.Cancel),
        ]);
        return true;
    }

    private bool OnMethod(PendingLiveChat pending, string? choice)
    {
        if (choice is not (LiveChatChoices.Phone or LiveChatChoices.Email)) return Cancelled(choice);
        pending.Method = choice;
        pending.Step = LiveChatSteps.Contact;
        turn.Say(turn.Text(choice == LiveChatChoices.Phone ? LiveChatTexts.AskPhone : LiveChatTexts.AskEmail), [(turn.Text(LiveChatTexts.Cancel), LiveChatChoices.Cancel)]);
        return true;
    }

    private bool OnContact(PendingLiveChat pending, string? text)
    {
        if (MatchButton(text, null) == LiveChatChoices.Cancel) return Cancelled(LiveChatChoices.Cancel);
        var value = text?.Trim() ?? "";
        var valid = pending.Method == ContactMethods.Phone ? ContactValidation.IsPhone(value) : ContactValidation.IsEmail(value);
        if (!valid)
        {
            turn.Say(turn.Text(pending.Method == ContactMethods.Phone ? LiveChatTexts.InvalidPhone : LiveChatTexts.InvalidEmail),
                [(turn.Text(LiveChatTexts.Cancel), LiveChatChoices.Cancel)]);
            return true;
        }
        pending.Contact = value;
        pending.Step = LiveChatSteps.Message;
        turn.Say(turn.Text(LiveChatTexts.AskMessage), [(turn.Text(LiveChatTexts.Cancel), LiveChatChoices.Cancel)]);
        return true;
    }

    private bool OnMessageText(PendingLiveChat pending, string? text)
    {
        if (MatchButton(text, null) == LiveChatChoices.Cancel) return Cancelled(LiveChatChoices.Cancel);
        var message = (text ?? "").Trim();
        if (message.Length == 0) return true;
        pending.Message = message.Length > MaxMessageLength ? message[..MaxMessageLength] : message;
        pending.Step = LiveChatSteps.Confirm;
        var values = new Dictionary<string, string>
        {
            ["livechat.contact"] = pending.Contact ?? "",
            ["livechat.retention"] = Math.Max(1, (int)Math.Ceiling(service!.ContactRequestRetention.TotalDays)).ToString(CultureInfo.InvariantCulture),
        };
        turn.Say(turn.Text(LiveChatTexts.ConfirmMessage, values),
        [
            (turn.Text(LiveChatTexts.Send), LiveChatChoices.Send),
            (turn.Text(LiveChatTexts.Cancel), LiveChatChoices.Cancel),
        ]);
        return true;
    }

    private async Task<bool> OnConfirmAsync(PendingLiveChat pending, string? choice)
    {
        if (choice != LiveChatChoices.Send) return Cancelled(choice);
        turn.Pending = null;
        try
        {
            await service!.LeaveMessageAsync(new ContactRequestDraft(turn.ConversationId, turn.Subject, turn.BotId, turn.Language,
                pending.Method ?? ContactMethods.Phone, pending.Contact ?? "", pending.Message ?? ""), turn.Cancellation);
            turn.Say(turn.Text(LiveChatTexts.MessageLeft));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The values stay out of the log; the citizen still gets the contact details.
            logger.LogError(ex, "Storing a contact request failed for bot {Bot}", turn.BotId);
            turn.Say(turn.Text(LiveChatTexts.Unavailable, ContactValues()));
        }
        return true;
    }

    /// <summary>A button answer was expected: "cancel" ends the question; anything else leaves it and goes to the flows.</summary>
    private bool Cancelled(string? choice)
    {
        turn.Pending = null;
        if (choice is LiveChatChoices.Cancel or LiveChatChoices.NoThanks)
        {
            turn.Say(turn.Text(LiveChatTexts.Cancelled));
            return true;
        }
        return false;
    }

    private bool Clear()
    {
        turn.Pending = null;
        return false;
    }

    /// <summary>Typed instead of clicked: the text of a button of the current question (in the user's language).</summary>
    private string? MatchButton(string? text, string? step)
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

    private Dictionary<string, string> StatusValues(LiveChatStatus status) => new()
    {
        ["livechat.position"] = status.Position.ToString(CultureInfo.InvariantCulture),
        ["livechat.wait"] = Math.Max(1, (int)Math.Ceiling(status.EstimatedWait.TotalMinutes)).ToString(CultureInfo.InvariantCulture),
        ["livechat.agent"] = status.AgentName ?? "",
    };

    /// <summary><c>{livechat.contact}</c>: the organisation's phone, web page and hours from content (nothing invented); without any, where to find them.</summary>
    private Dictionary<string, string> ContactValues()
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

/// <summary>Checks of the contact detail a citizen leaves (shared by the chat and the agents' API).</summary>
public static class ContactValidation
{
    public static bool IsPhone(string value)
    {
        var digits = value.Count(char.IsAsciiDigit);
        return value.Length <= 30 && digits is >= 5 and <= 15 && value.TrimStart('+').All(c => char.IsAsciiDigit(c) || c is ' ' or '-' or '(' or ')');
    }

    public static bool IsEmail(string value) =>
        value.Length is >= 5 and <= 200 && value.IndexOf('@') is > 0 and var at && value.IndexOf('.', at) > at + 1 && !value.EndsWith('.')
        && !value.Any(char.IsWhiteSpace);
}
