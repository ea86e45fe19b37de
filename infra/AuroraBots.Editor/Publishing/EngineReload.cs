using AuroraBots.Dialogs.Engine;

namespace AuroraBots.Editor.Publishing;

/// <summary>
/// After a publish wrote into the live folder, the engine reloads at once instead of waiting for its file watcher
/// (debounced, and late under load): the bots answer with the new content a second sooner, and publishing works even
/// with <c>Dialogs:HotReload</c> off.
/// </summary>
internal static class EngineReload
{
    public static void AfterLiveWrite(IDialogContent dialogs, IReadOnlyCollection<string> changedFiles)
    {
        if (changedFiles.Count > 0 && dialogs is DialogContentProvider provider) provider.Reload();
    }
}
