using AuroraBots.AuroraAI.Client;
using AuroraBots.Builder;
using AuroraBots.Network.SessionTransfer;
using AuroraBots.Widget.Tenants;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace AuroraBots.Host.Network;

/// <summary>
/// Once Kestrel has its address: points the AuroraAI client at the embedded network service and registers every bot
/// of the catalogue as a session-transfer receiver, landing at <c>{host}/handoff/{botId}</c>. Only called when the
/// network service is embedded (no <c>AuroraAI:Client:BaseUrl</c>); a real network has its own registrations.
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
            app.Services.GetRequiredService<AuroraAiEndpoint>().SetBaseAddress(own);

            var configured = app.Services.GetRequiredService<IOptionsMonitor<WidgetOptions>>().CurrentValue.PublicBaseUrl;
            var publicBase = string.IsNullOrWhiteSpace(configured) ? own.GetLeftPart(UriPartial.Authority) : configured.TrimEnd('/');
            app.Services.GetRequiredService<IAuroraServiceRegistry>().RegisterBots(app.Services.GetRequiredService<IBotCatalog>(), app.Services.GetRequiredService<AuroraBots.AuroraAI.Client.ReceiverCredentials>(), publicBase, logger);
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
}
