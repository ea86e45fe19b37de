using AuroraBots.Dialogs.Content;
using AuroraBots.Dialogs.Engine;
using AuroraBots.Editor.Audit;
using AuroraBots.Editor.Coverage;
using AuroraBots.Editor.Localisation;
using AuroraBots.Editor.Publishing;
using AuroraBots.Editor.Storage;
using AuroraBots.Editor.Transcripts;
using Microsoft.Extensions.Logging;

namespace AuroraBots.Editor;

/// <summary>
/// The editor's operations: save with validation, publish (validate → immutable version → live folder), rollback.
/// Publishing writes only changed files into the live folder and reloads the engine at once: the bots serve them without restart.
/// </summary>
public sealed class EditorService(IEditorStore store, IDialogContent dialogs, AuditLog audit, TranslationHistory translations, EditorPathsOptions paths, ILivePublisher livePublisher, ILogger<EditorService> logger, ReleaseTests? releaseTests = null, FolderImport? folderImport = null)
{
    private readonly SemaphoreSlim _publishGate = new(1, 1);

    /// <summary>Raised after the draft changed on this instance (save, delete, rollback); the preview reloads its draft runtime.</summary>
    public event Action? DraftChanged;

    public async Task<ValidationReport> ValidateDraftAsync(CancellationToken cancellationToken)
    {
        var folder = await store.GetDraftFolderAsync(cancellationToken);
        return Validate(folder, dialogs.LoadFrom(folder, cancellationToken));
    }

    public async Task<(SaveResult Result, ValidationReport? Validation)> SaveAsync(string user, string path, string content, string? ifMatch, bool createOnly, CancellationToken cancellationToken)
    {
        var result = await store.SaveDraftAsync(path, content, ifMatch, createOnly, cancellationToken);
        var saved = result.Outcome is SaveOutcome.Saved or SaveOutcome.Created;
        await audit.AppendAsync(user, AuditActions.Save, path, saved, saved ? $"etag {result.ETag}" : result.Outcome.ToString(), cancellationToken);
        if (saved) await translations.RecordAsync(path, result.PreviousContent, content, user, cancellationToken);
        if (saved) DraftChanged?.Invoke();
        return (result, saved ? await ValidateDraftAsync(cancellationToken) : null);
    }

    public async Task<(SaveResult Result, ValidationReport? Validation)> DeleteAsync(string user, string path, string ifMatch, CancellationToken cancellationToken)
    {
        var result = await store.DeleteDraftAsync(path, ifMatch, cancellationToken);
        var deleted = result.Outcome == SaveOutcome.Saved;
        await audit.AppendAsync(user, AuditActions.Delete, path, deleted, deleted ? null : result.Outcome.ToString(), cancellationToken);
        if (deleted) DraftChanged?.Invoke();
        return (result, deleted ? await ValidateDraftAsync(cancellationToken) : null);
    }

    /// <param name="expectedDraftHash">Publish only if the draft is still exactly this (an approved review); else <see cref="PublishOutcome.DraftChanged"/>.</param>
    public async Task<PublishResult> PublishAsync(string user, string comment, CancellationToken cancellationToken, string? expectedDraftHash = null)
    {
        await _publishGate.WaitAsync(cancellationToken);
        try
        {
            await ImportFolderChangesAsync(cancellationToken);
            // Validate the very files that become the version: a save landing meanwhile cannot slip in unchecked.
            var files = await store.ReadDraftFilesAsync(cancellationToken);
            if (expectedDraftHash is not null && ContentHash.OfFiles(files) != expectedDraftHash)
                return new(PublishOutcome.DraftChanged, null, [], []);
            using (var snapshot = await SnapshotFolder.WriteAsync(files, cancellationToken))
            {
                var loaded = dialogs.LoadFrom(snapshot.Path, cancellationToken);
                var validation = Validate(snapshot.Path, loaded);
                if (!validation.IsValid)
                {
                    await audit.AppendAsync(user, AuditActions.Publish, null, false, $"refused: {validation.Errors.Count} validation errors", cancellationToken);
                    return new(PublishOutcome.Invalid, null, validation.Errors, []);
                }
                if (releaseTests is not null && await releaseTests.FailuresAsync(loaded.Content!, cancellationToken) is { Count: > 0 } failures)
                {
                    await audit.AppendAsync(user, AuditActions.Publish, null, false, $"refused: {failures.Count} transcript tests failed", cancellationToken);
                    return new(PublishOutcome.TestsFailed, null, [], []) { TestFailures = failures };
                }
            }
            var version = await store.CreateVersionAsync(files, user, comment, null, cancellationToken);
            return await GoLiveAsync(user, AuditActions.Publish, version, files, comment);
        }
        finally { _publishGate.Release(); }
    }

