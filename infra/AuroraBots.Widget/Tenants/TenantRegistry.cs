using AuroraBots.Builder;
using Microsoft.Extensions.Options;

namespace AuroraBots.Widget.Tenants;

/// <summary>Looks tenants up and checks embedding origins; reads options live so configuration reloads apply.</summary>
public sealed class TenantRegistry(IOptionsMonitor<WidgetOptions> options, IBotCatalog catalog)
{
    public WidgetOptions Current => options.CurrentValue;

    public TenantOptions? Find(string tenantId) =>
        Current.Tenants.TryGetValue(tenantId, out var tenant) ? tenant : null;

    public bool IsOriginAllowed(TenantOptions tenant, string? origin) => OriginMatcher.IsAllowed(origin, tenant.AllowedOrigins);

    /// <summary>The tenant's default bot from the catalogue, or null when the catalogue does not serve it.</summary>
    public BotDescriptor? DefaultBotOf(TenantOptions tenant) => catalog.Find(tenant.DefaultBot);

    public IReadOnlyList<BotDescriptor> Bots => catalog.Bots;
}
