using AuroraBots.Dialogs.Content;
using AuroraBots.Dialogs.Handoff;
using AuroraBots.Dialogs.State;
using AuroraBots.Schema;
using Microsoft.Extensions.Logging;

namespace AuroraBots.Dialogs.Engine;

/// <summary>Moving the user between bots: transfer with consented attributes, redeeming tokens, handing back.</summary>
internal sealed class Handoffs(DialogTurn turn)
{
    /// <summary>The attributes the active bot holds that <paramref name="target"/> receives (limited by the step's <c>share</c>).</summary>
    public List<string> Offerable(BotContent target, IReadOnlyList<string>? share)
    {
        var receives = target.Manifest.Receives.SelectMany(r => r.Attribute is { } a ? AttributeSchema.Expand(a) : []).ToHashSet();
        var shared = share?.SelectMany(AttributeSchema.Expand).ToHashSet();
        return [.. AttributeSchema.All.Where(a => turn.Bot.Attributes.ContainsKey(a) && receives.Contains(a) && (shared is null || shared.Contains(a)))];
    }

    /// <summary>The target's own reasons (manifest <c>receives[].purpose</c>) for the attributes offered.</summary>
    public string TargetPurpose(BotContent target, IReadOnlyList<string> offered)
    {
        var purposes = target.Manifest.Receives
            .Where(r => r.Purpose is not null && r.Attribute is { } a && AttributeSchema.Expand(a).Any(offered.Contains))
            .Select(r => target.Pick(r.Purpose, turn.Language)).Where(p => !string.IsNullOrEmpty(p)).Distinct();
        return string.Join(" ", purposes);
    }

    /// <summary>Records the decision, switches to the target with the consented attributes and lets it greet as itself.</summary>
    public async Task TransferAsync(StepRun? run, BotContent target, IReadOnlyList<string> attributes, string purpose)
    {
        turn.State.PendingHandoff = null;
        var source = turn.ActiveBotId;
        var replies = turn.Replies;
        var fallback = run?.Step is Steps.HandoffStep step ? step.Fallback : null;
        if (turn.Services.Handoff is not { } handoff)
        {
            replies.Say(replies.SharedText(EngineTexts.HandoffUnavailable));
            run?.Advance(fallback);
            return;
        }
        // The matter travels with the user, read by the sending bot before the switch: a button label it offered
        // ("Asuminen ja muutto") names only the domain, so the receiving bot then asks once with its own menu.
        var matter = turn.State.StatedMatter is { } stated && turn.Intents.MatchLabel(stated, turn.ActiveBot.Manifest.Intents.Keys) is null ? stated : null;
        turn.State.StatedMatter = null;
        var selected = attributes.Select(a => new KeyValuePair<string, string>(a, turn.Bot.Attributes[a].Value));
        HandoffTransfer transfer;
        try
        {
            transfer = await handoff.TransferAsync(new HandoffRequest(
                turn.SubjectId(), source, target.Id, purpose, AttributeSchema.ToSessionAttributes(selected), turn.Language), turn.Cancellation);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            turn.Services.Logger.LogError(ex, "Hand-off from {Source} to {Target} failed", source, target.Id);
            replies.Say(replies.SharedText(EngineTexts.HandoffFailed));
            run?.Advance(fallback);
            return;
        }

        run?.Advance();
        var names = new Dictionary<string, string> { ["handoff.target"] = target.NameIn(turn.Language), ["handoff.organisation"] = target.OrganisationIn(turn.Language) };
        replies.Say(replies.SharedText(EngineTexts.HandoffDone, scope: names));

        turn.State.BotStack.Remove(target.Id);
        turn.State.BotStack.Add(target.Id);
        if (!target.Languages.Contains(turn.Language)) turn.Language = target.DefaultLanguage;
        // Only this decision counts: whatever an earlier hand-off gave the target is gone, so a decline or a smaller
        // choice now never lets it greet with values the user did not consent to this time.
        ForgetTransferred(turn.State.For(target.Id), _ => true);
        if (transfer.AccessToken is { } token) await RedeemAsync(target.Id, token, source, transfer.ReceiptId);
        turn.Bot.Stack.Clear();
        turn.Push(turn.Intents.MatterFlow(matter) ?? target.Manifest.Entry ?? "");
    }

