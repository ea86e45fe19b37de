using System.Net;
using System.Text.RegularExpressions;
using AuroraBots.Builder;
using AuroraBots.Host.Network;
using AuroraBots.Network.SessionTransfer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace AuroraBots.Host.Tests;

public class NetworkWiringTests(HostFactory factory) : IClassFixture<HostFactory>
{
    [Fact]
    public void Every_bot_with_a_service_channel_becomes_a_session_transfer_receiver_landing_on_its_handoff_page()
    {
        var catalog = factory.Services.GetRequiredService<IBotCatalog>();
        var registry = factory.Services.GetRequiredService<IAuroraServiceRegistry>();
        var receivers = catalog.Bots.Where(b => b.ServiceChannelId is not null).ToList();
        Assert.NotEmpty(receivers);

        registry.RegisterBots(catalog, factory.Services.GetRequiredService<AuroraBots.AuroraAI.Client.ReceiverCredentials>(), "https://chat.example.fi", NullLogger.Instance);

        foreach (var bot in receivers)
        {
            var registration = registry.FindByChannel(bot.ServiceChannelId!);
            Assert.NotNull(registration);
            Assert.Equal($"https://chat.example.fi/handoff/{bot.Id}", registration.LandingUrl);
            Assert.Equal(bot.Receives.Select(r => r.Attribute).Order(), registration.ReceivableAttributes.Order());
            Assert.Equal(bot.DisplayName["fi"], registration.Name["fi"]);
        }
    }

    [Fact]
    public void Bot_client_ids_are_canonical_stable_and_distinct()
    {
        var a = BotReceivers.StableUuid4("aurorabots-bot:frontdesk");
        Assert.Matches(new Regex("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"), a);
        Assert.Equal(a, BotReceivers.StableUuid4("aurorabots-bot:frontdesk"));
        Assert.NotEqual(a, BotReceivers.StableUuid4("aurorabots-bot:youth"));
    }

    [Fact]
    public async Task Handoff_landing_page_shows_only_that_bot_and_unknown_bots_are_404()
    {
        var catalog = factory.Services.GetRequiredService<IBotCatalog>();
        var bot = catalog.Bots.Last();
        var client = factory.CreateClient();

        var html = await client.GetStringAsync($"/handoff/{bot.Id}?lang=en&auroraai_access_token=0123456789abcdef0123456789abcdef");
        Assert.Single(Regex.Matches(html, "data-bot-id="));
        Assert.Contains($"data-bot-id=\"{bot.Id}\"", html);
        // The token stays in the address bar for demo.js; it is never written into the page.
        Assert.DoesNotContain("0123456789abcdef0123456789abcdef", html);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/handoff/no-such-bot")).StatusCode);
    }
}
