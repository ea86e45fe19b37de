using Microsoft.AspNetCore.Http;

namespace AuroraBots.Widget.Apis;

/// <summary>
/// The origin of the page that called a tenant endpoint. Browsers send <c>Origin</c> on every cross-origin request
/// and on same-origin POSTs, but NOT on a same-origin GET: a page served by this host, or by a municipality's own
/// domain that proxies the chat under a path, fetches its configuration without one. Such a request is marked
/// <c>Sec-Fetch-Site: same-origin</c> (older browsers: a same-origin <c>Referer</c>), so the page's origin is this
/// host's own public origin.
/// </summary>
internal static class CallerOrigin
{
    public static string? Of(HttpRequest request, string publicBaseUrl)
    {
        var origin = request.Headers.Origin.ToString();
        if (!string.IsNullOrEmpty(origin)) return origin;

        var own = OriginOf(publicBaseUrl);
        if (request.Headers["Sec-Fetch-Site"].ToString() == "same-origin") return own;
        var referer = request.Headers.Referer.ToString();
        return own is not null && OriginOf(referer) == own ? own : null;
    }

    /// <summary><c>scheme://host[:port]</c> of an absolute URL, or null.</summary>
    public static string? OriginOf(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri.GetLeftPart(UriPartial.Authority)
            : null;
}
