using AuroraBots.Testing;
using AuroraBots.AuroraAI;
using AuroraBots.AuroraAI.Client;
using AuroraBots.Builder;
using AuroraBots.Dialogs.Handoff;
using AuroraBots.Handoff.Ledger;
using AuroraBots.Network;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AuroraBots.Handoff.Tests.Infrastructure;

/// <summary>
/// The real embedded AuroraAI network on Kestrel (127.0.0.1, free port), the real typed client pointing at it,
/// and the hand-off services under test, all on one hand-moved clock.
/// </summary>
public sealed class NetworkHost : IAsyncDisposable
{
    public const string WorkChannel = "3b8e1f52-6c4d-4a79-b2e0-5d1f3a6c7e82";
    public const string NarrowChannel = "6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    public const string ExternalChannel = "2b5c8e1d-4f7a-4c3b-9d6e-8a1f2b3c4d5e";
    public const string SubjectKey = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="; // 32 bytes, tests only

    private readonly WebApplication _app;

    public ShiftedTimeProvider Time { get; } = new();
    public Uri BaseAddress { get; }
    public IServiceProvider Services => _app.Services;
    public IHandoffService Handoff => _app.Services.GetRequiredService<IHandoffService>();
    public IConsentLedger Ledger => _app.Services.GetRequiredService<IConsentLedger>();
    public ConsentCenter Consents => _app.Services.GetRequiredService<ConsentCenter>();
    public IAuroraAiClient Client => _app.Services.GetRequiredService<IAuroraAiClient>();
    public AuroraAiEndpoint Endpoint => _app.Services.GetRequiredService<AuroraAiEndpoint>();

    private NetworkHost(WebApplication app, ShiftedTimeProvider time)
    {
        _app = app;
        Time = time;
        BaseAddress = app.Address();
        Endpoint.SetBaseAddress(BaseAddress);
    }

    /// <param name="redis">When set, the ledger lives in this Redis under <paramref name="redisPrefix"/>.</param>
    public static async Task<NetworkHost> StartAsync(
        TimeSpan? consentLifetime = null, TimeSpan? tokenLifetime = null, string? redis = null, string? redisPrefix = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Handoff:SubjectKey"] = SubjectKey,
            ["Handoff:ConsentLifetime"] = (consentLifetime ?? TimeSpan.FromMinutes(30)).ToString(),
            ["Handoff:RedisKeyPrefix"] = redisPrefix ?? RedisFixture.UniquePrefix(),
            ["Handoff:ExternalServices:0:Id"] = "kela_chat",
            ["Handoff:ExternalServices:0:Name:fi"] = "Kelan chat",
            ["Handoff:ExternalServices:0:Name:sv"] = "FPA:s chatt",
            ["Handoff:ExternalServices:0:Name:en"] = "Kela chat",
            ["Handoff:ExternalServices:0:Organisation:fi"] = "Kela",
            ["Handoff:ExternalServices:0:ServiceChannelId"] = ExternalChannel,
            ["Handoff:ExternalServices:0:Receives:0"] = "age",
            ["Handoff:ExternalServices:0:Url"] = "https://chat.kela.example/",
            ["AuroraAI:Network:SessionTransfer:TokenLifetime"] = (tokenLifetime ?? TimeSpan.FromMinutes(10)).ToString(),
            ["AuroraAI:Client:MaxRetries"] = "1",
            ["AuroraAI:Client:AttemptTimeout"] = "00:00:02",
            ["AuroraAI:Client:CircuitMinimumThroughput"] = "100",
            ["ConnectionStrings:Redis"] = redis,
        };
        Register(settings, 0, "b7e2c4a1-9d3f-4e8b-a6c5-1f2e3d4c5b6a", WorkChannel, "http://work.bots.test/", ["age", "municipality_code", "life_situation_meters"]);
        // Registered in the network for less than its manifest declares: the network filters the rest out.
        Register(settings, 1, "c8f3d5b2-ae4f-4f9c-b7d6-2a3b4c5d6e7f", NarrowChannel, "http://narrow.bots.test/", ["municipality_code"]);
        Register(settings, 2, "d9a4e6c3-bf5a-4a0d-88e7-3b4c5d6e7f80", ExternalChannel, "https://chat.kela.example/start", ["age"]);

