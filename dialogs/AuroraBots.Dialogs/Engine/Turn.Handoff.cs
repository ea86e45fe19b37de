using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using AuroraBots.Dialogs.Content;
using AuroraBots.Dialogs.Handoff;
using AuroraBots.Dialogs.State;
using AuroraBots.Nlu;
using AuroraBots.Schema;
using Microsoft.Extensions.Logging;

namespace AuroraBots.Dialogs.Engine;

internal sealed partial class Turn
{
    private async Task<Outcome> HandoffAsync(DialogFrame frame, FlowContent flow, StepDefinition step)
    {
        if (step.Say is not null) Say(Text(step.Say), null, flow.Id, flow.StepName(frame.Step));
        if (step.Handoff == "back")
        {
            Advance(frame, flow, step);
            HandBack();
            return Outcome.Continue;
        }
        if (_services.Handoff is null)
        {
            Say(SharedText(EngineTexts.HandoffUnavailable), null, flow.Id, flow.StepName(frame.Step));
            Advance(frame, flow, step, step.Fallback);
            return Outcome.Continue;
        }
        var target = Content.Bots[step.Handoff!];
        var receives = target.Manifest.Receives.Where(r => r.Attribute is not null)
            .SelectMany(r => AttributeSchema.Expand(r.Attribute!)).ToHashSet();
        var share = step.Share?.SelectMany(AttributeSchema.Expand).ToHashSet();
        var offered = AttributeSchema.All
            .Where(a => Bot.Attributes.ContainsKey(a) && receives.Contains(a) && (share is null || share.Contains(a)))
            .ToList();
        var purpose = step.Purpose is not null ? Text(step.Purpose) : TargetPurpose(target, offered);
        if (offered.Count == 0)
        {
            await TransferAsync(frame, flow, step, target, [], purpose);
            return Outcome.Continue;
        }
        State.PendingHandoff = new PendingHandoff { Target = target.Id, Offered = offered, Purpose = purpose };
        AskConsent();
        return Outcome.Wait;
    }

    private string TargetPurpose(BotContent target, IReadOnlyList<string> offered)
    {
        var purposes = target.Manifest.Receives
            .Where(r => r.Purpose is not null && AttributeSchema.Expand(r.Attribute!).Any(offered.Contains))
            .Select(r => target.Pick(r.Purpose, Language)).Where(p => !string.IsNullOrEmpty(p)).Distinct();
        return string.Join(" ", purposes);
    }

    private Dictionary<string, string> HandoffScope(PendingHandoff pending)
    {
        var target = Content.Bots[pending.Target];
        return new Dictionary<string, string>
        {
            ["handoff.target"] = target.NameIn(Language),
            ["handoff.organisation"] = target.OrganisationIn(Language),
            ["handoff.purpose"] = pending.Purpose ?? "",
            ["handoff.offered"] = string.Join('\n', pending.Offered.Select(a =>
                $"- **{AttributeLabel(a)}**: {DisplayValue(a, Bot.Attributes[a].Value)}")),
        };
    }

    /// <summary>The consent question: target, organisation, purpose and each attribute with its value.</summary>
    private void AskConsent()
    {
        var pending = State.PendingHandoff!;
        _scope = HandoffScope(pending);
        Activity reply;
        if (pending.AskingStay)
        {
            reply = Say(SharedText(EngineTexts.ConsentStayQuestion),
                [Consent(EngineTexts.ConsentContinue, "continue"), Consent(EngineTexts.ConsentStay, "stay")]);
        }
        else if (pending.Chosen is not null)
        {
            var attribute = pending.Offered[pending.PickIndex];
            _scope["attribute.name"] = AttributeLabel(attribute);
            _scope["attribute.value"] = DisplayValue(attribute, Bot.Attributes[attribute].Value);
            reply = Say(SharedText(EngineTexts.ConsentPick), [Consent(EngineTexts.Yes, "yes"), Consent(EngineTexts.No, "no")]);
        }
        else
        {
            reply = Say(SharedText(EngineTexts.ConsentQuestion),
                [Consent(EngineTexts.ConsentAll, "all"), Consent(EngineTexts.ConsentChoose, "choose"), Consent(EngineTexts.ConsentNone, "none")]);
        }
        _scope = null;
        reply.InputHint = "expectingInput";
        var trace = AuroraChannelData.From(reply)!;
        (trace with
        {
            Flow = "consent",
            Step = pending.AskingStay ? "stay" : pending.Chosen is not null ? "pick" : "offer",
            Handoff = new HandoffOffer(pending.Target, pending.Offered),
        }).ApplyTo(reply);
    }

