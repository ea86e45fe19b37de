using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace AuroraBots.Dialogs.Tests.Infrastructure;

/// <summary>
/// A real Redis: <c>AURORABOTS_TEST_REDIS</c> (host:port) when set, else a <c>redis-server</c> started on a free
/// loopback port with persistence off, killed by PID on dispose.
/// </summary>
public sealed class RedisFixture : IDisposable
{
    private readonly Process? _process;
    private readonly string? _directory;

    public RedisFixture()
    {
        var external = Environment.GetEnvironmentVariable("AURORABOTS_TEST_REDIS");
        if (!string.IsNullOrWhiteSpace(external))
        {
            Endpoint = external;
            return;
        }
        var port = FreePort();
        _directory = Directory.CreateTempSubdirectory("aurorabots-redis-").FullName;
        _process = Process.Start(new ProcessStartInfo("redis-server")
        {
            ArgumentList = { "--bind", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--save", "", "--appendonly", "no", "--dir", _directory },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("redis-server did not start");
        _process.OutputDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Endpoint = $"127.0.0.1:{port}";
        WaitUntilListening(port);
    }

    /// <summary>host:port, usable as a StackExchange.Redis configuration string.</summary>
    public string Endpoint { get; }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void WaitUntilListening(int port)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            if (_process!.HasExited) throw new InvalidOperationException($"redis-server exited with {_process.ExitCode}");
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) { Thread.Sleep(50); }
        }
        throw new TimeoutException("redis-server did not start listening");
    }

    public void Dispose()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            _process.WaitForExit(5000);
        }
        _process?.Dispose();
        if (_directory is not null) try { Directory.Delete(_directory, true); } catch (IOException) { }
    }
}

[CollectionDefinition(Name)]
public sealed class RedisCollection : ICollectionFixture<RedisFixture>
{
    public const string Name = "redis";
}
