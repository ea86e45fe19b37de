using System.Security.Cryptography;
using System.Text;
using AuroraBots.Dialogs.Content;
using AuroraBots.Dialogs.Engine;
using AuroraBots.Dialogs.Nlu;
using AuroraBots.Editor.Storage;
using Microsoft.Extensions.Logging;

namespace AuroraBots.Editor.Preview;

/// <summary>The draft as the preview and the editor's transcript runs see it: the last valid runtime, whether the current draft loads, and its errors.</summary>
public sealed record DraftStatus(DialogRuntime Runtime, bool IsValid, IReadOnlyList<ValidationProblem> Errors, string Fingerprint);

/// <summary>
/// <see cref="IDialogContent"/> over the editor's draft: serves the last draft that loaded and validated (NLU trained
/// like the live content), so a broken save never breaks a running preview. Reloaded lazily: a save, delete or
/// rollback on this instance marks it stale and the next preview turn or API call loads it again; a fingerprint of the
/// draft's ETags (checked by the preview and test APIs, and every few seconds by preview turns) catches saves made by
/// other instances sharing the store.
/// Until a draft has loaded once, the live content stands in (the draft starts as a copy of it).
/// </summary>
public sealed class DraftDialogContent : IDialogContent
{
    private readonly IEditorStore _store;
    private readonly IDialogContent _live;
    private readonly INluService _nlu;
    private readonly ILogger<DraftDialogContent> _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private DraftStatus? _status;
    private int _stale = 1;
    private long _checkedAt;

    public DraftDialogContent(IEditorStore store, IDialogContent live, INluService nlu, EditorService editor, ILogger<DraftDialogContent> logger)
    {
        _store = store;
        _live = live;
        _nlu = nlu;
        _logger = logger;
        editor.DraftChanged += () => Volatile.Write(ref _stale, 1);
    }

    public DialogRuntime Current => Volatile.Read(ref _status)?.Runtime ?? _live.Current;

    public event Action<DialogRuntime>? Reloaded;

    public ContentLoadResult LoadFrom(string path, CancellationToken cancellationToken = default) => _live.LoadFrom(path, cancellationToken);

    /// <summary>
    /// The draft for a preview turn: reloaded first when this instance changed it since the last load, and compared
    /// with the store's files at most every <see cref="ForeignChangeCheckInterval"/> (saves made by other instances).
    /// </summary>
    public async Task<DraftStatus> EnsureCurrentAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _stale) != 0 || Volatile.Read(ref _status) is not { } status) return await ReloadAsync(null, cancellationToken);
        var now = Environment.TickCount64;
        if (now - Interlocked.Read(ref _checkedAt) < (long)ForeignChangeCheckInterval.TotalMilliseconds) return status;
        return await RefreshAsync(cancellationToken);
    }

    /// <summary>How often a preview turn looks for draft changes made by other instances (a listing of the draft's ETags).</summary>
    public static readonly TimeSpan ForeignChangeCheckInterval = TimeSpan.FromSeconds(2);

    /// <summary>Like <see cref="EnsureCurrentAsync"/>, and also reloads when the draft's files differ from what was loaded (another instance saved).</summary>
    public async Task<DraftStatus> RefreshAsync(CancellationToken cancellationToken)
    {
        var fingerprint = Fingerprint(await _store.ListDraftAsync(cancellationToken));
        Interlocked.Exchange(ref _checkedAt, Environment.TickCount64);
        return Volatile.Read(ref _stale) == 0 && Volatile.Read(ref _status) is { } status && status.Fingerprint == fingerprint
            ? status
            : await ReloadAsync(fingerprint, cancellationToken);
    }

    private async Task<DraftStatus> ReloadAsync(string? expectedFingerprint, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            // Someone else may have reloaded while this call waited.
            if (Volatile.Read(ref _stale) == 0 && _status is { } fresh && (expectedFingerprint is null || fresh.Fingerprint == expectedFingerprint))
                return fresh;
            Volatile.Write(ref _stale, 0);
            var fingerprint = Fingerprint(await _store.ListDraftAsync(cancellationToken));
            Interlocked.Exchange(ref _checkedAt, Environment.TickCount64);
            var folder = await _store.GetDraftFolderAsync(cancellationToken);
            ContentLoadResult result;
            try { result = _live.LoadFrom(folder); }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                _logger.LogWarning(ex, "Reading the draft failed; the preview keeps the last valid draft");
                result = new ContentLoadResult(null, [ContentError.Of(folder, "", "contentUnreadable", ("detail", ex.Message))]);
            }
            DraftStatus status;
            if (result.IsValid)
            {
                var runtime = new DialogRuntime(result.Content!, _nlu);
                status = new DraftStatus(runtime, true, [], fingerprint);
                Volatile.Write(ref _status, status);
                Reloaded?.Invoke(runtime);
            }
            else
            {
                var errors = result.Errors.Select(e => ValidationProblem.From(Relative(folder, e.File), e)).ToList();
                status = new DraftStatus(_status?.Runtime ?? _live.Current, false, errors, fingerprint);
                Volatile.Write(ref _status, status);
            }
            return status;
        }
        finally { _gate.Release(); }
    }

    private static string Fingerprint(IReadOnlyList<DraftFileInfo> files)
    {
        var text = new StringBuilder();
        foreach (var file in files.OrderBy(f => f.Path, StringComparer.Ordinal)) text.Append(file.Path).Append('\n').Append(file.ETag).Append('\n');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static string Relative(string root, string file) =>
        Path.IsPathRooted(file) ? Path.GetRelativePath(root, file).Replace(Path.DirectorySeparatorChar, '/') : file.Replace('\\', '/');
}