    private CardAction Consent(string key, string choice)
    {
        var label = SharedText(key);
        return new CardAction(ActionTypes.MessageBack, label, new JsonObject { [CommandKey] = "consent", ["choice"] = choice })
        {
            Text = label,
            DisplayText = label,
        };
    }

    /// <summary>Handles an answer while consent is pending. False when the message is about something else.</summary>
    private async Task<bool> OnConsentAnswerAsync(string? text, NluResult? nlu, string? choice = null)
    {
        var pending = State.PendingHandoff!;
        choice ??= RecogniseConsent(text ?? "", nlu, pending);
        if (choice is null)
        {
            // A global intent (cancel, help…) abandons the offer; anything else repeats the question.
            var top = nlu?.Intents.FirstOrDefault();
            if (top is not null && top.Score >= _services.Options.IntentThreshold && _runtime.Route(ActiveBotId, top.Intent) is not null)
            {
                State.PendingHandoff = null;
                return false;
            }
            AskConsent();
            return true;
        }
        var frame = Top;
        var flow = frame is null ? null : Content.FindFlow(ActiveBotId, frame.Flow);
        var step = flow is not null && frame!.Step < flow.Steps.Count ? flow.Steps[frame.Step] : null;
        var target = Content.Bots[pending.Target];

        if (pending.AskingStay)
        {
            if (choice is "continue" or "yes")
            {
                await TransferAsync(frame, flow, step, target, [], pending.Purpose ?? "");
            }
            else
            {
                State.PendingHandoff = null;
                Say(SharedText(EngineTexts.ConsentStayed), null);
                if (frame is not null && flow is not null && step is not null) Advance(frame, flow, step, step.Fallback);
            }
            await RunStepsAsync();
            return true;
        }
        if (pending.Chosen is not null)
        {
            if (choice is "yes" or "all") pending.Chosen.Add(pending.Offered[pending.PickIndex]);
            pending.PickIndex++;
            if (pending.PickIndex < pending.Offered.Count)
            {
                AskConsent();
                return true;
            }
            await TransferAsync(frame, flow, step, target, pending.Chosen, pending.Purpose ?? "");
            await RunStepsAsync();
            return true;
        }
        switch (choice)
        {
            case "all" or "yes":
                await TransferAsync(frame, flow, step, target, pending.Offered, pending.Purpose ?? "");
                await RunStepsAsync();
                return true;
            case "choose":
                pending.Chosen = [];
                pending.PickIndex = 0;
                AskConsent();
                return true;
            default:
                pending.AskingStay = true;
                AskConsent();
                return true;
        }
    }

    private string? RecogniseConsent(string text, NluResult? nlu, PendingHandoff pending)
    {
        (string Key, string Choice)[] options = pending.AskingStay
            ? [(EngineTexts.ConsentContinue, "continue"), (EngineTexts.ConsentStay, "stay")]
            : pending.Chosen is not null
                ? [(EngineTexts.Yes, "yes"), (EngineTexts.No, "no")]
                : [(EngineTexts.ConsentAll, "all"), (EngineTexts.ConsentChoose, "choose"), (EngineTexts.ConsentNone, "none")];
        foreach (var (key, choice) in options)
            if (MatchesAny(text, key)) return choice;
        var yesNo = nlu?.Entities.FirstOrDefault(e => e.Type == EntityTypes.YesNo)?.Value;
        if (yesNo is null) yesNo = MatchesAny(text, EngineTexts.Yes) ? "yes" : MatchesAny(text, EngineTexts.No) ? "no" : null;
        return yesNo switch
        {
            "yes" => pending.AskingStay ? "continue" : pending.Chosen is not null ? "yes" : "all",
            "no" => pending.AskingStay ? "stay" : pending.Chosen is not null ? "no" : "none",
            _ => null,
        };
    }

