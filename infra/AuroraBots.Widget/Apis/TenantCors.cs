using Microsoft.AspNetCore.Http;

namespace AuroraBots.Widget.Apis;

/// <summary>
/// CORS for the tenant endpoints, decided per tenant (the ASP.NET CORS policies cannot see the route's tenant).
/// The caller's origin is echoed so the widget can read a 403 and explain it; the 403 itself is the refusal.
/// </summary>
internal static class TenantCors
{
    public static void Apply(HttpContext context)
    {
        var origin = context.Request.Headers.Origin.ToString();
        context.Response.Headers.Vary = "Origin";
        if (string.IsNullOrEmpty(origin)) return;
        context.Response.Headers.AccessControlAllowOrigin = origin;
        context.Response.Headers.AccessControlAllowMethods = "GET, POST, OPTIONS";
        context.Response.Headers.AccessControlAllowHeaders = "Content-Type";
        context.Response.Headers.AccessControlMaxAge = "600";
    }
}
