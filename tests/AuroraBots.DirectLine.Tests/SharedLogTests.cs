using AuroraBots.DirectLine.Store;
using AuroraBots.Schema;
using AuroraBots.Platform.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AuroraBots.DirectLine.Tests;

/// <summary>
/// The conversation log and turn queue as several instances see them: each "instance" is its own store object
/// with its own Redis connection (or, for memory, the same objects: the single-process default follows the same rules).
/// </summary>
public sealed class SharedLogTests(RedisFixture redis) : IClassFixture<RedisFixture>, IAsyncLifetime
{
    private readonly string _prefix = RedisFixture.UniquePrefix();
    private readonly List<SharedRedis> _connections = [];
    private readonly IOptions<DirectLineOptions> _options = Options.Create(new DirectLineOptions { MaxActivitiesPerConversation = 1000 });
    private (InMemoryConversationStore Log, InMemoryTurnStore Turns)? _memory;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var connection in _connections) await connection.DisposeAsync();
        await redis.DeleteKeysAsync(_prefix);
    }

    /// <summary>One instance's view: its own connection (Redis) or the shared process objects (memory).</summary>
    private (IConversationStore Log, ITurnStore Turns) Instance(bool useRedis)
    {
        if (!useRedis)
        {
            _memory ??= CreateMemory();
            return _memory.Value;
        }
        var shared = new SharedRedis(redis.Configuration);
        _connections.Add(shared);
        var connection = new RedisConnection(shared, _prefix);
        return (new RedisConversationStore(connection, TimeProvider.System, _options), new RedisTurnStore(connection, _options));
    }

    private (InMemoryConversationStore, InMemoryTurnStore) CreateMemory()
    {
        var turns = new InMemoryTurnStore(TimeProvider.System);
        return (new InMemoryConversationStore(_options, TimeProvider.System, turns, new InMemoryConversationFeed()), turns);
    }

    private static ConversationRecord Record(string id) => new() { Id = id, BotId = "b", ServiceUrl = "http://x/", CreatedAt = DateTimeOffset.UtcNow };

    private static Activity Message(string text) => new() { Type = ActivityTypes.Message, Text = text };

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Concurrent_appends_from_several_instances_get_unique_gap_free_sequences_ids_and_increasing_timestamps(bool useRedis)
    {
        var instances = Enumerable.Range(0, 3).Select(_ => Instance(useRedis)).ToList();
        await instances[0].Log.TryCreateAsync(Record("c"), default);
        var appends = Enumerable.Range(0, 60).Select(i => Task.Run(() => instances[i % 3].Log.AppendAsync("c", Message($"m{i}"), default, default)));
        var results = await Task.WhenAll(appends);

        Assert.Equal(Enumerable.Range(1, 60).Select(i => (long)i), results.Select(r => r.Sequence).Order());
        var log = await instances[1].Log.ReadAfterAsync("c", 0, 100, default);
        var activities = log.Select(a => System.Text.Json.JsonSerializer.Deserialize(a.Json, SchemaJsonContext.Default.Activity)!).ToList();
        Assert.Equal(Enumerable.Range(1, 60).Select(i => (long)i), log.Select(a => a.Sequence));
        Assert.Equal(log.Select(a => Ids.ActivityId("c", a.Sequence)), activities.Select(a => a.Id));
        Assert.All(activities.Zip(activities.Skip(1)), pair => Assert.True(pair.First.Timestamp < pair.Second.Timestamp));
        Assert.Equal(60, await instances[2].Log.GetLastSequenceAsync("c", default));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_retried_append_with_the_same_request_key_is_recorded_once(bool useRedis)
    {
        var (first, second) = (Instance(useRedis), Instance(useRedis));
        await first.Log.TryCreateAsync(Record("c"), default);
        var original = await first.Log.AppendAsync("c", Message("hello"), new AppendOptions("c:client-1", QueueTurn: true), default);
        var retry = await second.Log.AppendAsync("c", Message("hello"), new AppendOptions("c:client-1", QueueTurn: true), default);

        Assert.Equal(AppendOutcome.Appended, original.Outcome);
        Assert.Equal(AppendOutcome.Duplicate, retry.Outcome);
        Assert.Equal(original.Id, retry.Id);
        Assert.Equal(original.Json, retry.Json);
        Assert.Single(await first.Log.ReadAfterAsync("c", 0, 10, default));
        // One turn queued, not two.
        var lease = await first.Turns.TryAcquireAsync("c", TimeSpan.FromSeconds(5), default);
        Assert.Equal(original.Json, lease.Turn);
        Assert.Equal(TurnCompletion.Released, (await first.Turns.CompleteAsync("c", lease.Fence, default)).Completion);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task One_instance_holds_the_turn_lease_and_an_expired_holder_is_fenced_off(bool useRedis)
    {
        var (a, b) = (Instance(useRedis), Instance(useRedis));
        await a.Log.TryCreateAsync(Record("c"), default);
        await a.Log.AppendAsync("c", Message("one"), new AppendOptions(QueueTurn: true), default);
        await b.Log.AppendAsync("c", Message("two"), new AppendOptions(QueueTurn: true), default);

        var lease = TimeSpan.FromMilliseconds(300);
        var grantA = await a.Turns.TryAcquireAsync("c", lease, default);
        var fenceA = grantA.Fence;
        Assert.NotEqual(0, fenceA);
        Assert.Contains("one", System.Text.Encoding.UTF8.GetString(grantA.Turn!));
        Assert.Equal(default, await b.Turns.TryAcquireAsync("c", lease, default));
        Assert.Equal(["c"], await b.Turns.ListWaitingAsync(10, default));

        // A stops renewing (it died); B takes over with a newer fence and A can no longer write or complete.
        await Task.Delay(lease * 2);
        var grantB = await b.Turns.TryAcquireAsync("c", lease * 10, default);
        var fenceB = grantB.Fence;
        Assert.True(fenceB > fenceA);
        Assert.Contains("one", System.Text.Encoding.UTF8.GetString(grantB.Turn!)); // A's unfinished turn, run again by B
        Assert.Equal(AppendOutcome.LeaseLost, (await a.Log.AppendAsync("c", Message("late reply"), new AppendOptions("r:x#1", Fence: fenceA), default)).Outcome);
        Assert.Equal(new TurnStep(TurnCompletion.LeaseLost), await a.Turns.CompleteAsync("c", fenceA, default));
        Assert.False(await a.Turns.RenewAsync("c", fenceA, lease, default));

        Assert.Equal(AppendOutcome.Appended, (await b.Log.AppendAsync("c", Message("reply"), new AppendOptions("r:x#1", Fence: fenceB), default)).Outcome);
        var step = await b.Turns.CompleteAsync("c", fenceB, default);
        Assert.Equal(TurnCompletion.More, step.Completion);
        Assert.Contains("two", System.Text.Encoding.UTF8.GetString(step.Next!));
        Assert.Equal(new TurnStep(TurnCompletion.Released), await b.Turns.CompleteAsync("c", fenceB, default));
        Assert.Empty(await b.Turns.ListWaitingAsync(10, default));
        Assert.Equal(["one", "two", "reply"], (await a.Log.ReadAfterAsync("c", 0, 10, default))
            .Select(s => System.Text.Json.JsonSerializer.Deserialize(s.Json, SchemaJsonContext.Default.Activity)!.Text));
    }

    [Fact]
    public async Task An_append_that_queues_a_turn_takes_the_free_lease_in_the_same_step_and_never_a_held_one()
    {
        var (a, b) = (Instance(useRedis: true), Instance(useRedis: true));
        await a.Log.TryCreateAsync(Record("c"), default);
        var lease = TimeSpan.FromSeconds(5);

        var first = await a.Log.AppendAsync("c", Message("one"), new AppendOptions("c:1", QueueTurn: true, TakeLease: lease), default);
        Assert.True(first.Lease is { Fence: > 0 });
        Assert.Equal(first.Json, first.Lease!.Value.Turn);
        // The lease is taken: nobody else gets it, and a second instance's append leaves the turn to the holder.
        Assert.Equal(default, await b.Turns.TryAcquireAsync("c", lease, default));
        var second = await b.Log.AppendAsync("c", Message("two"), new AppendOptions("c:2", QueueTurn: true, TakeLease: lease), default);
        Assert.Equal(new TurnLease(0, null), second.Lease);
        // A retry is a duplicate: no grant is tried (the caller asks the turn store as before).
        Assert.Null((await b.Log.AppendAsync("c", Message("two"), new AppendOptions("c:2", QueueTurn: true, TakeLease: lease), default)).Lease);

        // The holder finds the second turn before it can release, and the fence it got is the one the turn store checks.
        var step = await a.Turns.CompleteAsync("c", first.Lease.Value.Fence, default);
        Assert.Equal(TurnCompletion.More, step.Completion);
        Assert.Equal(second.Json, step.Next);
        Assert.Equal(new TurnStep(TurnCompletion.Released), await a.Turns.CompleteAsync("c", first.Lease.Value.Fence, default));
        Assert.Null((await a.Log.AppendAsync("c", Message("reply"), new AppendOptions("r:x#1"), default)).Lease);
    }
}
