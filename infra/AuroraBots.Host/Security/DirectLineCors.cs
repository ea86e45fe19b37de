using AuroraBots.DirectLine;
using AuroraBots.Widget.Tenants;
using Microsoft.Extensions.Options;

namespace AuroraBots.Host.Security;

/// <summary>
/// Lets the tenants' sites call Direct Line from the browser: their allowed origins join
/// <c>DirectLine:AllowedOrigins</c>. A development port wildcard (<c>http://localhost:*</c>) stays a wildcard for that
/// host only: the channel never reflects an arbitrary origin with credentials.
/// </summary>
public static class DirectLineCors
{
    public static void AllowTenantOrigins(DirectLineOptions directLine, IOptions<WidgetOptions> widget)
    {
        var origins = widget.Value.Tenants.Values.SelectMany(t => t.AllowedOrigins).ToList();
        foreach (var origin in origins.Select(o => o.TrimEnd('/')))
            if (!directLine.AllowedOrigins.Contains(origin, StringComparer.OrdinalIgnoreCase)) directLine.AllowedOrigins.Add(origin);
    }
}