    /// <summary>Publishes version <paramref name="number"/> again as a new version; the draft continues from it.</summary>
    public async Task<PublishResult> RollbackAsync(string user, int number, string? comment, CancellationToken cancellationToken)
    {
        await _publishGate.WaitAsync(cancellationToken);
        try
        {
            await ImportFolderChangesAsync(cancellationToken);
            if (await store.GetVersionAsync(number, cancellationToken) is not { } snapshot)
                return new(PublishOutcome.NotFound, null, [], []);
            // Only the editor's own words: the version records RollbackOf, which the UI shows in the reader's language
            // (prefixing "rollback to N" here repeated it in English next to the localised note).
            var version = await store.CreateVersionAsync(snapshot.Files, user, comment?.Trim() ?? "", number, cancellationToken);
            await store.ReplaceDraftAsync(snapshot.Files, CancellationToken.None);
            DraftChanged?.Invoke();
            return await GoLiveAsync(user, AuditActions.Rollback, version, snapshot.Files, version.Comment);
        }
        finally { _publishGate.Release(); }
    }

    /// <summary>A hand edit in the live folder becomes a version before a publish overwrites the folder (one owner: the store).</summary>
    private async Task ImportFolderChangesAsync(CancellationToken cancellationToken)
    {
        if (folderImport is not null && await folderImport.ImportIfChangedAsync(cancellationToken) is not null) DraftChanged?.Invoke();
    }

    /// <summary>
    /// Writes a version into the live folder. Not cancellable once started (a half-written live folder is worse than a
    /// slow request); a failure is reported and audited, and publishing again converges because only differing files are written.
    /// </summary>
    private async Task<PublishResult> GoLiveAsync(string user, string action, VersionInfo version, IReadOnlyDictionary<string, string> files, string comment)
    {
        try
        {
            // With Redis the publisher also makes every other host switch to this version.
            var changed = await livePublisher.GoLiveAsync(version, files, CancellationToken.None);
            EngineReload.AfterLiveWrite(dialogs, changed);
            await audit.AppendAsync(user, action, $"v{version.Number}", true, $"{comment} ({changed.Count} files changed)", CancellationToken.None);
            logger.LogInformation("{User}: {Action} version {Version} ({Changed} files changed)", user, action, version.Number, changed.Count);
            return new(PublishOutcome.Published, version, [], changed);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            logger.LogError(ex, "Writing version {Version} into {LivePath} failed", version.Number, paths.LivePath);
            var problem = EditorProblems.Make(paths.LivePath, "", "liveWriteFailed", ("number", version.Number), ("detail", ex.Message));
            await audit.AppendAsync(user, action, $"v{version.Number}", false, problem.Message, CancellationToken.None);
            return new(PublishOutcome.LiveWriteFailed, version, [problem], []);
        }
    }

    private static ValidationReport Validate(string root, ContentLoadResult result)
    {
        var errors = result.Errors.Select(e => ValidationProblem.From(Relative(root, e.File), e)).ToList();
        return new(errors.Count == 0, errors);
    }

    // The loader names files relative to the folder already; absolute names (e.g. a missing folder) are made relative too.
    private static string Relative(string root, string file) =>
        Path.IsPathRooted(file) ? Path.GetRelativePath(root, file).Replace(Path.DirectorySeparatorChar, '/') : file.Replace('\\', '/');
}
