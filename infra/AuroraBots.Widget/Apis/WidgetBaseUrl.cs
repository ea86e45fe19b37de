using Microsoft.AspNetCore.Http;

namespace AuroraBots.Widget.Apis;

internal static class WidgetBaseUrl
{
    /// <summary>
    /// This host's base URL as embedding pages see it: the configured public URL, else the request's own origin
    /// and path base (behind a reverse proxy under <c>/chat</c>, the forwarded-headers middleware sets both).
    /// </summary>
    public static string Of(HttpRequest request, string? configured) =>
        string.IsNullOrWhiteSpace(configured) ? $"{request.Scheme}://{request.Host}{request.PathBase}" : configured.TrimEnd('/');

    public static string? Absolute(string baseUrl, string? pathOrUrl) =>
        string.IsNullOrWhiteSpace(pathOrUrl) ? null
        : pathOrUrl.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || pathOrUrl.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? pathOrUrl
        : baseUrl + "/" + pathOrUrl.TrimStart('/');
}
