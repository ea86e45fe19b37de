using AuroraBots.Testing;
using System.Net.Http.Headers;
using System.Text;
using AuroraBots.AuroraAI;
using AuroraBots.Network.SessionTransfer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AuroraBots.Network.Tests.Infrastructure;

/// <summary>The network service on real Kestrel at 127.0.0.1 with a free port, wired exactly as the host does.</summary>
public sealed class NetworkServer : IAsyncDisposable
{
    public static readonly string FixtureCatalogue = Path.Combine(AppContext.BaseDirectory, "Fixtures", "worked-example-catalogue.json");

    private NetworkServer(WebApplication app, Uri baseAddress, CapturingLoggerProvider logs)
    {
        App = app;
        BaseAddress = baseAddress;
        Logs = logs;
        Http = new HttpClient { BaseAddress = baseAddress };
    }

    public WebApplication App { get; }
    public Uri BaseAddress { get; }
    public CapturingLoggerProvider Logs { get; }
    public HttpClient Http { get; }
    public IAuroraServiceRegistry Registry => App.Services.GetRequiredService<IAuroraServiceRegistry>();

    /// <param name="useFixture">Use the worked-example fixture catalogue instead of the shipped one.</param>
    public static async Task<NetworkServer> StartAsync(
        bool useFixture = true, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null)
    {
        // Log everything (the Server project's appsettings.json, copied next to the tests, would quiet ASP.NET Core),
        // so the log-hygiene tests see what a verbose production configuration would write.
        var config = new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Trace",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
        };
        if (useFixture) config["AuroraAI:Network:CatalogueFile"] = FixtureCatalogue;
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) config[key] = value;
        var logs = new CapturingLoggerProvider();
        var app = await TestHost.StartAsync(config, builder =>
        {
            builder.Logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace);
            builder.Services.AddAuroraNetwork(builder.Configuration.GetSection("AuroraAI:Network"));
            configureServices?.Invoke(builder.Services);
        }, app =>
        {
            app.MapAuroraNetwork();
            app.Services.WarmUpAuroraNetwork();
        });
        return new NetworkServer(app, app.Address(), logs);
    }

    public static AuthenticationHeaderValue Basic(string clientId = AuroraDevCredentials.ClientId, string secret = AuroraDevCredentials.ClientSecret) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(clientId + ":" + secret)));

    /// <summary>POSTs raw JSON text (so tests can send exactly the bytes they mean) with the dev credentials.</summary>
    public Task<HttpResponseMessage> PostAsync(string path, string json, AuthenticationHeaderValue? auth = null, string contentType = "application/json")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path.TrimStart('/'))
        {
            Content = new StringContent(json, Encoding.UTF8, contentType),
        };
        request.Headers.Authorization = auth ?? Basic();
        return Http.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
