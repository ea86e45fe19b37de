using System.Diagnostics;
using System.Globalization;
using StackExchange.Redis;

namespace AuroraBots.Testing;

/// <summary>
/// A private <c>redis-server</c> on a free loopback port with persistence off, killed by PID on dispose. Tests that
/// need an outage can freeze it (<see cref="PauseAsync"/>) or stop it.
/// </summary>
public sealed class RedisServerProcess : IDisposable
{
    private readonly Process _process;
    private readonly string _dir;
    private bool _disposed;

    private RedisServerProcess(Process process, string dir, string configuration)
    {
        _process = process;
        _dir = dir;
        Configuration = configuration;
    }

    /// <summary>host:port, usable as a StackExchange.Redis configuration string.</summary>
    public string Configuration { get; }

    public static async Task<RedisServerProcess> StartAsync()
    {
        var port = FreePorts.Next();
        var dir = Directory.CreateTempSubdirectory("aurorabots-redis-").FullName;
        var process = Process.Start(new ProcessStartInfo("redis-server",
            ["--bind", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture), "--save", "", "--appendonly", "no", "--dir", dir])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("redis-server did not start (is it installed? scripts/test.sh installs it).");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new RedisServerProcess(process, dir, $"127.0.0.1:{port}");
        for (var i = 0; i < 100; i++)
        {
            if (process.HasExited) break;
            try
            {
                await using var probe = await ConnectionMultiplexer.ConnectAsync(server.Configuration);
                if (probe.IsConnected) return server;
            }
            catch (RedisConnectionException) { }
            await Task.Delay(100);
        }
        server.Dispose();
        throw new InvalidOperationException($"redis-server on {server.Configuration} did not answer.");
    }

    /// <summary>Freezes the server (SIGSTOP by PID): connections stay open but nothing answers, and no data is lost.</summary>
    public Task PauseAsync() => SignalAsync("-STOP");

    /// <summary>Lets a paused server go on (SIGCONT).</summary>
    public Task ResumeAsync() => SignalAsync("-CONT");

    private async Task SignalAsync(string signal)
    {
        using var kill = Process.Start("kill", [signal, _process.Id.ToString(CultureInfo.InvariantCulture)])!;
        await kill.WaitForExitAsync();
        if (kill.ExitCode != 0) throw new InvalidOperationException($"kill {signal} {_process.Id} failed");
    }

    /// <summary>Stops the server (by its PID), as an outage would.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        if (!_process.HasExited)
        {
            SignalAsync("-CONT").GetAwaiter().GetResult(); // a paused server must be able to die
            _process.Kill();
            _process.WaitForExit(5000);
        }
        _process.Dispose();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}
