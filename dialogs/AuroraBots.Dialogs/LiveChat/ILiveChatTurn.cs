using AuroraBots.Dialogs.Content;

namespace AuroraBots.Dialogs.LiveChat;

/// <summary>What <see cref="LiveChatDialog"/> needs from the engine's turn (a narrow view, so the dialog does not depend on the engine's internals).</summary>
internal interface ILiveChatTurn
{
    string ConversationId { get; }
    string UserId { get; }
    /// <summary>Pseudonymous id of the user (the consent ledger's subject).</summary>
    string Subject { get; }
    string BotId { get; }
    /// <summary>The bot's name as the citizen sees it (the embedding site's name, else its own).</summary>
    string BotName { get; }
    string Language { get; }
    LiveChatDefinition? Definition { get; }
    /// <summary>Position of the incoming activity in the conversation log (0 when unknown).</summary>
    long IncomingSequence { get; }
    CancellationToken Cancellation { get; }

    /// <summary>The live-chat question waiting for the citizen's answer (saved with the conversation).</summary>
    PendingLiveChat? Pending { get; set; }

    /// <summary>A live chat was queued and not yet seen to end (saved with the conversation).</summary>
    bool LiveChatRequested { get; set; }

    /// <summary>The attributes the active bot holds, labelled and displayed in the user's language.</summary>
    IReadOnlyList<SharedAttribute> HeldAttributes();

    /// <summary>A shared text in the user's language with the given <c>{livechat.*}</c> values filled in.</summary>
    string Text(string key, IReadOnlyDictionary<string, string>? values = null);

    string Pick(LocalizedText text);

    /// <summary>Sends a message from the bot with buttons (label, command choice).</summary>
    void Say(string text, IReadOnlyList<(string Label, string Choice)>? buttons = null);
}
