using System.Text.Json.Nodes;
using AuroraBots.Builder;
using AuroraBots.Dialogs.State;
using AuroraBots.Dialogs.Steps;
using AuroraBots.Nlu;
using AuroraBots.Dialogs.Content;
using AuroraBots.Dialogs.Safety;
using AuroraBots.Schema;
using Microsoft.Extensions.Logging;

namespace AuroraBots.Dialogs.Engine;

/// <summary>
/// The entry of one turn: finds the active bot, brings saved positions up to date with the content, and hands
/// the activity (join, language switch, conversationUpdate, message, button command) to the part that handles it.
/// </summary>
internal sealed class Turn
{
    public const string JoinEvent = "webchat/join";
    /// <summary>Sent by the embeddable widget when the user picks another language in its header.</summary>
    public const string LocaleEvent = "webchat/locale";
    public const string CommandKey = "aurora";

    private readonly DialogTurn _turn;

    public Turn(DialogRuntime runtime, ConversationState state, ITurnContext context, EngineServices services, CancellationToken cancellation) =>
        _turn = new DialogTurn(runtime, state, context, services, cancellation);

    public ConversationState State => _turn.State;
    public List<Activity> Outbox => _turn.Outbox;
    public string Language => _turn.Language;

    private Activity Incoming => _turn.Incoming;

    public async Task RunAsync()
    {
        if (!EnsureActiveBot()) return;
        State.Turns++;
        var restarted = new StackRepair(_turn).Repair() && State.Greeted;
        if (restarted) await RestartChangedFlowAsync();
        switch (Incoming.Type)
        {
            case ActivityTypes.Event when Incoming.Name == JoinEvent:
                await OnJoinAsync();
                break;
            case ActivityTypes.Event when Incoming.Name == LocaleEvent:
                OnLocaleChanged();
                break;
            case ActivityTypes.ConversationUpdate:
                if (Incoming.MembersAdded?.Any(m => m.Id != Incoming.Recipient?.Id) == true && !State.Greeted) await GreetAsync();
                break;
            case ActivityTypes.Message:
                await OnMessageAsync(answerContent: !restarted);
                break;
            case ActivityTypes.Typing:
                await new LiveChatHook(_turn).OnTypingAsync();
                break;
        }
        await _turn.Handoffs.DropRevokedAsync();
    }

    /// <summary>The conversation's entry bot is the recipient of its first activity; after hand-offs the active bot is in state.</summary>
    private bool EnsureActiveBot()
    {
        // Content may have been reloaded without a bot the state refers to: fall back to the ones still there.
        State.BotStack.RemoveAll(b => !_turn.Content.Bots.ContainsKey(b));
        if (State.BotStack.Count == 0)
        {
            var entry = Incoming.Recipient?.Id;
            if (entry is null || !_turn.Content.Bots.ContainsKey(entry))
            {
                _turn.Services.Logger.LogWarning("Conversation for unknown bot '{Bot}'", entry);
                Outbox.Add(MessageFactory.Text(_turn.Replies.SharedText(EngineTexts.UnknownBot, LanguageOf(Incoming.Locale) ?? _turn.Services.Languages.Fallback)));
                return false;
            }
            State.BotStack.Add(entry);
        }
        var preferred = State.Language ?? LanguageOf(Incoming.Locale);
        _turn.Language = preferred is not null && _turn.ActiveBot.Languages.Contains(preferred) ? preferred : _turn.ActiveBot.DefaultLanguage;
        return true;
    }

    /// <summary>
    /// A publish removed the step the user was at: say so and start the flow again. A message that arrives now is
    /// not taken as an answer to a question that no longer exists (only the safety check sees it).
    /// </summary>
    private async Task RestartChangedFlowAsync()
    {
        _turn.Replies.Say(_turn.Replies.SharedText(EngineTexts.FlowChanged));
        await _turn.Flows.RunAsync();
    }

