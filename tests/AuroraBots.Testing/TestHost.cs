using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AuroraBots.Testing;

/// <summary>
/// The one way tests and benchmarks compose a host from the platform's pieces: real Kestrel on 127.0.0.1 with a
/// free port (the clients under test speak real HTTP and WebSockets), in-memory configuration, no log output unless
/// the caller adds a provider. The whole app (<c>Program</c>) is started with <c>WebApplicationFactory</c> instead.
/// </summary>
public static class TestHost
{
    /// <param name="settings">Configuration, as <c>Section:Key</c> pairs.</param>
    /// <param name="services">Registers what the host serves (and loggers, clocks, fakes).</param>
    /// <param name="endpoints">Maps endpoints after the app is built.</param>
    /// <param name="options">Content root and environment, when the defaults do not fit.</param>
    public static async Task<WebApplication> StartAsync(
        IEnumerable<KeyValuePair<string, string?>> settings,
        Action<WebApplicationBuilder> services,
        Action<WebApplication>? endpoints = null,
        WebApplicationOptions? options = null)
    {
        var builder = WebApplication.CreateSlimBuilder(options ?? new WebApplicationOptions());
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(settings);
        services(builder);
        var app = builder.Build();
        endpoints?.Invoke(app);
        await app.StartAsync();
        return app;
    }

    /// <summary>Where a started host listens, e.g. <c>http://127.0.0.1:40123/</c> (with the trailing slash).</summary>
    public static Uri Address(this WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/");

    /// <summary>Stops and disposes a started host.</summary>
    public static async ValueTask StopAndDisposeAsync(this WebApplication app)
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
