using AuroraBots.AuroraAI;
using AuroraBots.AuroraAI.Client;
using AuroraBots.Builder;
using AuroraBots.Network.SessionTransfer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AuroraBots.Network.Hosting;

/// <summary>
/// The one composer of an in-process host for running transcripts (the CLI's <c>aurorabots transcripts</c> and the
/// editor's release/draft tests): the local AuroraAI network on Kestrel at 127.0.0.1 (a free port) with its catalogue
/// built before the start, the AuroraAI client pointed at it, and the content's bots (<see cref="IBotCatalog"/>)
/// registered as its session-transfer receivers. The caller adds the engine's side (dialogs, hand-off, a catalogue)
/// in <c>configure</c>. It lives here, not in the dialog core, because the dialog core does not know the network
/// service and the hand-off service depends on the dialog core.
/// </summary>
public static class InProcessNetworkHost
{
    public static async Task<WebApplication> StartAsync(IEnumerable<KeyValuePair<string, string?>> settings, Action<WebApplicationBuilder> configure,
        string? environmentName = null, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = environmentName });
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddAuroraNetwork(builder.Configuration.GetSection("AuroraAI:Network"));
        builder.Services.AddAuroraAiClient(builder.Configuration.GetSection(AuroraAiClientOptions.SectionName));
        configure(builder);

        var app = builder.Build();
        app.MapAuroraNetwork();
        try
        {
            // Built lazily, the catalogue and its search index were paid for by the first recommendation of a run,
            // inside the client's attempt timeout: on a loaded machine (or a publish) that timed out.
            app.Services.WarmUpAuroraNetwork();
            await app.StartAsync(cancellationToken);
            var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/");
            app.Services.GetRequiredService<AuroraAiEndpoint>().SetBaseAddress(address);
            app.Services.GetRequiredService<IAuroraServiceRegistry>().RegisterBots(app.Services.GetRequiredService<IBotCatalog>(),
                app.Services.GetRequiredService<ReceiverCredentials>(), address.ToString().TrimEnd('/'), app.Logger);
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }
}