    /// <summary>
    /// Web Chat's <c>webchat/join</c>: the page's language and, after a cross-platform hand-off, an
    /// <c>auroraai_access_token</c>. The channel's conversationUpdate may have greeted already; if the join
    /// changes the language or brings attributes before the user said anything, the greeting is redone so the
    /// entry flow speaks the right language and does not ask for what was received.
    /// </summary>
    private async Task OnJoinAsync()
    {
        var value = Incoming.Value as JsonObject;
        var changed = false;
        if (LanguageOf(value?["locale"]?.GetValue<string>() ?? Incoming.Locale) is { } language && _turn.ActiveBot.Languages.Contains(language))
        {
            changed = State.Greeted && language != _turn.Language;
            _turn.SetLanguage(language, announce: false);
        }
        if (value?["auroraai_access_token"]?.GetValue<string>() is { Length: > 0 } token)
            changed |= await _turn.Handoffs.RedeemJoinTokenAsync(token);
        TakeSiteBotNames(value);
        // The greeting (on conversationUpdate, before the join) may already show the municipality question: the user
        // sees it asked, so the user answers it — the site must not answer it for them ("Kiitos!" out of nowhere).
        if (!IsAskingFor(AttributeSchema.MunicipalityCode)) TakeSiteMunicipality(value);
        if (!State.Greeted || (changed && !State.UserSpoke)) await GreetAsync();
    }

    private bool IsAskingFor(string attribute) =>
        _turn.Top is { Waiting: true } && _turn.Flows.Current() is { Step: AskStep ask } && ask.SavesAttribute == attribute;

