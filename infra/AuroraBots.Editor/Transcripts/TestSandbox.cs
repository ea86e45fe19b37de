using AuroraBots.AuroraAI;
using AuroraBots.AuroraAI.Client;
using AuroraBots.AuroraAI.Plugin;
using AuroraBots.Builder;
using AuroraBots.Dialogs;
using AuroraBots.Dialogs.Engine;
using AuroraBots.Dialogs.Handoff;
using AuroraBots.Dialogs.State;
using AuroraBots.Handoff;
using AuroraBots.Network.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;

namespace AuroraBots.Editor.Transcripts;

/// <summary>
/// Where the editor's transcript tests run (the release gate before a publish, and "run tests" on a draft): a
/// private AuroraAI network on 127.0.0.1 (free port, memory only), its own client, a hand-off service with an
/// in-memory consent ledger, and in-memory conversation state — never the live ledger, network or state store, so a
/// test run leaves no receipt, revocation, token or recommendation log that no user made. The content's bots are
/// registered as receivers of that network; every other flow plugin is the live one.
/// </summary>
public sealed class TestSandbox : IAsyncDisposable
{
    private const string AuroraAiPluginName = "auroraai";
    private readonly WebApplication _app;

    private TestSandbox(WebApplication app, EngineServices engine, ConversationStateStore states)
    {
        _app = app;
        Engine = engine;
        States = states;
    }

    /// <summary>The live engine services with the sandbox's network client, hand-off service and plugins.</summary>
    public EngineServices Engine { get; }

    public ConversationStateStore States { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<TestSandbox> StartAsync(IServiceProvider live, DialogRuntime runtime, CancellationToken cancellationToken)
    {
        var liveEngine = live.GetRequiredService<EngineServices>();
        // The live settings of the network, the client and the hand-off — without any shared store or other network.
        var app = await InProcessNetworkHost.StartAsync(SandboxSettings(live.GetRequiredService<IConfiguration>()), builder =>
        {
            builder.Logging.ClearProviders();
            builder.Services.AddSingleton(liveEngine.Time);
            builder.Services.AddSingleton<IBotCatalog>(new ContentCatalog([.. runtime.Content.Bots.Values.Select(b => b.ToDescriptor())]));
            builder.Services.AddAuroraHandoff(builder.Configuration);
        }, cancellationToken: cancellationToken);

        var engine = liveEngine with
        {
            Kernel = SandboxKernel(liveEngine.Kernel, app.Services),
            AuroraAi = app.Services.GetRequiredService<IAuroraAiClient>(),
            Handoff = app.Services.GetRequiredService<IHandoffService>(),
        };
        var states = new ConversationStateStore(new InMemoryStateStorage(liveEngine.Time), liveEngine.Options);
        return new TestSandbox(app, engine, states);
    }

    /// <summary>The live plugins, with those that reach the network or the consent ledger taken from the sandbox.</summary>
    private static Kernel SandboxKernel(Kernel live, IServiceProvider sandbox)
    {
        var own = sandbox.GetServices<KernelPlugin>().ToList();
        own.Add(KernelPluginFactory.CreateFromObject(sandbox.GetRequiredService<AuroraAiPlugin>(), AuroraAiPluginName));
        var plugins = new KernelPluginCollection(own);
        foreach (var plugin in live.Plugins)
            if (!plugins.Contains(plugin.Name)) plugins.Add(plugin);
        return new Kernel(sandbox, plugins);
    }

    private static IEnumerable<KeyValuePair<string, string?>> SandboxSettings(IConfiguration live)
    {
        // The live catalogue and hand-off settings; never a shared store, a real network or its credentials: the
        // sandbox's client is the development client of its own network, and the bots read with keys derived from it.
        string[] sections = ["AuroraAI:Network", HandoffOptions.SectionName];
        foreach (var (key, value) in live.AsEnumerable())
            if (sections.Any(s => key.StartsWith(s + ":", StringComparison.OrdinalIgnoreCase))
                && !key.Contains("Redis", StringComparison.OrdinalIgnoreCase)
                && !key.StartsWith("AuroraAI:Network:DevClient", StringComparison.OrdinalIgnoreCase))
                yield return new(key, value);
        yield return new("AuroraAI:Network:DevClient:Enabled", "true");
        yield return new(AuroraAiClientOptions.SectionName + ":ClientId", AuroraDevCredentials.ClientId);
        yield return new(AuroraAiClientOptions.SectionName + ":ClientSecret", AuroraDevCredentials.ClientSecret);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private sealed class ContentCatalog(IReadOnlyList<BotDescriptor> bots) : IBotCatalog
    {
        public IReadOnlyList<BotDescriptor> Bots => bots;

        public BotDescriptor? Find(string botId) => bots.FirstOrDefault(b => b.Id == botId);
    }
}
