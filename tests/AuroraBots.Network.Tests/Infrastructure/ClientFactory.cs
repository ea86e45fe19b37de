using AuroraBots.AuroraAI;
using AuroraBots.AuroraAI.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AuroraBots.Network.Tests.Infrastructure;

/// <summary>Builds the real client exactly as the host does (<c>AddAuroraAiClient</c>) with test-sized timeouts.</summary>
public static class ClientFactory
{
    public static ServiceProvider Create(Uri? baseUrl, CapturingLoggerProvider? logs = null, IDictionary<string, string?>? settings = null)
    {
        var config = new Dictionary<string, string?>
        {
            ["AuroraAI:Client:AttemptTimeout"] = "00:00:02",
            ["AuroraAI:Client:TotalTimeout"] = "00:00:05",
            ["AuroraAI:Client:RetryDelay"] = "00:00:00.010",
            ["AuroraAI:Client:MaxRetries"] = "2",
        };
        if (baseUrl is not null) config["AuroraAI:Client:BaseUrl"] = baseUrl.AbsoluteUri;
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) config[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(config).Build();

        var services = new ServiceCollection();
        services.AddLogging(b =>
        {
            b.SetMinimumLevel(LogLevel.Trace);
            if (logs is not null) b.AddProvider(logs);
        });
        services.AddAuroraAiClient(configuration.GetSection("AuroraAI:Client"));
        return services.BuildServiceProvider();
    }

    public static IAuroraAiClient Client(this IServiceProvider services) => services.GetRequiredService<IAuroraAiClient>();

    public static AuroraAiEndpoint Endpoint(this IServiceProvider services) => services.GetRequiredService<AuroraAiEndpoint>();
}
