using AuroraBots.DirectLine.Tests.Infrastructure;

namespace AuroraBots.DirectLine.Tests;

/// <summary>
/// Three channel instances on one Redis, requests spread over them as a round-robin balancer would: the socket on
/// one instance, the posts on the others, polling on a third.
/// </summary>
public sealed class MultiInstanceTests(RedisFixture redis) : IClassFixture<RedisFixture>, IAsyncLifetime
{
    private readonly string _prefix = RedisFixture.UniquePrefix();
    private readonly List<ChannelServer> _servers = [];

    public async Task InitializeAsync()
    {
        for (var i = 0; i < 3; i++)
        {
            var server = new ChannelServer(["--redis", redis.Configuration, "--redis-prefix", _prefix, "--keepalive-seconds", "1"]);
            await server.InitializeAsync();
            _servers.Add(server);
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var server in _servers) await server.DisposeAsync();
        await redis.DeleteKeysAsync(_prefix);
    }

    [Fact]
    public async Task Replies_reach_a_socket_on_another_instance_in_order_and_polling_agrees_everywhere()
    {
        using var starter = _servers[0].Client();
        var conversation = await starter.StartAsync();
        var id = (string)conversation["conversationId"]!;
        await using var stream = await StreamClient.OpenAsync((string)conversation["streamUrl"]!);

        // Posts alternate between the two other instances, some of them concurrently.
        var posters = _servers.Skip(1).Select(s => s.Client(starter.Credential)).ToList();
        for (var round = 0; round < 5; round++)
            await Task.WhenAll(posters.Select((p, i) => p.PostMessageAsync(id, $"m{round}-{i}")));

        await stream.WaitForAsync(_ => Count(stream) == 10);
        var texts = stream.Activities();
        var echoes = texts.Select(a => (string?)a["text"]).Where(t => t?.StartsWith("echo:") == true).ToList();
        Assert.Equal(10, echoes.Count);
        Assert.Equal(10, echoes.Distinct().Count());
        // Every user message precedes its echo, and the socket saw gap-free increasing watermarks.
        var order = texts.Select(a => (string?)a["text"]).ToList();
        foreach (var echo in echoes) Assert.True(order.IndexOf(echo![6..]) < order.IndexOf(echo));
        var ids = texts.Select(a => (string)a["id"]!).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);

        // Every instance answers the same log and watermark.
        var views = await Task.WhenAll(_servers.Select(async s =>
        {
            using var poller = s.Client(starter.Credential);
            var (activities, watermark) = await poller.GetActivitiesAsync(id);
            return (Ids: string.Join(",", activities.Select(a => (string)a["id"]!)), watermark);
        }));
        Assert.Single(views.Distinct());
        Assert.Equal(string.Join(",", ids), views[0].Ids);
    }

    [Fact]
    public async Task A_post_retried_on_another_instance_is_recorded_and_answered_once()
    {
        using var first = _servers[0].Client();
        var id = (string)(await first.StartAsync())["conversationId"]!;
        using var second = _servers[1].Client(first.Credential);
        var a = await first.PostMessageAsync(id, "once", clientActivityId: "retry-1");
        var b = await second.PostMessageAsync(id, "once", clientActivityId: "retry-1");
        Assert.Equal(a, b);
        await first.WaitForAsync(id, x => (string?)x["text"] == "echo: once");
        await Task.Delay(500);
        var all = await _servers[2].Client(first.Credential).GetAllActivitiesAsync(id);
        Assert.Single(all, x => (string?)x["text"] == "once");
        Assert.Single(all, x => (string?)x["text"] == "echo: once");
    }

    [Fact]
    public async Task Ending_a_conversation_on_one_instance_revokes_its_token_on_every_instance()
    {
        using var starter = _servers[0].Client();
        var id = (string)(await starter.StartAsync())["conversationId"]!;
        using var other = _servers[2].Client(starter.Credential);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await other.SendAsync(HttpMethod.Get, $"conversations/{id}/activities")).StatusCode);

        await starter.PostAsync(id, """{"type":"endOfConversation","from":{"id":"u1"}}""");

        foreach (var server in _servers)
        {
            using var client = server.Client(starter.Credential);
            var refused = await client.SendAsync(HttpMethod.Post, "tokens/refresh");
            Assert.Equal(System.Net.HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await client.SendAsync(HttpMethod.Get, $"conversations/{id}/activities")).StatusCode);
        }
    }

    private static int Count(StreamClient stream) => stream.Activities().Count(a => ((string?)a["text"])?.StartsWith("echo:") == true);
}