    /// <summary>Records the decision, switches to the target with the consented attributes and lets it greet as itself.</summary>
    private async Task TransferAsync(DialogFrame? frame, FlowContent? flow, StepDefinition? step, BotContent target,
        IReadOnlyList<string> attributes, string purpose)
    {
        State.PendingHandoff = null;
        var source = ActiveBotId;
        var selected = attributes.Select(a => new KeyValuePair<string, string>(a, Bot.Attributes[a].Value));
        HandoffTransfer transfer;
        try
        {
            transfer = await _services.Handoff!.TransferAsync(new HandoffRequest(
                SubjectId(), source, target.Id, purpose, AttributeSchema.ToSessionAttributes(selected), Language), _cancellation);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _services.Logger.LogError(ex, "Hand-off from {Source} to {Target} failed", source, target.Id);
            Say(SharedText(EngineTexts.HandoffFailed), null);
            if (frame is not null && flow is not null && step is not null) Advance(frame, flow, step, step.Fallback);
            return;
        }

        if (frame is not null && flow is not null && step is not null) Advance(frame, flow, step);
        _scope = new Dictionary<string, string> { ["handoff.target"] = target.NameIn(Language), ["handoff.organisation"] = target.OrganisationIn(Language) };
        Say(SharedText(EngineTexts.HandoffDone), null);
        _scope = null;

        State.BotStack.Remove(target.Id);
        State.BotStack.Add(target.Id);
        if (!target.Languages.Contains(Language)) Language = target.DefaultLanguage;
        if (transfer.AccessToken is { } token) await RedeemAsync(target.Id, token, source, transfer.ReceiptId);
        Bot.Stack.Clear();
        Push(target.Manifest.Entry!);
    }

    /// <summary>Redeems a hand-off token into <paramref name="targetBot"/>'s attributes; true when any were stored.</summary>
    private async Task<bool> RedeemAsync(string targetBot, string token, string? fromBot, string? receipt)
    {
        try
        {
            var received = await _services.Handoff!.RedeemAsync(targetBot, token, _cancellation);
            if (received is null)
            {
                _services.Logger.LogWarning("Hand-off token for {Target} was refused", targetBot);
                return false;
            }
            var stored = false;
            foreach (var (name, value) in AttributeSchema.FromSessionAttributes(received))
            {
                if (AttributeSchema.CheckValue(name, value) is not null) continue;
                SetAttribute(name, value, AttributeSources.Handoff, fromBot, receipt, targetBot);
                stored = true;
            }
            return stored;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _services.Logger.LogError(ex, "Redeeming a hand-off token for {Target} failed", targetBot);
            return false;
        }
    }

    /// <summary>Cross-platform hand-off: Web Chat's join event carried an <c>auroraai_access_token</c>.</summary>
    private Task<bool> RedeemJoinTokenAsync(string token) =>
        _services.Handoff is null ? Task.FromResult(false) : RedeemAsync(ActiveBotId, token, fromBot: null, receipt: null);

    /// <summary>Back to the bot that handed over; its flows continue where they were.</summary>
    private void HandBack()
    {
        if (State.BotStack.Count < 2)
        {
            Say(SharedText(EngineTexts.NoPreviousBot), null);
            return;
        }
        Bot.Stack.Clear();
        State.BotStack.RemoveAt(State.BotStack.Count - 1);
        if (!ActiveBot.Languages.Contains(Language)) Language = ActiveBot.DefaultLanguage;
        Say(SharedText(EngineTexts.HandedBack), null);
    }

    /// <summary>A pseudonymous id of the user (never the raw conversation or user id).</summary>
    private string SubjectId()
    {
        var raw = $"{Incoming.Conversation?.Id}|{Incoming.From?.Id}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(raw)))[..32];
    }
}
