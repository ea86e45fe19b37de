using AuroraBots.Editor.Storage;

namespace AuroraBots.Editor.Publishing;

/// <summary>
/// This host's live folder (the one the engine serves and hot-reloads). One writer at a time, so a publish on this
/// host and the catch-up with another host's publish never interleave their files.
/// </summary>
public sealed class LiveFolder(EditorPathsOptions paths)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public string Path => paths.LivePath;

    public Task<IReadOnlyDictionary<string, string>> ReadAsync(CancellationToken cancellationToken) =>
        RedisEditorStore.ReadFolderAsync(paths.LivePath, cancellationToken);

    /// <summary>Runs <paramref name="write"/> as the only writer of the folder.</summary>
    public async Task<T> WriteAsync<T>(Func<Task<T>> write, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try { return await write(); }
        finally { _gate.Release(); }
    }
}
