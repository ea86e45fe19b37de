using AuroraBots.Dialogs.Tests.Infrastructure;
using AuroraBots.Schema;
using StackExchange.Redis;

namespace AuroraBots.Dialogs.Tests;

/// <summary>State on a real Redis: restarts, optimistic concurrency, committed turns, TTL, Redis down.</summary>
[Collection(RedisCollection.Name)]
public sealed class StateTests(RedisFixture redis) : IDisposable
{
    private readonly TempDialogs _dialogs = TestContent.CreateEngineDialogs();
    private readonly string _prefix = $"state-test-{Guid.NewGuid():N}:";

    private EngineHarness NewHost(string? connection = null, string ttl = "00:30:00") => new(_dialogs.Path, connection ?? redis.Configuration,
        settings: new Dictionary<string, string?> { ["Dialogs:StateKeyPrefix"] = _prefix, ["Dialogs:StateTtl"] = ttl });

    public void Dispose() => _dialogs.Dispose();

    [Fact]
    public async Task ARestartedHostContinuesTheConversationFromRedisInTheMiddleOfAFlow()
    {
        var conversation = "restart-" + Guid.NewGuid().ToString("N");
        await using (var first = NewHost())
        {
            await first.JoinAsync(conversation, "sample");
            await first.SayAsync(conversation, "sample", "ask how I am");
            Assert.Equal("How are you today?", (await first.SayAsync(conversation, "sample", "15")).Single().Text);
        }

        // A new service provider (a new process, as far as the engine knows) with the same Redis.
        await using var second = NewHost();
        var replies = await second.SayAsync(conversation, "sample", "Good");
        Assert.Equal(["Glad to hear!", "Thank you, my 15-year-old friend!"], replies.Select(r => r.Text));
    }

    [Fact]
    public async Task StateIsStoredInRedisWithTheIdleTtl()
    {
        var conversation = "ttl-" + Guid.NewGuid().ToString("N");
        await using var host = NewHost(ttl: "00:10:00");
        await host.JoinAsync(conversation, "sample");

        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
        var key = _prefix + "state:" + conversation;
        Assert.True(await connection.GetDatabase().KeyExistsAsync(key));
        var ttl = await connection.GetDatabase().KeyTimeToLiveAsync(key);
        Assert.InRange(ttl!.Value, TimeSpan.FromMinutes(9), TimeSpan.FromMinutes(10));
    }

    [Fact]
    public async Task ConcurrentTurnsOfOneConversationOnTwoInstancesNeverLoseAnUpdate()
    {
        // Order is the channel's turn queue's job; without it (two hosts, no queue) the version check still makes
        // every turn apply exactly once: a turn that lost the race runs again on the newer state.
        var conversation = "race-" + Guid.NewGuid().ToString("N");
        await using var first = NewHost();
        await using var second = NewHost();
        await first.JoinAsync(conversation, "engine");
        await first.SayAsync(conversation, "engine", "collect messages");

        var turns = Enumerable.Range(1, 12).Select(i => Task.Run(() => (i % 2 == 0 ? first : second).SayAsync(conversation, "engine", $"m{i}"))).ToList();
        await Task.WhenAll(turns);

        var collected = (await first.StateAsync(conversation)).Bots["engine"].Variables["acc"].Split(',', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Enumerable.Range(1, 12).Select(i => $"m{i}").Order(), collected.Order());
    }

    [Fact]
    public async Task ATurnRunAgainForTheSameActivityResendsItsRepliesWithoutMovingTheDialogOn()
    {
        // The instance that ran the turn died after committing the state but before the replies were recorded;
        // the instance that takes the turn over runs it again with the same activity id.
        var conversation = "rerun-" + Guid.NewGuid().ToString("N");
        await using var host = NewHost();
        await host.JoinAsync(conversation, "sample");
        await host.SayAsync(conversation, "sample", "ask how I am");
        var answer = new Activity { Type = ActivityTypes.Message, Text = "15", Locale = "en", Id = "answer-1" };
        var firstRun = await host.SendAsync(conversation, "sample", answer);
        var stateAfterFirst = System.Text.Json.JsonSerializer.Serialize(await host.StateAsync(conversation));

        var secondRun = await host.SendAsync(conversation, "sample", new Activity { Type = ActivityTypes.Message, Text = "15", Locale = "en", Id = "answer-1" });
        Assert.Equal("How are you today?", Assert.Single(firstRun).Text);
        Assert.Equal(firstRun.Select(r => r.Text), secondRun.Select(r => r.Text));
        Assert.Equal(stateAfterFirst, System.Text.Json.JsonSerializer.Serialize(await host.StateAsync(conversation)));
    }

    [Fact]
    public async Task RedisDownAnswersWithAnApologyInTheUsersLanguageAndLogs()
    {
        await using var host = NewHost("127.0.0.1:1,connectTimeout=300,abortConnect=false,connectRetry=0,syncTimeout=500,asyncTimeout=500");
        var replies = await host.SendAsync("down", "sample", new Activity { Type = ActivityTypes.Message, Text = "hei", Locale = "sv-FI" });
        var apology = Assert.Single(replies);
        Assert.Equal("Förlåt, jag kan inte komma ihåg vårt samtal just nu. Försök igen om en stund.", apology.Text);
        Assert.Equal("sample", apology.From!.Id);
        Assert.Contains(host.Logs.Entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Error && e.Message.Contains("down"));
    }

    [Fact]
    public async Task AFailingStoreNeverCrashesTheTurnOrOverwritesData()
    {
        var conversation = "save-" + Guid.NewGuid().ToString("N");
        await using var host = NewHost();
        await host.JoinAsync(conversation, "sample");
        await host.SayAsync(conversation, "sample", "ask how I am");

        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.Configuration + ",allowAdmin=true");
        var key = _prefix + "state:" + conversation;
        Assert.NotEmpty(await connection.GetDatabase().HashGetAllAsync(key));
        // A real failure from Redis: the key is now a string, so the cache's HGET/HSET get WRONGTYPE.
        await connection.GetDatabase().KeyDeleteAsync(key);
        await connection.GetDatabase().StringSetAsync(key, "not a hash");
        var replies = await host.SayAsync(conversation, "sample", "15");
        Assert.Contains("cannot remember our conversation", Assert.Single(replies).Text);
        Assert.Equal("not a hash", (string?)await connection.GetDatabase().StringGetAsync(key)); // nothing was overwritten
    }
}
