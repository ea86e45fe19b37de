using System.Net;
using System.Net.WebSockets;
using System.Text.Json.Nodes;
using AuroraBots.DirectLine.Tests.Infrastructure;
using AuroraBots.DirectLine.Tokens;
using Microsoft.Extensions.DependencyInjection;

namespace AuroraBots.DirectLine.Tests;

/// <summary>§7 checks 5–7, 9, 11, 12 and issue item 5: the WebSocket stream, replay and reconnect.</summary>
public sealed class StreamTests(ChannelServer server) : IClassFixture<ChannelServer>
{
    [Fact]
    public async Task Stream_opens_without_authorization_header_and_every_frame_is_an_activity_set_or_empty()
    {
        using var client = server.Client();
        var conversation = await client.StartAsync();
        var id = (string)conversation["conversationId"]!;
        await using var stream = await StreamClient.OpenAsync((string)conversation["streamUrl"]!);
        await client.PostMessageAsync(id, "card");
        await client.PostMessageAsync(id, "typing");
        await stream.WaitForAsync(a => (string?)a["text"] == "typed");
        await stream.WaitForFrameAsync(f => f.Text.Length == 0); // keep-alive (1 s in this fixture)

        foreach (var (type, text) in stream.Frames)
        {
            Assert.Equal(WebSocketMessageType.Text, type);
            if (text.Length == 0) continue;
            var set = JsonNode.Parse(text)!.AsObject();
            Assert.IsType<JsonArray>(set["activities"]);
            Assert.False(string.IsNullOrEmpty((string?)set["watermark"]));
        }
        var activities = stream.Activities();
        // Typing is live: delivered on the socket, with an id (livestreaming needs one).
        var typing = activities.Single(a => (string?)a["type"] == "typing");
        Assert.False(string.IsNullOrEmpty((string?)typing["id"]));
        var card = activities.Single(a => (string?)a["text"] == "Choose");
        Assert.Equal("application/vnd.microsoft.card.hero", (string)card["attachments"]![0]!["contentType"]!);
        Assert.Equal("carousel", (string)card["attachmentLayout"]!);
        Assert.Equal("One", (string)card["suggestedActions"]!["actions"]![0]!["title"]!);
    }

    [Fact]
    public async Task Posted_typing_is_echoed_live_on_the_stream_with_its_clientActivityID()
    {
        using var client = server.Client();
        var conversation = await client.StartAsync("""{"user":{}}""");
        var id = (string)conversation["conversationId"]!;
        await using var stream = await StreamClient.OpenAsync((string)conversation["streamUrl"]!);
        // Typing is live-only (never in the log, so no replay): first make sure the server has this socket, by waiting
        // for the echo of a message, as a client that just connected would see its own first message.
        var readyId = await client.PostAsync(id, """{"type":"message","text":"hello","from":{"id":"u1"}}""");
        await stream.WaitForAsync(a => (string?)a["id"] == readyId);
        var typingId = await client.PostAsync(id, """{"type":"typing","from":{"id":"u1"},"channelData":{"clientActivityID":"typing-1"}}""");
        var activities = await stream.WaitForAsync(a => (string?)a["id"] == typingId);
        var echo = activities.Single(a => (string?)a["id"] == typingId);
        Assert.Equal("typing", (string)echo["type"]!);
        Assert.Equal("user", (string)echo["from"]!["role"]!);
        Assert.Equal("typing-1", (string)echo["channelData"]!["clientActivityID"]!);
    }

    [Fact]
    public async Task Client_empty_pings_do_not_close_the_stream()
    {
        using var client = server.Client();
        var conversation = await client.StartAsync("""{"user":{}}""");
        await using var stream = await StreamClient.OpenAsync((string)conversation["streamUrl"]!);
        for (var i = 0; i < 3; i++)
            await stream.Socket.SendAsync(ReadOnlyMemory<byte>.Empty, WebSocketMessageType.Text, true, CancellationToken.None);
        await client.PostMessageAsync((string)conversation["conversationId"]!, "ping-proof");
        await stream.WaitForAsync(a => (string?)a["text"] == "echo: ping-proof");
        Assert.False(stream.IsClosed);
    }

    [Fact]
    public async Task Expired_or_foreign_stream_capability_is_refused()
    {
        using var a = server.Client();
        using var b = server.Client();
        var first = await a.StartAsync();
        var second = await b.StartAsync();
        var secondId = (string)second["conversationId"]!;
        var foreignUrl = ((string)first["streamUrl"]!).Replace((string)first["conversationId"]!, secondId);
        var refused = await Assert.ThrowsAsync<WebSocketException>(() => StreamClient.OpenAsync(foreignUrl));
        Assert.Contains("403", refused.Message);

        var tokens = server.App.Services.GetRequiredService<DirectLineTokenService>();
        var expired = tokens.Issue(new TokenClaims
        {
            BotId = "test-bot", ConversationId = secondId, Scope = TokenClaims.StreamScope,
            IssuedAt = DateTimeOffset.UtcNow.AddMinutes(-5), ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(-4),
        });
        var expiredUrl = new Uri(server.BaseUrl, $"/v3/directline/conversations/{secondId}/stream?watermark=0&t={expired}").ToString().Replace("http://", "ws://");
        var expiredError = await Assert.ThrowsAsync<WebSocketException>(() => StreamClient.OpenAsync(expiredUrl));
        Assert.Contains("403", expiredError.Message);

        // A conversation token is not a stream capability.
        var withBearer = expiredUrl.Replace(expired, (string)second["token"]!);
        await Assert.ThrowsAsync<WebSocketException>(() => StreamClient.OpenAsync(withBearer));
    }

