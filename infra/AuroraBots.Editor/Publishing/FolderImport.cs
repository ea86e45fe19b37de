using AuroraBots.Dialogs.Engine;
using AuroraBots.Editor.Audit;
using AuroraBots.Editor.Storage;
using Microsoft.Extensions.Logging;

namespace AuroraBots.Editor.Publishing;

/// <summary>
/// One owner for live content: the editor's store (versions, the live version). The live folder is the seed and the
/// way a deployment ships content, never a second owner. A folder whose content matches <em>no</em> version in the
/// store was changed outside the editor (a hand edit, a deploy with new bot content) and is imported as a new version
/// "imported from files", with an audit entry, and made live — it is never silently overwritten. A folder equal to
/// some known version is only stale (e.g. a new instance started from an older image) and is brought to the live
/// version by the caller. Several instances seeing the same new folder import it once (<see cref="IEditorStore.ClaimImportAsync"/>).
/// </summary>
public sealed class FolderImport(IEditorStore store, LiveFolder live, AuditLog audit, ILivePublisher publisher, IDialogContent dialogs, ILogger<FolderImport> logger)
{
    public const string Comment = "imported from files";
    public const string SystemUser = "system";

    /// <summary>Imports the live folder when the store does not know its content. Returns the new version, or null.</summary>
    public async Task<VersionInfo?> ImportIfChangedAsync(CancellationToken cancellationToken)
    {
        var folder = await live.ReadAsync(cancellationToken);
        if (folder.Count == 0) return null; // an empty or missing folder is not content to publish
        var hash = ContentHash.OfFiles(folder);
        var versions = await store.ListVersionsAsync(cancellationToken);
        if (versions.Any(v => v.Hash == hash)) return null;
        if (!await store.ClaimImportAsync(hash, cancellationToken)) return null; // another instance is importing it

        var draftHash = ContentHash.OfFiles(await store.ReadDraftFilesAsync(cancellationToken));
        var draftHadNoPendingEdits = versions.Any(v => v.Hash == draftHash);
        var version = await store.CreateVersionAsync(folder, SystemUser, Comment, null, cancellationToken);
        await audit.AppendAsync(SystemUser, AuditActions.Import, $"v{version.Number}", true, $"{folder.Count} files changed outside the editor", cancellationToken);
        // Make it the live version everywhere (with Redis: recorded and announced; the folder itself is already equal).
        await publisher.GoLiveAsync(version, folder, CancellationToken.None);
        // The engine serves what became live even with hot reload off.
        EngineReload.AfterLiveWrite(dialogs, [.. folder.Keys]);
        // An editor's unpublished work stays as it is; a draft with nothing pending follows the imported content.
        if (draftHadNoPendingEdits) await store.ReplaceDraftAsync(folder, cancellationToken);
        logger.LogInformation("The live folder {LivePath} had changes no version has: imported as version {Version}", live.Path, version.Number);
        return version;
    }
}
