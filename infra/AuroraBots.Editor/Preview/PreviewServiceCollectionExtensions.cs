using AuroraBots.Builder;
using AuroraBots.Dialogs.Engine;
using AuroraBots.Dialogs.State;
using AuroraBots.DirectLine;
using AuroraBots.Editor.Transcripts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AuroraBots.Editor.Preview;

internal static class PreviewServiceCollectionExtensions
{
    /// <summary>
    /// The draft runtime, the preview router in front of the registered <see cref="IBot"/> (the live engine), the
    /// editor's transcript runs and live validation. Call after <c>AddAuroraDialogs</c>, which registers the bot.
    /// </summary>
    public static IServiceCollection AddEditorPreview(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(DraftDialogContent))) return services; // added already
        services.TryAddSingleton<DraftDialogContent>();
        services.TryAddSingleton<DraftTranscripts>();
        services.TryAddSingleton<LiveValidator>();
        services.AddHostedService<PreviewStartupCheck>();

        var live = services.LastOrDefault(d => d.ServiceType == typeof(IBot) && !d.IsKeyedService);
        if (live is null) return services; // no bot registered: the preview has nothing to route to
        services.Replace(ServiceDescriptor.Describe(typeof(IBot), sp => new PreviewBotRouter(
            Resolve(live, sp),
            sp.GetRequiredService<DraftDialogContent>(),
            DraftEngine(sp)), live.Lifetime));
        return services;
    }

    /// <summary>A second engine over the draft, sharing the state store and services (conversation ids are random, so state never clashes).</summary>
    public static DialogEngine DraftEngine(IServiceProvider services, IDialogContent? content = null) => new(
        content ?? services.GetRequiredService<DraftDialogContent>(),
        services.GetRequiredService<ConversationStateStore>(),
        services.GetRequiredService<EngineServices>());

    private static IBot Resolve(ServiceDescriptor descriptor, IServiceProvider services) =>
        (IBot)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(services)
            ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!));

    /// <summary>A Direct Line secret for a <c>draft.</c> bot id would let anyone holding it talk to unpublished content: refuse to start.</summary>
    private sealed class PreviewStartupCheck(IServiceProvider services) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            if (services.GetService<IOptions<DirectLineOptions>>()?.Value.Bots.Keys.FirstOrDefault(PreviewBotRouter.IsDraftBotId) is { } draftBot)
                throw new InvalidOperationException($"DirectLine:Bots:{draftBot}: bot ids starting with '{PreviewBotRouter.DraftPrefix}' are reserved for the editor's preview of unpublished drafts and cannot have secrets.");
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
