using System.Globalization;
using System.Text.Json;
using StackExchange.Redis;

namespace AuroraBots.Editor.Storage;

/// <summary>
/// Drafts and versions in Redis, shared by every host instance (layout in docs/editor.md):
/// <c>{prefix}editor:draft</c> (hash path → content), <c>editor:version:{n}</c> (hash, never written again),
/// <c>editor:versions</c> (hash n → metadata), numbers from <c>INCR editor:version-seq</c>. Every write that depends on
/// what is there is one Lua script, so two instances can never overwrite each other's save.
/// The engine's loader needs a folder: <see cref="GetDraftFolderAsync"/> mirrors the draft into <c>DataPath/redis-draft</c>.
/// </summary>
public sealed class RedisEditorStore(RedisEditorConnection redis, string dataPath, string livePath, TimeProvider time) : IEditorStore
{
    // Compare-and-set on the file's content (Lua has no SHA-256 for the ETag): the caller checked the ETag against
    // `expected`; the write happens only if the file still holds exactly that. Returns {1} written, {0, current} conflict, {-1} missing.
    private const string WriteDraftScript = """
        local current = redis.call('HGET', KEYS[1], ARGV[1])
        if ARGV[2] == 'create' then
          if current then return {0, current} end
        else
          if not current then return {-1} end
          if current ~= ARGV[3] then return {0, current} end
        end
        if ARGV[2] == 'delete' then redis.call('HDEL', KEYS[1], ARGV[1]) else redis.call('HSET', KEYS[1], ARGV[1], ARGV[4]) end
        redis.call('INCR', KEYS[2])
        return {1}
        """;

    // The number comes from INCR inside the script, so files and metadata of a version appear together under a unique number.
    private const string CreateVersionScript = """
        local n = tostring(redis.call('INCR', KEYS[1]))
        for i = 2, #ARGV, 2 do redis.call('HSET', KEYS[2] .. n, ARGV[i], ARGV[i + 1]) end
        redis.call('HSET', KEYS[3], n, ARGV[1])
        return n
        """;

    // First use by any instance: the live folder becomes version 1 and the draft, unless another instance got there first.
    private const string ImportScript = """
        if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
        redis.call('SET', KEYS[1], 1)
        for i = 2, #ARGV, 2 do
          redis.call('HSET', KEYS[2], ARGV[i], ARGV[i + 1])
          redis.call('HSET', KEYS[3], ARGV[i], ARGV[i + 1])
        end
        redis.call('HSET', KEYS[4], '1', ARGV[1])
        redis.call('INCR', KEYS[5])
        redis.call('SET', KEYS[6], 1)
        return 1
        """;

    private readonly string _draftFolder = Path.Combine(dataPath, "redis-draft");
    private readonly SemaphoreSlim _materialize = new(1, 1);
    private long? _materializedRevision;
    private bool _initialized;

