using System.Net;

namespace AuroraBots.Host.Tests;

/// <summary>Issue 15, item 11: the demo page's token endpoint is bound to the configured public origin, not to the client's Host header.</summary>
public sealed class DemoTokenOriginTests : IClassFixture<DemoTokenOriginTests.PublicUrlFactory>
{
    public sealed class PublicUrlFactory : HostFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Widget:PublicBaseUrl"] = "https://chat.example.fi",
            ["Widget:TokenRateLimit:PermitLimit"] = "1000",
        };
    }

    private readonly PublicUrlFactory _factory;

    public DemoTokenOriginTests(PublicUrlFactory factory) => _factory = factory;

    [Fact]
    public async Task An_origin_matching_only_the_requests_own_host_header_is_refused()
    {
        var client = _factory.CreateClient();
        var forged = _factory.Request(HttpMethod.Post, "/api/bots/frontdesk/token", "http://evil.example", new { });
        forged.Headers.Host = "evil.example";
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(forged)).StatusCode);

        var own = await client.SendAsync(_factory.Request(HttpMethod.Post, "/api/bots/frontdesk/token", "https://chat.example.fi", new { }));
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }
}
