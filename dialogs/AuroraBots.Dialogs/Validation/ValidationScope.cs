using AuroraBots.Dialogs.Content;
using AuroraBots.Platform;

namespace AuroraBots.Dialogs.Validation;

/// <summary>
/// What a validator can see: the whole content, the bot being checked (null for <c>_shared</c>), the languages its
/// texts need and the platform's languages (from configuration).
/// </summary>
internal sealed record ValidationScope(DialogContent Content, BotContent? Bot, IReadOnlyList<string> Languages, IFlowActionCatalog? Actions, Languages Platform)
{
    /// <summary>"fi, sv, en": for messages.</summary>
    public string PlatformList => string.Join(", ", Platform.Supported);

    public bool FlowExists(string flowId) =>
        Bot is not null ? Content.FindFlow(Bot.Id, flowId) is not null : Content.Shared.Flows.ContainsKey(flowId);

    public bool TextExists(string key) => Content.FindText(Bot?.Id, key) is not null;
}

/// <summary>Which Semantic Kernel functions exist, so <c>action:</c> steps can be checked at load.</summary>
public interface IFlowActionCatalog
{
    /// <summary>Null when <c>plugin.function</c> exists, else why not.</summary>
    ContentProblem? Check(string action);
}
