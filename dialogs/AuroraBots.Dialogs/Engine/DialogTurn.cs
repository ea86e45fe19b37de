using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AuroraBots.Builder;
using AuroraBots.Dialogs.Content;
using AuroraBots.Dialogs.State;
using AuroraBots.Schema;
using Microsoft.Extensions.Logging;

namespace AuroraBots.Dialogs.Engine;

/// <summary>
/// What one turn works on: the conversation state, the replies collected so far and the user's language, with
/// the few operations that change them (stack, attributes, variables). The parts of the engine (runner,
/// replies, intents, recommendations, consent, hand-offs) each get this object; none keeps state of its own
/// beyond the turn.
/// </summary>
internal sealed class DialogTurn
{
    public DialogTurn(DialogRuntime runtime, ConversationState state, ITurnContext context, EngineServices services, CancellationToken cancellation)
    {
        Runtime = runtime;
        State = state;
        Context = context;
        Services = services;
        Cancellation = cancellation;
        Language = state.Language ?? services.Languages.Fallback;
        Replies = new Replies(this);
        Flows = new FlowRunner(this);
        Intents = new IntentRouter(this);
        Recommendations = new Recommendations(this);
        Consent = new ConsentPrompt(this);
        Handoffs = new Handoffs(this);
    }

    public DialogRuntime Runtime { get; }
    public ITurnContext Context { get; }
    public EngineServices Services { get; }
    public CancellationToken Cancellation { get; }
    public ConversationState State { get; private set; }
    public List<Activity> Outbox { get; } = [];
    public string Language { get; set; }

    public Replies Replies { get; }
    public FlowRunner Flows { get; }
    public IntentRouter Intents { get; }
    public Recommendations Recommendations { get; }
    public ConsentPrompt Consent { get; }
    public Handoffs Handoffs { get; }

    public DialogContent Content => Runtime.Content;
    public Activity Incoming => Context.Activity;
    /// <summary>Valid once the turn found its bot (<see cref="Turn"/> answers without one otherwise).</summary>
    public string ActiveBotId => State.BotStack[^1];
    public BotContent ActiveBot => Content.Bots[ActiveBotId];
    public BotState Bot => State.For(ActiveBotId);
    public DialogFrame? Top => Bot.Stack.Count > 0 ? Bot.Stack[^1] : null;

    public void Push(string flowId, bool interruption = false)
    {
        var frame = new DialogFrame { Flow = flowId, Interruption = interruption };
        if (Content.FindFlow(ActiveBotId, flowId) is { } flow) frame.MoveTo(flow, flow.First);
        Bot.Stack.Add(frame);
    }

    /// <summary>Ends the top flow; after an interruption the prompt below is asked again.</summary>
    public void Pop()
    {
        var popped = Bot.Stack[^1];
        Bot.Stack.RemoveAt(Bot.Stack.Count - 1);
        if (popped.Interruption && Top is { } below) below.Waiting = false;
    }

    /// <summary><c>end: conversation</c>: all flows end; a bot that was handed to hands the user back.</summary>
    public void EndConversation()
    {
        Bot.Stack.Clear();
        if (State.BotStack.Count > 1) Handoffs.HandBack();
    }

    public void SetLanguage(string language, bool announce)
    {
        Language = language;
        State.Language = language;
        if (announce) Replies.Say(Replies.SharedText(EngineTexts.LanguageSwitched, language));
    }

    public void SetAttribute(string name, string value, string source, string? fromBot = null, string? receipt = null, string? botId = null) =>
        State.For(botId ?? ActiveBotId).Attributes[name] = new AttributeValue
        {
            Value = value, Source = source, FromBot = fromBot, Receipt = receipt, At = Services.Time.GetUtcNow(),
        };

    /// <summary>Writes <c>attr.*</c>, <c>var.*</c> or <c>conv.language</c>; null removes. False when the value is out of range.</summary>
    public bool Assign(string target, string? value, string source)
    {
        if (target == "conv.language")
        {
            var language = Services.Languages.Find(value);
            if (language is null || !ActiveBot.Languages.Contains(language)) return false;
            SetLanguage(language, announce: false);
            return true;
        }
        if (target.StartsWith("attr.", StringComparison.Ordinal))
        {
            var name = target[5..];
            if (value is null) { Bot.Attributes.Remove(name); return true; }
            if (AttributeSchema.CheckValue(name, value) is { } problem)
            {
                Services.Logger.LogWarning("Bot {Bot}: not storing attribute {Attribute}: {Problem}", ActiveBotId, LogText.Of(name), LogText.Of(problem, 200));
                return false;
            }
            SetAttribute(name, value, source);
            return true;
        }
        var variable = target[4..];
        if (value is null) Bot.Variables.Remove(variable);
        else Bot.Variables[variable] = value;
        return true;
    }

    /// <summary>Values for conditions: <c>attr.*</c>, <c>var.*</c>, <c>conv.language</c>.</summary>
    public string? Resolve(string name)
    {
        if (name == "conv.language") return Language;
        if (name.StartsWith("attr.", StringComparison.Ordinal))
            return Bot.Attributes.TryGetValue(name[5..], out var attribute) ? attribute.Value : null;
        if (name.StartsWith("var.", StringComparison.Ordinal)) return Variable(name[4..]);
        return null;
    }

    /// <summary>A variable, or a field of a JSON variable (<c>var.result.name</c>).</summary>
    public string? Variable(string path)
    {
        if (Bot.Variables.TryGetValue(path, out var direct)) return direct;
        var parts = path.Split('.');
        for (var cut = parts.Length - 1; cut > 0; cut--)
        {
            if (!Bot.Variables.TryGetValue(string.Join('.', parts[..cut]), out var json)) continue;
            try
            {
                var node = JsonDocument.Parse(json).RootElement;
                foreach (var part in parts[cut..])
                {
                    if (node.ValueKind != JsonValueKind.Object || !TryGetPropertyIgnoreCase(node, part, out node)) return null;
                }
                return node.ValueKind == JsonValueKind.String ? node.GetString() : node.GetRawText();
            }
            catch (JsonException) { return null; }
        }
        return null;
    }

    /// <summary>Resets the whole conversation ("forget me"): nothing of it stays in the store.</summary>
    public void ForgetEverything()
    {
        var entry = State.BotStack[0];
        var language = State.Language;
        State = new ConversationState { BotStack = [entry], Greeted = true, Language = language };
    }

    /// <summary>A pseudonymous id of the user (never the raw conversation or user id).</summary>
    public string SubjectId()
    {
        var raw = $"{Incoming.Conversation?.Id}|{Incoming.From?.Id}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(raw)))[..32];
    }

    private static bool TryGetPropertyIgnoreCase(JsonElement element, string name, out JsonElement value)
    {
        foreach (var property in element.EnumerateObject())
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase)) { value = property.Value; return true; }
        value = default;
        return false;
    }
}
