using System.Globalization;
using System.Text.Json.Nodes;
using AuroraBots.Dialogs.Content;
using AuroraBots.Dialogs.LiveChat;
using AuroraBots.Schema;

namespace AuroraBots.Dialogs.Engine;

/// <summary>
/// The narrow hook of the live chat (human agents): <c>do: live_chat</c> starts <see cref="LiveChatDialog"/>; each
/// message turn (after the safety check) asks it whether the conversation is with an agent (then the message is the
/// agent's, not the flows') or answers one of its questions; typing turns reach the agent. Everything else is in LiveChat/.
/// </summary>
internal sealed class LiveChatHook(DialogTurn turn)
{
    private LiveChatDialog Dialog() => new(turn.Services.LiveChat, new TurnView(turn), turn.Services.Logger);

    public static bool IsCommand(JsonObject command) => command[Turn.CommandKey]?.GetValue<string>() == LiveChatChoices.Command;

    public Task StartAsync() => Dialog().StartAsync();

    /// <summary>True when the live chat took this message.</summary>
    public Task<bool> OnMessageAsync()
    {
        var choice = turn.Incoming.Value is JsonObject command && IsCommand(command)
            ? command["choice"]?.GetValue<string>() ?? LiveChatChoices.Cancel
            : null;
        if (choice is null && turn.State.PendingLiveChat is null && turn.Services.LiveChat is null) return Task.FromResult(false);
        return Dialog().OnMessageAsync(turn.Incoming.Text, choice);
    }

    public Task OnTypingAsync() => Dialog().OnTypingAsync();

    public Task ForgetAsync() => Dialog().ForgetAsync();

    private sealed class TurnView(DialogTurn turn) : ILiveChatTurn
    {
        public string ConversationId => turn.Incoming.Conversation?.Id ?? "";
        public string UserId => turn.Incoming.From?.Id ?? "";
        public string Subject => turn.SubjectId();
        public string BotId => turn.ActiveBotId;
        public string BotName => turn.Replies.BotName(turn.ActiveBotId);
        public string Language => turn.Language;
        public LiveChatDefinition? Definition => turn.ActiveBot.Manifest.LiveChat;
        public CancellationToken Cancellation => turn.Cancellation;

        public long IncomingSequence
        {
            get
            {
                // The channel's activity ids end with the log position ("{conversation}-0000012").
                var id = turn.Incoming.Id;
                var dash = id?.LastIndexOf('-') ?? -1;
                return dash >= 0 && long.TryParse(id![(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence) ? sequence : 0;
            }
        }

        public PendingLiveChat? Pending
        {
            get => turn.State.PendingLiveChat;
            set => turn.State.PendingLiveChat = value;
        }

        public bool LiveChatRequested
        {
            get => turn.State.LiveChatRequested;
            set => turn.State.LiveChatRequested = value;
        }

        public IReadOnlyList<SharedAttribute> HeldAttributes() =>
        [
            .. AttributeSchema.All.Where(turn.Bot.Attributes.ContainsKey)
                .Select(a => new SharedAttribute(a, turn.Replies.AttributeLabel(a), turn.Replies.DisplayValue(a, turn.Bot.Attributes[a].Value))),
        ];

        public string Text(string key, IReadOnlyDictionary<string, string>? values = null) => turn.Replies.SharedText(key, null, values);

        public string Pick(LocalizedText text) => turn.Replies.Text(text);

        public void Say(string text, IReadOnlyList<(string Label, string Choice)>? buttons = null)
        {
            var actions = buttons?.Select(b => new CardAction(ActionTypes.MessageBack, b.Label,
                new JsonObject { [Turn.CommandKey] = LiveChatChoices.Command, ["choice"] = b.Choice }) { Text = b.Label, DisplayText = b.Label }).ToArray();
            turn.Replies.Say(text, actions, "live_chat");
        }
    }
}