    public async Task<string> GetDraftFolderAsync(CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken);
        await _materialize.WaitAsync(cancellationToken);
        try
        {
            // The revision is read before the files: a save in between only makes the next call mirror again.
            var revision = (long?)await redis.RunAsync(db => db.StringGetAsync(redis.DraftRevision));
            if (revision == _materializedRevision && Directory.Exists(_draftFolder)) return _draftFolder;
            var files = await ReadDraftFilesAsync(cancellationToken);
            await FolderSync.MirrorAsync(files, _draftFolder, cancellationToken);
            _materializedRevision = revision;
            return _draftFolder;
        }
        finally { _materialize.Release(); }
    }

    public async Task<IReadOnlyList<DraftFileInfo>> ListDraftAsync(CancellationToken cancellationToken)
    {
        var files = await ReadDraftFilesAsync(cancellationToken);
        return [.. files.Select(f => new DraftFileInfo(f.Key, f.Key.Split('/')[0], ContentHash.ETag(f.Value)))];
    }

    public async Task<DraftFile?> ReadDraftAsync(string path, CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken);
        var content = await redis.RunAsync(db => db.HashGetAsync(redis.Draft, path));
        return content.IsNull ? null : new DraftFile(path, content!, ContentHash.ETag(content!));
    }

    public async Task<SaveResult> SaveDraftAsync(string path, string content, string? ifMatch, bool createOnly, CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken);
        string? previous = null;
        if (!createOnly)
        {
            var current = await redis.RunAsync(db => db.HashGetAsync(redis.Draft, path));
            if (current.IsNull) return new(SaveOutcome.NotFound, null, null);
            previous = current!;
            if (ifMatch != "*" && ifMatch != ContentHash.ETag(previous)) return new(SaveOutcome.Conflict, ContentHash.ETag(previous), previous);
        }
        var (outcome, conflicting) = await WriteAsync(path, createOnly ? "create" : "update", previous, content);
        return outcome switch
        {
            1 => new(createOnly ? SaveOutcome.Created : SaveOutcome.Saved, ContentHash.ETag(content), previous),
            -1 => new(SaveOutcome.NotFound, null, null),
            _ => new(SaveOutcome.Conflict, ContentHash.ETag(conflicting!), conflicting),
        };
    }

    public async Task<SaveResult> DeleteDraftAsync(string path, string ifMatch, CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken);
        var current = await redis.RunAsync(db => db.HashGetAsync(redis.Draft, path));
        if (current.IsNull) return new(SaveOutcome.NotFound, null, null);
        string previous = current!;
        if (ifMatch != "*" && ifMatch != ContentHash.ETag(previous)) return new(SaveOutcome.Conflict, ContentHash.ETag(previous), previous);
        var (outcome, conflicting) = await WriteAsync(path, "delete", previous, null);
        return outcome switch
        {
            1 => new(SaveOutcome.Saved, null, previous),
            -1 => new(SaveOutcome.NotFound, null, null),
            _ => new(SaveOutcome.Conflict, ContentHash.ETag(conflicting!), conflicting),
        };
    }

    private async Task<(int Outcome, string? Current)> WriteAsync(string path, string mode, string? expected, string? content)
    {
        var result = await redis.RunAsync(db => db.ScriptEvaluateAsync(WriteDraftScript, [redis.Draft, redis.DraftRevision], [path, mode, expected ?? "", content ?? ""]));
        var values = (RedisResult[])result!;
        return ((int)values[0], values.Length > 1 ? (string?)values[1] : null);
    }

    public async Task<IReadOnlyDictionary<string, string>> ReadDraftFilesAsync(CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken);
        return ToFiles(await redis.RunAsync(db => db.HashGetAllAsync(redis.Draft)));
    }

    public async Task ReplaceDraftAsync(IReadOnlyDictionary<string, string> files, CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken);
        await redis.RunAsync(async db =>
        {
            var transaction = db.CreateTransaction();
            _ = transaction.KeyDeleteAsync(redis.Draft);
            if (files.Count > 0) _ = transaction.HashSetAsync(redis.Draft, [.. files.Select(f => new HashEntry(f.Key, f.Value))]);
            _ = transaction.StringIncrementAsync(redis.DraftRevision);
            await transaction.ExecuteAsync();
        });
    }

    public async Task<IReadOnlyList<VersionInfo>> ListVersionsAsync(CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken);
        var entries = await redis.RunAsync(db => db.HashGetAllAsync(redis.Versions));
        return [.. entries.Select(e => ParseInfo((int)e.Name, e.Value!)).OrderBy(v => v.Number)];
    }

    /// <summary>Only the metadata of version <paramref name="number"/> (the live-folder check compares its hash).</summary>
    public async Task<VersionInfo?> GetVersionInfoAsync(int number, CancellationToken cancellationToken)
    {
        var json = await redis.RunAsync(db => db.HashGetAsync(redis.Versions, number));
        return json.IsNull ? null : ParseInfo(number, json!);
    }

    public async Task<VersionSnapshot?> GetVersionAsync(int number, CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken);
        if (await GetVersionInfoAsync(number, cancellationToken) is not { } info) return null;
        return new(info, ToFiles(await redis.RunAsync(db => db.HashGetAllAsync(redis.VersionFiles(number)))));
    }

    public async Task<VersionInfo> CreateVersionAsync(IReadOnlyDictionary<string, string> files, string author, string comment, int? rollbackOf, CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken);
        // The stored metadata leaves the number out (0): the number is the hash field, known only inside the script.
        var info = new VersionInfo(0, author, time.GetUtcNow(), comment, ContentHash.OfFiles(files), files.Count, rollbackOf);
        var arguments = Arguments(JsonSerializer.Serialize(info, EditorJsonContext.Default.VersionInfo), files);
        var number = await redis.RunAsync(db => db.ScriptEvaluateAsync(CreateVersionScript, [redis.VersionSequence, redis.VersionFilesPrefix, redis.Versions], arguments));
        return info with { Number = int.Parse((string)number!, CultureInfo.InvariantCulture) };
    }

    /// <summary>SET NX with a lifetime: the first instance to see new folder content imports it; a crashed importer's claim lapses.</summary>
    public Task<bool> ClaimImportAsync(string contentHash, CancellationToken cancellationToken) =>
        redis.RunAsync(db => db.StringSetAsync(redis.ImportClaim(contentHash), 1, TimeSpan.FromMinutes(10), When.NotExists));

    private async Task EnsureInitializedAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _initialized)) return;
        if (!await redis.RunAsync(db => db.KeyExistsAsync(redis.VersionSequence)))
        {
            var live = await ReadFolderAsync(livePath, cancellationToken);
            var info = new VersionInfo(0, "system", time.GetUtcNow(), "imported from the live folder", ContentHash.OfFiles(live), live.Count, null);
            await redis.RunAsync(db => db.ScriptEvaluateAsync(ImportScript,
                [redis.VersionSequence, redis.VersionFiles(1), redis.Draft, redis.Versions, redis.DraftRevision, redis.Live],
                Arguments(JsonSerializer.Serialize(info, EditorJsonContext.Default.VersionInfo), live)));
        }
        Volatile.Write(ref _initialized, true);
    }

    /// <summary>The .yaml files of a folder as relative path → content.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> ReadFolderAsync(string root, CancellationToken cancellationToken)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var relative in EditorPaths.EnumerateYaml(root))
            files[relative] = await File.ReadAllTextAsync(EditorPaths.Resolve(root, relative), cancellationToken);
        return files;
    }

    private static RedisValue[] Arguments(string first, IReadOnlyDictionary<string, string> files)
    {
        var values = new RedisValue[1 + files.Count * 2];
        values[0] = first;
        var i = 1;
        foreach (var (path, content) in files)
        {
            values[i++] = path;
            values[i++] = content;
        }
        return values;
    }

    private static SortedDictionary<string, string> ToFiles(HashEntry[] entries)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        // Only names the API could have written: whatever else is in Redis never reaches a folder.
        foreach (var entry in entries)
            if (EditorPaths.Normalize(entry.Name, out _) is { } path) files[path] = entry.Value!;
        return files;
    }

    private static VersionInfo ParseInfo(int number, string json) =>
        (JsonSerializer.Deserialize(json, EditorJsonContext.Default.VersionInfo) ?? throw new InvalidDataException($"Version {number} has no metadata")) with { Number = number };
}
