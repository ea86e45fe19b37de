using System.Text.Json.Nodes;
using AuroraBots.Builder;
using AuroraBots.Dialogs.Content;
using AuroraBots.Dialogs.Safety;
using AuroraBots.Dialogs.State;
using AuroraBots.Nlu;
using AuroraBots.Nlu.Routing;
using AuroraBots.Schema;
using Microsoft.Extensions.Logging;

namespace AuroraBots.Dialogs.Engine;

/// <summary>
/// One turn of one conversation: reads the incoming activity, moves the dialog stack forward and collects
/// the replies in <see cref="Outbox"/>. Split over several files by concern (prompts, messages, hand-off,
/// recommendations).
/// </summary>
internal sealed partial class Turn
{
    public const string JoinEvent = "webchat/join";
    /// <summary>Sent by the embeddable widget when the user picks another language in its header.</summary>
    public const string LocaleEvent = "webchat/locale";
    public const string CommandKey = "aurora";

    private readonly DialogRuntime _runtime;
    private readonly ITurnContext _context;
    private readonly EngineServices _services;
    private readonly CancellationToken _cancellation;
    private int _steps;

    public Turn(DialogRuntime runtime, ConversationState state, ITurnContext context, EngineServices services, CancellationToken cancellation)
    {
        _runtime = runtime;
        State = state;
        _context = context;
        _services = services;
        _cancellation = cancellation;
        Language = state.Language ?? "fi";
    }

    public ConversationState State { get; private set; }
    public List<Activity> Outbox { get; } = [];
    public string Language { get; private set; }

    private DialogContent Content => _runtime.Content;
    private Activity Incoming => _context.Activity;
    private string ActiveBotId => State.ActiveBot!;
    private BotContent ActiveBot => Content.Bots[ActiveBotId];
    private BotState Bot => State.For(ActiveBotId);
    private DialogFrame? Top => Bot.Stack.Count > 0 ? Bot.Stack[^1] : null;