        var time = new ShiftedTimeProvider(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
        var app = await TestHost.StartAsync(settings, builder =>
        {
            builder.Services.AddSingleton<TimeProvider>(time);
            builder.Services.AddSingleton<IBotCatalog>(new TestCatalog());
            builder.Services.AddAuroraNetwork(builder.Configuration.GetSection("AuroraAI:Network"));
            builder.Services.AddAuroraAiClient(builder.Configuration.GetSection("AuroraAI:Client"));
            builder.Services.AddAuroraHandoff(builder.Configuration);
        }, app => app.MapAuroraNetwork());
        return new NetworkHost(app, time);
    }

    private static void Register(Dictionary<string, string?> settings, int i, string clientId, string channel, string landing, string[] receives)
    {
        var at = $"AuroraAI:Network:Services:{i}:";
        settings[at + "ClientId"] = clientId;
        settings[at + "ClientSecret"] = "secret-of-" + clientId;
        settings[at + "ServiceChannelId"] = channel;
        settings[at + "LandingUrl"] = landing;
        settings[at + "Name:fi"] = "Testipalvelu " + i;
        settings[at + "ListInCatalogue"] = "false";
        // The bot of the same channel reads its hand-offs with this registration.
        if (Bot(channel) is { } bot)
        {
            settings[$"AuroraAI:Client:Receivers:{bot}:ClientId"] = clientId;
            settings[$"AuroraAI:Client:Receivers:{bot}:ClientSecret"] = "secret-of-" + clientId;
        }
        for (var r = 0; r < receives.Length; r++) settings[at + $"ReceivableAttributes:{r}"] = receives[r];
    }

    private static string? Bot(string channel) => channel switch { WorkChannel => "work", NarrowChannel => "narrow", _ => null };

    /// <summary>Makes the network unreachable (as if it went down) or reachable again.</summary>
    public void SetNetworkDown(bool down) =>
        Endpoint.SetBaseAddress(down ? new Uri($"http://127.0.0.1:{RedisFixture.FreePort()}/") : BaseAddress);

    public ValueTask DisposeAsync() => _app.StopAndDisposeAsync();

    private sealed class TestCatalog : IBotCatalog
    {
        private static Dictionary<string, string> Names(string fi, string sv, string en) => new() { ["fi"] = fi, ["sv"] = sv, ["en"] = en };

        private static ReceivableAttribute Receive(string attribute) =>
            new(attribute, Names("Tarvitsemme tätä.", "Vi behöver det här.", "We need this."));

        public IReadOnlyList<BotDescriptor> Bots { get; } =
        [
            new("work", Names("Työ- ja opiskelubotti", "Arbets- och studieboten", "Work and study bot"),
                Names("Kunnan työllisyyspalvelut", "Kommunens sysselsättningstjänster", "Municipal employment services"),
                Names("Työ", "Arbete", "Work"), ["fi", "sv", "en"], "fi")
            {
                ServiceChannelId = WorkChannel,
                Receives = [Receive("municipality_code"), Receive("age"), Receive("life_situation_meters.working_studying")],
            },
            new("narrow", Names("Kapea botti", "Smal bot", "Narrow bot"), Names("Testi", "Test", "Test"),
                Names("Testi", "Test", "Test"), ["fi", "sv", "en"], "fi")
            {
                ServiceChannelId = NarrowChannel,
                Receives = [Receive("municipality_code"), Receive("age")],
            },
            new("youth", Names("Nuorten hyvinvointibotti", "Ungdomarnas välmåendebot", "Youth wellbeing bot"),
                Names("Nuorisopalvelut", "Ungdomstjänster", "Youth services"), Names("Nuoret", "Unga", "Youth"), ["fi", "sv", "en"], "fi"),
        ];

        public BotDescriptor? Find(string botId) => Bots.FirstOrDefault(b => b.Id == botId);
    }
}
