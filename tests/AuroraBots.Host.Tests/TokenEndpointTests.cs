using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace AuroraBots.Host.Tests;

public class TokenEndpointTests(HostFactory factory) : IClassFixture<HostFactory>
{
    [Fact]
    public async Task Allowed_origin_gets_a_token_that_opens_its_conversation_on_Direct_Line()
    {
        var client = factory.CreateClient();
        var response = await client.SendAsync(factory.Request(HttpMethod.Post, "/api/tenants/tampere/token", HostFactory.TampereSite, new { language = "sv" }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HostFactory.TampereSite, response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString());
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>())!;
        var conversationId = token.GetProperty("conversationId").GetString();
        Assert.EndsWith("/v3/directline", token.GetProperty("directLineDomain").GetString());
        Assert.True(token.GetProperty("expiresIn").GetInt32() >= 1800);

        var start = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations") { Content = JsonContent.Create(new { }) };
        start.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("token").GetString());
        var started = await client.SendAsync(start);
        Assert.True(started.IsSuccessStatusCode, $"Direct Line refused the widget token: {(int)started.StatusCode} {await started.Content.ReadAsStringAsync()}");
        var conversation = await started.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(conversationId, conversation.GetProperty("conversationId").GetString());
    }

    [Theory]
    [InlineData(HostFactory.ForeignSite)]
    [InlineData("http://localhost.evil.example:5080")]
    [InlineData("null")]
    [InlineData(null)]
    public async Task Other_origins_are_refused_without_a_token(string? origin)
    {
        var response = await factory.CreateClient().SendAsync(factory.Request(HttpMethod.Post, "/api/tenants/tampere/token", origin, new { }));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("origin_not_allowed", body);
        Assert.DoesNotContain("token\"", body);
    }

    [Fact]
    public async Task A_tenant_does_not_accept_another_tenants_site()
    {
        // vaasa.localhost is allowed for Vaasa only.
        var response = await factory.CreateClient().SendAsync(factory.Request(HttpMethod.Post, "/api/tenants/tampere/token", "http://vaasa.localhost:5080", new { }));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var vaasa = await factory.CreateClient().SendAsync(factory.Request(HttpMethod.Post, "/api/tenants/vaasa/token", "http://vaasa.localhost:5080", new { }));
        Assert.Equal(HttpStatusCode.OK, vaasa.StatusCode);
    }

    [Fact]
    public async Task Unknown_tenant_is_404()
    {
        var response = await factory.CreateClient().SendAsync(factory.Request(HttpMethod.Post, "/api/tenants/atlantis/token", HostFactory.TampereSite, new { }));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("unknown_tenant", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Preflight_allows_the_json_post()
    {
        var request = factory.Request(HttpMethod.Options, "/api/tenants/tampere/token", HostFactory.TampereSite);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "content-type");
        var response = await factory.CreateClient().SendAsync(request);

        Assert.True(response.IsSuccessStatusCode);
        Assert.Equal(HostFactory.TampereSite, response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("POST", response.Headers.GetValues("Access-Control-Allow-Methods").Single());
        Assert.Contains("Content-Type", response.Headers.GetValues("Access-Control-Allow-Headers").Single(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Config_carries_theme_municipality_and_languages_but_no_secret()
    {
        var response = await factory.CreateClient().SendAsync(factory.Request(HttpMethod.Get, "/api/tenants/vaasa/config", "http://vaasa.localhost:5080"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        var config = JsonDocument.Parse(body).RootElement;

        Assert.Equal("905", config.GetProperty("municipalityCode").GetString());
        Assert.Equal("sv", config.GetProperty("defaultLanguage").GetString());
        Assert.Equal(new[] { "sv", "fi", "en" }, config.GetProperty("languages").EnumerateArray().Select(e => e.GetString() ?? "").ToArray());
        Assert.StartsWith("sha384-", config.GetProperty("webChat").GetProperty("integrity").GetString());
        Assert.DoesNotContain("secret", body, StringComparison.OrdinalIgnoreCase);

        var refused = await factory.CreateClient().SendAsync(factory.Request(HttpMethod.Get, "/api/tenants/vaasa/config", HostFactory.ForeignSite));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task Demo_page_token_endpoint_serves_only_the_hosts_own_origin()
    {
        var client = factory.CreateClient();
        var own = client.BaseAddress!.GetLeftPart(UriPartial.Authority);
        var bots = await client.GetFromJsonAsync<JsonElement>("/api/bots");
        var botId = bots.EnumerateArray().First().GetProperty("id").GetString();

        var ok = await client.SendAsync(factory.Request(HttpMethod.Post, $"/api/bots/{botId}/token", own, new { language = "fi" }));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var foreign = await client.SendAsync(factory.Request(HttpMethod.Post, $"/api/bots/{botId}/token", HostFactory.ForeignSite, new { }));
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        var unknown = await client.SendAsync(factory.Request(HttpMethod.Post, "/api/bots/no-such-bot/token", own, new { }));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