    public async Task RunAsync()
    {
        if (!EnsureActiveBot()) return;
        State.Turns++;
        RepairStacks();
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
                await OnMessageAsync();
                break;
        }
    }

    /// <summary>The conversation's entry bot is the recipient of its first activity; after hand-offs the active bot is in state.</summary>
    private bool EnsureActiveBot()
    {
        // Content may have been reloaded without a bot the state refers to: fall back to the ones still there.
        State.BotStack.RemoveAll(b => !Content.Bots.ContainsKey(b));
        if (State.BotStack.Count == 0)
        {
            var entry = Incoming.Recipient?.Id;
            if (entry is null || !Content.Bots.ContainsKey(entry))
            {
                _services.Logger.LogWarning("Conversation for unknown bot '{Bot}'", entry);
                var reply = MessageFactory.Text(SharedText(EngineTexts.UnknownBot, LanguageOf(Incoming.Locale) ?? "en"));
                Outbox.Add(reply);
                return false;
            }
            State.BotStack.Add(entry);
        }
        var preferred = State.Language ?? LanguageOf(Incoming.Locale);
        Language = preferred is not null && ActiveBot.Languages.Contains(preferred) ? preferred : ActiveBot.DefaultLanguage;
        return true;
    }

    /// <summary>
    /// After a content reload a saved frame may point at a flow or step that changed: drop frames whose flow is
    /// gone and stop waiting on steps that are no longer prompts, so no conversation gets stuck.
    /// </summary>
    private void RepairStacks()
    {
        foreach (var (botId, bot) in State.Bots)
        {
            bot.Stack.RemoveAll(f => Content.FindFlow(botId, f.Flow) is null);
            foreach (var frame in bot.Stack.Where(f => f.Waiting))
            {
                var steps = Content.FindFlow(botId, frame.Flow)!.Steps;
                if (frame.Step >= steps.Count || steps[frame.Step].Kind != StepKinds.Ask) frame.Waiting = false;
            }
        }
        if (State.PendingHandoff is { } pending && !Content.Bots.ContainsKey(pending.Target)) State.PendingHandoff = null;
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
        if (LanguageOf(value?["locale"]?.GetValue<string>() ?? Incoming.Locale) is { } language && ActiveBot.Languages.Contains(language))
        {
            changed = State.Greeted && language != Language;
            SetLanguage(language, announce: false);
        }
        if (value?["auroraai_access_token"]?.GetValue<string>() is { Length: > 0 } token)
            changed |= await RedeemJoinTokenAsync(token);
        var siteMunicipality = TakeSiteMunicipality(value);
        if (!State.Greeted || (changed && !State.UserSpoke)) await GreetAsync();
        else if (siteMunicipality && !State.UserSpoke) await ContinueIfPromptIsAnsweredAsync();
    }

    /// <summary>
    /// The greeting (sent on conversationUpdate, before Web Chat's join arrived) may already wait for something the
    /// join just brought, such as the site's municipality: that prompt is answered, so the flow goes on — without
    /// repeating the welcome.
    /// </summary>
    private async Task ContinueIfPromptIsAnsweredAsync()
    {
        if (Top is not { Waiting: true } frame || Content.FindFlow(ActiveBotId, frame.Flow) is not { } flow) return;
        var step = flow.Steps[frame.Step];
        if (step.Save is not { } save || !save.StartsWith("attr.", StringComparison.Ordinal) || !Bot.Attributes.ContainsKey(save[5..])) return;
        frame.Waiting = false;
        frame.Retries = 0;
        Advance(frame, flow, step);
        await RunStepsAsync();
    }

    /// <summary>
    /// The embedding site (a widget tenant) presets its municipality in the join event. It is kept like any
    /// attribute, with its own provenance, unless the user already told us something else.
    /// </summary>
    private bool TakeSiteMunicipality(JsonObject? value)
    {
        const string name = "municipality_code";
        if (value?["municipality_code"] is not JsonValue node || !node.TryGetValue<string>(out var code)) return false;
        if (Bot.Attributes.ContainsKey(name)) return false;
        if (AttributeSchema.CheckValue(name, code) is { } problem)
        {
            _services.Logger.LogWarning("Ignoring the site's municipality code: {Problem}", problem);
            return false;
        }
        SetAttribute(name, code, AttributeSources.Site);
        return true;
    }

    /// <summary>The widget's language switcher (<c>webchat/locale</c>): the bot follows the UI language.</summary>
    private void OnLocaleChanged()
    {
        var value = Incoming.Value as JsonObject;
        var requested = value?["language"]?.GetValue<string>() ?? value?["locale"]?.GetValue<string>() ?? Incoming.Locale;
        if (LanguageOf(requested) is { } language && ActiveBot.Languages.Contains(language) && language != Language)
            SetLanguage(language, announce: State.Greeted);
    }

    private async Task GreetAsync()
    {
        State.Greeted = true;
        if (State.Language is null) State.Language = Language;
        Bot.Stack.Clear();
        Push(ActiveBot.Manifest.Entry!);
        await RunStepsAsync();
    }

    private async Task OnMessageAsync()
    {
        State.UserSpoke = true;
        if (!State.Greeted)
        {
            // A client that never sent join/conversationUpdate: its first message is handled as is.
            State.Greeted = true;
            State.Language ??= Language;
        }
        if (Incoming.Value is JsonObject command && command[CommandKey] is not null)
        {
            await OnCommandAsync(command);
            return;
        }
        var text = Incoming.Text?.Trim();
        if (string.IsNullOrEmpty(text)) return;
        // Safety first, in every bot and state: crisis contacts at once; the message is neither kept nor answered further.
        if (SafetyLayer.Answer(text, Content, ActiveBot, Language) is { } crisisReply)
        {
            Outbox.Add(crisisReply);
            return;
        }
        State.LastUserText = text;

        var nlu = _runtime.ModelFor(ActiveBotId).Analyse(text, State.Language);
        if (ShouldSwitchLanguage(text, nlu)) SetLanguage(nlu.Language, announce: false);

        if (State.PendingHandoff is not null && await OnConsentAnswerAsync(text, nlu)) return;
        if (State.PendingClarification is { } candidates)
        {
            State.PendingClarification = null;
            if (MatchIntentLabel(text, candidates) is { } chosen)
            {
                await StartIntentAsync(chosen);
                return;
            }
        }

        if (Top is { Waiting: true } waiting)
        {
            await OnPromptAnswerAsync(waiting, text, nlu);
            return;
        }

        Recognise(nlu);
        await RouteAsync(nlu);
    }

    /// <summary>
    /// Follows the user into another language when the detection is confident. One or two words ("ok",
    /// "Ingenting", a place name) say little about the language, so they need near certainty.
    /// </summary>
    private bool ShouldSwitchLanguage(string text, NluResult nlu)
    {
        if (nlu.Language == Language || !ActiveBot.Languages.Contains(nlu.Language)) return false;
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
        var needed = words >= 3 ? _services.Options.LanguageSwitchConfidence : Math.Max(0.95, _services.Options.LanguageSwitchConfidence);
        return nlu.LanguageConfidence >= needed;
    }

    /// <summary>
    /// No prompt waits: act on the intent, ask "did you mean A or B?" when two matters are genuinely close, or answer
    /// small talk / the not-understood with what the bot can do (<see cref="RoutingPolicy"/>).
    /// </summary>
    private async Task RouteAsync(NluResult nlu)
    {
        var known = nlu.Intents.Where(i => _runtime.Route(ActiveBotId, i.Intent) is not null).ToList();
        var decision = RoutingPolicy.Decide(known, ActiveBot.Manifest.Intents.Keys.ToHashSet(StringComparer.Ordinal), _services.Options.Routing);
        switch (decision.Kind)
        {
            case RouteKind.Act:
                await StartIntentAsync(decision.Intents[0]);
                return;
            case RouteKind.Clarify:
                AskClarification(decision.Intents);
                return;
            case RouteKind.OutOfScope when _runtime.Route(ActiveBotId, _services.Options.Routing.OutOfScopeIntent) is not null:
                await StartIntentAsync(_services.Options.Routing.OutOfScopeIntent);
                return;
        }
        if (Content.FindFlow(ActiveBotId, "fallback") is not null)
        {
            Push("fallback");
            await RunStepsAsync();
        }
    }

    private async Task StartIntentAsync(string intent)
    {
        if (_runtime.Route(ActiveBotId, intent) is not var (route, shared)) return;
        if (shared && route.Interrupts && Top is not null)
        {
            // Runs on top of what is going on; a waiting prompt is asked again afterwards.
            if (Top.Waiting) Top.Waiting = false;
            Push(route.Flow!, interruption: true);
        }
        else if (shared)
        {
            Push(route.Flow!);
        }
        else
        {
            // A new topic replaces whatever the bot was doing.
            Bot.Stack.Clear();
            Push(route.Flow!);
        }
        await RunStepsAsync();
    }

    /// <summary>Attributes the bot may pick up from any message (manifest <c>recognise</c>) and does not hold yet.</summary>
    private void Recognise(NluResult nlu)
    {
        var wanted = ActiveBot.Manifest.Recognise ?? [AttributeSchema.MunicipalityCode, AttributeSchema.Age];
        foreach (var entity in nlu.Entities)
        {
            var attribute = entity.Type switch
            {
                EntityTypes.Municipality => AttributeSchema.MunicipalityCode,
                EntityTypes.Age => AttributeSchema.Age,
                _ => null,
            };
            if (attribute is null || !wanted.Contains(attribute) || Bot.Attributes.ContainsKey(attribute)) continue;
            if (AttributeSchema.CheckValue(attribute, entity.Value) is null)
                SetAttribute(attribute, entity.Value, AttributeSources.Recognised);
        }
    }

    private void Push(string flow, bool interruption = false) =>
        Bot.Stack.Add(new DialogFrame { Flow = flow, Step = 0, Interruption = interruption });

    /// <summary>Ends the top flow; after an interruption the prompt below is asked again.</summary>
    private void Pop()
    {
        var popped = Bot.Stack[^1];
        Bot.Stack.RemoveAt(Bot.Stack.Count - 1);
        if (popped.Interruption && Top is { } below) below.Waiting = false;
    }

    private void SetLanguage(string language, bool announce)
    {
        Language = language;
        State.Language = language;
        if (announce) Say(SharedText(EngineTexts.LanguageSwitched, language), null);
    }

    internal void SetAttribute(string name, string value, string source, string? fromBot = null, string? receipt = null, string? botId = null) =>
        State.For(botId ?? ActiveBotId).Attributes[name] = new AttributeValue
        {
            Value = value, Source = source, FromBot = fromBot, Receipt = receipt, At = _services.Time.GetUtcNow(),
        };

    /// <summary>Resets the whole conversation ("forget me"): nothing of it stays in the store.</summary>
    private void ForgetEverything()
    {
        var entry = State.BotStack[0];
        var language = State.Language;
        State = new ConversationState { BotStack = [entry], Greeted = true, Language = language };
    }

    public static string? LanguageOf(string? locale)
    {
        if (string.IsNullOrEmpty(locale)) return null;
        var language = locale.Split('-', '_')[0].ToLowerInvariant();
        return language is "fi" or "sv" or "en" ? language : null;
    }
}
