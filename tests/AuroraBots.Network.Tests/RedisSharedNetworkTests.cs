using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using AuroraBots.Network.SessionTransfer;
using AuroraBots.Network.Tests.Infrastructure;

namespace AuroraBots.Network.Tests;

/// <summary>
/// Issue 14: with Redis, two instances of the network service are one service — a session-transfer token issued on
/// one is redeemed on the other exactly once and revoked from either; a recommendation id from one takes feedback
/// and redirects on the other.
/// </summary>
public sealed partial class RedisSharedNetworkTests(RedisFixture redis) : IClassFixture<RedisFixture>, IAsyncLifetime
{
    private const string ReceiverId = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
    private const string ReceiverSecret = "receiver-secret-0123456789";
    private const string Transfer = "service-recommender/v1/session_attributes";
    private const string Attributes = """{"service_channel_id": "22222222-2222-4222-8222-222222222222", "session_attributes": {"age": 87, "municipality_code": "698"}}""";

    private readonly string _prefix = RedisFixture.UniquePrefix();
    private NetworkServer _a = null!;
    private NetworkServer _b = null!;

    [GeneratedRegex("auroraai_access_token=([0-9a-f]{64})")]
    private static partial Regex TokenInUrl();

    public async Task InitializeAsync()
    {
        _a = await StartAsync();
        _b = await StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
        await redis.DeleteKeysAsync(_prefix);
    }

    private async Task<NetworkServer> StartAsync()
    {
        var server = await NetworkServer.StartAsync(settings: new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = redis.Configuration,
            ["AuroraAI:Network:RedisKeyPrefix"] = _prefix,
        });
        server.Registry.Register(new AuroraServiceRegistration
        {
            ClientId = ReceiverId, ClientSecret = ReceiverSecret, Name = new() { ["fi"] = "Vastaanottaja" },
            ServiceChannelId = "22222222-2222-4222-8222-222222222222", ReceivableAttributes = ["age"],
            LandingUrl = "https://receiver.example/landing", ListInCatalogue = false,
        });
        return server;
    }

    private static async Task<string> IssueAsync(NetworkServer server, string receipt)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Transfer) { Content = new StringContent(Attributes, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Authorization = NetworkServer.Basic();
        request.Headers.Add("AuroraBots-Consent-Receipt", receipt);
        using var response = await server.Http.SendAsync(request);
        var url = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, url);
        return TokenInUrl().Match(url).Groups[1].Value;
    }

    private static Task<HttpResponseMessage> RedeemAsync(NetworkServer server, string token) =>
        server.Http.GetAsync($"{Transfer}?access_token={token}");

    [Fact]
    public async Task A_token_issued_on_one_instance_is_redeemed_once_on_another_and_never_stored_in_clear()
    {
        var token = await IssueAsync(_a, "receipt-shared");

        using var onB = await RedeemAsync(_b, token);
        Assert.Equal(HttpStatusCode.OK, onB.StatusCode);
        Assert.Equal(87, JsonDocument.Parse(await onB.Content.ReadAsStringAsync()).RootElement.GetProperty("age").GetInt32());
        Assert.False(JsonDocument.Parse(await onB.Content.ReadAsStringAsync()).RootElement.TryGetProperty("municipality_code", out _));
        using var againOnA = await RedeemAsync(_a, token);
        Assert.Equal(HttpStatusCode.NotFound, againOnA.StatusCode); // single use across instances

        await using var connection = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(redis.Configuration);
        var server = connection.GetServers().First();
        var keys = server.Keys(pattern: _prefix + "*").Select(k => k.ToString()).ToList();
        Assert.Contains(keys, k => k.Contains(":token:", StringComparison.Ordinal));
        Assert.DoesNotContain(keys, k => k.Contains(token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Concurrent_redemptions_on_both_instances_let_exactly_one_win()
    {
        var tokens = new List<string>();
        for (var i = 0; i < 10; i++) tokens.Add(await IssueAsync(i % 2 == 0 ? _a : _b, "receipt-race"));
        var answers = await Task.WhenAll(tokens.SelectMany(t => new[] { RedeemAsync(_a, t), RedeemAsync(_b, t) }));
        Assert.Equal(10, answers.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(10, answers.Count(r => r.StatusCode == HttpStatusCode.NotFound));
    }

    [Fact]
    public async Task A_consent_revoked_on_one_instance_revokes_tokens_issued_on_the_other()
    {
        var first = await IssueAsync(_a, "receipt-revoke");
        var second = await IssueAsync(_b, "receipt-revoke");
        using var revoke = new HttpRequestMessage(HttpMethod.Delete, $"{Transfer}/consents/receipt-revoke");
        revoke.Headers.Authorization = NetworkServer.Basic();
        using var revoked = await _b.Http.SendAsync(revoke);
        Assert.Contains("\"revoked\":2", await revoked.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await RedeemAsync(_a, first)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await RedeemAsync(_a, second)).StatusCode);
    }

    [Fact]
    public async Task A_recommendation_made_on_one_instance_takes_feedback_and_redirects_on_the_other()
    {
        using var recommended = await _a.PostAsync("service-recommender/v1/recommend_service", """{"life_situation_meters": {"family": [2]}}""");
        using var json = JsonDocument.Parse(await recommended.Content.ReadAsStringAsync());
        var id = json.RootElement.GetProperty("auroraai_recommendation_id").GetInt64();
        var service = json.RootElement.GetProperty("recommended_services")[0];
        var serviceId = service.GetProperty("service_id").GetString();

        using var second = await _b.PostAsync("service-recommender/v1/recommend_service", """{"life_situation_meters": {"family": [2]}}""");
        Assert.NotEqual(id, JsonDocument.Parse(await second.Content.ReadAsStringAsync()).RootElement.GetProperty("auroraai_recommendation_id").GetInt64());

        using var feedback = await _b.PostAsync("service-recommender/v1/recommendation_feedback",
            $$$"""{"auroraai_recommendation_id": {{{id}}}, "service_feedbacks": [{"service_id": "{{{serviceId}}}", "feedback_score": 1}]}""");
        Assert.Equal(HttpStatusCode.OK, feedback.StatusCode);

        var channel = service.GetProperty("service_channels")[0].GetProperty("service_channel_id").GetString();
        using var noRedirect = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _b.BaseAddress };
        using var redirect = await noRedirect.GetAsync($"service-recommender/v1/redirect?service_id={serviceId}&service_channel_id={channel}&link_id=0&recommendation_id={id}");
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
    }
}
