using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace AuroraBots.Host.Security;

/// <summary>
/// Behind a reverse proxy (e.g. a municipality's nginx serving the chat at <c>https://www.kunta.fi/chat/</c>), the
/// <c>X-Forwarded-Proto/Host/Prefix</c> headers give the request the scheme, host and path base the browser used, so
/// every URL the host hands out (widget config, Direct Line domain and stream URL, Web Chat bundle) works there.
/// Only proxies on loopback, plus <c>ReverseProxy:KnownProxies</c>, are believed.
/// </summary>
public static class ReverseProxy
{
    public const string SectionName = "ReverseProxy";

    public static IServiceCollection AddAuroraReverseProxy(this IServiceCollection services, IConfiguration configuration)
    {
        var knownProxies = configuration.GetSection(SectionName).GetSection("KnownProxies").Get<string[]>() ?? [];
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto
                | ForwardedHeaders.XForwardedHost | ForwardedHeaders.XForwardedPrefix;
            foreach (var proxy in knownProxies)
                options.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                    ? address : throw new InvalidOperationException($"{SectionName}:KnownProxies: '{proxy}' is not an IP address."));
        });
        return services;
    }
}
