using System.IO.Compression;
using System.Security.Cryptography;
using AuroraBots.Widget.Assets;

namespace AuroraBots.Host.WebChat;

/// <summary>
/// Finds the self-hosted Web Chat bundle under wwwroot once at startup: its SRI hash, a content-addressed URL
/// (<c>/lib/webchat/{version}/webchat.js</c>, cached for a year) and its Brotli and gzip encodings (3.9 MB → under 1 MB).
/// </summary>
public static class WebChatBundleLocator
{
    public const string FilePath = "/lib/webchat/webchat.js";

    public static WebChatBundleFile Locate(IWebHostEnvironment environment, ILogger logger)
    {
        var file = environment.WebRootFileProvider.GetFileInfo(FilePath.TrimStart('/'));
        if (!file.Exists)
        {
            logger.LogError("Web Chat bundle {Path} is missing; build the host (the build copies it from npm) before running", FilePath);
            return WebChatBundleFile.Missing;
        }
        using var stream = file.CreateReadStream();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return WebChatBundleFile.From(copy.ToArray());
    }

    public static WebChatBundle Describe(WebChatBundleFile file) =>
        file.Exists ? new WebChatBundle($"/lib/webchat/{file.Version}/webchat.js", file.Integrity) : new WebChatBundle(FilePath, null);
}

/// <summary>The bundle's bytes in each encoding the host offers, each compressed once, on first use (not per request).</summary>
public sealed class WebChatBundleFile
{
    private readonly Lazy<byte[]> _brotli;
    private readonly Lazy<byte[]> _gzip;

    private WebChatBundleFile(byte[] identity, string integrity, string version)
    {
        Identity = identity;
        Integrity = integrity;
        Version = version;
        _brotli = new(() => Compress(identity, s => new BrotliStream(s, CompressionLevel.Optimal)));
        _gzip = new(() => Compress(identity, s => new GZipStream(s, CompressionLevel.Optimal)));
    }

    public static WebChatBundleFile Missing { get; } = new([], "", "");

    public bool Exists => Identity.Length > 0;

    public byte[] Identity { get; }

    public byte[] Brotli => _brotli.Value;

    public byte[] Gzip => _gzip.Value;

    /// <summary>Subresource Integrity value of the uncompressed bytes (what the browser checks after decoding).</summary>
    public string Integrity { get; }

    /// <summary>A prefix of the content hash: the URL changes whenever the bundle does.</summary>
    public string Version { get; }

    public string ETag => $"\"{Version}\"";

    public static WebChatBundleFile From(byte[] content)
    {
        var hash = SHA384.HashData(content);
        return new(content, "sha384-" + Convert.ToBase64String(hash), Convert.ToHexStringLower(hash, 0, 10));
    }

    private static byte[] Compress(byte[] content, Func<Stream, Stream> encoder)
    {
        using var output = new MemoryStream();
        using (var compressor = encoder(output)) compressor.Write(content);
        return output.ToArray();
    }
}
