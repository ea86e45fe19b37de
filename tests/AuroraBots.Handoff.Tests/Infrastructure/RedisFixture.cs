using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace AuroraBots.Handoff.Tests.Infrastructure;

/// <summary>
/// A real Redis: the one in <c>AURORABOTS_TEST_REDIS</c> (host:port) when set, otherwise a throw-away
/// <c>redis-server</c> on a free loopback port with persistence off, killed by PID at the end.
/// </summary>
public sealed class RedisFixture : IAsyncLifetime
{
    private Process? _server;
    private string? _dir;

    public string Configuration { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var external = Environment.GetEnvironmentVariable("AURORABOTS_TEST_REDIS");
        if (!string.IsNullOrWhiteSpace(external))
        {
            Configuration = external;
            return;
        }
        var port = FreePort();
        _dir = Directory.CreateTempSubdirectory("aurorabots-redis-").FullName;
        _server = Process.Start(new ProcessStartInfo("redis-server",
            ["--bind", "127.0.0.1", "--port", port.ToString(), "--save", "", "--appendonly", "no", "--dir", _dir])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("redis-server did not start.");
        Configuration = $"127.0.0.1:{port}";
        for (var i = 0; i < 100; i++)
        {
            try
            {
                await using var probe = await ConnectionMultiplexer.ConnectAsync(Configuration);
                if (probe.IsConnected) return;
            }
            catch (RedisConnectionException) { }
            await Task.Delay(100);
        }
        throw new InvalidOperationException($"redis-server on {Configuration} did not answer.");
    }

    public Task DisposeAsync()
    {
        if (_server is { HasExited: false })
        {
            _server.Kill();
            _server.WaitForExit(5000);
        }
        _server?.Dispose();
        if (_dir is not null) Directory.Delete(_dir, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>A fresh key prefix, so tests never see each other's keys.</summary>
    public static string UniquePrefix() => $"test:{Guid.NewGuid():N}:";

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
