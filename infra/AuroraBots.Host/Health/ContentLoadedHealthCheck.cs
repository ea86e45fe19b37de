using AuroraBots.Dialogs.Content;
using AuroraBots.Dialogs.Engine;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AuroraBots.Host.Health;

/// <summary>Healthy when the served bot content is loaded and has at least one bot (resolving it loads it).</summary>
internal sealed class ContentLoadedHealthCheck(IServiceProvider services) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var bots = services.GetRequiredService<IDialogContent>().Current.Content.Bots.Count;
            return Task.FromResult(bots > 0
                ? HealthCheckResult.Healthy($"{bots} bots loaded")
                : HealthCheckResult.Unhealthy("The bot content has no bots."));
        }
        catch (Exception ex) when (ex is InvalidDialogContentException or IOException or InvalidOperationException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The bot content could not be loaded.", ex));
        }
    }
}