    /// <summary>
    /// Cross-platform hand-off: Web Chat's join event carried an <c>auroraai_access_token</c>. A token of this
    /// platform's own ledger keeps its receipt with the values, so a later revocation removes them here too.
    /// </summary>
    public async Task<bool> RedeemJoinTokenAsync(string token)
    {
        if (turn.Services.Handoff is not { } handoff) return false;
        string? receipt = null;
        try
        {
            receipt = await handoff.ReceiptOfTokenAsync(token, turn.Cancellation);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The ledger is down: redeeming (below) meets the same and says so; nothing is stored without a receipt.
            turn.Services.Logger.LogError(ex, "Looking up the consent of a join token failed");
            return false;
        }
        return await RedeemAsync(turn.ActiveBotId, token, fromBot: null, receipt);
    }

    /// <summary>Redeems a hand-off token into <paramref name="targetBot"/>'s attributes; true when any were stored.</summary>
    private async Task<bool> RedeemAsync(string targetBot, string token, string? fromBot, string? receipt)
    {
        if (turn.Services.Handoff is not { } handoff) return false;
        try
        {
            var received = await handoff.RedeemAsync(targetBot, token, turn.Cancellation);
            if (received is null)
            {
                turn.Services.Logger.LogWarning("Hand-off token for {Target} was refused", targetBot);
                return false;
            }
            var stored = false;
            foreach (var (name, value) in AttributeSchema.FromSessionAttributes(received))
            {
                if (AttributeSchema.CheckValue(name, value) is not null) continue;
                turn.SetAttribute(name, value, AttributeSources.Handoff, fromBot, receipt, targetBot);
                stored = true;
            }
            return stored;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            turn.Services.Logger.LogError(ex, "Redeeming a hand-off token for {Target} failed", targetBot);
            return false;
        }
    }

    /// <summary>
    /// Revocation takes effect at once: the attributes any bot received under a consent that is now revoked are
    /// removed from its state, and the user is told which. Asked once per turn, only while hand-off values are held.
    /// </summary>
    public async Task DropRevokedAsync()
    {
        if (turn.Services.Handoff is not { } handoff) return;
        var held = turn.State.Bots.Values.SelectMany(b => b.Attributes.Values)
            .Where(a => a.Source == AttributeSources.Handoff && a.Receipt is not null).Select(a => a.Receipt!).ToHashSet();
        if (held.Count == 0) return;
        IReadOnlySet<string> revoked;
        try { revoked = await handoff.RevokedAsync(held, turn.Cancellation); }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The ledger is unreachable: nothing is known to be revoked; the next turn asks again.
            turn.Services.Logger.LogWarning(ex, "Could not check hand-off consents for revocation");
            return;
        }
        if (revoked.Count == 0) return;
        foreach (var (botId, bot) in turn.State.Bots.Where(b => turn.Content.Bots.ContainsKey(b.Key)))
        {
            var removed = ForgetTransferred(bot, a => a.Receipt is { } r && revoked.Contains(r));
            if (removed.Count == 0) continue;
            var replies = turn.Replies;
            var scope = new Dictionary<string, string>
            {
                ["handoff.target"] = replies.BotName(botId),
                ["handoff.removed"] = string.Join('\n', removed.Select(r => $"- **{replies.AttributeLabel(r.Name)}**: {replies.DisplayValue(r.Name, r.Value)}")),
            };
            replies.Say(replies.SharedText(EngineTexts.ConsentRevokedRemoved, scope: scope));
            turn.Services.Logger.LogInformation("Revoked consent: removed {Attributes} from {Bot}", string.Join(",", removed.Select(r => r.Name)), botId);
        }
    }

    /// <summary>Removes the hand-off attributes of <paramref name="bot"/> that match; returns their names and values.</summary>
    private static List<(string Name, string Value)> ForgetTransferred(BotState bot, Func<AttributeValue, bool> match)
    {
        var removed = bot.Attributes.Where(a => a.Value.Source == AttributeSources.Handoff && match(a.Value))
            .Select(a => (a.Key, a.Value.Value)).ToList();
        foreach (var (name, _) in removed) bot.Attributes.Remove(name);
        return removed;
    }

    /// <summary>Back to the bot that handed over; its flows continue where they were.</summary>
    public void HandBack()
    {
        var replies = turn.Replies;
        if (turn.State.BotStack.Count < 2)
        {
            replies.Say(replies.SharedText(EngineTexts.NoPreviousBot));
            return;
        }
        turn.Bot.Stack.Clear();
        turn.State.BotStack.RemoveAt(turn.State.BotStack.Count - 1);
        if (!turn.ActiveBot.Languages.Contains(turn.Language)) turn.Language = turn.ActiveBot.DefaultLanguage;
        replies.Say(replies.SharedText(EngineTexts.HandedBack));
    }
}
