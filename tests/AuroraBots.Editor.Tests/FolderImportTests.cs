using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AuroraBots.Editor.Publishing;
using Microsoft.Extensions.DependencyInjection;

namespace AuroraBots.Editor.Tests;

/// <summary>
/// One owner for live content (docs/editor.md): a change made in the live folder outside the editor becomes a version
/// "imported from files" with an audit entry — in development (files store) and with Redis alike — and is never
/// silently overwritten; a folder that is merely stale (equal to a known version) is brought to the live version.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class FolderImportTests(RedisFixture redis) : IAsyncLifetime
{
    private const string HandEdit = "\n# edited by hand on the server\n";
    private readonly string _prefix = RedisFixture.UniquePrefix();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => redis.DeleteKeysAsync(_prefix);

    private static string LiveFile(EditorHost host) => Path.Combine(host.LivePath, "sample", "main.yaml");

    private static async Task<List<(int Number, string Author, string Comment)>> VersionsAsync(HttpClient client) =>
        [.. (await client.GetFromJsonAsync<JsonElement>("/editor/api/versions")).EnumerateArray()
            .Select(v => (v.GetProperty("number").GetInt32(), v.GetProperty("author").GetString() ?? "", v.GetProperty("comment").GetString() ?? ""))];

    [Fact]
    public async Task Files_store_a_hand_edit_becomes_a_version_before_a_publish_and_stays_live()
    {
        await using var host = await EditorHost.StartAsync(s => s["Editor:LiveCheckInterval"] = "00:10:00");
        using var publisher = await host.SignedInAsync("pekka");
        Assert.Single(await VersionsAsync(publisher)); // first use: the folder is version 1

        await File.AppendAllTextAsync(LiveFile(host), HandEdit);
        Assert.Equal(HttpStatusCode.Created, (await publisher.PublishAsync("after a hand edit")).StatusCode);

        var versions = await VersionsAsync(publisher);
        Assert.Contains((2, FolderImport.SystemUser, FolderImport.Comment), versions);
        Assert.Equal(3, versions.Count);
        // The draft had nothing pending, so it followed the import: the publish kept the hand edit live.
        Assert.EndsWith(HandEdit, await File.ReadAllTextAsync(LiveFile(host)), StringComparison.Ordinal);
        Assert.EndsWith(HandEdit, (await publisher.ReadFileAsync("sample/main.yaml")).Content, StringComparison.Ordinal);
        var audit = await publisher.GetFromJsonAsync<JsonElement>("/editor/api/audit");
        Assert.Contains(audit.EnumerateArray(), e => e.GetProperty("action").GetString() == "import" && e.GetProperty("target").GetString() == "v2");
    }

    [Fact]
    public async Task Files_store_an_unchanged_folder_imports_nothing()
    {
        await using var host = await EditorHost.StartAsync(s => s["Editor:LiveCheckInterval"] = "00:10:00");
        using var publisher = await host.SignedInAsync("pekka");
        await VersionsAsync(publisher);
        var import = host.Services.GetRequiredService<FolderImport>();
        Assert.Null(await import.ImportIfChangedAsync(CancellationToken.None));
        Assert.Single(await VersionsAsync(publisher));
    }

    [Fact]
    public async Task Redis_a_hand_edit_on_one_instance_is_imported_once_and_reaches_the_others_and_a_stale_seed_is_not_imported()
    {
        var a = await StartOnRedisAsync();
        await using var _a = a;
        using var publisher = await a.SignedInAsync("pekka");
        Assert.Single(await VersionsAsync(publisher));
        var b = await StartOnRedisAsync();
        await using var _b = b;

        await File.AppendAllTextAsync(LiveFile(a), HandEdit);
        // Checks racing each other (two on the edited instance): the content is imported exactly once.
        await Task.WhenAll(Sync(a), Sync(a), Sync(b));
        await Sync(b);

        var versions = await VersionsAsync(publisher);
        Assert.Equal([(1, "system"), (2, FolderImport.SystemUser)], versions.Select(v => (v.Number, v.Author)));
        Assert.Equal(FolderImport.Comment, versions[1].Comment);
        Assert.EndsWith(HandEdit, await File.ReadAllTextAsync(LiveFile(a)), StringComparison.Ordinal);
        Assert.EndsWith(HandEdit, await File.ReadAllTextAsync(LiveFile(b)), StringComparison.Ordinal);

        // A new instance starts from the shipped folder (= version 1, known): it is brought to the live version, not imported.
        var c = await StartOnRedisAsync();
        await using var _c = c;
        await Sync(c);
        Assert.EndsWith(HandEdit, await File.ReadAllTextAsync(LiveFile(c)), StringComparison.Ordinal);
        Assert.Equal(2, (await VersionsAsync(publisher)).Count);
    }

    private static Task Sync(EditorHost host) => host.Services.GetRequiredService<LiveVersionSync>().SyncAsync(CancellationToken.None);

    /// <summary>A host on the shared Redis; a long check interval, so only the explicit checks of the test run.</summary>
    private Task<EditorHost> StartOnRedisAsync() => EditorHost.StartAsync(s =>
    {
        s["ConnectionStrings:Redis"] = redis.Configuration;
        s["Editor:RedisKeyPrefix"] = _prefix;
        s["Editor:LiveCheckInterval"] = "00:10:00";
    });
}
