using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using AuroraBots.AuroraAI.CodeLists;
using AuroraBots.Builder;
using AuroraBots.Dialogs.Content;
using AuroraBots.Dialogs.State;
using AuroraBots.Schema;

namespace AuroraBots.Dialogs.Engine;

internal sealed partial class Turn
{
    /// <summary>Extra placeholder values valid while one text is rendered (hand-off offer, provenance).</summary>
    private Dictionary<string, string>? _scope;

    private void SayStep(StepDefinition step, FlowContent flow, DialogFrame frame)
    {
        var reply = NewMessage(step.Say is null ? null : Text(step.Say), flow.Id, flow.StepName(frame.Step));
        if (step.Cards is { Count: > 0 } cards)
        {
            reply.Attachments = [.. cards.Select(Card)];
            reply.AttachmentLayout = step.Layout ?? (cards.Count > 1 ? "carousel" : "list");
        }
        if (step.Suggestions is { Count: > 0 } suggestions)
            reply.SuggestedActions = new SuggestedActions { Actions = [.. suggestions.Select(Suggestion)] };
        Outbox.Add(reply);
    }

    private Attachment Card(CardDefinition card) => new HeroCard
    {
        Title = Text(card.Title),
        Subtitle = card.Subtitle is null ? null : Text(card.Subtitle),
        Text = card.Text is null ? null : Text(card.Text),
        Images = card.Image is null ? null : [new CardImage { Url = card.Image, Alt = Text(card.Title) }],
        Buttons = card.Buttons is null ? null : [.. card.Buttons.Select(b =>
            b.Url is not null ? new CardAction(ActionTypes.OpenUrl, Text(b.Title), JsonValue.Create(Render(b.Url)))
            : b.Tel is not null ? new CardAction(ActionTypes.Call, Text(b.Title), JsonValue.Create("tel:" + b.Tel.Replace(" ", "")))
            : new CardAction(ActionTypes.PostBack, Text(b.Title), JsonValue.Create(b.Postback)))],
    }.ToAttachment();

    private CardAction Suggestion(SuggestionDefinition suggestion)
    {
        var label = Text(suggestion.Label);
        return suggestion.Value is null
            ? new CardAction(ActionTypes.ImBack, label, JsonValue.Create(label))
            : new CardAction(ActionTypes.PostBack, label, JsonValue.Create(suggestion.Value));
    }

    /// <summary>A plain message from the active bot (with its trace in channelData).</summary>
    private Activity Say(string? text, CardAction[]? suggestions, string? flow = null, string? step = null)
    {
        var reply = NewMessage(text, flow ?? Top?.Flow, step);
        if (suggestions is { Length: > 0 }) reply.SuggestedActions = new SuggestedActions { Actions = [.. suggestions] };
        Outbox.Add(reply);
        return reply;
    }

    private Activity NewMessage(string? text, string? flow, string? step)
    {
        var reply = MessageFactory.Text(text ?? "", TextFormatTypes.Markdown);
        if (text is null) reply.Text = null;
        reply.Locale = Language;
        reply.From = new ChannelAccount(ActiveBotId, ActiveBot.NameIn(Language), RoleTypes.Bot);
        reply.InputHint = "acceptingInput";
        new AuroraChannelData(ActiveBotId, flow, step, Language).ApplyTo(reply);
        return reply;
    }

    /// <summary>A text in the user's language, with placeholders filled.</summary>
    private string Text(LocalizedText? text)
    {
        if (text is null) return "";
        var resolved = text.Reference is { } key ? Content.FindText(ActiveBotId, key) : text;
        if (resolved is null) return "";
        var raw = resolved.ByLanguage.GetValueOrDefault(Language)
            ?? resolved.ByLanguage.GetValueOrDefault(ActiveBot.DefaultLanguage)
            ?? resolved.ByLanguage.Values.FirstOrDefault() ?? "";
        return Render(raw);
    }

    private string SharedText(string key, string? language = null)
    {
        var text = Content.Shared.Texts.Texts.GetValueOrDefault(key);
        if (text is null) return EngineTexts.Missing(key);
        var raw = text.ByLanguage.GetValueOrDefault(language ?? Language) ?? text.ByLanguage.GetValueOrDefault("en") ?? EngineTexts.Missing(key);
        return State.BotStack.Count > 0 ? Render(raw) : raw;
    }

    private string Render(string text) => Placeholders.Render(text, Placeholder);

