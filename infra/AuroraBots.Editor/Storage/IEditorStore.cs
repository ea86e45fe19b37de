namespace AuroraBots.Editor.Storage;

/// <summary>
/// Drafts and versions. The draft is a working copy of the live folder; versions are immutable numbered snapshots.
/// The embedded default keeps both in files (<see cref="FileEditorStore"/>); Redis comes next (docs/editor.md).
/// </summary>
public interface IEditorStore
{
    /// <summary>A folder holding the current draft, for <c>IDialogContent.LoadFrom</c>.</summary>
    Task<string> GetDraftFolderAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<DraftFileInfo>> ListDraftAsync(CancellationToken cancellationToken);

    Task<DraftFile?> ReadDraftAsync(string path, CancellationToken cancellationToken);

    /// <summary>
    /// Saves when <paramref name="ifMatch"/> is the file's current ETag (or <c>*</c> for any existing file);
    /// <paramref name="createOnly"/> creates a new file and conflicts if it exists.
    /// </summary>
    Task<SaveResult> SaveDraftAsync(string path, string content, string? ifMatch, bool createOnly, CancellationToken cancellationToken);

    /// <summary>Deletes a draft file when <paramref name="ifMatch"/> is its current ETag (Saved = deleted).</summary>
    Task<SaveResult> DeleteDraftAsync(string path, string ifMatch, CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<string, string>> ReadDraftFilesAsync(CancellationToken cancellationToken);

    /// <summary>Replaces the whole draft (after a rollback the draft continues from the rolled-back version).</summary>
    Task ReplaceDraftAsync(IReadOnlyDictionary<string, string> files, CancellationToken cancellationToken);

    Task<IReadOnlyList<VersionInfo>> ListVersionsAsync(CancellationToken cancellationToken);

    Task<VersionSnapshot?> GetVersionAsync(int number, CancellationToken cancellationToken);

    /// <summary>
    /// True for the one caller that may import folder content with this hash as a new version: with several instances
    /// sharing the store, the first to ask wins for a while and the others leave the import to it.
    /// </summary>
    Task<bool> ClaimImportAsync(string contentHash, CancellationToken cancellationToken);

    /// <summary>Writes a new version with the next number; existing versions are never touched.</summary>
    Task<VersionInfo> CreateVersionAsync(IReadOnlyDictionary<string, string> files, string author, string comment, int? rollbackOf, CancellationToken cancellationToken);
}
