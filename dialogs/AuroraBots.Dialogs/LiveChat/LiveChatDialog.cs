using System.Text;
using AuroraBots.Platform;
using Microsoft.Extensions.Logging;

namespace AuroraBots.Dialogs.LiveChat;

/// <summary>
/// The citizen's side of "I want to talk to a person": open and someone on duty → consent to what the agent will
/// see → queue; closed or nobody free → the organisation's contact details and an offer to leave a message. While
/// the conversation waits or is with an agent, the citizen's messages go to the agent instead of the flows.
/// </summary>
internal sealed class LiveChatDialog(ILiveChatService? service, ILiveChatTurn turn, ILogger logger)
{
    private readonly LiveChatAnswers _answers = new(turn);

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
                turn.LiveChatRequested = true;
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
            turn.Say(turn.Text(LiveChatTexts.Unavailable, _answers.ContactValues()));
        }
    }

    /// <summary>
    /// A message turn: true when the live chat took it (forwarded to the agent, or an answer to a live-chat question).
    /// <paramref name="choice"/> is the button's command choice, if the citizen clicked one.
    /// </summary>
    public async Task<bool> OnMessageAsync(string? text, string? choice)
    {
        if (service is not null && turn.LiveChatRequested)
        {
            LiveChatStatus? status;
            try
            {
                status = await service.FindAsync(turn.ConversationId, turn.Cancellation);
                // Ended by the agent, expired or forgotten: later turns need not ask again.
                if (status is null) turn.LiveChatRequested = false;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Live chat store unavailable in a message turn");
                status = null;
            }
            if (status is not null) return await WithAgentAsync(service, status, text, choice);
        }
        if (turn.Pending is not { } pending) return false;
        choice ??= _answers.MatchButton(text, pending.Step);
        if (service is null) return _answers.Clear();
        return pending.Step == LiveChatSteps.Consent
            ? await OnConsentAsync(service, choice)
            : await new LeaveMessageDialog(service, turn, _answers, logger).OnAnswerAsync(pending, text, choice);
    }

    /// <summary>Typing while waiting or with an agent: the agent sees it.</summary>
    public async Task OnTypingAsync()
    {
        if (service is null || !turn.LiveChatRequested) return;
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
        turn.LiveChatRequested = false;
    }

    private async Task<bool> WithAgentAsync(ILiveChatService service, LiveChatStatus status, string? text, string? choice)
    {
        if ((choice ?? _answers.MatchButton(text, null)) == LiveChatChoices.End)
        {
            await service.EndByCitizenAsync(turn.ConversationId, turn.Cancellation);
            turn.LiveChatRequested = false;
            turn.Say(turn.Text(LiveChatTexts.CitizenEnded));
            return true;
        }
        await service.OnCitizenActivityAsync(turn.ConversationId, typing: false, turn.Cancellation);
        // The agent reads the message from the conversation; while waiting, the citizen is told it will be seen.
        if (status.State == LiveChatStates.Waiting)
            turn.Say(turn.Text(LiveChatTexts.StillWaiting, _answers.StatusValues(status)), [(turn.Text(LiveChatTexts.End), LiveChatChoices.End)]);
        return true;
    }

    private void SayStatus(LiveChatStatus status)
    {
        var key = status.State == LiveChatStates.Active ? LiveChatTexts.AgentJoined : LiveChatTexts.Position;
        turn.Say(turn.Text(key, _answers.StatusValues(status)), [(turn.Text(LiveChatTexts.End), LiveChatChoices.End)]);
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

    private async Task<bool> OnConsentAsync(ILiveChatService service, string? choice)
    {
        if (choice is not (LiveChatChoices.ShareAll or LiveChatChoices.ShareNew)) return _answers.Cancelled(choice);
        turn.Pending = null;
        var all = choice == LiveChatChoices.ShareAll;
        var request = new LiveChatRequest(turn.ConversationId, turn.UserId, turn.Subject, turn.BotId, turn.Language,
            ShareTranscript: all, FromSequence: all ? 0 : turn.IncomingSequence, all ? turn.HeldAttributes() : [],
            turn.Text(LiveChatTexts.ConsentTranscript), turn.BotName);
        try
        {
            var status = await service.RequestAsync(request, turn.Cancellation);
            turn.LiveChatRequested = true;
            turn.Say(turn.Text(LiveChatTexts.Queued, _answers.StatusValues(status)), [(turn.Text(LiveChatTexts.End), LiveChatChoices.End)]);
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
        var values = _answers.ContactValues();
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

    private string FormatOpening(DateTimeOffset local) => local.ToString("dddd d.M. HH:mm", Languages.CultureOf(turn.Language));
}
