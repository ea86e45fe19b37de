using AuroraBots.Testing;
using AuroraBots.AuroraAI;
using AuroraBots.AuroraAI.Models;
using AuroraBots.AuroraAI.Client;
using AuroraBots.Builder;
using AuroraBots.Dialogs;
using AuroraBots.Dialogs.Engine;
using AuroraBots.Dialogs.State;
using AuroraBots.Dialogs.Transcripts;
using AuroraBots.Network;
using AuroraBots.Network.SessionTransfer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AuroraBots.Handoff.Tests.Infrastructure;

/// <summary>
/// The real dialog engine over the repository's <c>bots/</c>, the embedded AuroraAI network on Kestrel, the
/// real client and the hand-off service, with every bot registered as a session-transfer receiver; transcripts
/// run through the engine's own <see cref="TranscriptRunner"/>.
/// </summary>
public sealed class EngineHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Uri _own;

    private EngineHost(WebApplication app, Uri own, ShiftedTimeProvider time)
    {
        _app = app;
        _own = own;
        Time = time;
    }

    /// <summary>The clock of the engine, the network and the hand-off service.</summary>
    public ShiftedTimeProvider Time { get; }
    public IServiceProvider Services => _app.Services;

    public static async Task<EngineHost> StartAsync()
    {
        var time = new ShiftedTimeProvider();
        var settings = new Dictionary<string, string?>
        {
            ["Dialogs:Path"] = RepoPaths.Bots,
            ["Dialogs:HotReload"] = "false",
            ["Handoff:SubjectKey"] = NetworkHost.SubjectKey,
            ["Handoff:ConsentLifetime"] = "00:30:00",
            ["AuroraAI:Client:MaxRetries"] = "1",
            ["AuroraAI:Client:AttemptTimeout"] = "00:00:10",
            ["AuroraAI:Client:CircuitMinimumThroughput"] = "100",
        };
        var app = await TestHost.StartAsync(settings, builder =>
        {
            builder.Services.AddSingleton<TimeProvider>(time);
            builder.Services.AddAuroraDialogs(builder.Configuration);
            builder.Services.AddAuroraNetwork(builder.Configuration.GetSection("AuroraAI:Network"));
            builder.Services.AddAuroraAiClient(builder.Configuration.GetSection("AuroraAI:Client"));
            builder.Services.AddAuroraHandoff(builder.Configuration);
        }, app =>
        {
            app.MapAuroraNetwork();
            app.Services.WarmUpAuroraNetwork();
        });

        var own = app.Address();
        app.Services.GetRequiredService<AuroraAiEndpoint>().SetBaseAddress(own);
        var registry = app.Services.GetRequiredService<IAuroraServiceRegistry>();
        var credentials = app.Services.GetRequiredService<ReceiverCredentials>();
        foreach (var bot in app.Services.GetRequiredService<IBotCatalog>().Bots.Where(b => b.ServiceChannelId is not null))
        {
            var client = credentials.For(bot.Id);
            registry.Register(new AuroraServiceRegistration
            {
                ClientId = client.ClientId,
                ClientSecret = client.ClientSecret,
                Name = new(bot.DisplayName),
                ServiceChannelId = bot.ServiceChannelId,
                ReceivableAttributes = [.. bot.Receives.Select(r => AttributeNames.WireName(r.Attribute)).Distinct()],
                LandingUrl = $"{own}handoff/{bot.Id}",
                ListInCatalogue = false,
            });
        }
        return new EngineHost(app, own, time);
    }

    /// <summary>Runs one transcript (YAML text, same format as <c>bots/&lt;bot&gt;/tests</c>) in one language.</summary>
    public async Task<TranscriptResult> RunAsync(string yaml, string bot, string language)
    {
        var test = TranscriptRunner.Parse(yaml) ?? throw new ArgumentException("empty transcript", nameof(yaml));
        var runner = new TranscriptRunner(
            _app.Services.GetRequiredService<IBot>(),
            _app.Services.GetRequiredService<IDialogContent>(),
            _app.Services.GetRequiredService<ConversationStateStore>());
        return await runner.RunAsync(new TranscriptCase("inline.yaml", "inline.yaml", bot, language, test));
    }

    /// <summary>Makes the AuroraAI network unreachable for the bots (or reachable again).</summary>
    public void SetNetworkDown(bool down) =>
        _app.Services.GetRequiredService<AuroraAiEndpoint>().SetBaseAddress(down ? new Uri($"http://127.0.0.1:{RedisFixture.FreePort()}/") : _own);

    /// <summary>Issues a token for a bot's channel as another AuroraAI service would (dev client credentials).</summary>
    public async Task<string> ForeignTokenAsync(string botId, SessionAttributes attributes)
    {
        var channel = _app.Services.GetRequiredService<IBotCatalog>().Find(botId)!.ServiceChannelId!;
        var url = await _app.Services.GetRequiredService<IAuroraAiClient>()
            .PostSessionAttributesAsync(new SessionTransferRequest { ServiceChannelId = channel, SessionAttributes = attributes });
        return AccessTokens.FromUrl(url) ?? throw new InvalidOperationException("no token issued");
    }

    public ValueTask DisposeAsync() => _app.StopAndDisposeAsync();
}
