using System.Reflection;
using System.Security.Cryptography;

namespace AuroraBots.Widget.Assets;

/// <summary>The widget's script and stylesheet, read once from the assembly, with their SRI hashes and ETags.</summary>
public sealed class WidgetAssets
{
    public WidgetAsset Script { get; } = Load("AuroraBots.Widget.widget.js", "text/javascript; charset=utf-8");

    public WidgetAsset Stylesheet { get; } = Load("AuroraBots.Widget.widget.css", "text/css; charset=utf-8");

    private static WidgetAsset Load(string resource, string contentType)
    {
        using var stream = typeof(WidgetAssets).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded resource {resource} is missing from {Assembly.GetExecutingAssembly().GetName().Name}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return WidgetAsset.From(copy.ToArray(), contentType);
    }
}

/// <param name="Integrity">Subresource Integrity value (<c>sha384-…</c>) for the exact bytes served.</param>
public sealed record WidgetAsset(byte[] Content, string ContentType, string Integrity, string ETag)
{
    public static WidgetAsset From(byte[] content, string contentType)
    {
        var hash = SHA384.HashData(content);
        return new(content, contentType, "sha384-" + Convert.ToBase64String(hash), $"\"{Convert.ToHexStringLower(hash, 0, 16)}\"");
    }
}

/// <summary>The self-hosted Web Chat bundle as the host serves it (path under the host and SRI hash, when the file exists).</summary>
public sealed record WebChatBundle(string Path, string? Integrity);
