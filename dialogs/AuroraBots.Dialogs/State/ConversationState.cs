using System.Text.Json.Serialization;

namespace AuroraBots.Dialogs.State;

/// <summary>
/// Everything the engine remembers about one conversation, saved after every turn: the language, the bot
/// stack (hand-offs), and per bot its dialog stack, variables and attributes with provenance.
/// </summary>
public sealed class ConversationState
{
    public string? Language { get; set; }
    public bool Greeted { get; set; }
    /// <summary>The user has sent a message (a later join may still redo the greeting until then).</summary>
    public bool UserSpoke { get; set; }
    /// <summary>The bots the user passed through; the last one is active. The first is the conversation's entry bot.</summary>
    public List<string> BotStack { get; set; } = [];
    public Dictionary<string, BotState> Bots { get; set; } = [];
    /// <summary>"Did you mean A or B?" waiting for an answer.</summary>
    public List<string>? PendingClarification { get; set; }
    /// <summary>A hand-off waiting for the user's consent.</summary>
    public PendingHandoff? PendingHandoff { get; set; }
    /// <summary>A live-chat question (consent, leaving a message) waiting for an answer.</summary>
    public LiveChat.PendingLiveChat? PendingLiveChat { get; set; }
    /// <summary>
    /// A live chat was queued in this conversation and has not been seen to end: only then does a message turn ask the
    /// live-chat store whether an agent has the conversation (a Redis round trip every other turn would not need).
    /// </summary>
    public bool LiveChatRequested { get; set; }
    /// <summary>The last text the user typed (for text search and placeholders).</summary>
    public string? LastUserText { get; set; }
    /// <summary>
    /// The message whose matter the active bot routed on ("muutan Tampereelta Ouluun"): a hand-off carries it to the
    /// receiving bot, which routes it through its own intents instead of asking again. It stays inside our own
    /// conversation state; it is not a consented attribute and never goes into the AuroraAI attribute transfer.
    /// </summary>
    public string? StatedMatter { get; set; }
    public int Turns { get; set; }
    /// <summary>Names the embedding site gives bots, per bot id and language (the widget tenant's theme).</summary>
    public Dictionary<string, Dictionary<string, string>> SiteBotNames { get; set; } = [];

    [JsonIgnore] public string? ActiveBot => BotStack.Count > 0 ? BotStack[^1] : null;

    public BotState For(string botId)
    {
        if (!Bots.TryGetValue(botId, out var state)) Bots[botId] = state = new BotState();
        return state;
    }
}

/// <summary>One bot's part of the conversation.</summary>
public sealed class BotState
{
    public List<DialogFrame> Stack { get; set; } = [];
    public Dictionary<string, string> Variables { get; set; } = [];
    public Dictionary<string, AttributeValue> Attributes { get; set; } = [];
    public RecommendationMemory? LastRecommendation { get; set; }
}

/// <summary>
/// A running flow: the step that runs next (by id, so a publish that inserts, removes or reorders steps does not
/// move the user), the flow's content version when it was saved, and whether it waits for the user.
/// </summary>
public sealed class DialogFrame
{
    public string Flow { get; set; } = "";
    /// <summary>The id of the next step; null when the flow has ended.</summary>
    public string? StepId { get; set; }
    /// <summary>The flow's content version (<see cref="Content.FlowContent.Version"/>) when the position was saved.</summary>
    public string? Version { get; set; }
    /// <summary>The step index of state saved before step ids; migrated to <see cref="StepId"/> on the next turn.</summary>
    [JsonPropertyName("step")]
    public int? LegacyStep { get; set; }
    /// <summary>The step at <see cref="StepId"/> is a prompt that was asked and waits for an answer.</summary>
    public bool Waiting { get; set; }
    public int Retries { get; set; }
    /// <summary>Pushed as an interruption: when it ends, the prompt below is asked again.</summary>
    public bool Interruption { get; set; }

    /// <summary>Points the frame at <paramref name="step"/> of <paramref name="flow"/> (null: the flow has ended).</summary>
    public void MoveTo(Content.FlowContent flow, Steps.Step? step)
    {
        StepId = step?.Id;
        Version = flow.Version;
    }
}

/// <summary>An attribute value and where it came from.</summary>
public sealed class AttributeValue
{
    public string Value { get; set; } = "";
    /// <summary>One of <see cref="AttributeSources"/>.</summary>
    public string Source { get; set; } = AttributeSources.Asked;
    /// <summary>For hand-offs: the bot that handed over.</summary>
    public string? FromBot { get; set; }
    /// <summary>For hand-offs: the consent receipt.</summary>
    public string? Receipt { get; set; }
    public DateTimeOffset At { get; set; }
}

public static class AttributeSources
{
    public const string Asked = "asked";
    public const string Recognised = "recognised";
    public const string Handoff = "handoff";
    /// <summary>Preset by the embedding municipality site (the widget tenant's municipality code).</summary>
    public const string Site = "site";
    public const string SetByBot = "set";
    public const string Test = "test";
}

/// <summary>A hand-off offered to the user, waiting for consent.</summary>
public sealed class PendingHandoff
{
    public string Target { get; set; } = "";
    public List<string> Offered { get; set; } = [];
    /// <summary>The subset being picked one by one ("choose"), when the user chose to select.</summary>
    public List<string>? Chosen { get; set; }
    public int PickIndex { get; set; }
    /// <summary>After "no": asking whether to continue without sharing or stay.</summary>
    public bool AskingStay { get; set; }
    public string? Purpose { get; set; }
}

/// <summary>What was recommended last, so detail buttons and "show more" work in later turns.</summary>
public sealed class RecommendationMemory
{
    public long RecommendationId { get; set; }
    public string Kind { get; set; } = "";
    public string? Query { get; set; }
    public Dictionary<string, List<int>>? Meters { get; set; }
    public string? MunicipalityCode { get; set; }
    public bool IncludeNational { get; set; } = true;
    public List<string>? TargetGroups { get; set; }
    public List<string>? ServiceClasses { get; set; }
    public int Shown { get; set; }
    public int Limit { get; set; }
    public List<RememberedService> Services { get; set; } = [];
}

public sealed class RememberedService
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public List<string> Addresses { get; set; } = [];
    public List<string> Hours { get; set; } = [];
    public List<string> Phones { get; set; } = [];
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ConversationState))]
[JsonSerializable(typeof(CommittedTurn))]
internal sealed partial class StateJsonContext : JsonSerializerContext;