    [Fact]
    public async Task First_stream_replays_what_was_posted_before_it_opened()
    {
        using var client = server.Client();
        var conversation = await client.StartAsync("""{"user":{}}""");
        var id = (string)conversation["conversationId"]!;
        // Web Chat posts webchat/join as soon as the start call returned, before its socket is open.
        var joinId = await client.PostAsync(id, """{"type":"event","name":"webchat/join","from":{"id":"u1"},"channelData":{"clientActivityID":"j1"}}""");
        await client.WaitForAsync(id, a => (string?)a["text"] == "event webchat/join");
        await using var stream = await StreamClient.OpenAsync((string)conversation["streamUrl"]!);
        var activities = await stream.WaitForAsync(a => (string?)a["text"] == "event webchat/join");
        Assert.Equal(joinId, (string)activities[0]["id"]!);
        Assert.Equal("j1", (string)activities[0]["channelData"]!["clientActivityID"]!);
    }

    [Fact]
    public async Task Echo_and_reply_arrive_on_the_stream_in_order()
    {
        using var client = server.Client();
        var conversation = await client.StartAsync("""{"user":{}}""");
        var id = (string)conversation["conversationId"]!;
        await using var stream = await StreamClient.OpenAsync((string)conversation["streamUrl"]!);
        var echoId = await client.PostMessageAsync(id, "order", clientActivityId: "c-order");
        var activities = await stream.WaitForAsync(a => (string?)a["text"] == "echo: order");
        var echoIndex = activities.FindIndex(a => (string?)a["id"] == echoId);
        var replyIndex = activities.FindIndex(a => (string?)a["text"] == "echo: order");
        Assert.InRange(echoIndex, 0, replyIndex - 1);
        Assert.Equal("c-order", (string)activities[echoIndex]["channelData"]!["clientActivityID"]!);
        Assert.Equal(echoId, (string)activities[replyIndex]["replyToId"]!);
    }

    [Fact]
    public async Task Reconnecting_with_the_last_watermark_replays_without_gaps_or_duplicates()
    {
        using var client = server.Client();
        var conversation = await client.StartAsync("""{"user":{}}""");
        var id = (string)conversation["conversationId"]!;
        var received = new List<JsonObject>();
        var watermark = "";

        var stream = await StreamClient.OpenAsync((string)conversation["streamUrl"]!);
        await client.PostMessageAsync(id, "burst 500");
        await stream.WaitForAsync(a => (string?)a["text"] == "burst 20");
        // The server drops every socket mid-burst (as at a deploy).
        using (var http = new HttpClient { BaseAddress = server.BaseUrl })
            (await http.PostAsync("/test/close-sockets", null)).EnsureSuccessStatusCode();
        await stream.WaitClosedAsync();
        received.AddRange(stream.Activities());
        watermark = LastWatermark(stream);
        await stream.DisposeAsync();

        var reconnect = await client.SendAsync(HttpMethod.Get, $"conversations/{id}?watermark={watermark}");
        Assert.Equal(HttpStatusCode.OK, reconnect.StatusCode);
        var fresh = await DirectLineClient.JsonAsync(reconnect);
        await using var second = await StreamClient.OpenAsync((string)fresh["streamUrl"]!);
        await client.PostMessageAsync(id, "after");
        await second.WaitForAsync(a => (string?)a["text"] == "echo: after");
        received.AddRange(second.Activities());

        var ids = received.Select(a => (string)a["id"]!).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        var all = await client.GetAllActivitiesAsync(id);
        Assert.Equal(all.Select(a => (string)a["id"]!), ids);
        Assert.Equal(1 + 500 + 2, ids.Count); // the echo, 500 replies, "after" and its echo: no more and no less
    }

    [Fact]
    public async Task Reconnect_with_empty_watermark_replays_the_whole_history()
    {
        using var client = server.Client();
        var conversation = await client.StartAsync("""{"user":{}}""");
        var id = (string)conversation["conversationId"]!;
        await client.PostMessageAsync(id, "history");
        await client.WaitForAsync(id, a => (string?)a["text"] == "echo: history");
        var fresh = await DirectLineClient.JsonAsync(await client.SendAsync(HttpMethod.Get, $"conversations/{id}?watermark="));
        await using var stream = await StreamClient.OpenAsync((string)fresh["streamUrl"]!);
        var activities = await stream.WaitForAsync(a => (string?)a["text"] == "echo: history");
        Assert.Equal(["history", "echo: history"], activities.Select(a => (string)a["text"]!));
    }

    [Fact]
    public async Task All_sockets_of_a_conversation_receive_every_activity()
    {
        using var client = server.Client();
        var conversation = await client.StartAsync("""{"user":{}}""");
        var id = (string)conversation["conversationId"]!;
        var again = await DirectLineClient.JsonAsync(await client.SendAsync(HttpMethod.Get, $"conversations/{id}?watermark="));
        await using var first = await StreamClient.OpenAsync((string)conversation["streamUrl"]!);
        await using var second = await StreamClient.OpenAsync((string)again["streamUrl"]!);
        await client.PostMessageAsync(id, "both");
        await first.WaitForAsync(a => (string?)a["text"] == "echo: both");
        await second.WaitForAsync(a => (string?)a["text"] == "echo: both");
        Assert.False(first.IsClosed);
        Assert.False(second.IsClosed);
    }

    private static string LastWatermark(StreamClient stream) =>
        stream.Frames.Where(f => f.Text.Length > 0).Select(f => (string)JsonNode.Parse(f.Text)!["watermark"]!).Last();
}
