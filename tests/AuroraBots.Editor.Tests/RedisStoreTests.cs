using AuroraBots.Platform.Storage;
using AuroraBots.Editor.Audit;
using AuroraBots.Editor.Coverage;
using AuroraBots.Editor.Storage;
using StackExchange.Redis;

namespace AuroraBots.Editor.Tests;

/// <summary>The store contract on a real Redis: ETags, create-only, delete, immutable versions, two instances at once, restart.</summary>
[Collection(RedisCollection.Name)]
public sealed class RedisStoreTests(RedisFixture redis) : IAsyncLifetime
{
    private readonly string _prefix = RedisFixture.UniquePrefix();
    private readonly string _root = Directory.CreateTempSubdirectory("aurora-editor-redis-").FullName;
    private readonly List<SharedRedis> _connections = [];

    private string Live => Path.Combine(_root, "live");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.Combine(Live, "demo"));
        await File.WriteAllTextAsync(Path.Combine(Live, "demo", "main.yaml"), "id: main\n");
        await File.WriteAllTextAsync(Path.Combine(Live, "demo", "other.yaml"), "id: other\n");
    }

    public async Task DisposeAsync()
    {
        foreach (var connection in _connections) await connection.DisposeAsync();
        Directory.Delete(_root, recursive: true);
        await redis.DeleteKeysAsync(_prefix);
    }

    /// <summary>An editor connection as one host instance would have it: its own process-wide Redis connection.</summary>
    private RedisEditorConnection Connect()
    {
        var shared = new SharedRedis(redis.Configuration);
        _connections.Add(shared);
        return new RedisEditorConnection(shared, _prefix);
    }

    /// <summary>A store as one host instance would have it: its own connection and its own data folder.</summary>
    private RedisEditorStore Instance(string name)
    {
        var connection = Connect();
        return new RedisEditorStore(connection, Path.Combine(_root, name), Live, TimeProvider.System);
    }

    [Fact]
    public async Task First_use_imports_the_live_folder_as_version_1_and_the_draft()
    {
        var store = Instance("a");
        var draft = await store.ReadDraftFilesAsync(CancellationToken.None);
        Assert.Equal(["demo/main.yaml", "demo/other.yaml"], draft.Keys);
        var version = Assert.Single(await store.ListVersionsAsync(CancellationToken.None));
        Assert.Equal((1, "system", 2), (version.Number, version.Author, version.FileCount));
        Assert.Equal(ContentHash.OfFiles(draft), version.Hash);

        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
        Assert.Equal("1", (string?)await connection.GetDatabase().StringGetAsync(_prefix + "editor:live"));
    }

    [Fact]
    public async Task Saves_need_the_current_ETag_and_never_overwrite_a_newer_file()
    {
        var store = Instance("a");
        var original = (await store.ReadDraftAsync("demo/main.yaml", CancellationToken.None))!;
        Assert.Equal(ContentHash.ETag("id: main\n"), original.ETag);

        var saved = await store.SaveDraftAsync("demo/main.yaml", "id: main\n# one\n", original.ETag, createOnly: false, CancellationToken.None);
        Assert.Equal(SaveOutcome.Saved, saved.Outcome);
        Assert.Equal("id: main\n", saved.PreviousContent);

        var stale = await store.SaveDraftAsync("demo/main.yaml", "id: main\n# two\n", original.ETag, createOnly: false, CancellationToken.None);
        Assert.Equal((SaveOutcome.Conflict, saved.ETag), (stale.Outcome, stale.ETag));
        Assert.Equal("id: main\n# one\n", (await store.ReadDraftAsync("demo/main.yaml", CancellationToken.None))!.Content);

        Assert.Equal(SaveOutcome.Saved, (await store.SaveDraftAsync("demo/main.yaml", "id: main\n# any\n", "*", createOnly: false, CancellationToken.None)).Outcome);
        Assert.Equal(SaveOutcome.NotFound, (await store.SaveDraftAsync("demo/missing.yaml", "x: 1\n", "*", createOnly: false, CancellationToken.None)).Outcome);
    }

    [Fact]
    public async Task Create_only_refuses_an_existing_file_and_delete_needs_the_current_ETag()
    {
        var store = Instance("a");
        var exists = await store.SaveDraftAsync("demo/other.yaml", "id: replaced\n", null, createOnly: true, CancellationToken.None);
        Assert.Equal((SaveOutcome.Conflict, ContentHash.ETag("id: other\n")), (exists.Outcome, exists.ETag));

        var created = await store.SaveDraftAsync("demo/new.yaml", "id: new\n", null, createOnly: true, CancellationToken.None);
        Assert.Equal(SaveOutcome.Created, created.Outcome);
        Assert.Equal(SaveOutcome.Conflict, (await store.SaveDraftAsync("demo/new.yaml", "id: again\n", null, createOnly: true, CancellationToken.None)).Outcome);

        Assert.Equal(SaveOutcome.Conflict, (await store.DeleteDraftAsync("demo/new.yaml", ContentHash.ETag("something else"), CancellationToken.None)).Outcome);
        Assert.NotNull(await store.ReadDraftAsync("demo/new.yaml", CancellationToken.None));
        Assert.Equal(SaveOutcome.Saved, (await store.DeleteDraftAsync("demo/new.yaml", created.ETag!, CancellationToken.None)).Outcome);
        Assert.Null(await store.ReadDraftAsync("demo/new.yaml", CancellationToken.None));
        Assert.Equal(SaveOutcome.NotFound, (await store.DeleteDraftAsync("demo/new.yaml", created.ETag!, CancellationToken.None)).Outcome);
        Assert.Equal(["demo/main.yaml", "demo/other.yaml"], (await store.ListDraftAsync(CancellationToken.None)).Select(f => f.Path));
    }

    [Fact]
    public async Task Two_instances_saving_the_same_read_at_once_have_exactly_one_winner()
    {
        var a = Instance("a");
        var b = Instance("b");
        var read = (await a.ReadDraftAsync("demo/main.yaml", CancellationToken.None))!;
        await b.ReadDraftAsync("demo/main.yaml", CancellationToken.None);

        // Many saves of the same read from both instances in parallel: the compare-and-set lets exactly one through.
        var saves = Enumerable.Range(0, 20).Select(i => (i % 2 == 0 ? a : b).SaveDraftAsync("demo/main.yaml", $"id: main\n# writer {i}\n", read.ETag, createOnly: false, CancellationToken.None));
        var results = await Task.WhenAll(saves);
        var winner = Assert.Single(results, r => r.Outcome == SaveOutcome.Saved);
        Assert.All(results.Where(r => r != winner), r => Assert.Equal(SaveOutcome.Conflict, r.Outcome));
        var stored = (await b.ReadDraftAsync("demo/main.yaml", CancellationToken.None))!;
        Assert.Equal(winner.ETag, stored.ETag);
    }

    [Fact]
    public async Task Versions_get_unique_numbers_across_instances_and_never_change()
    {
        var a = Instance("a");
        var b = Instance("b");
        var files = new Dictionary<string, string> { ["demo/main.yaml"] = "id: main\n# v\n" };
        var created = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => (i % 2 == 0 ? a : b).CreateVersionAsync(files, $"user{i}", $"c{i}", null, CancellationToken.None)));
        Assert.Equal([2, 3, 4, 5, 6, 7], created.Select(v => v.Number).Order());

        var listed = await b.ListVersionsAsync(CancellationToken.None);
        Assert.Equal([1, 2, 3, 4, 5, 6, 7], listed.Select(v => v.Number));
        var three = created.Single(v => v.Number == 3);
        Assert.Equal(three, listed.Single(v => v.Number == 3));

        // Changing the draft (and creating more versions) leaves a version's files as they were.
        await a.ReplaceDraftAsync(new Dictionary<string, string> { ["demo/main.yaml"] = "id: changed\n" }, CancellationToken.None);
        var rollback = await a.CreateVersionAsync((await a.GetVersionAsync(1, CancellationToken.None))!.Files, "pekka", "rollback to 1", 1, CancellationToken.None);
        Assert.Equal((8, 1), (rollback.Number, rollback.RollbackOf));
        var snapshot = (await b.GetVersionAsync(3, CancellationToken.None))!;
        Assert.Equal(files, snapshot.Files);
        Assert.Equal(["demo/main.yaml", "demo/other.yaml"], (await b.GetVersionAsync(8, CancellationToken.None))!.Files.Keys);
        Assert.Null(await b.GetVersionAsync(99, CancellationToken.None));
        Assert.Equal(new Dictionary<string, string> { ["demo/main.yaml"] = "id: changed\n" }, await b.ReadDraftFilesAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_new_instance_on_the_same_Redis_finds_drafts_and_versions_and_does_not_import_again()
    {
        var first = Instance("a");
        var read = (await first.ReadDraftAsync("demo/main.yaml", CancellationToken.None))!;
        await first.SaveDraftAsync("demo/main.yaml", "id: main\n# kept\n", read.ETag, createOnly: false, CancellationToken.None);
        await first.CreateVersionAsync(await first.ReadDraftFilesAsync(CancellationToken.None), "pekka", "kept", null, CancellationToken.None);

        // The live folder changes meanwhile (another deployment); the Redis content stays the truth.
        await File.WriteAllTextAsync(Path.Combine(Live, "demo", "main.yaml"), "id: main\n# on disk\n");
        var restarted = Instance("restarted");
        Assert.Equal("id: main\n# kept\n", (await restarted.ReadDraftAsync("demo/main.yaml", CancellationToken.None))!.Content);
        Assert.Equal([1, 2], (await restarted.ListVersionsAsync(CancellationToken.None)).Select(v => v.Number));
    }

    [Fact]
    public async Task The_draft_folder_for_the_loader_follows_saves_from_any_instance_writing_only_changed_files()
    {
        var a = Instance("a");
        var b = Instance("b");
        var folder = await a.GetDraftFolderAsync(CancellationToken.None);
        var untouched = Path.Combine(folder, "demo", "other.yaml");
        var stamp = File.GetLastWriteTimeUtc(untouched);
        Assert.Equal("id: main\n", await File.ReadAllTextAsync(Path.Combine(folder, "demo", "main.yaml")));

        var read = (await b.ReadDraftAsync("demo/main.yaml", CancellationToken.None))!;
        await b.SaveDraftAsync("demo/main.yaml", "id: main\n# from b\n", read.ETag, createOnly: false, CancellationToken.None);
        await b.SaveDraftAsync("demo/added.yaml", "id: added\n", null, createOnly: true, CancellationToken.None);

        Assert.Equal(folder, await a.GetDraftFolderAsync(CancellationToken.None));
        Assert.Equal("id: main\n# from b\n", await File.ReadAllTextAsync(Path.Combine(folder, "demo", "main.yaml")));
        Assert.True(File.Exists(Path.Combine(folder, "demo", "added.yaml")));
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(untouched));

        var added = (await a.ReadDraftAsync("demo/added.yaml", CancellationToken.None))!;
        await a.DeleteDraftAsync("demo/added.yaml", added.ETag, CancellationToken.None);
        Assert.False(File.Exists(Path.Combine(await b.GetDraftFolderAsync(CancellationToken.None), "demo", "added.yaml")));
    }

    [Fact]
    public async Task Audit_entries_and_translation_marks_are_shared_by_every_instance()
    {
        var connectionA = Connect();
        var connectionB = Connect();
        var auditA = new AuditLog(new RedisAuditStore(connectionA), TimeProvider.System);
        var auditB = new AuditLog(new RedisAuditStore(connectionB), TimeProvider.System);
        await auditA.AppendAsync("ella", AuditActions.Save, "demo/main.yaml", true, "on a", CancellationToken.None);
        await auditB.AppendAsync("pekka", AuditActions.Publish, "v2", true, "on b", CancellationToken.None);
        Assert.Equal([("pekka", "on b"), ("ella", "on a")], (await auditA.ReadAsync(10, CancellationToken.None)).Select(e => (e.User, e.Detail)));
        Assert.Equal(["pekka"], (await auditA.ReadAsync(1, CancellationToken.None)).Select(e => e.User));

        const string before = "steps:\n  - say:\n      fi: Hei\n      sv: Hej\n      en: Hi\n";
        const string after = "steps:\n  - say:\n      fi: Moi\n      sv: Hej\n      en: Hi\n";
        var historyA = new TranslationHistory(new RedisTranslationHistoryStore(connectionA), TimeProvider.System);
        var historyB = new TranslationHistory(new RedisTranslationHistoryStore(connectionB), TimeProvider.System);
        await historyA.RecordAsync("demo/main.yaml", before, after, "ella", CancellationToken.None);
        var outdated = (await historyB.ReadAsync(CancellationToken.None)).Outdated("demo/main.yaml", "steps[0].say", new Dictionary<string, string> { ["fi"] = "Moi", ["sv"] = "Hej", ["en"] = "Hi" });
        Assert.NotNull(outdated);
        Assert.Equal(["fi"], outdated.Changed);
        Assert.Equal(["en", "sv"], outdated.Stale);
        Assert.Equal("ella", outdated.By);
    }
}
