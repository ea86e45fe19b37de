using System.Text.Json;
using AuroraBots.AuroraAI;
using AuroraBots.AuroraAI.Models;
using AuroraBots.Dialogs.Handoff;
using AuroraBots.Handoff.Ledger;
using AuroraBots.Handoff.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace AuroraBots.Handoff.Tests;

/// <summary>The hand-off service against the real embedded AuroraAI network and the real client.</summary>
[Collection(RedisCollection.Name)]
public sealed class HandoffServiceTests(RedisFixture redis)
{
    private static SessionAttributes Everything() => new()
    {
        Age = 16,
        MunicipalityCode = "564",
        LifeSituationMeters = new() { ["working_studying"] = [4], ["friends"] = [8] },
    };

    private static HandoffRequest Request(string target, SessionAttributes attributes, string subject = "subject-1") =>
        new(subject, "youth", target, "Näytämme kuntasi palvelut.", attributes, "fi");

    [Fact]
    public async Task Consented_attributes_reach_the_target_once_and_only_what_it_declares()
    {
        await using var host = await NetworkHost.StartAsync();

        var transfer = await host.Handoff.TransferAsync(Request("work", Everything()));

        Assert.True(AccessTokens.IsWellFormed(transfer.AccessToken));
        Assert.Null(transfer.Url); // same-conversation hand-off: no link-out
        var receipt = await host.Ledger.GetAsync(transfer.ReceiptId);
        Assert.Equal(["age", "municipality_code", "life_situation_meters.working_studying"], receipt!.Attributes);
        Assert.Equal(TransferOutcomes.Delivered, receipt.Outcome);
        Assert.Equal("work", receipt.Recipient);
        Assert.DoesNotContain("subject-1", receipt.Subject);

        var received = await host.Handoff.RedeemAsync("work", transfer.AccessToken!);

        Assert.NotNull(received);
        Assert.Equal("564", received.MunicipalityCode);
        Assert.Equal(16, received.Age);
        Assert.Equal(["working_studying"], received.LifeSituationMeters!.Keys); // friends was never declared
        Assert.Equal([4], received.LifeSituationMeters["working_studying"]);
    }

    [Fact]
    public async Task A_replayed_token_is_refused()
    {
        await using var host = await NetworkHost.StartAsync();
        var transfer = await host.Handoff.TransferAsync(Request("work", Everything()));
        Assert.NotNull(await host.Handoff.RedeemAsync("work", transfer.AccessToken!));

        Assert.Null(await host.Handoff.RedeemAsync("work", transfer.AccessToken!));
    }

    [Fact]
    public async Task A_token_is_refused_for_another_bot_and_stays_usable_for_its_recipient()
    {
        await using var host = await NetworkHost.StartAsync();
        var transfer = await host.Handoff.TransferAsync(Request("work", Everything()));

        Assert.Null(await host.Handoff.RedeemAsync("youth", transfer.AccessToken!));
        Assert.NotNull(await host.Handoff.RedeemAsync("work", transfer.AccessToken!));
    }

    [Fact]
    public async Task A_token_is_refused_once_the_consent_expired()
    {
        await using var host = await NetworkHost.StartAsync(consentLifetime: TimeSpan.FromMinutes(5), tokenLifetime: TimeSpan.FromMinutes(60));
        var transfer = await host.Handoff.TransferAsync(Request("work", Everything()));

        host.Time.Advance(TimeSpan.FromMinutes(6));

        Assert.Null(await host.Handoff.RedeemAsync("work", transfer.AccessToken!));
    }

    [Fact]
    public async Task A_token_the_network_expired_is_refused_even_while_the_consent_lives()
    {
        await using var host = await NetworkHost.StartAsync(consentLifetime: TimeSpan.FromMinutes(60), tokenLifetime: TimeSpan.FromMinutes(2));
        var transfer = await host.Handoff.TransferAsync(Request("work", Everything()));

        host.Time.Advance(TimeSpan.FromMinutes(3));

        Assert.Null(await host.Handoff.RedeemAsync("work", transfer.AccessToken!));
    }

    [Fact]
    public async Task A_revoked_consent_refuses_its_token_here_and_in_the_network()
    {
        await using var host = await NetworkHost.StartAsync();
        var transfer = await host.Handoff.TransferAsync(Request("work", Everything(), subject: "subject-r"));

        Assert.Null(await host.Consents.RevokeAsync("someone-else", transfer.ReceiptId));
        var revoked = await host.Consents.RevokeAsync("subject-r", transfer.ReceiptId);

        Assert.NotNull(revoked?.RevokedAt);
        Assert.Null(await host.Handoff.RedeemAsync("work", transfer.AccessToken!));
        // The network dropped the token too: nobody can read it directly either.
        Assert.Null(await Reader(host).GetSessionAttributesAsync(transfer.AccessToken!, CancellationToken.None));
    }

    [Fact]
    public async Task A_target_registered_for_fewer_attributes_gets_only_those()
    {
        await using var host = await NetworkHost.StartAsync();

        var transfer = await host.Handoff.TransferAsync(Request("narrow", Everything()));
        var received = await host.Handoff.RedeemAsync("narrow", transfer.AccessToken!);

        Assert.Equal(["age", "municipality_code"], (await host.Ledger.GetAsync(transfer.ReceiptId))!.Attributes);
        Assert.NotNull(received);
        Assert.Equal("564", received.MunicipalityCode);
        Assert.Null(received.Age);
        Assert.Null(received.LifeSituationMeters);
    }

