using AuroraBots.AuroraAI;
using AuroraBots.AuroraAI.Client;
using AuroraBots.Builder;
using AuroraBots.Dialogs;
using AuroraBots.Dialogs.Engine;
using AuroraBots.Dialogs.State;
using AuroraBots.Dialogs.Transcripts;
using AuroraBots.Handoff;
using AuroraBots.Network;
using AuroraBots.Network.SessionTransfer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging;

namespace AuroraBots.Cli.Hosting;

/// <summary>
/// The platform's engine with its real neighbours, in-process: the local AuroraAI network on 127.0.0.1 (a free
/// port), the AuroraAI client pointed at it, the hand-off service, and the dialog engine over a bots content folder.
/// Used by <c>aurorabots transcripts</c> and the transcript tests.
/// </summary>
public sealed class TranscriptHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TranscriptHost(WebApplication app) => _app = app;

    public IServiceProvider Services => _app.Services;

    public TranscriptRunner Runner => new(
        Services.GetRequiredService<IBot>(), Services.GetRequiredService<IDialogContent>(), Services.GetRequiredService<ConversationStateStore>());

    public static async Task<TranscriptHost> StartAsync(string dialogsPath, string? redis = null, IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configure = null, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var values = new Dictionary<string, string?>
        {
            ["Dialogs:Path"] = Path.GetFullPath(dialogsPath),
            ["Dialogs:HotReload"] = "false",
            ["ConnectionStrings:Redis"] = redis,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) values[key] = value;
        builder.Configuration.AddInMemoryCollection(values);
        builder.Logging.ClearProviders().AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);

        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddAuroraNetwork(configuration.GetSection("AuroraAI:Network"));
        services.AddAuroraAiClient(configuration.GetSection("AuroraAI:Client"));
        services.AddAuroraDialogs(configuration);
        services.AddAuroraHandoff(configuration);
        configure?.Invoke(services);

        var app = builder.Build();
        app.MapAuroraNetwork();
        // Build the catalogue and its search index now: built lazily, the first recommendation of a run paid for it
        // inside the client's 5 s attempt timeout and timed out on a loaded machine.
        app.Services.WarmUpAuroraNetwork();
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        app.Services.GetRequiredService<AuroraAiEndpoint>().SetBaseAddress(new Uri(address));
        app.Services.GetRequiredService<IAuroraServiceRegistry>().RegisterBots(app.Services.GetRequiredService<IBotCatalog>(), app.Services.GetRequiredService<AuroraBots.AuroraAI.Client.ReceiverCredentials>(), address, NullLogger.Instance);
        return new TranscriptHost(app);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
