namespace AuroraBots.Editor.Storage;

/// <summary>
/// A set of content files written to a private temporary folder (the engine's loader reads folders), removed on dispose.
/// Validating such a snapshot checks exactly the files that will be used, however the draft changes meanwhile.
/// </summary>
public sealed class SnapshotFolder : IDisposable
{
    private SnapshotFolder(string path) => Path = path;

    public string Path { get; }

    public static async Task<SnapshotFolder> WriteAsync(IReadOnlyDictionary<string, string> files, CancellationToken cancellationToken)
    {
        var snapshot = new SnapshotFolder(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "aurora-editor-snapshot", Guid.NewGuid().ToString("N")));
        try
        {
            foreach (var (relative, text) in files)
            {
                var full = EditorPaths.Resolve(snapshot.Path, relative);
                Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
                await File.WriteAllTextAsync(full, text, cancellationToken);
            }
            return snapshot;
        }
        catch
        {
            snapshot.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        try { if (Directory.Exists(Path)) Directory.Delete(Path, recursive: true); }
        catch (IOException) { /* a temp folder; the OS cleans it eventually */ }
    }
}
