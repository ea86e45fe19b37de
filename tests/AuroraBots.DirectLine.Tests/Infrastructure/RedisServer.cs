using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace AuroraBots.DirectLine.Tests.Infrastructure;

/// <summary>
/// Redis for tests: <c>AURORABOTS_TEST_REDIS</c> (host:port) when set, otherwise a private
/// <c>redis-server</c> on a free loopback port without persistence, killed by PID at the end.
/// </summary>
public sealed class RedisServer : IAsyncLifetime
{
    private Process? _process;
    private string? _directory;

    public string Endpoint { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var configured = Environment.GetEnvironmentVariable("AURORABOTS_TEST_REDIS");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            Endpoint = configured;
            return;
        }
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        _directory = Directory.CreateTempSubdirectory("aurorabots-redis-").FullName;
        _process = Process.Start(new ProcessStartInfo("redis-server",
            ["--bind", "127.0.0.1", "--port", port.ToString(), "--save", "", "--appendonly", "no", "--dir", _directory])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        })!;
        _process.OutputDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        Endpoint = $"127.0.0.1:{port}";
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) { await Task.Delay(50); }
        }
        throw new InvalidOperationException("redis-server did not start");
    }

    public Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            _process.WaitForExit(5000);
        }
        _process?.Dispose();
        if (_directory is not null) Directory.Delete(_directory, true);
        return Task.CompletedTask;
    }
}
