using AuroraBots.Platform.Storage;
using AuroraBots.Editor.Publishing;
using AuroraBots.Editor.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace AuroraBots.Editor.Tests;

/// <summary>The publishing step on Redis: record the live version, announce it, and never leave a host ahead of the others.</summary>
[Collection(RedisCollection.Name)]
public sealed class RedisLivePublisherTests(RedisFixture redis) : IAsyncLifetime
{
    private readonly string _prefix = RedisFixture.UniquePrefix();
    private readonly string _root = Directory.CreateTempSubdirectory("aurora-editor-publisher-").FullName;

    private string Live => Path.Combine(_root, "live");

    private static VersionInfo Version(int number, IReadOnlyDictionary<string, string> files) =>
        new(number, "pekka", DateTimeOffset.UtcNow, "test", ContentHash.OfFiles(files), files.Count, null);

    private static readonly Dictionary<string, string> Old = new() { ["demo/main.yaml"] = "id: old\n", ["demo/gone.yaml"] = "id: gone\n" };
    private static readonly Dictionary<string, string> New = new() { ["demo/main.yaml"] = "id: new\n" };

    public Task InitializeAsync() => FolderSync.MirrorAsync(Old, Live, CancellationToken.None);

    public Task DisposeAsync()
    {
        Directory.Delete(_root, recursive: true);
        return redis.DeleteKeysAsync(_prefix);
    }

    private RedisLivePublisher Publisher(RedisEditorConnection connection) =>
        new(connection, new LiveFolder(new EditorPathsOptions(Path.Combine(_root, "data"), Live)), NullLogger<RedisLivePublisher>.Instance);

    [Fact]
    public async Task Going_live_writes_the_folder_records_the_version_and_announces_it_and_an_older_one_never_wins()
    {
        var connection = new RedisEditorConnection(new SharedRedis(redis.Configuration), _prefix);
        await using var listener = await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
        var announced = new List<string>();
        var received = new SemaphoreSlim(0);
        await listener.GetSubscriber().SubscribeAsync(RedisChannel.Literal(_prefix + "editor:publish"), (_, message) =>
        {
            lock (announced) announced.Add(message!);
            received.Release();
        });

        var changed = await Publisher(connection).GoLiveAsync(Version(5, New), New, CancellationToken.None);
        Assert.Equal(["demo/gone.yaml", "demo/main.yaml"], changed.Order(StringComparer.Ordinal));
        Assert.Equal(New, await RedisEditorStore.ReadFolderAsync(Live, CancellationToken.None));
        Assert.True(await received.WaitAsync(TimeSpan.FromSeconds(10)));

        // Version 3 finishing after 5 (two hosts publishing at once): 5 stays live, and 5 is what is announced.
        await Publisher(connection).GoLiveAsync(Version(3, Old), Old, CancellationToken.None);
        Assert.True(await received.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal("5", (string?)await listener.GetDatabase().StringGetAsync(_prefix + "editor:live"));
        lock (announced) Assert.Equal(["5", "5"], announced);
    }

    [Fact]
    public async Task When_Redis_cannot_record_the_version_the_folder_is_put_back()
    {
        using var server = await RedisServerProcess.StartAsync();
        var connection = new RedisEditorConnection(new SharedRedis(server.Configuration + ",asyncTimeout=500,syncTimeout=500"), _prefix);
        await connection.RunAsync(db => db.PingAsync()); // connected before the outage
        await server.PauseAsync();
        try
        {
            await Assert.ThrowsAsync<RedisUnavailableException>(() => Publisher(connection).GoLiveAsync(Version(2, New), New, CancellationToken.None));
            Assert.Equal(Old, await RedisEditorStore.ReadFolderAsync(Live, CancellationToken.None));
        }
        finally { await server.ResumeAsync(); }
    }
}
