using System.Text.Json.Nodes;
using AuroraBots.Builder;
using AuroraBots.Dialogs.Prompts;
using AuroraBots.Dialogs.State;
using AuroraBots.Nlu;
using AuroraBots.Schema;

namespace AuroraBots.Dialogs.Engine;

/// <summary>
/// The consent dialog of a pending hand-off: share all / choose one by one / none, then (after "none")
/// continue without sharing or stay. Its position lives in <see cref="PendingHandoff"/>.
/// </summary>
internal sealed class ConsentPrompt(DialogTurn turn)
{
    /// <summary>The consent question: target, organisation, purpose and each attribute with its value.</summary>
    public void Ask()
    {
        if (turn.State.PendingHandoff is not { } pending) return;
        var replies = turn.Replies;
        var scope = Scope(pending);
        Activity reply;
        if (pending.AskingStay)
        {
            reply = replies.Say(replies.SharedText(EngineTexts.ConsentStayQuestion, scope: scope),
                [Button(EngineTexts.ConsentContinue, "continue"), Button(EngineTexts.ConsentStay, "stay")]);
        }
        else if (pending.Chosen is not null)
        {
            var attribute = pending.Offered[pending.PickIndex];
            scope["attribute.name"] = replies.AttributeLabel(attribute);
            scope["attribute.value"] = replies.DisplayValue(attribute, turn.Bot.Attributes[attribute].Value);
            replies.NoteRendered(turn.Bot.Attributes[attribute]);
            reply = replies.Say(replies.SharedText(EngineTexts.ConsentPick, scope: scope), [Button(EngineTexts.Yes, "yes"), Button(EngineTexts.No, "no")]);
        }
        else
        {
            reply = replies.Say(replies.SharedText(EngineTexts.ConsentQuestion, scope: scope),
                [Button(EngineTexts.ConsentAll, "all"), Button(EngineTexts.ConsentChoose, "choose"), Button(EngineTexts.ConsentNone, "none")]);
        }
        reply.InputHint = "expectingInput";
        if (AuroraChannelData.From(reply) is { } trace)
            (trace with
            {
                Flow = "consent",
                Step = pending.AskingStay ? "stay" : pending.Chosen is not null ? "pick" : "offer",
                Handoff = new HandoffOffer(pending.Target, pending.Offered),
            }).ApplyTo(reply);
    }

    /// <summary>Handles an answer while consent is pending. False when the message is about something else.</summary>
    public async Task<bool> OnAnswerAsync(string? text, NluResult? nlu, string? choice = null)
    {
        if (turn.State.PendingHandoff is not { } pending) return false;
        choice ??= Recognise(text ?? "", nlu, pending);
        if (choice is null)
        {
            // A global intent (cancel, help…) abandons the offer; anything else repeats the question.
            var top = nlu?.Intents.FirstOrDefault();
            if (top is not null && top.Score >= turn.Services.Options.IntentThreshold && turn.Runtime.Route(turn.ActiveBotId, top.Intent) is not null)
            {
                turn.State.PendingHandoff = null;
                // The offer is over, not paused: its step is done, so the flow under the new matter (asking for a
                // person) does not make the same offer again when that matter is handled.
                if (turn.Flows.Current() is { Step: Steps.HandoffStep } offer) offer.Advance();
                return false;
            }
            Ask();
            return true;
        }
        var run = turn.Flows.Current();
        var target = turn.Content.Bots[pending.Target];
        var purpose = pending.Purpose ?? "";

        if (pending.AskingStay)
        {
            if (choice is "continue" or "yes")
            {
                await turn.Handoffs.TransferAsync(run, target, [], purpose);
            }
            else
            {
                turn.State.PendingHandoff = null;
                turn.Replies.Say(turn.Replies.SharedText(EngineTexts.ConsentStayed));
                run?.Advance(run.Step is Steps.HandoffStep handoff ? handoff.Fallback : null);
            }
            await turn.Flows.RunAsync();
            return true;
        }
        if (pending.Chosen is not null)
        {
            if (choice is "yes" or "all") pending.Chosen.Add(pending.Offered[pending.PickIndex]);
            pending.PickIndex++;
            if (pending.PickIndex < pending.Offered.Count)
            {
                Ask();
                return true;
            }
            await turn.Handoffs.TransferAsync(run, target, pending.Chosen, purpose);
            await turn.Flows.RunAsync();
            return true;
        }
        switch (choice)
        {
            case "all" or "yes":
                await turn.Handoffs.TransferAsync(run, target, pending.Offered, purpose);
                await turn.Flows.RunAsync();
                return true;
            case "choose":
                pending.Chosen = [];
                pending.PickIndex = 0;
                Ask();
                return true;
            default:
                pending.AskingStay = true;
                Ask();
                return true;
        }
    }

    private Dictionary<string, string> Scope(PendingHandoff pending)
    {
        var target = turn.Content.Bots[pending.Target];
        return new Dictionary<string, string>
        {
            ["handoff.target"] = target.NameIn(turn.Language),
            ["handoff.organisation"] = target.OrganisationIn(turn.Language),
            ["handoff.purpose"] = pending.Purpose ?? "",
            ["handoff.offered"] = string.Join('\n', pending.Offered.Select(a =>
                $"- **{turn.Replies.AttributeLabel(a)}**: {turn.Replies.DisplayValue(a, turn.Bot.Attributes[a].Value)}")),
        };
    }

    private CardAction Button(string key, string choice)
    {
        var label = turn.Replies.SharedText(key);
        return new CardAction(ActionTypes.MessageBack, label, new JsonObject { [Turn.CommandKey] = "consent", ["choice"] = choice })
        {
            Text = label,
            DisplayText = label,
        };
    }

    /// <summary>The longest reply still read as a plain yes or no ("joo kiitos", "kyllä saat", "nej tack").</summary>
    private const int MaxYesNoWords = 3;

    private string? Recognise(string text, NluResult? nlu, PendingHandoff pending)
    {
        (string Key, string Choice)[] options = pending.AskingStay
            ? [(EngineTexts.ConsentContinue, "continue"), (EngineTexts.ConsentStay, "stay")]
            : pending.Chosen is not null
                ? [(EngineTexts.Yes, "yes"), (EngineTexts.No, "no")]
                : [(EngineTexts.ConsentAll, "all"), (EngineTexts.ConsentChoose, "choose"), (EngineTexts.ConsentNone, "none")];
        foreach (var (key, choice) in options)
            if (AnswerText.MatchesAny(turn, text, key)) return choice;
        // Consent needs an answer, not a sentence that happens to open with a yes-word: "haluan puhua ihmisen kanssa"
        // ("I want to talk to a person") gave every offered attribute away. Longer messages go to the intents (a person,
        // cancel…) or get the question again.
        if (text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > MaxYesNoWords) return null;
        var yesNo = nlu?.Entities.FirstOrDefault(e => e.Type == EntityTypes.YesNo)?.Value;
        yesNo ??= AnswerText.MatchesAny(turn, text, EngineTexts.Yes) ? "yes" : AnswerText.MatchesAny(turn, text, EngineTexts.No) ? "no" : null;
        return yesNo switch
        {
            "yes" => pending.AskingStay ? "continue" : pending.Chosen is not null ? "yes" : "all",
            "no" => pending.AskingStay ? "stay" : pending.Chosen is not null ? "no" : "none",
            _ => null,
        };
    }
}
