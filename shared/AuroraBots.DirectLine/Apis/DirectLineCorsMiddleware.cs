using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace AuroraBots.DirectLine.Apis;

/// <summary>
/// CORS for <c>/v3/directline</c> from <see cref="DirectLineOptions.AllowedOrigins"/>: answers preflights itself and
/// adds the allow headers to actual responses. Self-contained, so the host need not configure a CORS policy.
/// Credentials are allowed (with the concrete origin) only for configured origins — exact, or a development port
/// wildcard such as <c>http://localhost:*</c> (that host, any port) — because Web Chat calls getsessionid withCredentials.
/// <c>"*"</c> answers <c>Access-Control-Allow-Origin: *</c> without credentials: an arbitrary origin is never reflected
/// with credentials. The API itself authenticates with Bearer headers only, never cookies.
/// </summary>
internal sealed class DirectLineCorsMiddleware(RequestDelegate next, IOptions<DirectLineOptions> options)
{
    private const string AllowedHeaders = "Authorization, Content-Type, Accept, x-ms-bot-agent, Origin, X-Requested-With";

    public async Task InvokeAsync(HttpContext http)
    {
        if (!http.Request.Path.StartsWithSegments(DirectLineEndpoints.RoutePrefix) || http.Request.Headers.Origin.Count == 0)
        {
            await next(http);
            return;
        }
        var origin = http.Request.Headers.Origin.ToString();
        var configured = options.Value.AllowedOrigins.Any(o => Matches(o, origin));
        var anyOrigin = !configured && options.Value.AllowedOrigins.Contains("*");
        var allowed = configured || anyOrigin;
        var headers = http.Response.Headers;
        headers.Vary = "Origin";
        if (configured)
        {
            headers.AccessControlAllowOrigin = origin;
            headers.AccessControlAllowCredentials = "true";
        }
        else if (anyOrigin)
        {
            headers.AccessControlAllowOrigin = "*";
        }
        if (HttpMethods.IsOptions(http.Request.Method) && http.Request.Headers.AccessControlRequestMethod.Count > 0)
        {
            if (allowed)
            {
                headers.AccessControlAllowMethods = "GET, POST, OPTIONS";
                headers.AccessControlAllowHeaders = AllowedHeaders;
                headers.AccessControlMaxAge = "600";
            }
            http.Response.StatusCode = allowed ? StatusCodes.Status204NoContent : StatusCodes.Status403Forbidden;
            return;
        }
        await next(http);
    }

    /// <summary>An exact origin, or <c>scheme://host:*</c> for that scheme and host with any numeric port.</summary>
    internal static bool Matches(string allowed, string origin)
    {
        allowed = allowed.TrimEnd('/');
        if (!allowed.EndsWith(":*", StringComparison.Ordinal)) return allowed != "*" && string.Equals(allowed, origin, StringComparison.OrdinalIgnoreCase);
        var prefix = allowed[..^1]; // "http://localhost:"
        return origin.Length > prefix.Length && origin.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
            && origin.AsSpan(prefix.Length).IndexOfAnyExceptInRange('0', '9') < 0;
    }
}
