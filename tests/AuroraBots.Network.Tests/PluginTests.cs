using AuroraBots.AuroraAI;
using AuroraBots.AuroraAI.Plugin;
using AuroraBots.Network.SessionTransfer;
using AuroraBots.Network.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;

namespace AuroraBots.Network.Tests;

/// <summary>The Semantic Kernel plugin as the dialog core calls it, against the real embedded service.</summary>
public sealed class PluginTests : IAsyncLifetime
{
    private NetworkServer _server = null!;
    private ServiceProvider _services = null!;
    private Kernel _kernel = null!;

    public async Task InitializeAsync()
    {
        _server = await NetworkServer.StartAsync();
        _server.Registry.Register(new AuroraServiceRegistration
        {
            ClientId = "c56a4180-65aa-42ec-a945-5fd21dec0538", ClientSecret = "plugin-receiver-secret",
            ServiceChannelId = "22222222-2222-4222-8222-222222222222", ReceivableAttributes = ["municipality_code"],
            LandingUrl = "https://receiver.example/in", ListInCatalogue = false,
        });
        _services = ClientFactory.Create(_server.BaseAddress);
        _kernel = new Kernel(_services);
        _kernel.Plugins.AddFromObject(_services.GetRequiredService<AuroraAiPlugin>(), "AuroraAI");
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Recommends_by_life_situation()
    {
        var result = await _kernel.InvokeAsync("AuroraAI", "recommend_by_life_situation", new KernelArguments
        {
            ["lifeSituation"] = "family=2, self_esteem=3",
            ["municipalityCode"] = "091",
            ["limit"] = 3,
        });
        var suggestions = result.GetValue<ServiceSuggestions>()!;
        Assert.Equal("Taideopetus kulttuurikeskuksissa", suggestions.Services[0].Name);
        Assert.True(suggestions.RecommendationId > 0);

        var feedback = await _kernel.InvokeAsync("AuroraAI", "send_feedback", new KernelArguments
        {
            ["recommendationId"] = suggestions.RecommendationId, ["score"] = 1, ["serviceId"] = suggestions.Services[0].ServiceId,
        });
        Assert.Equal("OK", feedback.GetValue<string>());
    }

    [Fact]
    public async Task Searches_and_offers_transfer_channels()
    {
        var result = await _kernel.InvokeAsync("AuroraAI", "search_services", new KernelArguments { ["text"] = "terveysneuvonta" });
        var suggestion = result.GetValue<ServiceSuggestions>()!.Services[0];
        Assert.Equal("Valtakunnallinen terveysneuvonta", suggestion.Name);
        Assert.Equal(["22222222-2222-4222-8222-222222222222"], suggestion.TransferChannelIds);

        var url = await _kernel.InvokeAsync("AuroraAI", "transfer_session", new KernelArguments
        {
            ["serviceChannelId"] = suggestion.TransferChannelIds[0], ["consentReceiptId"] = "receipt-plugin-1", ["municipalityCode"] = "091",
        });
        Assert.Matches("^https://receiver\\.example/in\\?auroraai_access_token=[0-9a-f]{64}$", url.GetValue<string>()!);
    }

    [Fact]
    public async Task A_bad_life_situation_is_a_clear_error_and_an_unreachable_network_is_unavailable()
    {
        var bad = await Assert.ThrowsAnyAsync<Exception>(() => _kernel.InvokeAsync("AuroraAI", "recommend_by_life_situation",
            new KernelArguments { ["lifeSituation"] = "mood=3" }));
        Assert.Contains("mood=3", bad.Message);

        await using var down = ClientFactory.Create(StubServer.ClosedPort());
        var kernel = new Kernel(down);
        kernel.Plugins.AddFromObject(down.GetRequiredService<AuroraAiPlugin>(), "AuroraAI");
        await Assert.ThrowsAsync<AuroraAiUnavailableException>(() => kernel.InvokeAsync("AuroraAI", "search_services",
            new KernelArguments { ["text"] = "asuminen" }));
    }
}
