using System.Net;
using System.Net.WebSockets;
using AuroraBots.DirectLine.Apis;
using AuroraBots.DirectLine.Tests.Infrastructure;
using AuroraBots.DirectLine.Tokens;
using Microsoft.Extensions.DependencyInjection;

namespace AuroraBots.DirectLine.Tests;

/// <summary>Issue 15, item 11: refresh is bounded by an absolute lifetime, stream URLs are single-use, CORS never reflects arbitrary origins with credentials.</summary>
public sealed class TokenLifetimeTests(ChannelServer server) : IClassFixture<ChannelServer>
{
    [Fact]
    public async Task Refreshing_never_extends_a_token_past_the_absolute_lifetime_from_its_first_issue()
    {
        var tokens = server.App.Services.GetRequiredService<DirectLineTokenService>();
        using var client = server.Client();
        var id = (string)(await client.StartAsync("""{"user":{}}"""))["conversationId"]!;
        // A token first issued 11 h 50 min ago (12 h absolute): a refresh gets at most the remaining 10 minutes.
        var now = DateTimeOffset.UtcNow;
        client.Credential = tokens.Issue(new TokenClaims
        {
            BotId = "test-bot", ConversationId = id, UserId = "u1", Scope = TokenClaims.ConversationScope,
            IssuedAt = now.AddMinutes(-10), ExpiresAt = now.AddMinutes(20), FirstIssuedAt = now.AddHours(-11).AddMinutes(-50),
        });
        var refreshed = await DirectLineClient.JsonAsync(await client.SendAsync(HttpMethod.Post, "tokens/refresh"));
        Assert.InRange((int)refreshed["expires_in"]!, 500, 600);
        var claims = tokens.Validate((string)refreshed["token"]!, TokenClaims.ConversationScope).Claims!;
        Assert.Equal(now.AddHours(-11).AddMinutes(-50).ToUnixTimeSeconds(), claims.FirstIssuedAt!.Value.ToUnixTimeSeconds());
        Assert.True(claims.ExpiresAt <= now.AddMinutes(10).AddSeconds(1));

        // Past the absolute end every token of the conversation is expired, so nothing can refresh it any more.
        client.Credential = tokens.Issue(new TokenClaims
        {
            BotId = "test-bot", ConversationId = id, UserId = "u1", Scope = TokenClaims.ConversationScope,
            IssuedAt = now.AddHours(-13), ExpiresAt = now.AddSeconds(-1), FirstIssuedAt = now.AddHours(-13),
        });
        var refused = await client.SendAsync(HttpMethod.Post, "tokens/refresh");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task A_stream_url_opens_one_socket_only_and_reconnecting_gives_a_fresh_one()
    {
        using var client = server.Client();
        var conversation = await client.StartAsync("""{"user":{}}""");
        var id = (string)conversation["conversationId"]!;
        var streamUrl = (string)conversation["streamUrl"]!;
        await using var first = await StreamClient.OpenAsync(streamUrl);
        using var second = new ClientWebSocket();
        var replay = await Assert.ThrowsAsync<WebSocketException>(() => second.ConnectAsync(new Uri(streamUrl), CancellationToken.None));
        Assert.Contains("403", replay.Message);

        var reconnect = await DirectLineClient.JsonAsync(await client.SendAsync(HttpMethod.Get, $"conversations/{id}?watermark=0"));
        await using var fresh = await StreamClient.OpenAsync((string)reconnect["streamUrl"]!);
        Assert.False(fresh.IsClosed);
    }

    [Theory]
    [InlineData("http://localhost:*", "http://localhost:6000", true)]
    [InlineData("http://localhost:*", "http://localhost.evil:6000", false)]
    [InlineData("http://localhost:*", "http://localhost:6000@evil", false)]
    [InlineData("http://localhost:*", "https://localhost:6000", false)]
    [InlineData("https://www.kunta.fi", "https://www.kunta.fi", true)]
    [InlineData("*", "https://anything.example", false)] // "*" never reflects an origin (it answers "*" without credentials)
    public void Origins_match_exactly_or_by_a_port_wildcard_of_the_same_host(string allowed, string origin, bool matches) =>
        Assert.Equal(matches, DirectLineCorsMiddleware.Matches(allowed, origin));

    [Fact]
    public async Task An_any_origin_setting_answers_a_star_without_credentials()
    {
        var open = new ChannelServer(["--keepalive-seconds", "1"], b => b.Services.PostConfigure<DirectLineOptions>(o => o.AllowedOrigins.Add("*")));
        await open.InitializeAsync();
        try
        {
            using var client = open.Client();
            var response = await client.SendAsync(HttpMethod.Post, "conversations", "{}", origin: "https://evil.example");
            Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
            Assert.False(response.Headers.Contains("Access-Control-Allow-Credentials"));
            var configured = await client.SendAsync(HttpMethod.Post, "conversations", "{}", origin: "http://widget.example");
            Assert.Equal("http://widget.example", configured.Headers.GetValues("Access-Control-Allow-Origin").Single());
            Assert.Equal("true", configured.Headers.GetValues("Access-Control-Allow-Credentials").Single());
        }
        finally { await open.DisposeAsync(); }
    }
}