    /// <summary>
    /// The names the embedding site gives the bots (<c>bot_names: { bot: { fi, sv, en } }</c>, e.g. "Tampereen
    /// neuvontabotti"): <c>{bot.name}</c> and the sender name then match the widget's header.
    /// </summary>
    private void TakeSiteBotNames(JsonObject? value)
    {
        if (value?["bot_names"] is not JsonObject names) return;
        foreach (var (botId, node) in names)
        {
            if (!_turn.Content.Bots.ContainsKey(botId) || node is not JsonObject byLanguage) continue;
            var texts = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (language, name) in byLanguage)
                if (name is JsonValue text && text.TryGetValue<string>(out var s) && s.Length is > 0 and <= 80) texts[language] = s;
            if (texts.Count > 0) State.SiteBotNames[botId] = texts;
        }
    }

    /// <summary>
    /// The embedding site (a widget tenant) presets its municipality in the join event. It is kept like any
    /// attribute, with its own provenance, unless the user already told us something else.
    /// </summary>
    private bool TakeSiteMunicipality(JsonObject? value)
    {
        const string name = AttributeSchema.MunicipalityCode;
        if (value?[name] is not JsonValue node || !node.TryGetValue<string>(out var code)) return false;
        if (_turn.Bot.Attributes.ContainsKey(name)) return false;
        if (AttributeSchema.CheckValue(name, code) is { } problem)
        {
            _turn.Services.Logger.LogWarning("Ignoring the site's municipality code: {Problem}", LogText.Of(problem, 200));
            return false;
        }
        _turn.SetAttribute(name, code, AttributeSources.Site);
        return true;
    }

    /// <summary>The widget's language switcher (<c>webchat/locale</c>): the bot follows the UI language.</summary>
    private void OnLocaleChanged()
    {
        var value = Incoming.Value as JsonObject;
        var requested = value?["language"]?.GetValue<string>() ?? value?["locale"]?.GetValue<string>() ?? Incoming.Locale;
        if (LanguageOf(requested) is { } language && _turn.ActiveBot.Languages.Contains(language) && language != _turn.Language)
            _turn.SetLanguage(language, announce: State.Greeted);
    }

    private async Task GreetAsync()
    {
        State.Greeted = true;
        State.Language ??= _turn.Language;
        _turn.Bot.Stack.Clear();
        _turn.Push(_turn.ActiveBot.Manifest.Entry ?? "");
        await _turn.Flows.RunAsync();
    }

    private async Task OnMessageAsync(bool answerContent)
    {
        State.UserSpoke = true;
        if (!State.Greeted)
        {
            // A client that never sent join/conversationUpdate: its first message is handled as is.
            State.Greeted = true;
            State.Language ??= _turn.Language;
        }
        if (Incoming.Value is JsonObject command && command[CommandKey] is not null && !LiveChatHook.IsCommand(command))
        {
            await new Commands(_turn).OnCommandAsync(command);
            return;
        }
        var text = Incoming.Text?.Trim();
        if (string.IsNullOrEmpty(text)) return;
        // Safety first, in every bot and state: crisis contacts at once; the message is neither kept nor answered further.
        if (SafetyLayer.Answer(text, _turn.Content, _turn.ActiveBot, _turn.Language) is { } crisisReply)
        {
            Outbox.Add(crisisReply);
            return;
        }
        // With an agent (or answering a live-chat question): the message is the live chat's, not the flows'.
        if (await new LiveChatHook(_turn).OnMessageAsync()) return;
        if (!answerContent) return;
        State.LastUserText = text;

        var nlu = _turn.Runtime.ModelFor(_turn.ActiveBotId).Analyse(text, State.Language);
        if (ShouldSwitchLanguage(text, nlu)) _turn.SetLanguage(nlu.Language, announce: false);

        // From here on the message is about the conversation's content: a pending consent, a clarification,
        // a waiting prompt or a new intent. Checks that must see every message first go above this line.
        var facts = TakeFacts(text, nlu);
        if (State.PendingHandoff is { } offer && !offer.AskingStay && facts.Any(offer.Offered.Contains))
        {
            // "ei, asun Espoossa" / "Espoo" during the consent: the offer is rebuilt with the corrected value.
            _turn.Consent.Ask();
            return;
        }
        if (State.PendingHandoff is not null && await _turn.Consent.OnAnswerAsync(text, nlu)) return;
        if (State.PendingClarification is { } candidates)
        {
            State.PendingClarification = null;
            if (_turn.Intents.MatchLabel(text, candidates) is { } chosen)
            {
                await _turn.Intents.StartAsync(chosen);
                return;
            }
        }

        if (_turn.Top is { Waiting: true } && _turn.Flows.Current() is { Step: AskStep ask } run)
        {
            await ask.ContinueAsync(run, text, nlu);
            return;
        }

        State.StatedMatter = text;
        await _turn.Intents.RouteAsync(nlu, facts.Count == 0 ? FactsKind.None : MessageFacts.IsOnlyFacts(text, nlu) ? FactsKind.Only : FactsKind.Some);
    }

    /// <summary>
    /// Follows the user into another language when the detection is confident. One or two words ("ok",
    /// "Ingenting", a place name) say little about the language, so they need near certainty.
    /// </summary>
    private bool ShouldSwitchLanguage(string text, NluResult nlu)
    {
        if (nlu.Language == _turn.Language || !_turn.ActiveBot.Languages.Contains(nlu.Language)) return false;
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
        var confidence = _turn.Services.Options.LanguageSwitchConfidence;
        return nlu.LanguageConfidence >= (words >= 3 ? confidence : Math.Max(0.95, confidence));
    }

    /// <summary>
    /// Mixed initiative: keeps the facts of every message (manifest <c>recognise</c>), whatever was asked, and lets the
    /// user correct what the bot assumed (<see cref="MessageFacts"/>). Returns the attributes that changed.
    /// </summary>
    private IReadOnlyList<string> TakeFacts(string text, NluResult nlu)
    {
        var wanted = _turn.ActiveBot.Manifest.Recognise ?? [AttributeSchema.MunicipalityCode, AttributeSchema.Age];
        var facts = MessageFacts.From(text, nlu, _turn.Bot.Attributes, wanted);
        foreach (var fact in facts) _turn.SetAttribute(fact.Attribute, fact.Value, AttributeSources.Recognised);
        return [.. facts.Select(f => f.Attribute)];
    }

    private string? LanguageOf(string? locale) => _turn.Services.Languages.Find(locale);
}
