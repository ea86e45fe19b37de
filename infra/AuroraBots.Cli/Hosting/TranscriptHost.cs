using AuroraBots.Builder;
using AuroraBots.Dialogs;
using AuroraBots.Dialogs.Engine;
using AuroraBots.Dialogs.State;
using AuroraBots.Dialogs.Transcripts;
using AuroraBots.Handoff;
using AuroraBots.Network.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AuroraBots.Cli.Hosting;

/// <summary>
/// The platform's engine with its real neighbours, in-process: the local AuroraAI network on 127.0.0.1 (a free
/// port), the AuroraAI client pointed at it, the hand-off service, and the dialog engine over a bots content folder.
/// Used by <c>aurorabots transcripts</c> and the transcript tests.
/// </summary>
public sealed class TranscriptHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TranscriptHost(WebApplication app) => _app = app;

    public IServiceProvider Services => _app.Services;

    public TranscriptRunner Runner => new(
        Services.GetRequiredService<IBot>(), Services.GetRequiredService<IDialogContent>(), Services.GetRequiredService<ConversationStateStore>());

    public static async Task<TranscriptHost> StartAsync(string dialogsPath, string? redis = null, IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configure = null, CancellationToken cancellationToken = default)
    {
        var values = new Dictionary<string, string?>
        {
            ["Dialogs:Path"] = Path.GetFullPath(dialogsPath),
            ["Dialogs:HotReload"] = "false",
            ["ConnectionStrings:Redis"] = redis,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) values[key] = value;
        var app = await InProcessNetworkHost.StartAsync(values, builder =>
        {
            builder.Logging.ClearProviders().AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
            builder.Services.AddAuroraDialogs(builder.Configuration);
            builder.Services.AddAuroraHandoff(builder.Configuration);
            configure?.Invoke(builder.Services);
        }, environmentName: "Development", cancellationToken);
        return new TranscriptHost(app);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
