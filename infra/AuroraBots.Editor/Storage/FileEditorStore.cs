using System.Text.Json;

namespace AuroraBots.Editor.Storage;

/// <summary>
/// Files under <c>DataPath</c>: <c>draft/</c> (working copy), <c>versions/0001/files/…</c> + <c>version.json</c>.
/// One writer at a time per process; a version folder is written under a temporary name and renamed, so it
/// appears complete or not at all, and is never written again.
/// </summary>
public sealed class FileEditorStore : IEditorStore
{
    private readonly string _draft;
    private readonly string _versions;
    private readonly string _live;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _initialized;

    public FileEditorStore(string dataPath, string livePath, TimeProvider time)
    {
        _draft = Path.Combine(dataPath, "draft");
        _versions = Path.Combine(dataPath, "versions");
        _live = livePath;
        _time = time;
    }

    public async Task<string> GetDraftFolderAsync(CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken);
        return _draft;
    }

    public async Task<IReadOnlyList<DraftFileInfo>> ListDraftAsync(CancellationToken cancellationToken)
    {
        var files = await ReadDraftFilesAsync(cancellationToken);
        return [.. files.Select(f => new DraftFileInfo(f.Key, f.Key.Split('/')[0], ContentHash.ETag(f.Value)))];
    }

    public async Task<DraftFile?> ReadDraftAsync(string path, CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken);
        var full = EditorPaths.Resolve(_draft, path);
        if (!File.Exists(full)) return null;
        var content = await File.ReadAllTextAsync(full, cancellationToken);
        return new DraftFile(path, content, ContentHash.ETag(content));
    }

    public async Task<SaveResult> SaveDraftAsync(string path, string content, string? ifMatch, bool createOnly, CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var full = EditorPaths.Resolve(_draft, path);
            var exists = File.Exists(full);
            var previous = exists ? await File.ReadAllTextAsync(full, cancellationToken) : null;
            if (createOnly)
            {
                if (exists) return new(SaveOutcome.Conflict, ContentHash.ETag(previous!), previous);
            }
            else
            {
                if (!exists) return new(SaveOutcome.NotFound, null, null);
                if (ifMatch != "*" && ifMatch != ContentHash.ETag(previous!)) return new(SaveOutcome.Conflict, ContentHash.ETag(previous!), previous);
            }
            await AtomicFile.WriteAsync(full, content, cancellationToken);
            return new(exists ? SaveOutcome.Saved : SaveOutcome.Created, ContentHash.ETag(content), previous);
        }
        finally { _gate.Release(); }
    }

    public async Task<SaveResult> DeleteDraftAsync(string path, string ifMatch, CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var full = EditorPaths.Resolve(_draft, path);
            if (!File.Exists(full)) return new(SaveOutcome.NotFound, null, null);
            var previous = await File.ReadAllTextAsync(full, cancellationToken);
            if (ifMatch != "*" && ifMatch != ContentHash.ETag(previous)) return new(SaveOutcome.Conflict, ContentHash.ETag(previous), previous);
            File.Delete(full);
            return new(SaveOutcome.Saved, null, previous);
        }
        finally { _gate.Release(); }
    }

    public async Task<IReadOnlyDictionary<string, string>> ReadDraftFilesAsync(CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken);
        return await ReadFolderAsync(_draft, cancellationToken);
    }

    public async Task ReplaceDraftAsync(IReadOnlyDictionary<string, string> files, CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken);
        await _gate.WaitAsync(cancellationToken);
        try { await FolderSync.MirrorAsync(files, _draft, cancellationToken); }
        finally { _gate.Release(); }
    }

    public async Task<IReadOnlyList<VersionInfo>> ListVersionsAsync(CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken);
        var list = new List<VersionInfo>();
        foreach (var number in VersionNumbers())
            if (await ReadInfoAsync(number, cancellationToken) is { } info) list.Add(info);
        return list;
    }

    public async Task<VersionSnapshot?> GetVersionAsync(int number, CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken);
        if (await ReadInfoAsync(number, cancellationToken) is not { } info) return null;
        return new(info, await ReadFolderAsync(Path.Combine(VersionFolder(number), "files"), cancellationToken));
    }

    public async Task<VersionInfo> CreateVersionAsync(IReadOnlyDictionary<string, string> files, string author, string comment, int? rollbackOf, CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken);
        await _gate.WaitAsync(cancellationToken);
        try { return await WriteVersionAsync(files, author, comment, rollbackOf, cancellationToken); }
        finally { _gate.Release(); }
    }

    private async Task<VersionInfo> WriteVersionAsync(IReadOnlyDictionary<string, string> files, string author, string comment, int? rollbackOf, CancellationToken cancellationToken)
    {
        var number = VersionNumbers().DefaultIfEmpty(0).Max() + 1;
        var info = new VersionInfo(number, author, _time.GetUtcNow(), comment, ContentHash.OfFiles(files), files.Count, rollbackOf);
        var temp = Path.Combine(_versions, $".tmp-{Guid.NewGuid():N}");
        foreach (var (path, content) in files)
        {
            var full = EditorPaths.Resolve(Path.Combine(temp, "files"), path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            await File.WriteAllTextAsync(full, content, cancellationToken);
            File.SetAttributes(full, FileAttributes.ReadOnly);
        }
        Directory.CreateDirectory(temp);
        await File.WriteAllTextAsync(Path.Combine(temp, "version.json"), JsonSerializer.Serialize(info, EditorJsonContext.Default.VersionInfo), cancellationToken);
        File.SetAttributes(Path.Combine(temp, "version.json"), FileAttributes.ReadOnly);
        Directory.Move(temp, VersionFolder(number));
        return info;
    }

    private async Task<VersionInfo?> ReadInfoAsync(int number, CancellationToken cancellationToken)
    {
        var file = Path.Combine(VersionFolder(number), "version.json");
        if (!File.Exists(file)) return null;
        await using var stream = File.OpenRead(file);
        return await JsonSerializer.DeserializeAsync(stream, EditorJsonContext.Default.VersionInfo, cancellationToken);
    }

    private IEnumerable<int> VersionNumbers() =>
        Directory.Exists(_versions)
            ? Directory.EnumerateDirectories(_versions).Select(Path.GetFileName).Select(n => int.TryParse(n, out var v) ? v : 0).Where(v => v > 0).Order()
            : [];

    private string VersionFolder(int number) => Path.Combine(_versions, number.ToString("D4", System.Globalization.CultureInfo.InvariantCulture));

    private static async Task<IReadOnlyDictionary<string, string>> ReadFolderAsync(string root, CancellationToken cancellationToken)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var relative in EditorPaths.EnumerateYaml(root))
            files[relative] = await File.ReadAllTextAsync(EditorPaths.Resolve(root, relative), cancellationToken);
        return files;
    }

    /// <summary>One instance owns the files store: it may always import.</summary>
    public Task<bool> ClaimImportAsync(string contentHash, CancellationToken cancellationToken) => Task.FromResult(true);

    /// <summary>First use: the draft starts as a copy of the live folder, which is also recorded as version 1 (so it can be rolled back to).</summary>
    private async Task EnsureInitializedAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _initialized)) return;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_initialized) return;
            Directory.CreateDirectory(_versions);
            if (!Directory.Exists(_draft))
            {
                var live = await ReadFolderAsync(_live, cancellationToken);
                var temp = _draft + $".tmp-{Guid.NewGuid():N}";
                await FolderSync.MirrorAsync(live, temp, cancellationToken);
                Directory.Move(temp, _draft);
                if (!VersionNumbers().Any())
                    await WriteVersionAsync(live, "system", "imported from the live folder", null, cancellationToken);
            }
            Volatile.Write(ref _initialized, true);
        }
        finally { _gate.Release(); }
    }
}
