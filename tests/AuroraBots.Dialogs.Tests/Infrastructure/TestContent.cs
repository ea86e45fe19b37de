using AuroraBots.Testing;

namespace AuroraBots.Dialogs.Tests.Infrastructure;

/// <summary>Finds the repository's bots content folder and builds temporary bots content folders for tests.</summary>
public static class TestContent
{
    public static string RepoDialogs => RepoPaths.Bots;

    /// <summary>A fresh folder with the real <c>_shared</c> and <c>sample</c>, plus the test bots <c>engine</c> and <c>helper</c>.</summary>
    public static TempDialogs CreateEngineDialogs()
    {
        var temp = new TempDialogs();
        Copy(Path.Combine(RepoDialogs, "_shared"), Path.Combine(temp.Path, "_shared"));
        Copy(Path.Combine(RepoDialogs, "sample"), Path.Combine(temp.Path, "sample"));
        var fixtures = Path.Combine(AppContext.BaseDirectory, "TestDialogs");
        foreach (var bot in Directory.EnumerateDirectories(fixtures))
            Copy(bot, Path.Combine(temp.Path, System.IO.Path.GetFileName(bot)));
        return temp;
    }

    public static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        RepoPaths.CopyFolder(from, to);
    }
}

/// <summary>A temporary folder deleted on dispose.</summary>
public sealed class TempDialogs : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("aurorabots-dialogs-").FullName;

    public string File(string relative) => System.IO.Path.Combine(Path, relative);

    public void Write(string relative, string text)
    {
        var file = File(relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        System.IO.File.WriteAllText(file, text);
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
