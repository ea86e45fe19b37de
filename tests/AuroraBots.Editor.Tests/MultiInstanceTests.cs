using AuroraBots.Platform.Storage;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AuroraBots.Dialogs.Engine;
using AuroraBots.Editor.Publishing;
using AuroraBots.Editor.Storage;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace AuroraBots.Editor.Tests;

/// <summary>
/// Several host instances on one Redis, each with its own live folder and engine (hot reload on): publishing or rolling
/// back on one reaches the engines of all, an instance that was not running catches up, edits conflict across instances.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class MultiInstanceTests(RedisFixture redis) : IAsyncLifetime
{
    private const string Original = "Hei, olen {bot.name}. Voin kysyä kuulumisiasi.";
    private const string Changed = "Moikka, olen {bot.name}. Kerro, mitä kuuluu.";

    private readonly string _prefix = RedisFixture.UniquePrefix();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => redis.DeleteKeysAsync(_prefix);

    private static string? Greeting(DialogRuntime runtime) =>
        runtime.Content.Bots["sample"].Flows["main"].Document.Steps[0].Say?.ByLanguage.GetValueOrDefault("fi");

    private static string Swap(string content) => content.Replace(Original, Changed, StringComparison.Ordinal);

    private sealed record Instance(EditorHost Host, IServiceProvider Services) : IAsyncDisposable
    {
        public LiveVersionSync Sync => Services.GetRequiredService<LiveVersionSync>();

        public ValueTask DisposeAsync() => Host.DisposeAsync();
    }

    /// <summary>A host on the shared Redis. A long check interval by default, so announcements (not the periodic check) are what is tested.</summary>
    private async Task<Instance> StartAsync(TimeSpan? liveCheck = null)
    {
        IServiceProvider? services = null;
        var host = await EditorHost.StartAsync(
            settings: s =>
            {
                s["ConnectionStrings:Redis"] = redis.Configuration;
                s["Editor:RedisKeyPrefix"] = _prefix;
                s["Editor:LiveCheckInterval"] = (liveCheck ?? TimeSpan.FromMinutes(10)).ToString();
            },
            endpoints: app => services = app.Services);
        return new(host, services!);
    }

    /// <summary>Waits until the instance's live-folder check has run against the live version (so it is subscribed too).</summary>
    private static async Task WaitForSyncAsync(Instance instance, int version)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (instance.Sync.AppliedVersion != version && DateTime.UtcNow < deadline) await Task.Delay(50);
        Assert.Equal(version, instance.Sync.AppliedVersion);
    }

    [Fact]
    public async Task Publish_and_rollback_on_one_instance_reach_the_running_engine_of_the_other()
    {
        await using var a = await StartAsync();
        using var publisher = await a.Host.SignedInAsync("pekka");
        Assert.Single(await publisher.GetFromJsonAsync<JsonElement[]>("/editor/api/versions") ?? []); // first use: the import is version 1 and live
        await using var b = await StartAsync();
        await WaitForSyncAsync(b, 1);
        Assert.Equal(Original, Greeting(b.Host.Dialogs.Current));

        await publisher.EditFileAsync("sample/main.yaml", Swap);
        Assert.Equal(HttpStatusCode.Created, (await publisher.PublishAsync("new greeting")).StatusCode);
        Assert.True(await b.Host.WaitForEngineAsync(r => Greeting(r) == Changed), "instance B did not switch to the published version");
        Assert.Contains(Changed, await File.ReadAllTextAsync(Path.Combine(b.Host.LivePath, "sample", "main.yaml")), StringComparison.Ordinal);
        Assert.Equal(2, b.Sync.AppliedVersion);
        await WaitForSyncAsync(a, 2);
        var status = await publisher.GetFromJsonAsync<JsonElement>("/editor/api/status");
        Assert.Equal(("redis", 2, 2, 2), (status.GetProperty("store").GetString(), status.GetProperty("liveVersion").GetInt32(),
            status.GetProperty("instanceVersion").GetInt32(), status.GetProperty("instances").GetInt32()));

        var rollback = await publisher.PostAsJsonAsync("/editor/api/versions/1/rollback", new { comment = "back" });
        Assert.Equal(HttpStatusCode.Created, rollback.StatusCode);
        Assert.True(await b.Host.WaitForEngineAsync(r => Greeting(r) == Original), "instance B did not roll back");
        Assert.True(await a.Host.WaitForEngineAsync(r => Greeting(r) == Original));

        // Versions and the audit log are the same seen from B.
        using var otherPublisher = await b.Host.SignedInAsync("pekka");
        var versions = await otherPublisher.GetFromJsonAsync<JsonElement>("/editor/api/versions");
        Assert.Equal([1, 2, 3], versions.EnumerateArray().Select(v => v.GetProperty("number").GetInt32()));
        var audit = await otherPublisher.GetFromJsonAsync<JsonElement>("/editor/api/audit");
        var actions = audit.EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Equal(["rollback", "publish"], actions.Where(x => x is "rollback" or "publish"));
    }

    [Fact]
    public async Task An_instance_started_after_a_publish_catches_up_and_finds_drafts_and_versions()
    {
        await using (var a = await StartAsync())
        {
            using var publisher = await a.Host.SignedInAsync("pekka");
            await publisher.EditFileAsync("sample/main.yaml", Swap);
            Assert.Equal(HttpStatusCode.Created, (await publisher.PublishAsync("new greeting")).StatusCode);
            await publisher.EditFileAsync("sample/main.yaml", c => c + "\n# not published yet\n");
        }

        // A new instance (own folders, content as first deployed) on the same Redis: like a restart or a scale-out.
        await using var c = await StartAsync();
        Assert.True(await c.Host.WaitForEngineAsync(r => Greeting(r) == Changed), "the new instance did not catch up with the published version");
        using var editor = await c.Host.SignedInAsync("ella");
        Assert.EndsWith("# not published yet\n", (await editor.ReadFileAsync("sample/main.yaml")).Content, StringComparison.Ordinal);
        var versions = await editor.GetFromJsonAsync<JsonElement>("/editor/api/versions");
        Assert.Equal([(1, "system"), (2, "pekka")], versions.EnumerateArray().Select(v => (v.GetProperty("number").GetInt32(), v.GetProperty("author").GetString())));
    }

    [Fact]
    public async Task An_instance_that_missed_the_announcement_converges_at_its_next_check()
    {
        await using var a = await StartAsync(TimeSpan.FromSeconds(1));
        using var editor = await a.Host.SignedInAsync("ella");
        var (content, _) = await editor.ReadFileAsync("sample/main.yaml");
        await WaitForSyncAsync(a, 1);

        // A version made live in Redis without an announcement (as if the message was lost).
        {
            var connection = new RedisEditorConnection(new SharedRedis(redis.Configuration), _prefix);
            var store = new RedisEditorStore(connection, Path.Combine(a.Host.Root, "elsewhere"), a.Host.LivePath, TimeProvider.System);
            var files = new Dictionary<string, string>(await store.GetVersionAsync(1, CancellationToken.None) is { } v1 ? v1.Files : throw new InvalidOperationException())
            {
                ["sample/main.yaml"] = Swap(content),
            };
            var version = await store.CreateVersionAsync(files, "pekka", "published silently", null, CancellationToken.None);
            await using var raw = await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
            await raw.GetDatabase().StringSetAsync(_prefix + "editor:live", version.Number);
        }

        Assert.True(await a.Host.WaitForEngineAsync(r => Greeting(r) == Changed), "the periodic check did not bring the live folder to the live version");
    }

    [Fact]
    public async Task Without_Redis_the_status_reports_the_file_store_and_its_newest_version()
    {
        await using var host = await EditorHost.StartAsync();
        using var publisher = await host.SignedInAsync("pekka");
        await publisher.EditFileAsync("sample/main.yaml", Swap);
        Assert.Equal(HttpStatusCode.Created, (await publisher.PublishAsync("new greeting")).StatusCode);
        var status = await publisher.GetFromJsonAsync<JsonElement>("/editor/api/status");
        Assert.Equal(("files", 2), (status.GetProperty("store").GetString(), status.GetProperty("liveVersion").GetInt32()));
        Assert.Equal(JsonValueKind.Null, status.GetProperty("instances").ValueKind);
    }

    [Fact]
    public async Task Two_editors_on_two_instances_changing_the_same_file_get_a_conflict_not_an_overwrite()
    {
        await using var a = await StartAsync();
        await using var b = await StartAsync();
        using var ella = await a.Host.SignedInAsync("ella");
        using var aino = await b.Host.SignedInAsync("aino");
        var (content, etag) = await ella.ReadFileAsync("sample/main.yaml");
        Assert.Equal(etag, (await aino.ReadFileAsync("sample/main.yaml")).ETag);

        var first = await ella.SaveFileAsync("sample/main.yaml", content + "\n# ella\n", etag);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var second = await aino.SaveFileAsync("sample/main.yaml", content + "\n# aino\n", etag);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal(first.Headers.ETag!.Tag, (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("currentETag").GetString());
        Assert.EndsWith("# ella\n", (await aino.ReadFileAsync("sample/main.yaml")).Content, StringComparison.Ordinal);

        // Without If-Match: 428; creating a file the other instance just created: 409.
        Assert.Equal((HttpStatusCode)428, (await aino.SaveFileAsync("sample/main.yaml", content, null)).StatusCode);
        var create = new HttpRequestMessage(HttpMethod.Put, "/editor/api/files/sample/extra.yaml") { Content = JsonContent.Create(new { content = "# a\n" }) };
        create.Headers.IfNoneMatch.ParseAdd("*");
        Assert.Equal(HttpStatusCode.Created, (await ella.SendAsync(create)).StatusCode);
        var again = new HttpRequestMessage(HttpMethod.Put, "/editor/api/files/sample/extra.yaml") { Content = JsonContent.Create(new { content = "# b\n" }) };
        again.Headers.IfNoneMatch.ParseAdd("*");
        Assert.Equal(HttpStatusCode.Conflict, (await aino.SendAsync(again)).StatusCode);
    }
}
