using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace AuroraBots.DirectLine.Apis;

/// <summary>
/// CORS for <c>/v3/directline</c> from <see cref="DirectLineOptions.AllowedOrigins"/>: answers preflights itself and
/// adds the allow headers to actual responses. Self-contained, so the host need not configure a CORS policy.
/// Credentials are allowed (with the concrete origin) because Web Chat calls getsessionid withCredentials;
/// the API itself authenticates with Bearer headers only, never cookies.
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
        var allowed = options.Value.AllowedOrigins.Any(o => o == "*" || string.Equals(o.TrimEnd('/'), origin, StringComparison.OrdinalIgnoreCase));
        var headers = http.Response.Headers;
        headers.Vary = "Origin";
        if (allowed)
        {
            headers.AccessControlAllowOrigin = origin;
            headers.AccessControlAllowCredentials = "true";
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
}
