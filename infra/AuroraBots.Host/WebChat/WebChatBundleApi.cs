using AuroraBots.Widget.Assets;
using Microsoft.Net.Http.Headers;

namespace AuroraBots.Host.WebChat;

/// <summary>
/// Serves Web Chat at its content-addressed URL: Brotli or gzip when the browser accepts them, cached as immutable
/// for a year (a new bundle gets a new URL), ETag for revalidation, and <c>ACAO: *</c> so pages can check its SRI hash.
/// </summary>
public static class WebChatBundleApi
{
    public static IEndpointRouteBuilder MapWebChatBundle(this IEndpointRouteBuilder app)
    {
        app.MapGet("/lib/webchat/{version}/webchat.js", (string version, HttpContext context, WebChatBundleFile file) =>
            version == file.Version ? Serve(context, file, "public, max-age=31536000, immutable") : TypedResults.NotFound());
        // The unversioned URL (older embeds, the editor) takes precedence over the static file: same encodings,
        // but revalidated on each use since its content changes with the bundle.
        app.MapGet(WebChatBundleLocator.FilePath, (HttpContext context, WebChatBundleFile file) => Serve(context, file, "public, no-cache"));
        return app;
    }

    private static IResult Serve(HttpContext context, WebChatBundleFile file, string cacheControl)
    {
        if (!file.Exists) return TypedResults.NotFound();
        var headers = context.Response.Headers;
        headers.CacheControl = cacheControl;
        headers.ETag = file.ETag;
        headers.Vary = HeaderNames.AcceptEncoding;
        headers.AccessControlAllowOrigin = "*";
        // Lets embedding pages (and tests) see transfer sizes and cache hits in Resource Timing.
        headers["Timing-Allow-Origin"] = "*";
        if (context.Request.Headers.IfNoneMatch == file.ETag) return TypedResults.StatusCode(StatusCodes.Status304NotModified);

        var (encoding, bytes) = Accepts(context.Request, "br") ? ("br", file.Brotli)
            : Accepts(context.Request, "gzip") ? ("gzip", file.Gzip)
            : (null, file.Identity);
        if (encoding is not null) headers.ContentEncoding = encoding;
        return TypedResults.Bytes(bytes, "text/javascript; charset=utf-8");
    }

    private static bool Accepts(HttpRequest request, string encoding) =>
        request.GetTypedHeaders().AcceptEncoding.Any(value =>
            string.Equals(value.Value.Value, encoding, StringComparison.OrdinalIgnoreCase) && (value.Quality ?? 1) > 0);
}
