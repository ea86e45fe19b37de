using System.Diagnostics;

namespace AuroraBots.Benchmarks.Channel;

/// <summary>
/// The Direct Line TestServer (echo bot) as a separate process, so its memory can be read from
/// <c>/proc/&lt;pid&gt;/status</c> without the client's allocations. Built in Release first.
/// </summary>
internal sealed class TestServerProcess : IAsyncDisposable
{
    private readonly Process _process;

    public Uri BaseUrl { get; }
    public int ProcessId => _process.Id;

    private TestServerProcess(Process process, Uri baseUrl) => (_process, BaseUrl) = (process, baseUrl);

    public static async Task<TestServerProcess> StartAsync()
    {
        var root = RepositoryRoot();
        var project = Path.Combine(root, "tests", "AuroraBots.DirectLine.TestServer", "AuroraBots.DirectLine.TestServer.csproj");
        Console.WriteLine("Building the TestServer (Release)...");
        using (var build = Process.Start(new ProcessStartInfo("dotnet", ["build", project, "-c", "Release", "-nologo", "-v", "q"]) { UseShellExecute = false })!)
        {
            await build.WaitForExitAsync();
            if (build.ExitCode != 0) throw new InvalidOperationException("Building the TestServer failed.");
        }
        var dll = Path.Combine(root, "tests", "AuroraBots.DirectLine.TestServer", "bin", "Release", "net10.0", "AuroraBots.DirectLine.TestServer.dll");
        var process = Process.Start(new ProcessStartInfo("dotnet", [dll, "--port", "0"])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            Environment = { ["ASPNETCORE_ENVIRONMENT"] = "Production" },
        })!;
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (!line.StartsWith("LISTENING ", StringComparison.Ordinal)) continue;
            _ = process.StandardOutput.ReadToEndAsync();
            return new TestServerProcess(process, new Uri(line["LISTENING ".Length..]));
        }
        throw new InvalidOperationException("The TestServer exited before listening.");
    }

    /// <summary>Peak resident set size (VmHWM) of the server, in MB.</summary>
    public double PeakRssMegabytes() => ReadStatusKilobytes("VmHWM") / 1024.0;

    /// <summary>CPU time (user + system) the server has used so far, from <c>/proc/&lt;pid&gt;/stat</c>.</summary>
    public TimeSpan CpuTime()
    {
        var stat = File.ReadAllText($"/proc/{_process.Id}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11]) + long.Parse(fields[12]); // utime, stime (fields 14 and 15)
        return TimeSpan.FromSeconds(ticks / 100.0);
    }

    public double CurrentRssMegabytes() => ReadStatusKilobytes("VmRSS") / 1024.0;

    private long ReadStatusKilobytes(string field)
    {
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
            if (line.StartsWith(field + ":", StringComparison.Ordinal))
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);
        return 0;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "AuroraBots.sln"))) return directory.FullName;
        throw new InvalidOperationException("AuroraBots.sln not found above " + AppContext.BaseDirectory);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
