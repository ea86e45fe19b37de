using AuroraBots.Dialogs.Content;

namespace AuroraBots.Dialogs.Validation;

/// <summary>What a validator can see: the whole content, the bot being checked (null for <c>_shared</c>) and its languages.</summary>
internal sealed record ValidationScope(DialogContent Content, BotContent? Bot, IReadOnlyList<string> Languages, IFlowActionCatalog? Actions)
{
    public static readonly IReadOnlyList<string> PlatformLanguages = ["fi", "sv", "en"];

    public bool FlowExists(string flowId) =>
        Bot is not null ? Content.FindFlow(Bot.Id, flowId) is not null : Content.Shared.Flows.ContainsKey(flowId);

    public bool TextExists(string key) => Content.FindText(Bot?.Id, key) is not null;
}

/// <summary>Which Semantic Kernel functions exist, so <c>action:</c> steps can be checked at load.</summary>
public interface IFlowActionCatalog
{
    /// <summary>Null when <c>plugin.function</c> exists, else why not.</summary>
    string? Check(string action);
}
