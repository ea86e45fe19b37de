using AuroraBots.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AuroraBots.Network.Tests.Infrastructure;

/// <summary>A misbehaving AuroraAI stand-in on real Kestrel (slow, failing) that counts the requests it gets.</summary>
public sealed class StubServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _hits;

    private StubServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }
    public int Hits => Volatile.Read(ref _hits);

    public static async Task<StubServer> StartAsync(Func<HttpContext, Task> handler)
    {
        StubServer? stub = null;
        var app = await TestHost.StartAsync([], _ => { }, app => app.Run(async context =>
        {
            Interlocked.Increment(ref stub!._hits);
            await handler(context);
        }));
        stub = new StubServer(app, app.Address());
        return stub;
    }

    /// <summary>A loopback URL nobody listens on (a port that was just free).</summary>
    public static Uri ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}/");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
