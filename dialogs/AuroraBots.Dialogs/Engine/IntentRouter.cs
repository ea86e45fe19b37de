using AuroraBots.Schema;
using System.Text.Json.Nodes;
using AuroraBots.Builder;
using AuroraBots.Nlu;
using AuroraBots.Nlu.Routing;

namespace AuroraBots.Dialogs.Engine;

/// <summary>Whether a message stated facts (<see cref="MessageFacts"/>): none, some besides other words, or only facts.</summary>
internal enum FactsKind { None, Some, Only }

/// <summary>What happens to a message no prompt waits for: start the intent's flow, ask "did you mean…?", or fall back.</summary>
internal sealed class IntentRouter(DialogTurn turn)
{
    public const string FallbackFlow = "fallback";
    /// <summary>Shared flow run when a message only stated facts (no matter): thanks and asks what the user needs.</summary>
    public const string NotedFlow = "noted";

    /// <summary>
    /// No prompt waits: act on the intent, ask "did you mean A or B?" when two matters are genuinely close, or answer
    /// small talk / the not-understood with what the bot can do (<see cref="RoutingPolicy"/>).
    /// </summary>
    /// <param name="facts">Whether the message stated facts (a municipality, an age): without a matter they are acknowledged.</param>
    public async Task RouteAsync(NluResult nlu, FactsKind facts = FactsKind.None)
    {
        if (facts == FactsKind.Only && turn.Content.FindFlow(turn.ActiveBotId, NotedFlow) is not null)
        {
            // "Oulu", "asun Oulussa": a fact, not a matter (however much "Oulu" looks like "koulu").
            turn.Push(NotedFlow);
            await turn.Flows.RunAsync();
            return;
        }
        var routing = turn.Services.Options.Routing;
        var known = nlu.Intents.Where(i => turn.Runtime.Route(turn.ActiveBotId, i.Intent) is not null).ToList();
        var decision = RoutingPolicy.Decide(known, turn.ActiveBot.Manifest.Intents.Keys.ToHashSet(StringComparer.Ordinal), routing, nlu.WithoutLanguageRequest);
        switch (decision.Kind)
        {
            case RouteKind.Act:
                await StartAsync(decision.Intents[0]);
                return;
            case RouteKind.Clarify:
                AskClarification(decision.Intents);
                return;
            case RouteKind.OutOfScope when turn.Runtime.Route(turn.ActiveBotId, routing.OutOfScopeIntent) is not null:
                await StartAsync(routing.OutOfScopeIntent);
                return;
        }
        if (facts != FactsKind.None && turn.Content.FindFlow(turn.ActiveBotId, NotedFlow) is not null)
        {
            turn.Push(NotedFlow);
            await turn.Flows.RunAsync();
            return;
        }
        if (turn.Content.FindFlow(turn.ActiveBotId, FallbackFlow) is not null)
        {
            turn.Push(FallbackFlow);
            await turn.Flows.RunAsync();
        }
    }

    public async Task StartAsync(string intent)
    {
        if (turn.Runtime.Route(turn.ActiveBotId, intent) is not var (route, shared) || route.Flow is not { } flow) return;
        if (shared && route.Interrupts && turn.Top is { } top)
        {
            // Runs on top of what is going on; a waiting prompt is asked again afterwards.
            top.Waiting = false;
            turn.Push(flow, interruption: true);
        }
        else if (shared)
        {
            turn.Push(flow);
        }
        else
        {
            // A new topic replaces whatever the bot was doing.
            turn.Bot.Stack.Clear();
            turn.Push(flow);
        }
        await turn.Flows.RunAsync();
    }

    /// <summary>
    /// The active bot's own flow for a matter the user stated to the bot that handed over, when its intents are sure
    /// of it (<see cref="RoutingPolicy"/> acts on one of the bot's own matters); null means ask with the entry flow.
    /// </summary>
    public string? MatterFlow(string? matter)
    {
        if (string.IsNullOrWhiteSpace(matter)) return null;
        var nlu = turn.Runtime.ModelFor(turn.ActiveBotId).Analyse(matter, turn.Language);
        var own = turn.ActiveBot.Manifest.Intents.Keys.ToHashSet(StringComparer.Ordinal);
        var known = nlu.Intents.Where(i => turn.Runtime.Route(turn.ActiveBotId, i.Intent) is not null).ToList();
        var decision = RoutingPolicy.Decide(known, own, turn.Services.Options.Routing, nlu.WithoutLanguageRequest);
        if (decision.Kind != RouteKind.Act || !own.Contains(decision.Intents[0])) return null;
        return turn.Runtime.Route(turn.ActiveBotId, decision.Intents[0]) is ({ } route, false) ? route.Flow : null;
    }

    /// <summary>"Did you mean A or B?" with both as buttons.</summary>
    private void AskClarification(IReadOnlyList<string> intents)
    {
        turn.State.PendingClarification = [.. intents];
        // A label may be a question itself ("Mitä tiedät minusta?"): no "??" after it.
        var labels = intents.Select(i => IntentLabel(i).TrimEnd('?', ' ')).ToList();
        var or = turn.Replies.SharedText(EngineTexts.Or);
        var question = turn.Replies.SharedText(EngineTexts.Clarify) + " " + string.Join($" {or} ", labels.Select(l => $"**{l}**")) + "?";
        var buttons = intents.Select((intent, i) => new CardAction(ActionTypes.MessageBack, labels[i],
            new JsonObject { [Turn.CommandKey] = "intent", ["intent"] = intent }) { Text = labels[i], DisplayText = labels[i] }).ToArray();
        turn.Replies.Say(question, buttons);
    }

    /// <summary>The clarification's answer typed instead of clicked: one of the offered intents' labels.</summary>
    public string? MatchLabel(string text, IEnumerable<string> intents)
    {
        foreach (var intent in intents)
        {
            if (turn.Runtime.Route(turn.ActiveBotId, intent) is not var (route, _) || route.Label is null) continue;
            var labels = route.Label.Reference is { } key ? turn.Content.FindText(turn.ActiveBotId, key)?.ByLanguage.Values : route.Label.ByLanguage.Values;
            if (labels?.Any(l => string.Equals(turn.Replies.Render(l).Trim(), text, StringComparison.OrdinalIgnoreCase)) == true) return intent;
        }
        return null;
    }

    /// <summary><c>{bot.intents}</c>: what the active bot can do, as a list of its intents' labels.</summary>
    public string IntentList() =>
        string.Join('\n', turn.ActiveBot.Manifest.Intents.Values.Where(r => r.Label is not null).Select(r => "- " + turn.Replies.Text(r.Label)));

    private string IntentLabel(string intent) =>
        turn.Runtime.Route(turn.ActiveBotId, intent) is var (route, _) && route.Label is not null ? turn.Replies.Text(route.Label) : intent;
}
