using AuroraBots.Network.Apis;
using AuroraBots.Network.Catalogue;
using AuroraBots.Network.Recommendation;
using AuroraBots.Network.SessionTransfer;
using AuroraBots.Platform;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AuroraBots.Network;

/// <summary>Wiring of the AuroraAI network service, for the standalone server and for embedding in the platform host.</summary>
public static class Extensions
{
    public const string BasePath = "/service-recommender/v1";
    public const string HealthPath = "/service-recommender/healthcheck/";

    /// <summary>Registers the network service; <paramref name="configuration"/> is the <c>AuroraAI:Network</c> section.</summary>
    public static IServiceCollection AddAuroraNetwork(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<NetworkOptions>().Bind(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IAuroraServiceRegistry, AuroraServiceRegistry>();
        services.TryAddSingleton<ServiceCatalogue>();
        // Memory for the single-process run; Redis (the platform's one switch) so every instance shares them.
        services.AddPlatformStorage();
        services.TryAddSingleton<IRecommendationLog>(sp => sp.UsesRedis()
            ? ActivatorUtilities.CreateInstance<RedisRecommendationLog>(sp)
            : new MemoryRecommendationLog(sp.GetRequiredService<IOptions<NetworkOptions>>().Value.MaxStoredRecommendations, sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<ResultFormatter>();
        services.TryAddSingleton<IServiceRecommender, ServiceRecommender>();
        services.TryAddSingleton<ISessionTokenStore>(sp => sp.UsesRedis()
            ? ActivatorUtilities.CreateInstance<RedisSessionTokenStore>(sp)
            : ActivatorUtilities.CreateInstance<MemorySessionTokenStore>(sp));
        services.TryAddSingleton<RecommendationSlots>();
        // Request-start logs include the query string, which carries session-transfer tokens on GET
        // session_attributes and /redirect: keep ASP.NET Core's per-request logging at Warning.
        services.AddLogging(logging => logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning));
        return services;
    }

    /// <summary>Maps <c>/service-recommender/v1/…</c> and the health check <c>/service-recommender/healthcheck/</c>.</summary>
    public static IEndpointRouteBuilder MapAuroraNetwork(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup(BasePath).WithTags("AuroraAI network");
        api.AddEndpointFilter<StorageUnavailable>(); // Redis down: 503, never a crash
        api.MapRecommenderApi();
        api.MapSessionAttributesApi();
        endpoints.MapGet(HealthPath, () => Results.Text("Healthcheck OK", "text/plain"));
        // The published contract (auroraai-core-components api_doc), as the original serves it with its Swagger UI.
        api.MapGet("/openapi.json", () => Results.Stream(
            typeof(Extensions).Assembly.GetManifestResourceStream("Network.openapi.json")!, "application/json"));
        return endpoints;
    }

    /// <summary>Builds the catalogue now instead of on the first request (the host calls this at startup).</summary>
    public static void WarmUpAuroraNetwork(this IServiceProvider services) => _ = services.GetRequiredService<ServiceCatalogue>().Current;
}
