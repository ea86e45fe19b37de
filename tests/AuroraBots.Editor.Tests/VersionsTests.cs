using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AuroraBots.Dialogs.Engine;
using AuroraBots.Editor.Audit;
using AuroraBots.Editor.Coverage;
using AuroraBots.Editor.Publishing;
using AuroraBots.Editor.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace AuroraBots.Editor.Tests;

public sealed class VersionsTests
{
    private const string Original = "Hei, olen {bot.name}. Voin kysyä kuulumisiasi.";
    private const string Changed = "Moikka, olen {bot.name}. Kerro, mitä kuuluu.";

    private static string? Greeting(DialogRuntime runtime) =>
        runtime.Content.Bots["sample"].Flows["main"].Document.Steps[0].Say?.ByLanguage.GetValueOrDefault("fi");

    private static string Swap(string content) => content.Replace(Original, Changed, StringComparison.Ordinal);

    [Fact]
    public async Task Publish_is_refused_while_invalid_then_a_fixed_draft_reaches_the_engine_without_restart()
    {
        await using var host = await EditorHost.StartAsync();
        using var publisher = await host.SignedInAsync("pekka");
        Assert.Equal(Original, Greeting(host.Dialogs.Current));

        await publisher.EditFileAsync("sample/main.yaml", Swap);
        await publisher.EditFileAsync("sample/checkin.yaml", c => c.Replace("next: done", "next: nowhere_step", StringComparison.Ordinal));
        var refused = await publisher.PublishAsync("greeting and a typo");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains(errors.EnumerateArray(), e => e.GetProperty("file").GetString() == "sample/checkin.yaml");
        Assert.DoesNotContain(Changed, await File.ReadAllTextAsync(Path.Combine(host.LivePath, "sample", "main.yaml")), StringComparison.Ordinal);

        await publisher.EditFileAsync("sample/checkin.yaml", c => c.Replace("next: nowhere_step", "next: done", StringComparison.Ordinal));
        var published = await publisher.PublishAsync("new greeting");
        Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        var body = await published.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, body.GetProperty("version").GetProperty("number").GetInt32()); // 1 is the import of the live folder
        Assert.Equal("pekka", body.GetProperty("version").GetProperty("author").GetString());
        Assert.Equal(["sample/main.yaml"], body.GetProperty("changedFiles").EnumerateArray().Select(f => f.GetString()));

