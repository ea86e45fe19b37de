using AuroraBots.DirectLine.WebChat;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AuroraBots.Editor.Apis;

/// <summary>
/// The editor's web app: the page at <c>/editor</c> (public: it shows the sign-in form; every piece of data comes from
/// <c>/editor/api</c> with the cookie) and its static files at <c>/editor/app/…</c>, all embedded in this assembly
/// (App/ and the npm <c>yaml</c> package's browser build). The page carries a strict CSP with a per-response nonce,
/// which Web Chat (preview pane) puts on its emotion &lt;style&gt; elements.
/// </summary>
public static class AppApi
{
    private const string ResourcePrefix = "AuroraBots.Editor.App/";
    private static readonly ConcurrentDictionary<string, Asset?> Assets = new(StringComparer.Ordinal);

    private sealed record Asset(byte[] Bytes, string ContentType, string ETag);

    public static IEndpointRouteBuilder MapEditorApp(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/editor", Page).AllowAnonymous();
        endpoints.MapGet("/editor/app/{**path}", File).AllowAnonymous();
        return endpoints;
    }

    public static Results<ContentHttpResult, NotFound> Page(HttpContext context)
    {
        if (Find("index.html") is not { } template) return TypedResults.NotFound();
        var nonce = WebChatPagePolicy.NewNonce();
        var html = Encoding.UTF8.GetString(template.Bytes).Replace("{{nonce}}", nonce, StringComparison.Ordinal);
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = WebChatPagePolicy.For(nonce, $"{context.Request.Scheme}://{context.Request.Host}");
        headers.CacheControl = "no-store";
        headers.XContentTypeOptions = "nosniff";
        return TypedResults.Content(html, "text/html; charset=utf-8", Encoding.UTF8);
    }

    public static Results<FileContentHttpResult, StatusCodeHttpResult, NotFound> File(string path, HttpContext context)
    {
        // Only names the build embedded are served; anything with '..' or a backslash simply is not one of them.
        if (path.Contains("..", StringComparison.Ordinal) || path.Contains('\\') || path == "index.html" || Find(path) is not { } asset)
            return TypedResults.NotFound();
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        // Revalidated on every load (cheap 304s), so a new release never mixes old and new modules.
        headers.CacheControl = "no-cache";
        headers.ETag = asset.ETag;
        if (context.Request.Headers.IfNoneMatch.ToString() == asset.ETag) return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        return TypedResults.File(asset.Bytes, asset.ContentType);
    }

    private static Asset? Find(string path) => Assets.GetOrAdd(path, static key =>
    {
        using var stream = typeof(AppApi).Assembly.GetManifestResourceStream(ResourcePrefix + key);
        if (stream is null) return null;
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var bytes = buffer.ToArray();
        return new Asset(bytes, ContentType(key), "\"" + Convert.ToHexString(SHA256.HashData(bytes))[..16] + "\"");
    });

    private static string ContentType(string path) => Path.GetExtension(path) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".js" or ".mjs" => "text/javascript; charset=utf-8",
        ".svg" => "image/svg+xml",
        ".png" => "image/png",
        ".txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    };
}