    [Fact]
    public async Task A_decline_is_recorded_and_needs_no_network()
    {
        await using var host = await NetworkHost.StartAsync();
        host.SetNetworkDown(true);

        var transfer = await host.Handoff.TransferAsync(Request("work", new SessionAttributes()));

        Assert.Null(transfer.AccessToken);
        var receipt = await host.Ledger.GetAsync(transfer.ReceiptId);
        Assert.Equal(ConsentDecisions.Declined, receipt!.Decision);
        Assert.Equal(TransferOutcomes.NothingShared, receipt.Outcome);
    }

    [Fact]
    public async Task The_network_down_during_a_transfer_fails_politely_and_is_recorded()
    {
        await using var host = await NetworkHost.StartAsync();
        host.SetNetworkDown(true);

        await Assert.ThrowsAsync<AuroraAiUnavailableException>(() => host.Handoff.TransferAsync(Request("work", Everything(), subject: "subject-d")));

        var receipt = Assert.Single(await host.Ledger.ListAsync(Pseudonym(host, "subject-d")));
        Assert.Equal(TransferOutcomes.Failed, receipt.Outcome);
    }

    [Fact]
    public async Task Without_a_reachable_ledger_nothing_is_transferred()
    {
        var deadRedis = $"127.0.0.1:{RedisFixture.FreePort()},connectTimeout=500,syncTimeout=500,asyncTimeout=500";
        await using var host = await NetworkHost.StartAsync(redis: deadRedis);

        await Assert.ThrowsAsync<AuroraAiUnavailableException>(() => host.Handoff.TransferAsync(Request("work", Everything())));
    }

    [Fact]
    public async Task The_network_down_during_redemption_does_not_burn_the_token()
    {
        await using var host = await NetworkHost.StartAsync();
        var transfer = await host.Handoff.TransferAsync(Request("work", Everything()));

        host.SetNetworkDown(true);
        await Assert.ThrowsAsync<AuroraAiUnavailableException>(() => host.Handoff.RedeemAsync("work", transfer.AccessToken!));

        host.SetNetworkDown(false);
        Assert.Equal("564", (await host.Handoff.RedeemAsync("work", transfer.AccessToken!))?.MunicipalityCode);
    }

    [Fact]
    public async Task An_external_target_gets_a_link_carrying_the_token()
    {
        await using var host = await NetworkHost.StartAsync();

        var transfer = await host.Handoff.TransferAsync(Request("kela_chat", Everything()));

        Assert.NotNull(transfer.Url);
        Assert.Equal("chat.kela.example", transfer.Url.Host);
        Assert.Equal(transfer.AccessToken, AccessTokens.FromUrl(transfer.Url));
        Assert.Equal(RecipientKinds.External, (await host.Ledger.GetAsync(transfer.ReceiptId))!.RecipientKind);
        // What the external service reads with the token (as the original AuroraAI widgets do).
        var read = await Reader(host).GetSessionAttributesAsync(transfer.AccessToken!, CancellationToken.None);
        Assert.Equal(16, read?.Age);
        Assert.Null(read?.MunicipalityCode);
    }

    [Fact]
    public async Task Declining_an_external_target_gives_its_plain_link()
    {
        await using var host = await NetworkHost.StartAsync();

        var transfer = await host.Handoff.TransferAsync(Request("kela_chat", new SessionAttributes()));

        Assert.Null(transfer.AccessToken);
        Assert.Equal(new Uri("https://chat.kela.example/"), transfer.Url);
    }

    [Fact]
    public async Task An_unknown_target_is_a_clear_error()
    {
        await using var host = await NetworkHost.StartAsync();
        var error = await Assert.ThrowsAsync<ArgumentException>(() => host.Handoff.TransferAsync(Request("nobody", Everything())));
        Assert.Contains("nobody", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-token")]
    [InlineData("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    public async Task Malformed_or_unknown_tokens_are_refused(string token)
    {
        await using var host = await NetworkHost.StartAsync();
        Assert.Null(await host.Handoff.RedeemAsync("work", token));
    }

    [Fact]
    public async Task The_redis_ledger_holds_names_but_never_values()
    {
        var prefix = RedisFixture.UniquePrefix();
        await using var host = await NetworkHost.StartAsync(redis: redis.Configuration, redisPrefix: prefix);
        var transfer = await host.Handoff.TransferAsync(Request("work", Everything(), subject: "subject-v"));
        Assert.NotNull(await host.Handoff.RedeemAsync("work", transfer.AccessToken!));

        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
        var db = connection.GetDatabase();
        var json = (string?)await db.StringGetAsync($"{prefix}receipt:{transfer.ReceiptId}");
        Assert.NotNull(json);
        using var document = JsonDocument.Parse(json);
        Assert.Equal(["age", "municipality_code", "life_situation_meters.working_studying"],
            document.RootElement.GetProperty("attributes").EnumerateArray().Select(a => a.GetString()));
        Assert.DoesNotContain("\"564\"", json);
        Assert.DoesNotContain(transfer.AccessToken!, json);
        Assert.DoesNotContain("subject-v", json);
        Assert.Equal(transfer.ReceiptId, (await host.Ledger.ListAsync(Pseudonym(host, "subject-v"))).Single().Id);
    }

    /// <summary>A receiver reading the network directly (anonymous GET session_attributes).</summary>
    private static IAuroraAiClient Reader(NetworkHost host) => host.Services.GetRequiredService<IAuroraAiClient>();

    private static string Pseudonym(NetworkHost host, string subject) =>
        host.Services.GetRequiredService<SubjectPseudonymizer>().Pseudonymize(subject);
}
