using System.Text;
using System.Text.Json.Nodes;
using AuroraBots.Builder;
using AuroraBots.Dialogs.Content;
using AuroraBots.Nlu.Safety;
using AuroraBots.Schema;

namespace AuroraBots.Dialogs.Safety;

/// <summary>
/// The safety layer's turn entry, called first for every user message in every bot — before prompts, consent
/// steps, clarifications and hand-offs see it. A crisis message (<see cref="SafetyRecognizer"/>) is answered at once
/// with the category's contacts from <c>_shared/crisis.yaml</c> in the user's language; the conversation is left as
/// it was, so a waiting prompt or an open consent step simply continues with the next message. Nothing of the
/// message is logged or kept: the caller must not store it either.
/// </summary>
internal static class SafetyLayer
{
    /// <summary>The crisis reply to <paramref name="text"/>, or null for an ordinary message.</summary>
    public static Activity? Answer(string text, DialogContent content, BotContent bot, string conversationLanguage)
    {
        if (content.Shared.Crisis is not { } crisis || SafetyRecognizer.Default.Recognise(text) is not { } match) return null;
        // The pattern's language beats the conversation's: short crisis messages are hard to detect, and the person
        // must be answered in the language they wrote in whenever the bot speaks it.
        var language = bot.Languages.Contains(match.Language) ? match.Language : conversationLanguage;
        return Reply(match.Category, crisis, language, bot);
    }

    /// <summary>Intro, the contacts as a list (numbers as tel: links), the closing line, and a call button per number.</summary>
    internal static Activity Reply(string category, CrisisDocument crisis, string language, BotContent bot)
    {
        var contacts = crisis.Contacts
            .Where(c => c.Categories.Contains(category) && (c.Languages.Count == 0 || c.Languages.Contains(language)))
            .ToList();
        var text = new StringBuilder();
        text.Append(In(crisis.Intro.For(category), language)).Append("\n\n");
        foreach (var contact in contacts)
        {
            text.Append("- **").Append(In(contact.Name, language)).Append("**: ");
            if (contact.Phone is { } phone) text.Append('[').Append(phone).Append("](").Append(Tel(phone)).Append(')');
            if (contact.Phone is not null && contact.Url is not null) text.Append(", ");
            if (contact.Url is { } url) text.Append('[').Append(new Uri(url).Host).Append("](").Append(url).Append(')');
            if (contact.Hours is { } hours) text.Append(" (").Append(In(hours, language)).Append(')');
            text.Append('\n');
        }
        if (crisis.Closing is { } closing) text.Append('\n').Append(In(closing, language));

        var reply = MessageFactory.Text(text.ToString().TrimEnd(), TextFormatTypes.Markdown);
        reply.Locale = language;
        reply.From = new ChannelAccount(bot.Id, bot.NameIn(language), RoleTypes.Bot);
        reply.InputHint = "acceptingInput";
        var buttons = contacts.Where(c => c.Phone is not null)
            // Number first: a narrow chat panel truncates long button titles, and the number is what matters.
            .Select(c => new CardAction(ActionTypes.Call, $"{c.Phone} – {In(c.Name, language)}", JsonValue.Create(Tel(c.Phone!))))
            .Concat(contacts.Where(c => c.Phone is null && c.Url is not null)
                .Select(c => new CardAction(ActionTypes.OpenUrl, In(c.Name, language), JsonValue.Create(c.Url))))
            .ToList();
        if (buttons.Count > 0) reply.Attachments = [new HeroCard { Buttons = buttons }.ToAttachment()];
        new AuroraChannelData(bot.Id, null, null, language) { Safety = category }.ApplyTo(reply);
        return reply;
    }

    private static string Tel(string phone) => "tel:" + phone.Replace(" ", "", StringComparison.Ordinal);

    private static string In(LocalizedText? text, string language) =>
        text is null ? "" : text.ByLanguage.GetValueOrDefault(language) ?? text.ByLanguage.GetValueOrDefault("en") ?? text.ByLanguage.Values.FirstOrDefault() ?? "";
}
