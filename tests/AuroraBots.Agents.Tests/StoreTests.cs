using AuroraBots.Platform.Storage;
using AuroraBots.Agents.Storage;
using AuroraBots.Dialogs.LiveChat;

namespace AuroraBots.Agents.Tests;

/// <summary>The same behaviour from the memory store and the Redis store (several instances share the latter).</summary>
[Collection(RedisCollection.Name)]
public sealed class StoreTests(RedisFixture redis) : IAsyncLifetime
{
    private readonly string _prefix = RedisFixture.UniquePrefix();
    private readonly List<SharedRedis> _connections = [];
    private static readonly AgentsOptions Options = new();

    public static TheoryData<string> Kinds => new() { "memory", "redis" };

    private ILiveChatStore Store(string kind)
    {
        if (kind == "memory") return new MemoryLiveChatStore(TimeProvider.System, Options);
        // One SharedRedis per store = one host instance each (a second store plays a second instance).
        var connection = new SharedRedis(redis.Configuration);
        _connections.Add(connection);
        return new RedisLiveChatStore(new AgentsRedis(connection, _prefix), Options);
    }

    private static LiveChatSession Waiting(string id, DateTimeOffset at, string queue = "sample") => new()
    {
        ConversationId = id, BotId = queue, Queue = queue, Language = "fi", Subject = "s-" + id, State = LiveChatStates.Waiting, QueuedAt = at,
        Attributes = [new SharedAttribute("age", "Ikä", "16")],
    };

    [Theory, MemberData(nameof(Kinds))]
    public async Task A_queue_is_first_come_first_served(string kind)
    {
        var store = Store(kind);
        var now = DateTimeOffset.UtcNow;
        await store.EnqueueAsync(Waiting("b", now.AddSeconds(2)), default);
        await store.EnqueueAsync(Waiting("a", now), default);
        await store.EnqueueAsync(Waiting("c", now.AddSeconds(5)), default);
        await store.EnqueueAsync(Waiting("other", now, "youth"), default);
        Assert.Equal(["a", "b", "c"], (await store.ListQueueAsync("sample", default)).Select(s => s.ConversationId).ToArray());
        Assert.Equal("16", (await store.GetAsync("a", default))!.Attributes[0].Value);
    }

    [Theory, MemberData(nameof(Kinds))]
    public async Task Of_many_agents_accepting_the_same_chat_at_once_exactly_one_gets_it(string kind)
    {
        // Separate store objects (for Redis: separate connections), as on several host instances.
        var stores = Enumerable.Range(0, kind == "redis" ? 4 : 1).Select(_ => Store(kind)).ToList();
        for (var round = 0; round < 20; round++)
        {
            var id = $"race{round}";
            await stores[0].EnqueueAsync(Waiting(id, DateTimeOffset.UtcNow), default);
            using var start = new ManualResetEventSlim();
            var attempts = Enumerable.Range(0, 8).Select(agent => Task.Run(async () =>
            {
                start.Wait();
                var store = stores[agent % stores.Count];
                return await store.TryTakeAsync("sample", Waiting(id, DateTimeOffset.UtcNow) with { State = LiveChatStates.Active, Agent = $"agent{agent}" }, default)
                    ? $"agent{agent}" : null;
            })).ToList();
            start.Set();
            var winners = (await Task.WhenAll(attempts)).OfType<string>().ToList();
            Assert.Single(winners);
            var saved = await stores[0].GetAsync(id, default);
            Assert.Equal(winners[0], saved!.Agent);
            Assert.Equal(LiveChatStates.Active, saved.State);
            Assert.DoesNotContain(await stores[0].ListQueueAsync("sample", default), s => s.ConversationId == id);
        }
    }

    [Theory, MemberData(nameof(Kinds))]
    public async Task A_chat_that_left_the_queue_cannot_be_taken(string kind)
    {
        var store = Store(kind);
        await store.EnqueueAsync(Waiting("gone", DateTimeOffset.UtcNow), default);
        await store.DeleteAsync("gone", default);
        Assert.False(await store.TryTakeAsync("sample", Waiting("gone", DateTimeOffset.UtcNow) with { State = LiveChatStates.Active }, default));
        Assert.Null(await store.GetAsync("gone", default));
    }

    [Theory, MemberData(nameof(Kinds))]
    public async Task Contact_requests_expire_and_can_be_removed(string kind)
    {
        var store = Store(kind);
        var now = DateTimeOffset.UtcNow;
        ContactRequest Request(string id, DateTimeOffset expires) => new()
        {
            Id = id, BotId = "sample", Subject = "s1", Language = "sv", Method = ContactMethods.Email, Contact = "a@example.org", Message = "hej",
            CreatedAt = now, ExpiresAt = expires,
        };
        await store.SaveContactRequestAsync(Request("live", now.AddDays(1)), default);
        await store.SaveContactRequestAsync(Request("old", now.AddSeconds(-1)), default);
        Assert.Equal(["live"], (await store.ListContactRequestsAsync(now, default)).Select(r => r.Id).ToArray());
        // The expired one is gone for good, not only hidden.
        Assert.DoesNotContain(await store.ListContactRequestsAsync(now.AddDays(-2), default), r => r.Id == "old");
        Assert.True(await store.RemoveContactRequestAsync("live", default));
        Assert.Empty(await store.ListContactRequestsAsync(now, default));
    }

    [Theory, MemberData(nameof(Kinds))]
    public async Task Active_chats_and_presence_are_listed(string kind)
    {
        var store = Store(kind);
        await store.SaveAsync(Waiting("x", DateTimeOffset.UtcNow) with { State = LiveChatStates.Active, Agent = "maija" }, default);
        await store.SetActiveAsync("x", true, default);
        Assert.Equal("maija", Assert.Single(await store.ListActiveAsync(default)).Agent);
        await store.SetActiveAsync("x", false, default);
        Assert.Empty(await store.ListActiveAsync(default));
        await store.ReportPresenceAsync(new AgentPresence("Maija", true, DateTimeOffset.UtcNow), default);
        await store.ReportPresenceAsync(new AgentPresence("maija", false, DateTimeOffset.UtcNow), default);
        Assert.False(Assert.Single(await store.ListPresenceAsync(default)).Available);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var connection in _connections) await connection.DisposeAsync();
        await redis.DeleteKeysAsync(_prefix);
    }
}
