using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace AuroraBots.DirectLine.Apis;

/// <summary>Absolute URLs the channel hands out: from <see cref="DirectLineOptions.PublicBaseUrl"/>, else from the request.</summary>
internal static class PublicUrls
{
    public static string BaseUrl(HttpContext http)
    {
        var configured = http.RequestServices.GetRequiredService<IOptions<DirectLineOptions>>().Value.PublicBaseUrl;
        if (!string.IsNullOrWhiteSpace(configured)) return configured.TrimEnd('/');
        var request = http.Request;
        return $"{request.Scheme}://{request.Host}{request.PathBase}";
    }

    /// <summary>ws:// for http, wss:// for https.</summary>
    public static string WebSocketBaseUrl(HttpContext http)
    {
        var baseUrl = BaseUrl(http);
        return baseUrl.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? "wss://" + baseUrl[8..]
            : baseUrl.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? "ws://" + baseUrl[7..]
            : baseUrl;
    }
}
