using System.Text.Json.Nodes;
using AuroraBots.AuroraAI.CodeLists;
using AuroraBots.Builder;
using AuroraBots.Dialogs.Content;
using AuroraBots.Dialogs.State;
using AuroraBots.Nlu.Entities;
using AuroraBots.Schema;

namespace AuroraBots.Dialogs.Engine;

/// <summary>
/// Builds the active bot's messages: texts in the user's language with placeholders filled, hero cards,
/// suggested actions and the trace in channelData. Extra placeholder values (hand-off offer, provenance) are
/// passed per call as a <c>scope</c>, never kept between calls.
/// </summary>
internal sealed class Replies(DialogTurn turn)
{
    /// <summary>A plain message from the active bot (with its trace in channelData), added to the outbox.</summary>
    public Activity Say(string? text, CardAction[]? suggestions = null, string? flow = null, string? step = null)
    {
        var reply = NewMessage(text, flow ?? turn.Top?.Flow, step);
        if (suggestions is { Length: > 0 }) reply.SuggestedActions = new SuggestedActions { Actions = [.. suggestions] };
        turn.Outbox.Add(reply);
        return reply;
    }

    public Activity NewMessage(string? text, string? flow, string? step)
    {
        var reply = MessageFactory.Text(text ?? "", TextFormatTypes.Markdown);
        if (text is null) reply.Text = null;
        reply.Locale = turn.Language;
        reply.From = new ChannelAccount(turn.ActiveBotId, BotName(turn.ActiveBotId), RoleTypes.Bot);
        reply.InputHint = "acceptingInput";
        new AuroraChannelData(turn.ActiveBotId, flow, step, turn.Language) { UntypedAttributes = _renderedUntypedAttribute ? true : null }.ApplyTo(reply);
        _renderedUntypedAttribute = false;
        return reply;
    }

    public Attachment Card(CardDefinition card) => new HeroCard
    {
        Title = Text(card.Title),
        Subtitle = card.Subtitle is null ? null : Text(card.Subtitle),
        Text = card.Text is null ? null : Text(card.Text),
        Images = card.Image is null ? null : [new CardImage { Url = card.Image, Alt = Text(card.Title) }],
        Buttons = card.Buttons is null ? null : [.. card.Buttons.Select(Button)],
    }.ToAttachment();

    private CardAction Button(ButtonDefinition button) =>
        button.Url is { } url ? new CardAction(ActionTypes.OpenUrl, Text(button.Title), JsonValue.Create(Render(url)))
        : button.Tel is { } tel ? new CardAction(ActionTypes.Call, Text(button.Title), JsonValue.Create("tel:" + tel.Replace(" ", "")))
        : new CardAction(ActionTypes.PostBack, Text(button.Title), JsonValue.Create(button.Postback));

    public CardAction Suggestion(SuggestionDefinition suggestion)
    {
        var label = Text(suggestion.Label);
        return suggestion.Value is null
            ? new CardAction(ActionTypes.ImBack, label, JsonValue.Create(label))
            : new CardAction(ActionTypes.PostBack, label, JsonValue.Create(suggestion.Value));
    }

    /// <summary>A button that posts a command object back (details, feedback, "show more", consent).</summary>
    public CardAction Command(string key, JsonObject value, bool postBack = false)
    {
        var label = SharedText(key);
        return postBack
            ? new CardAction(ActionTypes.PostBack, label, value)
            : new CardAction(ActionTypes.MessageBack, label, value) { Text = label, DisplayText = label };
    }

    /// <summary>A text in the user's language, with placeholders filled.</summary>
    public string Text(LocalizedText? text, IReadOnlyDictionary<string, string>? scope = null)
    {
        if (text is null) return "";
        var resolved = text.Reference is { } key ? turn.Content.FindText(turn.ActiveBotId, key) : text;
        if (resolved is null) return "";
        var raw = resolved.ByLanguage.GetValueOrDefault(turn.Language)
            ?? resolved.ByLanguage.GetValueOrDefault(turn.ActiveBot.DefaultLanguage)
            ?? resolved.ByLanguage.Values.FirstOrDefault() ?? "";
        return Render(raw, scope);
    }

