using System.Security.Cryptography;
using System.Text;
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

    /// <summary>Every bot with a service channel, landing at <c>{publicBase}/handoff/{botId}</c>. A bad manifest is logged, not thrown.</summary>
    public static void RegisterBots(this IAuroraServiceRegistry registry, IBotCatalog catalog, string publicBase, ILogger logger)
    {
        foreach (var bot in catalog.Bots.Where(b => b.ServiceChannelId is not null))
        {
            try
            {
                registry.Register(new AuroraServiceRegistration
                {
                    ClientId = StableUuid4("aurorabots-bot:" + bot.Id),
                    // Receivers read transferred attributes anonymously; this secret only satisfies the registry.
                    ClientSecret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24)),
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
    public static string StableUuid4(string name)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(name))[..16];
        bytes[6] = (byte)((bytes[6] & 0x0f) | 0x40); // version 4
        bytes[8] = (byte)((bytes[8] & 0x3f) | 0x80); // RFC 4122 variant
        var hex = Convert.ToHexStringLower(bytes);
        return $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}";
    }
}