    private string? Placeholder(string name, string? format)
    {
        if (_scope?.TryGetValue(name, out var scoped) == true) return scoped;
        switch (name)
        {
            case "bot.name": return ActiveBot.NameIn(Language);
            case "bot.organisation": return ActiveBot.OrganisationIn(Language);
            case "bot.intents": return IntentList();
            case "conv.language": return Language;
            case "conv.subject": return SubjectId();
            case "user.attributes": return AttributeList();
        }
        if (name.StartsWith("attr.", StringComparison.Ordinal))
        {
            var attribute = name[5..];
            if (!Bot.Attributes.TryGetValue(attribute, out var value)) return null;
            return format == Placeholders.NameFormat ? MunicipalityName(value.Value) : value.Value;
        }
        if (name.StartsWith("var.", StringComparison.Ordinal)) return Variable(name[4..]);
        return null;
    }

    private string MunicipalityName(string code) =>
        AuroraCodeLists.Default.MunicipalityNames.TryGetValue(code, out var names) ? names.In(Language) : code;

    /// <summary>The attribute's value as a person reads it (municipality name, "7/10").</summary>
    private string DisplayValue(string attribute, string value) =>
        attribute == AttributeSchema.MunicipalityCode ? MunicipalityName(value)
        : AttributeSchema.IsMeter(attribute) ? value + "/10"
        : value;

    private string AttributeLabel(string attribute) => SharedText(EngineTexts.AttributeLabelKey(attribute));

    /// <summary><c>{user.attributes}</c>: each attribute the active bot holds and where it came from.</summary>
    private string AttributeList()
    {
        if (Bot.Attributes.Count == 0) return SharedText(EngineTexts.NoAttributes);
        var builder = new StringBuilder();
        foreach (var name in AttributeSchema.All.Where(Bot.Attributes.ContainsKey))
        {
            var value = Bot.Attributes[name];
            builder.Append("- **").Append(AttributeLabel(name)).Append("**: ").Append(DisplayValue(name, value.Value))
                .Append(" — ").Append(Provenance(value)).Append('\n');
        }
        return builder.ToString().TrimEnd();
    }

    private string Provenance(AttributeValue value)
    {
        var key = value.Source switch
        {
            AttributeSources.Recognised => EngineTexts.SourceRecognised,
            AttributeSources.Handoff => EngineTexts.SourceHandoff,
            AttributeSources.SetByBot => EngineTexts.SourceSet,
            AttributeSources.Site => EngineTexts.SourceSite,
            AttributeSources.Test => EngineTexts.SourceTest,
            _ => EngineTexts.SourceAsked,
        };
        var previous = _scope;
        _scope = new Dictionary<string, string>
        {
            ["source.bot"] = value.FromBot is { } from && Content.Bots.TryGetValue(from, out var bot) ? bot.NameIn(Language) : value.FromBot ?? "",
            ["source.receipt"] = value.Receipt ?? "",
        };
        try { return SharedText(key); }
        finally { _scope = previous; }
    }

    /// <summary><c>{bot.intents}</c>: what the active bot can do, as a list of its intents' labels.</summary>
    private string IntentList() =>
        string.Join('\n', ActiveBot.Manifest.Intents.Values.Where(r => r.Label is not null).Select(r => "- " + Text(r.Label)));

    private string IntentLabel(string intent) =>
        _runtime.Route(ActiveBotId, intent) is var (route, _) && route.Label is not null ? Text(route.Label) : intent;

    /// <summary>"Did you mean A or B?" with both as buttons.</summary>
    private void AskClarification(IReadOnlyList<string> intents)
    {
        State.PendingClarification = [.. intents];
        // A label may be a question itself ("Mitä tiedät minusta?"): no "??" after it.
        var labels = intents.Select(i => IntentLabel(i).TrimEnd('?', ' ')).ToList();
        var or = SharedText(EngineTexts.Or);
        var question = SharedText(EngineTexts.Clarify) + " " + string.Join($" {or} ", labels.Select(l => $"**{l}**")) + "?";
        var buttons = intents.Select((intent, i) => new CardAction(ActionTypes.MessageBack, labels[i],
            new JsonObject { [CommandKey] = "intent", ["intent"] = intent }) { Text = labels[i], DisplayText = labels[i] }).ToArray();
        Say(question, buttons);
    }

    private string? MatchIntentLabel(string text, IEnumerable<string> intents)
    {
        foreach (var intent in intents)
        {
            if (_runtime.Route(ActiveBotId, intent) is not var (route, _) || route.Label is null) continue;
            var labels = route.Label.Reference is { } key ? Content.FindText(ActiveBotId, key)?.ByLanguage.Values : route.Label.ByLanguage.Values;
            if (labels?.Any(l => string.Equals(Render(l).Trim(), text, StringComparison.OrdinalIgnoreCase)) == true) return intent;
        }
        return null;
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
