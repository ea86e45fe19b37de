namespace AuroraBots.Editor.Storage;

/// <summary>Write to a temporary file beside the target, then rename over it: readers (and the engine's hot reload) never see half a file.</summary>
public static class AtomicFile
{
    public static async Task WriteAsync(string path, string content, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // The temporary name does not end in .yaml, so the loader never reads it.
        var temp = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await File.WriteAllTextAsync(temp, content, cancellationToken);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
