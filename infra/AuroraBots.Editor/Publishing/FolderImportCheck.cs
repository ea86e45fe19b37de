using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AuroraBots.Editor.Publishing;

/// <summary>
/// The files store's counterpart of <see cref="LiveVersionSync"/> (which does this with Redis): at start-up and every
/// <see cref="EditorOptions.LiveCheckInterval"/>, content changed in the live folder outside the editor becomes a version
/// (<see cref="FolderImport"/>), so the same rule holds in development and production.
/// </summary>
public sealed class FolderImportCheck(FolderImport folderImport, EditorOptions options, ILogger<FolderImportCheck> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield(); // never hold up the host's start-up
        using var timer = new PeriodicTimer(options.LiveCheckInterval);
        do
        {
            try { await folderImport.ImportIfChangedAsync(stoppingToken); }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                logger.LogWarning(e, "Checking the live folder for changes made outside the editor failed; retrying at the next check");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
