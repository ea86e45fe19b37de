using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace AuroraBots.Editor.Tests;

/// <summary>
/// A real Redis: the one in <c>AURORABOTS_TEST_REDIS</c> (host:port) when set, otherwise a throw-away
/// <c>redis-server</c> on a free loopback port with persistence off, killed by PID at the end.
/// </summary>
public sealed class RedisFixture : IAsyncLifetime
{
    private RedisServerProcess? _server;

    public string Configuration { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var external = Environment.GetEnvironmentVariable("AURORABOTS_TEST_REDIS");
        if (!string.IsNullOrWhiteSpace(external))
        {
            Configuration = external;
            return;
        }
        _server = await RedisServerProcess.StartAsync();
        Configuration = _server.Configuration;
    }

    public Task DisposeAsync()
    {
        _server?.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>A fresh key prefix, so tests never see each other's keys.</summary>
    public static string UniquePrefix() => $"test:{Guid.NewGuid():N}:";

    /// <summary>Removes a test's keys, so a shared Redis (<c>AURORABOTS_TEST_REDIS</c>) does not fill up.</summary>
    public async Task DeleteKeysAsync(string prefix)
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync(Configuration);
        var db = connection.GetDatabase();
        foreach (var server in connection.GetServers())
            await foreach (var key in server.KeysAsync(pattern: prefix + "*")) await db.KeyDeleteAsync(key);
    }
}

/// <summary>A private <c>redis-server</c> (for tests that stop it), on a free loopback port, persistence off.</summary>
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

    public string Configuration { get; }

    public static async Task<RedisServerProcess> StartAsync()
    {
        var port = FreePort();
        var dir = Directory.CreateTempSubdirectory("aurorabots-redis-").FullName;
        var process = Process.Start(new ProcessStartInfo("redis-server",
            ["--bind", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--save", "", "--appendonly", "no", "--dir", dir])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("redis-server did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new RedisServerProcess(process, dir, $"127.0.0.1:{port}");
        for (var i = 0; i < 100; i++)
        {
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
        using var kill = Process.Start("kill", [signal, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
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

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class RedisCollection : ICollectionFixture<RedisFixture>
{
    public const string Name = "redis";
}
