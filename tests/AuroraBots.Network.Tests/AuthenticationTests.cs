using System.Net;
using System.Net.Http.Headers;
using AuroraBots.Network.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AuroraBots.Network.Tests;

/// <summary>HTTP Basic with registered client ids and secrets (§1.1); which endpoints are open; the health check.</summary>
public sealed class AuthenticationTests : IAsyncLifetime
{
    private const string Body = """{"life_situation_meters": {"health": [3]}}""";
    private NetworkServer _server = null!;

    public async Task InitializeAsync() => _server = await NetworkServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public static TheoryData<string?> BadCredentials => new()
    {
        null,
        "Bearer abc",
        "Basic not-base64!",
        "Basic " + Convert.ToBase64String("3f0e4c1a-7b2d-4e5f-9a8b-1c2d3e4f5a6b:wrong-secret"u8.ToArray()),
        "Basic " + Convert.ToBase64String("00000000-0000-4000-8000-000000000000:a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7"u8.ToArray()),
        "Basic " + Convert.ToBase64String("abcd:abcd"u8.ToArray()),
    };

    [Theory]
    [MemberData(nameof(BadCredentials))]
    public async Task Bad_or_missing_credentials_get_401_with_a_challenge(string? authorization)
    {
        foreach (var path in (string[])["recommend_service", "text_search", "recommendation_feedback", "session_attributes"])
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "service-recommender/v1/" + path)
            {
                Content = new StringContent(Body, System.Text.Encoding.UTF8, "application/json"),
            };
            if (authorization is not null) request.Headers.TryAddWithoutValidation("Authorization", authorization);
            using var response = await _server.Http.SendAsync(request);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("Unauthorized", await response.Content.ReadAsStringAsync());
            Assert.Contains("realm=\"Service recommender API\"", response.Headers.WwwAuthenticate.ToString());
        }
    }

    [Fact]
    public async Task Clients_from_configuration_are_accepted_and_the_dev_client_can_be_disabled()
    {
        await using var server = await NetworkServer.StartAsync(settings: new Dictionary<string, string?>
        {
            ["AuroraAI:Network:DevClient:Enabled"] = "false",
            ["AuroraAI:Network:Services:0:ClientId"] = "0f8fad5b-d9cb-469f-a165-70867728950e",
            ["AuroraAI:Network:Services:0:ClientSecret"] = "configured-secret-0123",
            ["AuroraAI:Network:Services:0:Name:fi"] = "Kuntapalvelu",
        });
        using var dev = await server.PostAsync("service-recommender/v1/recommend_service", Body);
        Assert.Equal(HttpStatusCode.Unauthorized, dev.StatusCode);
        using var configured = await server.PostAsync("service-recommender/v1/recommend_service", Body,
            NetworkServer.Basic("0f8fad5b-d9cb-469f-a165-70867728950e", "configured-secret-0123"));
        Assert.Equal(HttpStatusCode.OK, configured.StatusCode);
    }

    [Fact]
    public async Task Health_check_needs_no_credentials()
    {
        using var response = await _server.Http.GetAsync("service-recommender/healthcheck/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthcheck OK", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_openapi_document_is_served_without_credentials()
    {
        using var response = await _server.Http.GetAsync("service-recommender/v1/openapi.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(json.RootElement.GetProperty("paths").TryGetProperty("/service-recommender/v1/recommend_service", out _));
    }

    [Fact]
    public async Task The_standalone_server_serves_the_same_api()
    {
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
            b.UseSetting("AuroraAI:Network:CatalogueFile", NetworkServer.FixtureCatalogue));
        using var client = factory.CreateClient();
        Assert.Equal("Healthcheck OK", await client.GetStringAsync("/service-recommender/healthcheck/"));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/service-recommender/v1/recommend_service")
        {
            Content = new StringContent(Body, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = NetworkServer.Basic();
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
