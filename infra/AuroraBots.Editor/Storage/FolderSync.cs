namespace AuroraBots.Editor.Storage;

/// <summary>Makes a folder's .yaml files equal to a set: writes only changed files (atomically each), deletes removed ones.</summary>
public static class FolderSync
{
    /// <returns>The relative paths written or deleted.</returns>
    public static async Task<IReadOnlyList<string>> MirrorAsync(IReadOnlyDictionary<string, string> files, string root, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(root);
        var changed = new List<string>();
        foreach (var (path, content) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            var full = EditorPaths.Resolve(root, path);
            if (File.Exists(full) && await File.ReadAllTextAsync(full, cancellationToken) == content) continue;
            await AtomicFile.WriteAsync(full, content, cancellationToken);
            changed.Add(path);
        }
        foreach (var existing in EditorPaths.EnumerateYaml(root).ToList())
        {
            if (files.ContainsKey(existing)) continue;
            File.Delete(EditorPaths.Resolve(root, existing));
            changed.Add(existing);
        }
        return changed;
    }
}
