using Microsoft.Extensions.Options;

namespace AuroraBots.AuroraAI.Client;

/// <summary>
/// Where the client sends requests. <see cref="AuroraAiClientOptions.BaseUrl"/> (re-read on configuration
/// change) unless the host overrides it after startup, e.g. with the embedded service's address once Kestrel
/// has picked its port: <c>app.Services.GetRequiredService&lt;AuroraAiEndpoint&gt;().SetBaseAddress(uri)</c>.
/// </summary>
public sealed class AuroraAiEndpoint(IOptionsMonitor<AuroraAiClientOptions> options)
{
    private Uri? _override;

    /// <summary>Overrides the configured base URL (thread-safe; takes effect for the next request).</summary>
    public void SetBaseAddress(Uri baseAddress)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        if (!baseAddress.IsAbsoluteUri) throw new ArgumentException("The AuroraAI base address must be absolute.", nameof(baseAddress));
        Volatile.Write(ref _override, WithTrailingSlash(baseAddress));
    }

    /// <summary>The base address in use, or null when neither configuration nor the host has set one.</summary>
    public Uri? BaseAddress =>
        Volatile.Read(ref _override)
        ?? (Uri.TryCreate(options.CurrentValue.BaseUrl, UriKind.Absolute, out var configured) ? WithTrailingSlash(configured) : null);

    private static Uri WithTrailingSlash(Uri uri) =>
        uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
}
