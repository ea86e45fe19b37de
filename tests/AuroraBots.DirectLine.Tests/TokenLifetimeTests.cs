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

    /// <summary>A conversation started with a generated token, as a site backend and Web Chat do.</summary>
    private async Task<(DirectLineClient Client, string Id, string StreamUrl, string Token)> TokenConversationAsync()
    {
        using var secret = server.Client();
        var generated = await DirectLineClient.JsonAsync(await secret.SendAsync(HttpMethod.Post, "tokens/generate", """{"user":{"id":"u1"}}"""));
        var token = (string)generated["token"]!;
        var client = server.Client(token);
        var conversation = await client.StartAsync();
        return (client, (string)conversation["conversationId"]!, (string)conversation["streamUrl"]!, token);
    }

    [Fact]
    public async Task Ending_the_conversation_revokes_its_tokens_for_polling_posting_refresh_reconnect_and_streams()
    {
        var (client, id, unusedStreamUrl, _) = await TokenConversationAsync();
        using var _ = client;
        var refreshed = (string)(await DirectLineClient.JsonAsync(await client.SendAsync(HttpMethod.Post, "tokens/refresh")))["token"]!;
        await client.PostMessageAsync(id, "hello");

        // The user ends the conversation (Bot Framework's endOfConversation): it is recorded for the bot (200)...
        await client.PostAsync(id, """{"type":"endOfConversation","from":{"id":"u1"}}""");

        // ...and from then on every token of the conversation is refused, also one refreshed before the end.
        foreach (var credential in new[] { client.Credential!, refreshed })
        {
            client.Credential = credential;
            foreach (var (method, path, body) in new (HttpMethod, string, string?)[]
            {
                (HttpMethod.Get, $"conversations/{id}/activities", null),
                (HttpMethod.Post, $"conversations/{id}/activities", """{"type":"message","text":"still here?"}"""),
                (HttpMethod.Post, "tokens/refresh", null),
                (HttpMethod.Get, $"conversations/{id}?watermark=0", null),
                (HttpMethod.Post, "conversations", "{}"),
            })
            {
                var refused = await client.SendAsync(method, path, body);
                Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
                Assert.Contains("TokenExpired", await refused.Content.ReadAsStringAsync());
            }
        }
        // A stream URL handed out before the end cannot open a socket after it.
        using var socket = new ClientWebSocket();
        var refusedStream = await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(new Uri(unusedStreamUrl), CancellationToken.None));
        Assert.Contains("403", refusedStream.Message);
        // The bot's secret is not a token: the bot still sees the end in the conversation's history.
        using var secret = server.Client();
        var history = await secret.GetAllActivitiesAsync(id);
        Assert.Contains(history, a => (string?)a["type"] == "endOfConversation");
    }

    [Fact]
    public async Task A_token_can_be_revoked_explicitly_and_other_conversations_keep_working()
    {
        var (client, id, _, _) = await TokenConversationAsync();
        var (other, otherId, _, _) = await TokenConversationAsync();
        using var first = client;
        using var second = other;

        var revoked = await client.SendAsync(HttpMethod.Post, "tokens/revoke");
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(HttpMethod.Get, $"conversations/{id}/activities")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await other.SendAsync(HttpMethod.Get, $"conversations/{otherId}/activities")).StatusCode);
        // A secret cannot be revoked this way (it is rotated in the configuration).
        using var secret = server.Client();
        Assert.Equal(HttpStatusCode.Forbidden, (await secret.SendAsync(HttpMethod.Post, "tokens/revoke")).StatusCode);
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
