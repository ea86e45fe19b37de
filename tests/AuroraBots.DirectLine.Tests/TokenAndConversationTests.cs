using System.Buffers.Text;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AuroraBots.DirectLine.Tests.Infrastructure;

namespace AuroraBots.DirectLine.Tests;

/// <summary>§7 checks 1–3, 13–15, 22: tokens, start, reconnect, refresh, expiry and conversation binding.</summary>
public sealed class TokenAndConversationTests(ChannelServer server) : IClassFixture<ChannelServer>
{
    private static JsonObject JwtPayload(string token) =>
        JsonNode.Parse(Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token.Split('.')[1])))!.AsObject();

    [Fact]
    public async Task Generate_with_secret_returns_a_token_bound_to_user_without_starting_the_conversation()
    {
        using var client = server.Client();
        var response = await client.SendAsync(HttpMethod.Post, "tokens/generate", """{"user":{"id":"dl_x"}}""");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await DirectLineClient.JsonAsync(response);
        var conversationId = (string)body["conversationId"]!;
        Assert.True(Ids.IsUrlSafe(conversationId));
        Assert.True((int)body["expires_in"]! >= 1800);
        Assert.Null(body["streamUrl"]);
        Assert.Equal("dl_x", (string)JwtPayload((string)body["token"]!)["user"]!);

        // Not started: no conversation exists yet, so nothing reached the bot.
        var activities = await client.SendAsync(HttpMethod.Get, $"conversations/{conversationId}/activities?watermark=");
        Assert.Equal(HttpStatusCode.NotFound, activities.StatusCode);
    }

    [Fact]
    public async Task Generate_with_a_token_is_forbidden()
    {
        using var client = server.Client();
        await client.StartAsync();
        var response = await client.SendAsync(HttpMethod.Post, "tokens/generate", "{}");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("SecretRequired", (string)(await DirectLineClient.JsonAsync(response))["error"]!["code"]!);
    }

    [Fact]
    public async Task Start_with_token_returns_201_then_200_for_the_same_conversation()
    {
        using var client = server.Client();
        var generated = await DirectLineClient.JsonAsync(await client.SendAsync(HttpMethod.Post, "tokens/generate", "{}"));
        client.Credential = (string)generated["token"]!;

        var first = await client.SendAsync(HttpMethod.Post, "conversations", """{"user":{}}""");
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var conversation = await DirectLineClient.JsonAsync(first);
        Assert.Equal((string)generated["conversationId"]!, (string)conversation["conversationId"]!);
        var streamUrl = new Uri((string)conversation["streamUrl"]!);
        Assert.True(streamUrl.IsAbsoluteUri);
        Assert.Contains(streamUrl.Scheme, new[] { "ws", "wss" });
        Assert.False(string.IsNullOrEmpty((string)conversation["token"]!));

        var second = await client.SendAsync(HttpMethod.Post, "conversations", """{"user":{}}""");
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal((string)generated["conversationId"]!, (string)(await DirectLineClient.JsonAsync(second))["conversationId"]!);
    }

    [Fact]
    public async Task Start_with_a_known_user_sends_one_conversationUpdate_to_the_bot_and_none_to_clients()
    {
        using var client = server.Client();
        var conversation = await client.StartAsync("""{"user":{"id":"u1"},"locale":"fi-FI"}""");
        var id = (string)conversation["conversationId"]!;
        // The test bot answers a conversationUpdate by describing membersAdded.
        var activities = await client.WaitForAsync(id, a => ((string?)a["text"])?.StartsWith("conversationUpdate") == true);
        var welcome = activities.Single(a => ((string?)a["text"])?.StartsWith("conversationUpdate") == true);
        Assert.Equal("conversationUpdate membersAdded=test-bot:bot,u1:user", (string)welcome["text"]!);
        Assert.Null(welcome["replyToId"]); // it answers an activity clients never see
        Assert.DoesNotContain(activities, a => (string?)a["type"] == "conversationUpdate");
        await using var stream = await StreamClient.OpenAsync((string)conversation["streamUrl"]!);
        await stream.WaitForAsync(a => a["text"] is not null);
        Assert.DoesNotContain(stream.Activities(), a => (string?)a["type"] == "conversationUpdate");
    }

    [Fact]
    public async Task Start_without_user_sends_no_conversationUpdate()
    {
        using var client = server.Client();
        var id = (string)(await client.StartAsync("""{"user":{}}"""))["conversationId"]!;
        await client.PostMessageAsync(id, "hello", user: "u9");
        var activities = await client.WaitForAsync(id, a => (string?)a["text"] == "echo: hello");
        Assert.Equal(["hello", "echo: hello"], activities.Select(a => (string)a["text"]!));
    }

    [Fact]
    public async Task Reconnect_returns_a_fresh_token_and_stream_url()
    {
        using var client = server.Client();
        var conversation = await client.StartAsync();
        var id = (string)conversation["conversationId"]!;
        var response = await client.SendAsync(HttpMethod.Get, $"conversations/{id}?watermark=");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reconnected = await DirectLineClient.JsonAsync(response);
        Assert.Equal(id, (string)reconnected["conversationId"]!);
        Assert.NotEqual((string)conversation["token"]!, (string)reconnected["token"]!);
        Assert.StartsWith("ws://", (string)reconnected["streamUrl"]!);

        client.Credential = (string)reconnected["token"]!;
        await client.PostMessageAsync(id, "with new token");
    }

    [Fact]
    public async Task Refreshed_token_works_and_keeps_the_user_binding()
    {
        using var client = server.Client();
        var id = (string)(await client.StartAsync("""{"user":{"id":"u7"}}"""))["conversationId"]!;
        var response = await client.SendAsync(HttpMethod.Post, "tokens/refresh");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var refreshed = await DirectLineClient.JsonAsync(response);
        Assert.Equal(id, (string)refreshed["conversationId"]!);
        Assert.True((int)refreshed["expires_in"]! >= 1800);
        Assert.Equal("u7", (string)JwtPayload((string)refreshed["token"]!)["user"]!);
        client.Credential = (string)refreshed["token"]!;
        await client.PostMessageAsync(id, "after refresh", user: "u7");
    }

    [Fact]
    public async Task Refresh_with_a_secret_is_refused()
    {
        using var client = server.Client();
        var response = await client.SendAsync(HttpMethod.Post, "tokens/refresh");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Expired_token_gets_403_TokenExpired_everywhere()
    {
        using var client = server.Client();
        var id = (string)(await client.StartAsync())["conversationId"]!;
        using var http = new HttpClient { BaseAddress = server.BaseUrl };
        client.Credential = await http.GetStringAsync($"/test/expired-token?conversationId={id}&botId=test-bot&userId=u1");

        foreach (var (method, path, body) in new[]
                 {
                     (HttpMethod.Post, "tokens/refresh", (string?)null),
                     (HttpMethod.Get, $"conversations/{id}?watermark=", null),
                     (HttpMethod.Get, $"conversations/{id}/activities?watermark=", null),
                     (HttpMethod.Post, $"conversations/{id}/activities", """{"type":"message","text":"x","from":{"id":"u1"}}"""),
                 })
        {
            var response = await client.SendAsync(method, path, body);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal("TokenExpired", (string)(await DirectLineClient.JsonAsync(response))["error"]!["code"]!);
        }
    }

    [Fact]
    public async Task Token_of_one_conversation_is_refused_on_another()
    {
        using var a = server.Client();
        using var b = server.Client();
        await a.StartAsync();
        var otherId = (string)(await b.StartAsync())["conversationId"]!;
        var response = await a.SendAsync(HttpMethod.Post, $"conversations/{otherId}/activities", """{"type":"message","text":"x","from":{"id":"u1"}}""");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("TokenNotValidForConversation", (string)(await DirectLineClient.JsonAsync(response))["error"]!["code"]!);
        var (activities, _) = await b.GetActivitiesAsync(otherId);
        Assert.DoesNotContain(activities, x => (string?)x["text"] == "x");
    }

    [Fact]
    public async Task Secret_of_another_bot_is_refused()
    {
        using var owner = server.Client();
        var id = (string)(await owner.StartAsync())["conversationId"]!;
        using var stranger = server.Client("other-secret");
        var response = await stranger.SendAsync(HttpMethod.Get, $"conversations/{id}/activities?watermark=");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("GET", "conversations/{0}?watermark=")]
    [InlineData("GET", "conversations/{0}/activities?watermark=")]
    [InlineData("POST", "conversations/{0}/activities")]
    public async Task Unknown_conversation_is_404(string method, string pathFormat)
    {
        using var client = server.Client();
        var response = await client.SendAsync(new HttpMethod(method), string.Format(pathFormat, "nosuchconversation"),
            method == "POST" ? """{"type":"message","text":"x","from":{"id":"u1"}}""" : null);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("ConversationNotFound", (string)(await DirectLineClient.JsonAsync(response))["error"]!["code"]!);
    }

    [Fact]
    public async Task Missing_authorization_is_401_and_wrong_secret_403()
    {
        using var anonymous = server.Client(null);
        var missing = await anonymous.SendAsync(HttpMethod.Post, "conversations", "{}");
        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal("MissingAuthorization", (string)(await DirectLineClient.JsonAsync(missing))["error"]!["code"]!);

        using var wrong = server.Client("not-a-secret");
        var forbidden = await wrong.SendAsync(HttpMethod.Post, "conversations", "{}");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal("BadAuthorization", (string)(await DirectLineClient.JsonAsync(forbidden))["error"]!["code"]!);
    }

    [Fact]
    public async Task Trusted_origins_in_a_token_are_enforced()
    {
        using var client = server.Client();
        var generated = await DirectLineClient.JsonAsync(await client.SendAsync(HttpMethod.Post, "tokens/generate",
            """{"user":{"id":"u1"},"trustedOrigins":["http://widget.example"]}"""));
        client.Credential = (string)generated["token"]!;
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(HttpMethod.Post, "conversations", "{}", origin: "http://evil.example")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(HttpMethod.Post, "conversations", "{}", origin: "http://widget.example")).StatusCode);
    }
}
