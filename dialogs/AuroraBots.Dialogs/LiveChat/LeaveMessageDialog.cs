using System.Globalization;
using Microsoft.Extensions.Logging;

namespace AuroraBots.Dialogs.LiveChat;

/// <summary>
/// "Leave a message" when nobody can chat now: phone or e-mail → the contact detail (checked) → the message →
/// confirm → stored for the agents as a contact request. Each answer moves <see cref="PendingLiveChat.Step"/>.
/// </summary>
internal sealed class LeaveMessageDialog(ILiveChatService service, ILiveChatTurn turn, LiveChatAnswers answers, ILogger logger)
{
    private const int MaxMessageLength = 1000;

    /// <summary>The citizen's answer to the pending leave-a-message question; false when it was none (the flows take it).</summary>
    public Task<bool> OnAnswerAsync(PendingLiveChat pending, string? text, string? choice) => pending.Step switch
    {
        LiveChatSteps.OfferMessage => Task.FromResult(OnOfferMessage(choice)),
        LiveChatSteps.Method => Task.FromResult(OnMethod(pending, choice)),
        LiveChatSteps.Contact => Task.FromResult(OnContact(pending, text)),
        LiveChatSteps.Message => Task.FromResult(OnMessageText(pending, text)),
        LiveChatSteps.Confirm => OnConfirmAsync(pending, choice),
        _ => Task.FromResult(answers.Clear()),
    };

    /// <summary>"Leave a message?" answered.</summary>
    private bool OnOfferMessage(string? choice)
    {
        if (choice != LiveChatChoices.LeaveMessage) return answers.Cancelled(choice);
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
        if (choice is not (LiveChatChoices.Phone or LiveChatChoices.Email)) return answers.Cancelled(choice);
        pending.Method = choice;
        pending.Step = LiveChatSteps.Contact;
        turn.Say(turn.Text(choice == LiveChatChoices.Phone ? LiveChatTexts.AskPhone : LiveChatTexts.AskEmail), [(turn.Text(LiveChatTexts.Cancel), LiveChatChoices.Cancel)]);
        return true;
    }

    private bool OnContact(PendingLiveChat pending, string? text)
    {
        if (answers.MatchButton(text, null) == LiveChatChoices.Cancel) return answers.Cancelled(LiveChatChoices.Cancel);
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
        if (answers.MatchButton(text, null) == LiveChatChoices.Cancel) return answers.Cancelled(LiveChatChoices.Cancel);
        var message = (text ?? "").Trim();
        if (message.Length == 0) return true;
        pending.Message = message.Length > MaxMessageLength ? message[..MaxMessageLength] : message;
        pending.Step = LiveChatSteps.Confirm;
        var values = new Dictionary<string, string>
        {
            ["livechat.contact"] = pending.Contact ?? "",
            ["livechat.retention"] = Math.Max(1, (int)Math.Ceiling(service.ContactRequestRetention.TotalDays)).ToString(CultureInfo.InvariantCulture),
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
        if (choice != LiveChatChoices.Send) return answers.Cancelled(choice);
        turn.Pending = null;
        try
        {
            await service.LeaveMessageAsync(new ContactRequestDraft(turn.ConversationId, turn.Subject, turn.BotId, turn.Language,
                pending.Method ?? ContactMethods.Phone, pending.Contact ?? "", pending.Message ?? ""), turn.Cancellation);
            turn.Say(turn.Text(LiveChatTexts.MessageLeft));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The values stay out of the log; the citizen still gets the contact details.
            logger.LogError(ex, "Storing a contact request failed for bot {Bot}", turn.BotId);
            turn.Say(turn.Text(LiveChatTexts.Unavailable, answers.ContactValues()));
        }
        return true;
    }
}
