using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AuroraBots.Editor;

/// <summary>Resolves the editor's folders at start-up, so a misconfiguration stops the host instead of failing the first request.</summary>
internal sealed class EditorStartupCheck(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = services.GetRequiredService<EditorPathsOptions>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
