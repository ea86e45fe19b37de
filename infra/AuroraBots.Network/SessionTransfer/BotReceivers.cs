using AuroraBots.AuroraAI.Client;
using AuroraBots.Builder;
using Microsoft.Extensions.Logging;

namespace AuroraBots.Network.SessionTransfer;

/// <summary>
/// Registers the bots of a host as session-transfer receivers of the embedded network (what a real AuroraAI network
/// knows from each service's onboarding): name, provider, e-channel, the attributes each may receive, landing page.
/// </summary>
public static class BotReceivers
{
    private const string MeterPrefix = "life_situation_meters.";

    /// <summary>
    /// Every bot with a service channel, landing at <c>{publicBase}/handoff/{botId}</c>, with the client credentials the
    /// bot reads its hand-offs with (<see cref="ReceiverCredentials"/>). A bad manifest is logged, not thrown.
    /// </summary>
    public static void RegisterBots(this IAuroraServiceRegistry registry, IBotCatalog catalog, ReceiverCredentials credentials, string publicBase, ILogger logger)
    {
        foreach (var bot in catalog.Bots.Where(b => b.ServiceChannelId is not null))
        {
            try
            {
                var client = credentials.For(bot.Id);
                registry.Register(new AuroraServiceRegistration
                {
                    ClientId = client.ClientId,
                    ClientSecret = client.ClientSecret,
                    Name = new(bot.DisplayName),
                    Provider = new(bot.Organisation),
                    Description = new(bot.Description),
                    ServiceChannelId = bot.ServiceChannelId,
                    // The network filters whole wire attributes; a single meter (life_situation_meters.friends) is
                    // narrowed further by the hand-off service, so register its wire name.
                    ReceivableAttributes = [.. bot.Receives.Select(r => WireName(r.Attribute)).Distinct()],
                    LandingUrl = $"{publicBase.TrimEnd('/')}/handoff/{Uri.EscapeDataString(bot.Id)}",
                });
            }
            catch (ArgumentException ex)
            {
                // One bad manifest must not take the others (or the host) down.
                logger.LogError(ex, "Bot {BotId} could not be registered in the AuroraAI network", bot.Id);
            }
        }
    }

    private static string WireName(string attribute) =>
        attribute.StartsWith(MeterPrefix, StringComparison.Ordinal) ? MeterPrefix[..^1] : attribute;

    /// <summary>A canonical lowercase UUIDv4 derived from <paramref name="name"/> (stable across restarts).</summary>
    public static string StableUuid4(string name) => ReceiverCredentials.StableUuid4(name);
}
