using System.Globalization;
using System.Text.Json.Nodes;
using AuroraBots.Agents.Storage;
using AuroraBots.Dialogs.Content;
using AuroraBots.Dialogs.Engine;
using AuroraBots.Dialogs.LiveChat;
using AuroraBots.DirectLine.Channel;
using AuroraBots.Schema;

namespace AuroraBots.Agents.Desk;

/// <summary>
/// What the citizen's chat receives outside a bot turn — the agent's messages (from the agent, <c>channelData.aurora.agent</c>),
/// the bot's live-chat notices (texts <c>livechat_*</c> from content, in the chat's language) and the Bot Framework
/// hand-off events — all through <see cref="ProactiveMessenger"/> into the conversation log.
/// </summary>
public sealed class CitizenMessages(ProactiveMessenger messenger, IDialogContent content)
{
    public const string AgentRole = "agent";

    public Task<string?> FromAgentAsync(string conversationId, string botId, string language, AgentIdentity agent, string text, CancellationToken cancellationToken)
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Text = text,
            TextFormat = TextFormatTypes.Plain,
            Locale = language,
            From = new ChannelAccount(agent.Id, agent.DisplayName, RoleTypes.Bot),
        };
        new AuroraChannelData(botId, "live_chat", "agent", language) { Agent = new AgentInfo(agent.DisplayName, AgentRole) }.ApplyTo(activity);
        return messenger.SendAsync(conversationId, activity, cancellationToken);
    }

    public Task<string?> AgentTypingAsync(string conversationId, string botId, string language, AgentIdentity agent, CancellationToken cancellationToken)
    {
        var activity = new Activity { Type = ActivityTypes.Typing, Locale = language, From = new ChannelAccount(agent.Id, agent.DisplayName, RoleTypes.Bot) };
        new AuroraChannelData(botId, "live_chat", "agent", language) { Agent = new AgentInfo(agent.DisplayName, AgentRole) }.ApplyTo(activity);
        return messenger.SendAsync(conversationId, activity, cancellationToken);
    }

    /// <summary>A live-chat notice from the bot (its name as sender), with an "End chat" button while the chat goes on.</summary>
    public Task<string?> FromBotAsync(LiveChatSession session, string key, IReadOnlyDictionary<string, string>? values,
        bool offerEnd, CancellationToken cancellationToken)
    {
        var (conversationId, botId, language) = (session.ConversationId, session.BotId, session.Language);
        var runtime = content.Current.Content;
        runtime.Bots.TryGetValue(botId, out var bot);
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Text = Render(runtime, bot, language, key, values),
            TextFormat = TextFormatTypes.Markdown,
            Locale = language,
            // The name the citizen knows the bot by (the embedding site's, as in the bot's own replies).
            From = bot is null ? null : new ChannelAccount(bot.Id, session.BotName ?? bot.NameIn(language), RoleTypes.Bot),
        };
        if (offerEnd)
        {
            var label = Render(runtime, bot, language, LiveChatTexts.End, null);
            activity.SuggestedActions = new SuggestedActions
            {
                Actions = [new CardAction(ActionTypes.MessageBack, label,
                    new JsonObject { ["aurora"] = LiveChatChoices.Command, ["choice"] = LiveChatChoices.End }) { Text = label, DisplayText = label }],
            };
        }
        new AuroraChannelData(botId, "live_chat", key, language).ApplyTo(activity);
        return messenger.SendAsync(conversationId, activity, cancellationToken);
    }

    /// <summary>Bot Framework hand-off event (<c>handoff.initiate</c> / <c>handoff.status</c>) for an external agent hub.</summary>
    public Task<string?> EventAsync(string conversationId, string botId, string language, string name, JsonNode value, Attachment? attachment,
        CancellationToken cancellationToken)
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Event,
            Name = name,
            Value = value,
            Locale = language,
            Attachments = attachment is null ? null : [attachment],
        };
        new AuroraChannelData(botId, "live_chat", name, language).ApplyTo(activity);
        return messenger.SendAsync(conversationId, activity, cancellationToken);
    }

    public static Dictionary<string, string> Position(int position, TimeSpan wait) => new()
    {
        ["livechat.position"] = position.ToString(CultureInfo.InvariantCulture),
        ["livechat.wait"] = Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes)).ToString(CultureInfo.InvariantCulture),
    };

    private static string Render(DialogContent runtime, BotContent? bot, string language, string key, IReadOnlyDictionary<string, string>? values)
    {
        var text = runtime.Shared.Texts.Texts.GetValueOrDefault(key);
        var raw = text?.ByLanguage.GetValueOrDefault(language) ?? text?.ByLanguage.GetValueOrDefault("en") ?? EngineTexts.Missing(key);
        return Placeholders.Render(raw, (name, _) => name switch
        {
            "bot.name" => bot?.NameIn(language),
            "bot.organisation" => bot?.OrganisationIn(language),
            _ => values?.GetValueOrDefault(name),
        });
    }
}

/// <summary>An agent as the citizen sees them: a stable id (never the sign-in name itself) and a display name.</summary>
public sealed record AgentIdentity(string Id, string DisplayName);
