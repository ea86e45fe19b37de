using AuroraBots.Dialogs.Engine;
using AuroraBots.Dialogs.Content;

namespace AuroraBots.Dialogs.Steps;

/// <summary>The one list of step kinds. Everything else (schema, validator, engine, docs table) derives from it.</summary>
public static class StepKinds
{
    public const string Say = "say", Ask = "ask", Set = "set", Branch = "branch", Goto = "goto", Call = "call",
        Do = "do", End = "end", Action = "action", Recommend = "recommend", Handoff = "handoff";

    public static readonly IReadOnlyList<StepKind> All =
    [
        new(Say, ["cards", "layout", "suggestions"], d => d.Say is not null || d.Cards is not null, (d, p) => new SayStep(d, p),
            "Sends a message: text, cards and suggested actions."),
        new(Ask, ["text", "save", "skip_if_known", "invalid", "max_retries", "fallback", "min", "max", "choices", "yes", "no", "low", "high", "suggestions"],
            d => d.Ask is not null, (d, p) => new AskStep(d, p),
            "Asks the user and waits for the answer (a prompt type from ask_types)."),
        new(Set, [], d => d.Set is not null, (d, p) => new SetStep(d, p), "Writes attr.*, var.* or conv.language."),
        new(Branch, ["else"], d => d.Branch is not null, (d, p) => new BranchStep(d, p), "Jumps to the first case whose condition holds."),
        new(Goto, [], d => d.Goto is not null, (d, p) => new GotoStep(d, p), "Jumps to a step of the same flow."),
        new(Call, [], d => d.Call is not null, (d, p) => new CallStep(d, p), "Runs another flow, then continues here."),
        new(Do, [], d => d.Do is not null, (d, p) => new DoStep(d, p), "A conversation command: cancel, restart, forget_me, hand_back, live_chat (a person of the organisation)."),
        new(End, [], d => d.End is not null, (d, p) => new EndStep(d, p), "Ends the flow or the whole conversation."),
        new(Action, ["args", "save", "fallback"], d => d.Action is not null, (d, p) => new ActionStep(d, p),
            "Calls a Semantic Kernel function (plugin.function)."),
        new(Recommend, ["say", "meters", "query", "limit", "filters", "save", "fallback"], d => d.Recommend is not null,
            (d, p) => new RecommendStep(d, p), "Shows services recommended by the AuroraAI network."),
        new(Handoff, ["say", "share", "purpose", "fallback"], d => d.Handoff is not null, (d, p) => new HandoffStep(d, p),
            "Hands the user to another bot, with consent for the attributes it receives."),
    ];

    private static readonly Dictionary<string, StepKind> ByKey = All.ToDictionary(k => k.Key, StringComparer.Ordinal);

    public static StepKind? Find(string key) => ByKey.GetValueOrDefault(key);

    /// <summary>
    /// The kinds whose key is present. <c>say</c> doubles as the intro text of other kinds, so it counts as a kind
    /// only when no other kind key is there.
    /// </summary>
    public static IReadOnlyList<StepKind> Present(StepDefinition definition)
    {
        var kinds = All.Where(k => k.Key != Say && k.IsPresent(definition)).ToList();
        if (kinds.Count == 0 && ByKey[Say].IsPresent(definition)) kinds.Add(ByKey[Say]);
        return kinds;
    }
}
