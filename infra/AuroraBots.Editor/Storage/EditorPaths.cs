namespace AuroraBots.Editor.Storage;

/// <summary>Keeps every file path inside its folder: relative, forward slashes, no <c>..</c> or hidden segments, <c>.yaml</c> only.</summary>
public static class EditorPaths
{
    /// <summary>The normalised relative path (<c>youth/checkin.yaml</c>), or null with the reason.</summary>
    public static string? Normalize(string? path, out string? problem)
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(path)) { problem = "the path is empty"; return null; }
        if (path.Contains('\\') || path.Contains('\0') || path.Contains(':') || path.Contains('%') || Path.IsPathRooted(path) || path.StartsWith('/'))
        { problem = "the path must be relative, with forward slashes"; return null; }
        var segments = path.Split('/');
        if (segments.Any(s => s.Length == 0 || s == "." || s == ".." || s.StartsWith('.')))
        { problem = "the path may not contain empty, '.' or '..' segments or hidden names"; return null; }
        if (!path.EndsWith(".yaml", StringComparison.Ordinal)) { problem = "only .yaml files can be edited"; return null; }
        return path;
    }

    /// <summary>The full path of <paramref name="relative"/> under <paramref name="root"/>, refusing anything that escapes it.</summary>
    public static string Resolve(string root, string relative)
    {
        var fullRoot = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var full = Path.GetFullPath(Path.Combine(fullRoot, relative));
        if (!full.StartsWith(fullRoot, StringComparison.Ordinal)) throw new ArgumentException($"'{relative}' is outside the folder", nameof(relative));
        return full;
    }

    /// <summary>Every .yaml file below <paramref name="root"/> as normalised relative paths, skipping hidden folders and files.</summary>
    public static IEnumerable<string> EnumerateYaml(string root)
    {
        if (!Directory.Exists(root)) yield break;
        foreach (var file in Directory.EnumerateFiles(root, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(root, file).Replace(Path.DirectorySeparatorChar, '/');
            if (Normalize(relative, out _) is { } ok) yield return ok;
        }
    }
}
