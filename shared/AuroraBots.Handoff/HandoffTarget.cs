using AuroraBots.Builder;

namespace AuroraBots.Handoff;

/// <summary>Where a hand-off goes: a bot of this host or an external AuroraAI service.</summary>
public sealed record HandoffTarget(
    string Id,
    string Kind,
    string? ServiceChannelId,
    IReadOnlyCollection<string> Receives,
    IReadOnlyDictionary<string, string> Name,
    IReadOnlyDictionary<string, string> Organisation,
    Uri? Url);

/// <summary>Resolves hand-off targets from the bot catalogue first, then from <c>Handoff:ExternalServices</c>.</summary>
public sealed class HandoffTargets(IBotCatalog catalog, HandoffOptions options)
{
    public HandoffTarget? Find(string id)
    {
        if (catalog.Find(id) is { } bot)
            return new HandoffTarget(bot.Id, Ledger.RecipientKinds.Bot, bot.ServiceChannelId,
                [.. bot.Receives.Select(r => r.Attribute)], bot.DisplayName, bot.Organisation, null);

        var external = options.ExternalServices.FirstOrDefault(s => string.Equals(s.Id, id, StringComparison.Ordinal));
        return external is null
            ? null
            : new HandoffTarget(external.Id, Ledger.RecipientKinds.External, external.ServiceChannelId,
                external.Receives, external.Name, external.Organisation, external.Url);
    }
}
