using AuroraBots.AuroraAI.Models;
using AuroraBots.Handoff.Tests.Infrastructure;

namespace AuroraBots.Handoff.Tests;

/// <summary>
/// Hand-off paths through the real engine and content that the YAML transcripts cannot set up on their own:
/// the network going down, and tokens from outside (replayed, expired) arriving in Web Chat's join event.
/// </summary>
public sealed class EngineHandoffTests : IAsyncLifetime
{
    private EngineHost _host = null!;

    public async Task InitializeAsync() => _host = await EngineHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("fi", "Oulu", "tarvitsen kesätyön", "Kyllä, kaikki", "siirto ei onnistunut")]
    [InlineData("sv", "Uleåborg", "jag behöver ett sommarjobb", "Ja, allt", "misslyckades")]
    [InlineData("en", "Oulu", "I need a summer job", "Yes, all of it", "did not work")]
    public async Task The_network_down_during_a_hand_off_keeps_the_user_with_the_front_desk_politely(
        string language, string municipality, string matter, string acceptAll, string apology)
    {
        var transcript = $$"""
            turns:
              - join: true
              - user: "{{municipality}}"
              - user: "{{matter}}"
                bot:
                  - handoff: { target: work, offered: [municipality_code] }
              - user: "{{acceptAll}}"
                bot:
                  - from: frontdesk
                    contains: "{{apology}}"
                state:
                  active_bot: frontdesk
                  attributes: { municipality_code: "564" }
            """;
        _host.SetNetworkDown(true);

        var result = await _host.RunAsync(transcript, "frontdesk", language);

        Assert.True(result.Passed, result.Failure);
    }

    [Fact]
    public async Task A_token_from_another_service_is_redeemed_at_join_and_a_replay_is_refused()
    {
        var token = await _host.ForeignTokenAsync("work", new SessionAttributes { MunicipalityCode = "853" });
        var transcript = $$"""
            turns:
              - event: { name: "webchat/join", value: { locale: "fi", auroraai_access_token: "{{token}}" } }
            """;

        var first = await _host.RunAsync(transcript + """

                state:
                  active_bot: work
                  attributes: { municipality_code: "853" }
            """, "work", "fi");
        var replay = await _host.RunAsync(transcript + """

                state:
                  attributes: { municipality_code: null }
            """, "work", "fi");

        Assert.True(first.Passed, first.Failure);
        Assert.True(replay.Passed, replay.Failure);
    }

    [Fact]
    public async Task An_expired_token_is_refused_at_join()
    {
        var token = await _host.ForeignTokenAsync("work", new SessionAttributes { MunicipalityCode = "853" });
        _host.Time.Advance(TimeSpan.FromDays(2)); // past the network's token lifetime and the 24 h guard

        var result = await _host.RunAsync($$"""
            turns:
              - event: { name: "webchat/join", value: { locale: "en", auroraai_access_token: "{{token}}" } }
                state:
                  attributes: { municipality_code: null }
            """, "work", "en");

        Assert.True(result.Passed, result.Failure);
    }
}
