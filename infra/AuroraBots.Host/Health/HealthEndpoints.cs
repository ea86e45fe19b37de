using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AuroraBots.Host.Health;

/// <summary>
/// The probes a load balancer or Kubernetes uses. <c>/health/live</c>: the process answers HTTP (no dependency is
/// checked, so a Redis outage never restarts every instance at once). <c>/health/ready</c>: this instance can serve a
/// conversation — the bot content is loaded and, when configured, Redis answers a PING; failing, the instance gets no
/// traffic until it recovers. <c>/healthz</c> stays as the readiness alias older setups probe.
/// </summary>
public static class HealthEndpoints
{
    public const string ReadyTag = "ready";

    public static IServiceCollection AddAuroraHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<ContentLoadedHealthCheck>("content", tags: [ReadyTag])
            .AddCheck<RedisHealthCheck>("redis", tags: [ReadyTag], timeout: TimeSpan.FromSeconds(3));
        return services;
    }

    public static IEndpointRouteBuilder MapAuroraHealthChecks(this IEndpointRouteBuilder endpoints)
    {
        var ready = new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) };
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        endpoints.MapHealthChecks("/health/ready", ready);
        endpoints.MapHealthChecks("/healthz", ready);
        return endpoints;
    }
}
