using AuroraBots.Dialogs.Content;
using AuroraBots.Dialogs.Nlu;
using Microsoft.Extensions.Logging;

namespace AuroraBots.Dialogs.Engine;

/// <summary>Access to the content being served (for the engine, the catalog, the editor's preview).</summary>
public interface IDialogContent
{
    DialogRuntime Current { get; }

    /// <summary>Loads and validates another folder (e.g. an editor draft) without serving it.</summary>
    ContentLoadResult LoadFrom(string path, CancellationToken cancellationToken = default);

    /// <summary>Raised after a valid reload.</summary>
    event Action<DialogRuntime>? Reloaded;
}

/// <summary>
/// Loads <c>bots/</c> at start (throwing <see cref="InvalidDialogContentException"/> on invalid content) and,
/// with hot reload, watches the folder: a valid change is served at once; an invalid one is logged and the
/// last valid version stays.
/// </summary>
public sealed class DialogContentProvider : IDialogContent, IDisposable
{
    private readonly DialogContentLoader _loader;
    private readonly INluService _nlu;
    private readonly ILogger<DialogContentProvider> _logger;
    private readonly string _path;
    private readonly FileSystemWatcher? _watcher;
    private readonly Timer? _debounce;
    private readonly Lock _reloadLock = new();
    private DialogRuntime _current;
    private string? _fingerprint; // of the files behind _current

    public DialogContentProvider(string path, DialogContentLoader loader, INluService nlu, bool hotReload, ILogger<DialogContentProvider> logger)
    {
        _path = path;
        _loader = loader;
        _nlu = nlu;
        _logger = logger;
        try { _fingerprint = Fingerprint(path); }
        catch (IOException) { } // a missing folder: the loader names the problem just below
        var result = loader.Load(path);
        if (!result.IsValid) throw new InvalidDialogContentException(result.Errors);
        _current = new DialogRuntime(result.Content!, nlu);
        logger.LogInformation("Loaded {Bots} bots from {Path}", _current.Content.Bots.Count, path);
        if (!hotReload) return;

        _debounce = new Timer(_ => Reload(), null, Timeout.Infinite, Timeout.Infinite);
        _watcher = new FileSystemWatcher(path) { IncludeSubdirectories = true, NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.DirectoryName };
        FileSystemEventHandler changed = (_, _) => _debounce.Change(TimeSpan.FromMilliseconds(300), Timeout.InfiniteTimeSpan);
        _watcher.Changed += changed;
        _watcher.Created += changed;
        _watcher.Deleted += changed;
        _watcher.Renamed += (_, _) => _debounce.Change(TimeSpan.FromMilliseconds(300), Timeout.InfiniteTimeSpan);
        _watcher.EnableRaisingEvents = true;
    }

    public DialogRuntime Current => Volatile.Read(ref _current);

    public event Action<DialogRuntime>? Reloaded;

    public ContentLoadResult LoadFrom(string path, CancellationToken cancellationToken = default) => _loader.Load(path, cancellationToken);

    /// <summary>Reloads now (also called by the watcher after changes settle). Returns the errors, if any.</summary>
    public IReadOnlyList<ContentError> Reload()
    {
        lock (_reloadLock)
        {
            ContentLoadResult result;
            string fingerprint;
            try
            {
                // Nothing changed (a publish reloads at once and its writes still wake the watcher): keep the runtime,
                // skip validating and retraining the NLU.
                fingerprint = Fingerprint(_path);
                if (fingerprint == _fingerprint) return [];
                result = _loader.Load(_path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                _logger.LogWarning(ex, "Reading {Path} failed; keeping the last valid dialogs", _path);
                return [ContentError.Of(_path, "", "contentUnreadable", ("detail", ex.Message))];
            }
            if (!result.IsValid)
            {
                _logger.LogError("Dialog content changed but is invalid; keeping the last valid version:{NewLine}{Errors}",
                    Environment.NewLine, string.Join(Environment.NewLine, result.Errors));
                return result.Errors;
            }
            var runtime = new DialogRuntime(result.Content!, _nlu);
            Volatile.Write(ref _current, runtime);
            _fingerprint = fingerprint;
            _logger.LogInformation("Reloaded dialogs: {Bots} bots", runtime.Content.Bots.Count);
            Reloaded?.Invoke(runtime);
            return [];
        }
    }

    /// <summary>One hash over every YAML file below <paramref name="path"/> (names and contents): what the loader reads.</summary>
    private static string Fingerprint(string path)
    {
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (var file in Directory.EnumerateFiles(path, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(Path.GetRelativePath(path, file) + "\0"));
            hash.AppendData(File.ReadAllBytes(file));
        }
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        _debounce?.Dispose();
    }
}
