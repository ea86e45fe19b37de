using Microsoft.Net.Http.Headers;

namespace AuroraBots.DirectLine.Apis;

/// <summary>
/// Content types of uploads come from the client and are served back as the <c>Content-Type</c> header, so only a
/// well-formed media type (no CR/LF or other control characters, which made every download a 500) is kept.
/// </summary>
internal static class AttachmentContentTypes
{
    public const string Fallback = "application/octet-stream";

    public static string Normalize(string? contentType) =>
        contentType is { Length: > 0 and <= 256 } && !contentType.Any(char.IsControl)
        && MediaTypeHeaderValue.TryParse(contentType, out var parsed) && parsed.MediaType.HasValue
            ? parsed.ToString()
            : Fallback;
}