    /// <summary>One of the engine's own texts (<see cref="EngineTexts"/>) from the shared texts.</summary>
    public string SharedText(string key, string? language = null, IReadOnlyDictionary<string, string>? scope = null)
    {
        var text = turn.Content.Shared.Texts.Texts.GetValueOrDefault(key);
        if (text is null) return EngineTexts.Missing(key);
        var raw = text.ByLanguage.GetValueOrDefault(language ?? turn.Language) ?? text.ByLanguage.GetValueOrDefault(turn.Services.Languages.Fallback) ?? EngineTexts.Missing(key);
        return turn.State.BotStack.Count > 0 ? Render(raw, scope) : raw;
    }

    public string Render(string text, IReadOnlyDictionary<string, string>? scope = null) =>
        Placeholders.Render(text, (name, format) => scope is not null && scope.TryGetValue(name, out var scoped) ? scoped : Placeholder(name, format));

    private string? Placeholder(string name, string? format)
    {
        switch (name)
        {
            case "bot.name": return BotName(turn.ActiveBotId);
            case "bot.organisation": return turn.ActiveBot.OrganisationIn(turn.Language);
            case "bot.intents": return turn.Intents.IntentList();
            case "conv.language": return turn.Language;
            case "language.name": return turn.Services.Languages.NameOf(turn.Language);
            case "conv.subject": return turn.SubjectId();
            case "user.attributes":
                _renderedUntypedAttribute |= turn.Bot.Attributes.Values.Any(IsUntyped);
                return new AttributeTexts(turn).List();
        }
        if (name.StartsWith("attr.", StringComparison.Ordinal))
        {
            if (!turn.Bot.Attributes.TryGetValue(name[5..], out var value)) return null;
            _renderedUntypedAttribute |= IsUntyped(value);
            return format is { } f && Placeholders.IsNameFormat(f) ? MunicipalityName(value.Value, f) : value.Value;
        }
        return name.StartsWith("var.", StringComparison.Ordinal) ? turn.Variable(name[4..]) : null;
    }

    public string MunicipalityName(string code, string format = Placeholders.NameFormat) =>
        AuroraCodeLists.Default.MunicipalityNames.TryGetValue(code, out var names)
            ? (turn.Language == "fi" && Placeholders.CaseFormats.TryGetValue(format, out var form) ? FinnishPlaceCases.Inflect(names.In("fi"), form) : names.In(turn.Language))
            : code;

    /// <summary>The bot's name as the embedding site calls it (<see cref="ConversationState.SiteBotNames"/>), else its own.</summary>
    public string BotName(string botId) =>
        turn.State.SiteBotNames.TryGetValue(botId, out var names) && names.TryGetValue(turn.Language, out var name)
            ? name : turn.Content.Bots[botId].NameIn(turn.Language);

    /// <summary>
    /// Set while a message's text repeats an attribute value the user did not type (the site's municipality, a
    /// hand-off's values); the message is then marked, and the widget's transcript download leaves it out.
    /// </summary>
    private bool _renderedUntypedAttribute;

    /// <summary>Marks the next message as repeating <paramref name="value"/> when the user did not type it.</summary>
    public void NoteRendered(AttributeValue value) => _renderedUntypedAttribute |= IsUntyped(value);

    private static bool IsUntyped(AttributeValue value) => value.Source is not (AttributeSources.Asked or AttributeSources.Recognised);

    /// <summary>The attribute's value as a person reads it (municipality name, "7/10").</summary>
    public string DisplayValue(string attribute, string value) =>
        attribute == AttributeSchema.MunicipalityCode ? MunicipalityName(value)
        : AttributeSchema.IsMeter(attribute) ? value + "/10"
        : value;

    public string AttributeLabel(string attribute) => SharedText(EngineTexts.AttributeLabelKey(attribute));
}
