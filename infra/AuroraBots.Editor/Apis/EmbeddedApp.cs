using System.Collections.Concurrent;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using AuroraBots.DirectLine.WebChat;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AuroraBots.Editor.Apis;

/// <summary>
/// A browser app embedded in an assembly (the editor's App/, the agent console's App/): its page as a template with a
/// per-response CSP nonce, and its static files with ETags. Only names the build embedded are served.
/// </summary>
public sealed class EmbeddedApp(Assembly assembly, string resourcePrefix, Func<string, HttpContext, string> contentSecurityPolicy)
{
    private readonly ConcurrentDictionary<string, Asset?> _assets = new(StringComparer.Ordinal);

    private sealed record Asset(byte[] Bytes, string ContentType, string ETag);

    public Results<ContentHttpResult, NotFound> Page(HttpContext context)
    {
        if (Find("index.html") is not { } template) return TypedResults.NotFound();
        var nonce = WebChatPagePolicy.NewNonce();
        var html = Encoding.UTF8.GetString(template.Bytes).Replace("{{nonce}}", nonce, StringComparison.Ordinal);
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = contentSecurityPolicy(nonce, context);
        headers.CacheControl = "no-store";
        headers.XContentTypeOptions = "nosniff";
        return TypedResults.Content(html, "text/html; charset=utf-8", Encoding.UTF8);
    }

    public Results<FileContentHttpResult, StatusCodeHttpResult, NotFound> File(string path, HttpContext context)
    {
        // Anything with '..' or a backslash simply is not one of the embedded names.
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

    private Asset? Find(string path) => _assets.GetOrAdd(path, key =>
    {
        using var stream = assembly.GetManifestResourceStream(resourcePrefix + key);
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
        ".json" => "application/json; charset=utf-8", // JSON modules (import … with { type: 'json' }) need this type
        ".svg" => "image/svg+xml",
        ".png" => "image/png",
        ".wav" => "audio/wav",
        ".txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    };
}
