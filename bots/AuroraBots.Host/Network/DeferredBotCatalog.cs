using AuroraBots.Builder;
using AuroraBots.Handoff;
using AuroraBots.Handoff.Plugins;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AuroraBots.Host.Network;

/// <summary>
/// Resolves the bot catalogue on first use instead of at construction. Breaks a start-up cycle: the dialog content
/// is validated against the Semantic Kernel plugins, one of which (<c>consent</c>) needs the catalogue, which is
/// built from that same content.
/// </summary>
public sealed class DeferredBotCatalog(IServiceProvider services) : IBotCatalog
{
    private IBotCatalog Catalog => services.GetRequiredService<IBotCatalog>();

    public IReadOnlyList<BotDescriptor> Bots => Catalog.Bots;

    public BotDescriptor? Find(string botId) => Catalog.Find(botId);
}

public static class DeferredBotCatalogExtensions
{
    /// <summary>Re-registers the hand-off services that take <see cref="IBotCatalog"/> with a deferred one.</summary>
    public static IServiceCollection DeferBotCatalogInHandoff(this IServiceCollection services)
    {
        services.Replace(ServiceDescriptor.Singleton(sp => new HandoffTargets(new DeferredBotCatalog(sp), sp.GetRequiredService<HandoffOptions>())));
        services.Replace(ServiceDescriptor.Singleton(sp => new ConsentPlugin(
            sp.GetRequiredService<ConsentCenter>(), sp.GetRequiredService<HandoffTargets>(), new DeferredBotCatalog(sp), sp.GetRequiredService<TimeProvider>())));
        return services;
    }
}
