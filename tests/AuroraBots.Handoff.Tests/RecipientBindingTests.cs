using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AuroraBots.AuroraAI;
using AuroraBots.AuroraAI.Client;
using AuroraBots.AuroraAI.Models;
using AuroraBots.Handoff.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AuroraBots.Handoff.Tests;

/// <summary>
/// Issue 15, item 6: redemption always checks the recipient — the receiving bot reads with its own registered
/// client, so the network refuses a token issued for another receiver even when the local ledger does not know it,
/// and wrong credentials are refused instead of being read anonymously. Real embedded network on Kestrel.
/// </summary>
public sealed class RecipientBindingTests
{
    /// <summary>A token from outside this platform's ledger: another AuroraAI service posts to the work bot's channel.</summary>
    private static async Task<string> ForeignTokenForWorkAsync(NetworkHost host)
    {
        var url = await host.Client.PostSessionAttributesAsync(new SessionTransferRequest
        {
            ServiceChannelId = NetworkHost.WorkChannel,
            SessionAttributes = new SessionAttributes { Age = 16, MunicipalityCode = "564" },
        });
        return AccessTokens.FromUrl(url)!;
    }

    [Fact]
    public async Task A_token_for_the_work_bot_unknown_to_the_ledger_is_refused_for_another_bot_and_stays_usable_by_work()
    {
        await using var host = await NetworkHost.StartAsync();
        var token = await ForeignTokenForWorkAsync(host);
        Assert.Null(await host.Ledger.FindByTokenHashAsync(AccessTokens.Hash(token), CancellationToken.None));

        Assert.Null(await host.Handoff.RedeemAsync("narrow", token));

        // The refusal neither spent the token in the network nor marked it redeemed here: its real recipient reads it.
        var received = await host.Handoff.RedeemAsync("work", token);
        Assert.NotNull(received);
        Assert.Equal("564", received.MunicipalityCode);
    }

    [Fact]
    public async Task A_bot_without_a_registration_of_its_own_cannot_read_anyones_token()
    {
        await using var host = await NetworkHost.StartAsync();
        var token = await ForeignTokenForWorkAsync(host);

        // "youth" has no receiver registration in this network: its derived credentials do not authenticate (401).
        Assert.Null(await host.Handoff.RedeemAsync("youth", token));
        Assert.NotNull(await host.Handoff.RedeemAsync("work", token));
    }

    [Theory]
    [InlineData("Basic Yjc6d3Jvbmc=")]             // "b7:wrong"
    [InlineData("Basic not-base64!")]
    [InlineData("Bearer 0123456789abcdef")]
    public async Task Wrong_credentials_on_a_read_are_refused_and_never_fall_back_to_an_anonymous_read(string authorization)
    {
        await using var host = await NetworkHost.StartAsync();
        var token = await ForeignTokenForWorkAsync(host);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };

        using var request = new HttpRequestMessage(HttpMethod.Get, $"service-recommender/v1/session_attributes?access_token={token}");
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        using var refused = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.DoesNotContain("564", await refused.Content.ReadAsStringAsync());
        // Not spent by the refused read.
        Assert.NotNull(await host.Handoff.RedeemAsync("work", token));
    }

    [Fact]
    public async Task Another_registered_service_reading_with_valid_credentials_gets_404_and_the_token_survives()
    {
        await using var host = await NetworkHost.StartAsync();
        var token = await ForeignTokenForWorkAsync(host);
        var narrow = host.Services.GetRequiredService<ReceiverCredentials>().For("narrow");
        using var http = new HttpClient { BaseAddress = host.BaseAddress };

        using var request = new HttpRequestMessage(HttpMethod.Get, $"service-recommender/v1/session_attributes?access_token={token}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{narrow.ClientId}:{narrow.ClientSecret}")));
        using var refused = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.NotNull(await host.Handoff.RedeemAsync("work", token));
    }
}
