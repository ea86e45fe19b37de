using AuroraBots.DirectLine;
using AuroraBots.Widget.Tenants;
using Microsoft.Extensions.Options;

namespace AuroraBots.Host.Security;

/// <summary>
/// Lets the tenants' sites call Direct Line from the browser: their allowed origins join
/// <c>DirectLine:AllowedOrigins</c>. The channel matches origins exactly, so a development port wildcard
/// (<c>http://localhost:*</c>) opens CORS to any origin; tokens stay bound to the origin they were issued for.
/// </summary>
public static class DirectLineCors
{
    public static void AllowTenantOrigins(DirectLineOptions directLine, IOptions<WidgetOptions> widget)
    {
        var origins = widget.Value.Tenants.Values.SelectMany(t => t.AllowedOrigins).ToList();
        var extra = origins.Any(o => o.EndsWith(":*", StringComparison.Ordinal)) ? ["*"] : origins.Select(o => o.TrimEnd('/'));
        foreach (var origin in extra)
            if (!directLine.AllowedOrigins.Contains(origin, StringComparer.OrdinalIgnoreCase)) directLine.AllowedOrigins.Add(origin);
    }
}
