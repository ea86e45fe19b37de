using AuroraBots.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace AuroraBots.Handoff;

/// <summary>
/// The host's bot catalogue, resolved on first use instead of at construction. It breaks a start-up cycle: the
/// dialog content is validated against the Semantic Kernel plugins, the <c>consent</c> plugin needs the catalogue,
/// and the catalogue is built from that same content.
/// </summary>
internal sealed class LazyBotCatalog(IServiceProvider services) : IBotCatalog
{
    private IBotCatalog Catalog => services.GetRequiredService<IBotCatalog>();

    public IReadOnlyList<BotDescriptor> Bots => Catalog.Bots;

    public BotDescriptor? Find(string botId) => Catalog.Find(botId);
}
