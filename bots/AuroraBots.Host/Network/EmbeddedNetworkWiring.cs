using System.Security.Cryptography;
using System.Text;
using AuroraBots.AuroraAI.Client;
using AuroraBots.Builder;
using AuroraBots.Handoff;
using AuroraBots.Network.SessionTransfer;
using AuroraBots.Widget.Tenants;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace AuroraBots.Host.Network;

/// <summary>
/// Once Kestrel has its address: points the AuroraAI client at the embedded network service (unless
/// <c>AuroraAI:Client:BaseUrl</c> names another one) and registers every bot of the catalogue as a session-transfer
/// receiver, landing at <c>{host}/handoff/{botId}</c>.
/// </summary>
public static class EmbeddedNetworkWiring
{
    public static void WireEmbeddedNetworkOnStart(this WebApplication app) =>
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(EmbeddedNetworkWiring));
            var own = OwnAddress(app.Services);
            if (own is null)
            {
                logger.LogWarning("The host's own address is unknown (no Kestrel): the embedded AuroraAI network is not wired to the client");
                return;
            }
            if (string.IsNullOrWhiteSpace(app.Configuration["AuroraAI:Client:BaseUrl"]))
                app.Services.GetRequiredService<AuroraAiEndpoint>().SetBaseAddress(own);

            var configured = app.Services.GetRequiredService<IOptionsMonitor<WidgetOptions>>().CurrentValue.PublicBaseUrl;
            var publicBase = string.IsNullOrWhiteSpace(configured) ? own.GetLeftPart(UriPartial.Authority) : configured.TrimEnd('/');
            RegisterBots(app.Services.GetRequiredService<IBotCatalog>(), app.Services.GetRequiredService<IAuroraServiceRegistry>(), publicBase, logger);
        });

    /// <summary>The first address Kestrel listens on, with wildcard hosts replaced by loopback.</summary>
    public static Uri? OwnAddress(IServiceProvider services)
    {
        var addresses = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses;
        var first = addresses?.FirstOrDefault(a => a.StartsWith("http://", StringComparison.Ordinal)) ?? addresses?.FirstOrDefault();
        if (first is null) return null;
        var normalised = first.Replace("://+:", "://127.0.0.1:", StringComparison.Ordinal)
            .Replace("://*:", "://127.0.0.1:", StringComparison.Ordinal)
            .Replace("://0.0.0.0:", "://127.0.0.1:", StringComparison.Ordinal)
            .Replace("://[::]:", "://127.0.0.1:", StringComparison.Ordinal);
        return Uri.TryCreate(normalised.TrimEnd('/') + "/", UriKind.Absolute, out var uri) ? uri : null;
    }

    public static void RegisterBots(IBotCatalog catalog, IAuroraServiceRegistry registry, string publicBase, ILogger logger)
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
                    ReceivableAttributes = [.. bot.Receives.Select(r => AttributeNames.WireName(r.Attribute)).Distinct()],
                    LandingUrl = $"{publicBase}/handoff/{Uri.EscapeDataString(bot.Id)}",
                });
            }
            catch (ArgumentException ex)
            {
                // One bad manifest must not take the others (or the host) down.
                logger.LogError(ex, "Bot {BotId} could not be registered in the AuroraAI network", bot.Id);
            }
        }
    }

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
