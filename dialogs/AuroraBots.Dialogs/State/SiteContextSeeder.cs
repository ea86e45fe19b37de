using AuroraBots.Dialogs.Content;

namespace AuroraBots.Dialogs.State;

/// <summary>What the embedding site knows before the conversation starts: its municipality and its names for the bots.</summary>
/// <param name="BotNames">Per bot id, per language (fi, sv, en).</param>
public sealed record SiteContext(string? MunicipalityCode, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> BotNames);

/// <summary>
/// Stores the site's context in a conversation's state when its token is issued, before the client connects, so
/// the greeting (sent on the channel's conversationUpdate, before Web Chat's join) already uses it: it does not ask
/// for the site's municipality and it calls the bot by the site's name. Kept in the shared state store, so it
/// holds whichever instance serves the conversation.
/// </summary>
public sealed class SiteContextSeeder(ConversationStateStore store, TimeProvider time)
{
    public async Task SeedAsync(string conversationId, string botId, SiteContext site, CancellationToken cancellationToken)
    {
        var state = await store.LoadAsync(conversationId, cancellationToken) ?? new ConversationState();
        foreach (var (bot, names) in site.BotNames)
            if (names.Count > 0) state.SiteBotNames[bot] = new Dictionary<string, string>(names);
        if (site.MunicipalityCode is { } code && AttributeSchema.CheckValue(AttributeSchema.MunicipalityCode, code) is null)
            state.For(botId).Attributes.TryAdd(AttributeSchema.MunicipalityCode,
                new AttributeValue { Value = code, Source = AttributeSources.Site, At = time.GetUtcNow() });
        await store.SaveAsync(conversationId, state, cancellationToken);
    }
}
