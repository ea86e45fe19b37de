using System.Net;
using AuroraBots.DirectLine.Tests.Infrastructure;

namespace AuroraBots.DirectLine.Tests;

/// <summary>§7 check 25 (server side): with Redis, a restarted host continues conversations and tokens.</summary>
public sealed class RedisRestartTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    [Fact]
    public async Task A_restarted_host_continues_the_conversation_with_the_same_token_and_watermarks()
    {
        var prefix = $"test:{Guid.NewGuid():N}:";
        string[] args = ["--redis", redis.Configuration, "--redis-prefix", prefix];
        string id, token, watermark;
        var first = new ChannelServer(args);
        await first.InitializeAsync();
        try
        {
            using var client = first.Client();
            id = (string)(await client.StartAsync("""{"user":{}}"""))["conversationId"]!;
            await client.PostMessageAsync(id, "before restart");
            await client.WaitForAsync(id, a => (string?)a["text"] == "echo: before restart");
            (_, watermark) = await client.GetActivitiesAsync(id);
            token = client.Credential!;
        }
        finally
        {
            await first.DisposeAsync();
        }

        var second = new ChannelServer(args);
        await second.InitializeAsync();
        try
        {
            using var client = second.Client(token);
            var reconnect = await client.SendAsync(HttpMethod.Get, $"conversations/{id}?watermark={watermark}");
            Assert.Equal(HttpStatusCode.OK, reconnect.StatusCode);
            await client.PostMessageAsync(id, "after restart");
            await client.WaitForAsync(id, a => (string?)a["text"] == "echo: after restart");
            var (all, _) = await client.GetActivitiesAsync(id);
            Assert.Equal(["before restart", "echo: before restart", "after restart", "echo: after restart"], all.Select(a => (string)a["text"]!));
            var ids = all.Select(a => (string)a["id"]!).ToList();
            Assert.Equal(ids.Count, ids.Distinct().Count());
            var (fresh, _) = await client.GetActivitiesAsync(id, watermark);
            Assert.Equal(["after restart", "echo: after restart"], fresh.Select(a => (string)a["text"]!));
        }
        finally
        {
            await second.DisposeAsync();
        }
    }

    [Fact]
    public async Task Redis_down_gives_clear_errors_and_polling_keeps_answering_200()
    {
        var server = new ChannelServer(["--redis", "127.0.0.1:1", "--redis-prefix", "unreachable:"]);
        await server.InitializeAsync();
        try
        {
            using var client = server.Client();
            var start = await client.SendAsync(HttpMethod.Post, "conversations", "{}");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, start.StatusCode);
            Assert.Equal("ServiceUnavailable", (string)(await DirectLineClient.JsonAsync(start))["error"]!["code"]!);
            var poll = await client.SendAsync(HttpMethod.Get, "conversations/someconversation/activities?watermark=5");
            Assert.Equal(HttpStatusCode.OK, poll.StatusCode);
            Assert.Equal("5", (string)(await DirectLineClient.JsonAsync(poll))["watermark"]!);
        }
        finally
        {
            await server.DisposeAsync();
        }
    }
}
