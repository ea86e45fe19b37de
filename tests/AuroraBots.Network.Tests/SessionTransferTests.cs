using Microsoft.Extensions.Time.Testing;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using AuroraBots.Network.SessionTransfer;
using AuroraBots.Network.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AuroraBots.Network.Tests;

/// <summary>Session transfer (§3.1) plus our extensions: single use, 10-minute expiry, consent receipts, revocation.</summary>
public sealed partial class SessionTransferTests : IAsyncLifetime
{
    private const string ReceiverId = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
    private const string ReceiverSecret = "receiver-secret-0123456789";
    private const string ReceiverChannel = "22222222-2222-4222-8222-222222222222"; // the national service's EChannel in the fixture
    private const string Landing = "https://receiver.example/landing?from=aurora";
    private const string Transfer = "service-recommender/v1/session_attributes";
    private const string AllAttributes = """{"service_channel_id": "22222222-2222-4222-8222-222222222222", "session_attributes": {"age": 87, "municipality_code": "698", "life_situation_meters": {"family": [3]}}}""";

    private readonly FakeTimeProvider _clock = new();
    private NetworkServer _server = null!;

    [GeneratedRegex("auroraai_access_token=([0-9a-f]{64})")]
    private static partial Regex TokenInUrl();

    public async Task InitializeAsync() => _server = await StartAsync("SingleUse");

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<NetworkServer> StartAsync(string mode)
    {
        var server = await NetworkServer.StartAsync(
            settings: new Dictionary<string, string?> { ["AuroraAI:Network:SessionTransfer:Mode"] = mode },
            configureServices: s => s.AddSingleton<TimeProvider>(_clock));
        server.Registry.Register(new AuroraServiceRegistration
        {
            ClientId = ReceiverId, ClientSecret = ReceiverSecret,
            Name = new() { ["fi"] = "Vastaanottaja", ["en"] = "Receiver" },
            ServiceChannelId = ReceiverChannel, ReceivableAttributes = ["age", "municipality_code"],
            LandingUrl = Landing, ListInCatalogue = false,
        });
        return server;
    }

