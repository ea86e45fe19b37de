namespace AuroraBots.Testing;

/// <summary>Folders of the repository the tests run from (found above the test assembly, so any checkout works).</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> BotsFolder = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "bots");
            if (Directory.Exists(Path.Combine(candidate, "_shared")) && Directory.Exists(Path.Combine(candidate, "frontdesk"))) return candidate;
        }
        throw new DirectoryNotFoundException("The repository's bots/ folder was not found above " + AppContext.BaseDirectory);
    });

    /// <summary>The repository's <c>bots/</c>: the domain bots as content.</summary>
    public static string Bots => BotsFolder.Value;

    /// <summary>Copies a folder's files (recursively) into <paramref name="target"/>, e.g. bots/ into a temp folder.</summary>
    public static void CopyFolder(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination, overwrite: true);
        }
    }
}
