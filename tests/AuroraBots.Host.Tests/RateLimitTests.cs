using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace AuroraBots.Host.Tests;

public class RateLimitedHostFactory : HostFactory
{
    public const int Limit = 3;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Widget:TokenRateLimit:PermitLimit"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Widget:TokenRateLimit:WindowSeconds"] = "3600",
    };
}

public class RateLimitTests(RateLimitedHostFactory factory) : IClassFixture<RateLimitedHostFactory>
{
    [Fact]
    public async Task Token_endpoint_answers_429_past_the_limit_while_Direct_Line_never_does()
    {
        var client = factory.CreateClient();
        var tokens = new List<string>();
        for (var i = 0; i < RateLimitedHostFactory.Limit; i++)
        {
            var response = await client.SendAsync(factory.Request(HttpMethod.Post, "/api/tenants/tampere/token", HostFactory.TampereSite, new { }));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            tokens.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!);
        }

        var limited = await client.SendAsync(factory.Request(HttpMethod.Post, "/api/tenants/tampere/token", HostFactory.TampereSite, new { }));
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.Contains("Retry-After"));
        // The widget must be able to read the refusal cross-origin.
        Assert.Equal(HostFactory.TampereSite, limited.Headers.GetValues("Access-Control-Allow-Origin").Single());
        // The limit is shared by the demo page's endpoint (same policy, same client address).
        var demo = await client.SendAsync(factory.Request(HttpMethod.Post, "/api/bots/frontdesk/token", client.BaseAddress!.GetLeftPart(UriPartial.Authority), new { }));
        Assert.Equal(HttpStatusCode.TooManyRequests, demo.StatusCode);

        // Same client address, far more Direct Line calls than the token limit: none is rate-limited.
        var statuses = new List<HttpStatusCode>();
        foreach (var token in tokens)
        {
            var start = Authorized(HttpMethod.Post, "/v3/directline/conversations", token, new { });
            var started = await client.SendAsync(start);
            statuses.Add(started.StatusCode);
            var conversation = await started.Content.ReadFromJsonAsync<JsonElement>();
            var id = conversation.GetProperty("conversationId").GetString();
            var current = conversation.GetProperty("token").GetString()!;
            for (var i = 0; i < 5; i++)
            {
                var posted = await client.SendAsync(Authorized(HttpMethod.Post, $"/v3/directline/conversations/{id}/activities", current,
                    new { type = "message", text = $"hello {i}", from = new { id = "u_test", role = "user" } }));
                statuses.Add(posted.StatusCode);
                var reconnected = await client.SendAsync(Authorized(HttpMethod.Get, $"/v3/directline/conversations/{id}?watermark=", current));
                statuses.Add(reconnected.StatusCode);
                var refreshed = await client.SendAsync(Authorized(HttpMethod.Post, "/v3/directline/tokens/refresh", current));
                statuses.Add(refreshed.StatusCode);
            }
        }
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses);
        Assert.All(statuses, status => Assert.True((int)status < 300, $"Direct Line answered {(int)status}"));
    }

    private static HttpRequestMessage Authorized(HttpMethod method, string path, string token, object? json = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (json is not null) request.Content = JsonContent.Create(json);
        return request;
    }
}
