using AuroraBots.Editor.Storage;

namespace AuroraBots.Editor.Publishing;

/// <summary>The files store's publisher: writes this host's live folder (only the changed files); there is nobody else to tell.</summary>
public sealed class LocalLivePublisher(LiveFolder live) : ILivePublisher
{
    public Task<IReadOnlyList<string>> GoLiveAsync(VersionInfo version, IReadOnlyDictionary<string, string> files, CancellationToken cancellationToken) =>
        live.WriteAsync(() => FolderSync.MirrorAsync(files, live.Path, cancellationToken), cancellationToken);
}