        Assert.True(await host.WaitForEngineAsync(r => Greeting(r) == Changed), "the engine did not pick up the published version");
    }

    [Fact]
    public async Task Rollback_restores_the_old_text_in_the_engine_and_diff_shows_the_changed_line()
    {
        await using var host = await EditorHost.StartAsync();
        using var publisher = await host.SignedInAsync("pekka");
        await publisher.EditFileAsync("sample/main.yaml", Swap);
        Assert.Equal(HttpStatusCode.Created, (await publisher.PublishAsync("new greeting")).StatusCode);
        Assert.True(await host.WaitForEngineAsync(r => Greeting(r) == Changed));

        var diff = await publisher.GetFromJsonAsync<JsonElement>("/editor/api/versions/1/diff/2");
        var file = Assert.Single(diff.GetProperty("files").EnumerateArray());
        Assert.Equal("sample/main.yaml", file.GetProperty("path").GetString());
        Assert.Equal("Modified", file.GetProperty("change").GetString());
        var lines = file.GetProperty("hunks").EnumerateArray().SelectMany(h => h.GetProperty("lines").EnumerateArray()).ToList();
        Assert.Contains(lines, l => l.GetProperty("op").GetString() == "Removed" && l.GetProperty("text").GetString()!.Contains(Original, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.GetProperty("op").GetString() == "Added" && l.GetProperty("text").GetString()!.Contains(Changed, StringComparison.Ordinal));
        Assert.Contains("-      fi: \"" + Original, file.GetProperty("unified").GetString(), StringComparison.Ordinal);

        var rollback = await publisher.PostAsJsonAsync("/editor/api/versions/1/rollback", new { comment = "back to the old greeting" });
        Assert.Equal(HttpStatusCode.Created, rollback.StatusCode);
        var version = (await rollback.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version");
        Assert.Equal(3, version.GetProperty("number").GetInt32());
        Assert.Equal(1, version.GetProperty("rollbackOf").GetInt32());
        // Only the editor's words: "rollback to 1" is the UI's localised note from rollbackOf, not part of the comment.
        Assert.Equal("back to the old greeting", version.GetProperty("comment").GetString());
        Assert.True(await host.WaitForEngineAsync(r => Greeting(r) == Original), "the engine did not roll back");

        // The draft continues from the rolled-back version.
        Assert.Contains(Original, (await publisher.ReadFileAsync("sample/main.yaml")).Content, StringComparison.Ordinal);
        var versions = await publisher.GetFromJsonAsync<JsonElement>("/editor/api/versions");
        Assert.Equal([1, 2, 3], versions.EnumerateArray().Select(v => v.GetProperty("number").GetInt32()));
        Assert.Equal(HttpStatusCode.NotFound, (await publisher.PostAsync("/editor/api/versions/99/rollback", null)).StatusCode);
    }

    [Fact]
    public async Task Versions_are_immutable_and_every_change_is_audited_without_passwords()
    {
        await using var host = await EditorHost.StartAsync();
        using var publisher = await host.SignedInAsync("pekka");
        await publisher.EditFileAsync("sample/main.yaml", Swap);
        Assert.Equal(HttpStatusCode.Created, (await publisher.PublishAsync("first")).StatusCode);
        var before = await publisher.GetStringAsync("/editor/api/versions/2");
        var folder = Path.Combine(host.DataPath, "versions", "0002");
        var filesBefore = Snapshot(folder);

        await publisher.EditFileAsync("sample/main.yaml", c => c.Replace(Changed, "Terve taas!", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Created, (await publisher.PublishAsync("second")).StatusCode);

        Assert.Equal(before, await publisher.GetStringAsync("/editor/api/versions/2"));
        Assert.Equal(filesBefore, Snapshot(folder));
        Assert.Contains(Changed, JsonDocument.Parse(before).RootElement.GetProperty("files").GetProperty("sample/main.yaml").GetString(), StringComparison.Ordinal);

        var audit = await publisher.GetFromJsonAsync<JsonElement>("/editor/api/audit");
        var actions = audit.EnumerateArray().Select(e => (Action: e.GetProperty("action").GetString(), User: e.GetProperty("user").GetString())).ToList();
        Assert.Equal(2, actions.Count(a => a == ("save", "pekka")));
        Assert.Equal(2, actions.Count(a => a == ("publish", "pekka")));
        Assert.Contains(("sign-in", "pekka"), actions);
        Assert.DoesNotContain(EditorHost.Password, await File.ReadAllTextAsync(Path.Combine(host.DataPath, "audit.jsonl")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Versions_and_drafts_survive_a_restart_of_the_editor()
    {
        await using var host = await EditorHost.StartAsync();
        using var publisher = await host.SignedInAsync("pekka");
        await publisher.EditFileAsync("sample/main.yaml", Swap);
        Assert.Equal(HttpStatusCode.Created, (await publisher.PublishAsync("persisted")).StatusCode);
        await publisher.EditFileAsync("sample/main.yaml", c => c + "\n# unpublished draft\n");

        // A second store on the same data folder (as after a restart) sees the same versions and draft.
        var store = new AuroraBots.Editor.Storage.FileEditorStore(host.DataPath, host.LivePath, TimeProvider.System);
        var versions = await store.ListVersionsAsync(CancellationToken.None);
        Assert.Equal("persisted", versions[^1].Comment);
        Assert.Contains("# unpublished draft", (await store.ReadDraftAsync("sample/main.yaml", CancellationToken.None))!.Content, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Snapshot(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.ReadAllText);

    [Fact]
    public async Task A_new_file_is_created_and_a_deleted_file_is_removed_from_the_live_folder_on_publish()
    {
        await using var host = await EditorHost.StartAsync();
        using var publisher = await host.SignedInAsync("pekka");
        var (tests, etag) = await publisher.ReadFileAsync("sample/tests/forget.yaml");

        var stale = new HttpRequestMessage(HttpMethod.Delete, "/editor/api/files/sample/tests/forget.yaml");
        stale.Headers.TryAddWithoutValidation("If-Match", "\"0000\"");
        Assert.Equal(HttpStatusCode.Conflict, (await publisher.SendAsync(stale)).StatusCode);
        var delete = new HttpRequestMessage(HttpMethod.Delete, "/editor/api/files/sample/tests/forget.yaml");
        delete.Headers.TryAddWithoutValidation("If-Match", etag);
        Assert.Equal(HttpStatusCode.OK, (await publisher.SendAsync(delete)).StatusCode);

        var create = new HttpRequestMessage(HttpMethod.Put, "/editor/api/files/sample/tests/forget_copy.yaml") { Content = JsonContent.Create(new { content = tests }) };
        create.Headers.TryAddWithoutValidation("If-None-Match", "*");
        Assert.Equal(HttpStatusCode.Created, (await publisher.SendAsync(create)).StatusCode);
        var again = new HttpRequestMessage(HttpMethod.Put, "/editor/api/files/sample/tests/forget_copy.yaml") { Content = JsonContent.Create(new { content = "x" }) };
        again.Headers.TryAddWithoutValidation("If-None-Match", "*");
        Assert.Equal(HttpStatusCode.Conflict, (await publisher.SendAsync(again)).StatusCode);

        var published = await publisher.PublishAsync("renamed a transcript test");
        Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        Assert.False(File.Exists(Path.Combine(host.LivePath, "sample", "tests", "forget.yaml")));
        Assert.Equal(tests, await File.ReadAllTextAsync(Path.Combine(host.LivePath, "sample", "tests", "forget_copy.yaml")));

        var diff = await publisher.GetFromJsonAsync<JsonElement>("/editor/api/versions/1/diff/2");
        var changes = diff.GetProperty("files").EnumerateArray().ToDictionary(f => f.GetProperty("path").GetString()!, f => f.GetProperty("change").GetString());
        Assert.Equal(new Dictionary<string, string?> { ["sample/tests/forget.yaml"] = "Removed", ["sample/tests/forget_copy.yaml"] = "Added" }, changes);
    }

    [Fact]
    public async Task A_live_folder_that_cannot_be_written_is_reported_and_audited_and_keeps_the_engine_content()
    {
        await using var host = await EditorHost.StartAsync();
        var data = Path.Combine(host.Root, "other-data");
        var blocked = Path.Combine(host.Root, "not-a-folder");
        await File.WriteAllTextAsync(blocked, "a file where the live folder should be");
        var audit = new AuditLog(data, TimeProvider.System);
        var store = new FileEditorStore(data, host.LivePath, TimeProvider.System);
        var paths = new EditorPathsOptions(data, blocked);
        var editor = new EditorService(store, host.Dialogs, audit, new TranslationHistory(data, TimeProvider.System),
            paths, new LocalLivePublisher(new LiveFolder(paths)), NullLogger<EditorService>.Instance);

        var result = await editor.PublishAsync("pekka", "to nowhere", CancellationToken.None);
        Assert.Equal(PublishOutcome.LiveWriteFailed, result.Outcome);
        Assert.Contains("Version 2 was saved", result.Errors[0].Message, StringComparison.Ordinal);
        var entry = (await audit.ReadAsync(10, CancellationToken.None))[0];
        Assert.Equal(("publish", false), (entry.Action, entry.Success));
        Assert.Equal(Original, Greeting(host.Dialogs.Current));
    }
}