    private static async Task<string> TokenFromAsync(HttpResponseMessage response)
    {
        var url = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, url);
        return TokenInUrl().Match(url).Groups[1].Value;
    }

    private Task<HttpResponseMessage> RedeemAsync(NetworkServer server, string token) =>
        server.Http.GetAsync($"service-recommender/v1/session_attributes?access_token={token}");

    [Fact]
    public async Task Post_returns_the_landing_url_with_a_token_and_get_returns_only_registered_attributes()
    {
        using var post = await _server.PostAsync(Transfer, AllAttributes);
        var url = await post.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.StartsWith("text/plain", post.Content.Headers.ContentType!.ToString());
        Assert.Matches("^https://receiver\\.example/landing\\?from=aurora&auroraai_access_token=[0-9a-f]{64}$", url);

        using var get = await RedeemAsync(_server, TokenInUrl().Match(url).Groups[1].Value);
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal("*", get.Headers.GetValues("Access-Control-Allow-Origin").Single());
        using var attributes = JsonDocument.Parse(await get.Content.ReadAsStringAsync());
        Assert.Equal(87, attributes.RootElement.GetProperty("age").GetInt32());
        Assert.Equal("698", attributes.RootElement.GetProperty("municipality_code").GetString());
        Assert.False(attributes.RootElement.TryGetProperty("life_situation_meters", out _)); // not registered for it
    }

    [Fact]
    public async Task A_token_is_single_use()
    {
        var token = await TokenFromAsync(await _server.PostAsync(Transfer, AllAttributes));
        using var first = await RedeemAsync(_server, token);
        using var replay = await RedeemAsync(_server, token);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, replay.StatusCode);
        Assert.Equal("Access token does not exist", await replay.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_token_expires_after_ten_minutes()
    {
        var fresh = await TokenFromAsync(await _server.PostAsync(Transfer, AllAttributes));
        var stale = await TokenFromAsync(await _server.PostAsync(Transfer, AllAttributes));
        _clock.Advance(TimeSpan.FromMinutes(9));
        using var beforeExpiry = await RedeemAsync(_server, fresh);
        Assert.Equal(HttpStatusCode.OK, beforeExpiry.StatusCode);
        _clock.Advance(TimeSpan.FromMinutes(1));
        using var afterExpiry = await RedeemAsync(_server, stale);
        Assert.Equal(HttpStatusCode.NotFound, afterExpiry.StatusCode);
    }

    [Fact]
    public async Task Compatibility_mode_reuses_tokens_for_24_hours()
    {
        await using var server = await StartAsync("Compatible");
        var token = await TokenFromAsync(await server.PostAsync(Transfer, AllAttributes));
        _clock.Advance(TimeSpan.FromHours(23));
        using var first = await RedeemAsync(server, token);
        using var second = await RedeemAsync(server, token);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        _clock.Advance(TimeSpan.FromHours(1));
        using var expired = await RedeemAsync(server, token);
        Assert.Equal(HttpStatusCode.NotFound, expired.StatusCode);
    }

    [Fact]
    public async Task No_token_when_the_receiver_accepts_none_of_the_attributes()
    {
        using var post = await _server.PostAsync(Transfer, """{"service_channel_id": "22222222-2222-4222-8222-222222222222", "session_attributes": {"life_situation_meters": {"family": [3]}}}""");
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Equal(Landing, await post.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task With_a_recommendation_the_url_is_a_tracking_link_that_carries_the_token()
    {
        using var recommend = await _server.PostAsync("service-recommender/v1/recommend_service", """{"life_situation_meters": {"health": [1]}, "service_filters": {"only_national_services": true}}""");
        using var json = JsonDocument.Parse(await recommend.Content.ReadAsStringAsync());
        var recommendationId = json.RootElement.GetProperty("auroraai_recommendation_id").GetInt64();
        var service = json.RootElement.GetProperty("recommended_services")[0];
        Assert.True(service.GetProperty("service_channels")[0].GetProperty("session_transfer").GetBoolean()); // registered EChannel

        using var post = await _server.PostAsync(Transfer, $$$"""
            {"service_channel_id": "{{{ReceiverChannel}}}", "service_id": "11111111-1111-4111-8111-111111111111",
             "auroraai_recommendation_id": {{{recommendationId}}}, "session_attributes": {"age": 87}}
            """);
        var url = await post.Content.ReadAsStringAsync();
        Assert.Matches($"/service-recommender/v1/redirect\\?service_id=11111111-1111-4111-8111-111111111111&service_channel_id={ReceiverChannel}&link_id=0&recommendation_id={recommendationId}&auroraai_access_token=[0-9a-f]{{64}}$", url);

        using var noRedirects = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var click = await noRedirects.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, click.StatusCode);
        var location = click.Headers.Location!.AbsoluteUri;
        Assert.StartsWith("https://example.com/terveys?auroraai_access_token=", location); // the channel's own web page
    }

    [Fact]
    public async Task Channels_not_registered_or_unknown_are_refused()
    {
        using var unregistered = await _server.PostAsync(Transfer, """{"service_channel_id": "f283c2dc-8223-408a-8a73-1d62489e1f58", "session_attributes": {"age": 20}}""");
        Assert.Equal(HttpStatusCode.BadRequest, unregistered.StatusCode);
        Assert.Contains("not registered to any AuroraAI service", await unregistered.Content.ReadAsStringAsync());

        using var unknown = await _server.PostAsync(Transfer, """{"service_channel_id": "99999999-9999-4999-8999-999999999999", "session_attributes": {"age": 20}}""");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Revoking_a_consent_receipt_stops_its_tokens_only()
    {
        async Task<string> IssueAsync(string receipt)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, Transfer) { Content = new StringContent(AllAttributes, System.Text.Encoding.UTF8, "application/json") };
            request.Headers.Authorization = NetworkServer.Basic();
            request.Headers.Add("AuroraBots-Consent-Receipt", receipt);
            using var response = await _server.Http.SendAsync(request);
            Assert.Equal(receipt, response.Headers.GetValues("AuroraBots-Consent-Receipt").Single());
            return await TokenFromAsync(response);
        }
        var revokedA = await IssueAsync("receipt-1");
        var revokedB = await IssueAsync("receipt-1");
        var kept = await IssueAsync("receipt-2");

        // Another client cannot revoke our receipts.
        using var foreign = new HttpRequestMessage(HttpMethod.Delete, "service-recommender/v1/session_attributes/consents/receipt-1");
        foreign.Headers.Authorization = NetworkServer.Basic(ReceiverId, ReceiverSecret);
        using var foreignResponse = await _server.Http.SendAsync(foreign);
        Assert.Contains("\"revoked\":0", await foreignResponse.Content.ReadAsStringAsync());

        using var revoke = new HttpRequestMessage(HttpMethod.Delete, "service-recommender/v1/session_attributes/consents/receipt-1");
        revoke.Headers.Authorization = NetworkServer.Basic();
        using var revokeResponse = await _server.Http.SendAsync(revoke);
        Assert.Equal(HttpStatusCode.OK, revokeResponse.StatusCode);
        Assert.Contains("\"revoked\":2", await revokeResponse.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NotFound, (await RedeemAsync(_server, revokedA)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await RedeemAsync(_server, revokedB)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await RedeemAsync(_server, kept)).StatusCode);
    }

    [Fact]
    public async Task An_authenticated_reader_must_be_the_receiver_and_a_wrong_reader_does_not_burn_the_token()
    {
        var token = await TokenFromAsync(await _server.PostAsync(Transfer, AllAttributes));
        async Task<HttpStatusCode> ReadAsync(string clientId, string secret)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"service-recommender/v1/session_attributes?access_token={token}");
            request.Headers.Authorization = NetworkServer.Basic(clientId, secret);
            using var response = await _server.Http.SendAsync(request);
            return response.StatusCode;
        }
        Assert.Equal(HttpStatusCode.NotFound, await ReadAsync(AuroraBots.AuroraAI.AuroraDevCredentials.ClientId, AuroraBots.AuroraAI.AuroraDevCredentials.ClientSecret));
        Assert.Equal(HttpStatusCode.OK, await ReadAsync(ReceiverId, ReceiverSecret));
    }

    [Fact]
    public async Task Neither_tokens_nor_attribute_values_reach_the_logs()
    {
        var token = await TokenFromAsync(await _server.PostAsync(Transfer, AllAttributes));
        using var redeemed = await RedeemAsync(_server, token);
        Assert.Equal(HttpStatusCode.OK, redeemed.StatusCode);
        using var noRedirects = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var clickToken = await TokenFromAsync(await _server.PostAsync(Transfer, AllAttributes));
        using var replay = await RedeemAsync(_server, token);

        var logs = _server.Logs.Entries;
        Assert.NotEmpty(logs);
        Assert.Contains(logs, l => l.Contains("Session transfer from client"));
        foreach (var entry in logs)
        {
            Assert.DoesNotContain(token, entry);
            Assert.DoesNotContain(clickToken, entry);
            Assert.DoesNotMatch(@"(?<![\w.])(87|698)(?![\w.])", entry); // values alone; not durations like "87.6967ms"
            Assert.DoesNotContain(AuroraBots.AuroraAI.AuroraDevCredentials.ClientSecret, entry);
        }
    }

    [Fact]
    public async Task A_registered_bot_appears_in_results_with_session_transfer()
    {
        const string botChannel = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
        _server.Registry.Register(new AuroraServiceRegistration
        {
            ClientId = "6f1e2d3c-4b5a-4968-8776-5a4b3c2d1e0f", ClientSecret = "bot-secret-0123456789",
            Name = new() { ["fi"] = "Asumisbotti", ["sv"] = "Boendeboten", ["en"] = "Housing bot" },
            Description = new() { ["fi"] = "Neuvoo asumisessa ja muutossa.", ["en"] = "Advice on housing and moving." },
            ServiceChannelId = botChannel, ReceivableAttributes = ["municipality_code"],
            LandingUrl = "https://bots.example/handoff/housing", Meters = ["housing"],
        });

        using var recommend = await _server.PostAsync("service-recommender/v1/recommend_service", """{"life_situation_meters": {"housing": [1]}, "limit": 50}""");
        using var json = JsonDocument.Parse(await recommend.Content.ReadAsStringAsync());
        var channel = json.RootElement.GetProperty("recommended_services").EnumerateArray()
            .SelectMany(s => s.GetProperty("service_channels").EnumerateArray())
            .Single(c => c.GetProperty("service_channel_id").GetString() == botChannel);
        Assert.Equal("EChannel", channel.GetProperty("service_channel_type").GetString());
        Assert.True(channel.GetProperty("session_transfer").GetBoolean());

        using var search = await _server.PostAsync("service-recommender/v1/text_search", """{"search_text": "housing bot", "language": "en"}""");
        using var found = JsonDocument.Parse(await search.Content.ReadAsStringAsync());
        Assert.Equal("Asumisbotti", found.RootElement.GetProperty("recommended_services")[0].GetProperty("service_name").GetString());
    }
}
