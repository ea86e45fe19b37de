using System.Text.Json;
using AuroraBots.Builder;
using AuroraBots.Dialogs.Engine;
using AuroraBots.Schema;

namespace AuroraBots.Editor.Preview;

/// <summary>
/// The channel's <see cref="IBot"/> once the editor is added: conversations with the Direct Line bot id
/// <c>draft.&lt;bot&gt;</c> (only the editor's preview endpoint issues tokens for them) run on a second engine over the
/// draft; everything else goes to the live engine untouched — one string prefix check on the live path.
/// </summary>
public sealed class PreviewBotRouter(IBot live, DraftDialogContent draft, DialogEngine draftEngine) : IBot
{
    public const string DraftPrefix = "draft.";

    public static bool IsDraftBotId(string? botId) => botId is not null && botId.StartsWith(DraftPrefix, StringComparison.Ordinal);

    public static string DraftBotId(string botId) => DraftPrefix + botId;

    public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        var recipient = turnContext.Activity.Recipient?.Id;
        return IsDraftBotId(recipient) ? OnDraftTurnAsync(turnContext, recipient!, cancellationToken) : live.OnTurnAsync(turnContext, cancellationToken);
    }

    private async Task OnDraftTurnAsync(ITurnContext turnContext, string draftId, CancellationToken cancellationToken)
    {
        await draft.EnsureCurrentAsync(cancellationToken);
        var botId = draftId[DraftPrefix.Length..];
        await draftEngine.OnTurnAsync(new DraftTurnContext(turnContext, AsPlainBot(turnContext.Activity, draftId, botId)), cancellationToken);
    }

    /// <summary>A copy of the activity addressed to the plain bot id, which is what the engine and the draft content know.</summary>
    private static Activity AsPlainBot(Activity activity, string draftId, string botId)
    {
        var copy = JsonSerializer.Deserialize(JsonSerializer.SerializeToUtf8Bytes(activity, SchemaJsonContext.Default.Activity), SchemaJsonContext.Default.Activity)!;
        copy.Recipient = new ChannelAccount(botId, copy.Recipient?.Name, RoleTypes.Bot);
        foreach (var member in (copy.MembersAdded ?? []).Concat(copy.MembersRemoved ?? []))
            if (member.Id == draftId) member.Id = botId;
        return copy;
    }

    /// <summary>The channel's turn context with the rewritten activity; replies go out through the channel unchanged.</summary>
    private sealed class DraftTurnContext(ITurnContext channel, Activity activity) : ITurnContext
    {
        public Activity Activity { get; } = activity;

        public Task<ResourceResponse> SendActivityAsync(Activity reply, CancellationToken cancellationToken = default) =>
            channel.SendActivityAsync(reply, cancellationToken);
    }
}
