using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using AuroraBots.DirectLine.Models;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AuroraBots.DirectLine.Apis;

/// <summary>
/// Reads a JSON body with Direct Line's errors instead of framework ones: 415 for a wrong content type,
/// 413 above the size limit (UTF-8 bytes as received, so "€" counts three), 400 for malformed JSON.
/// </summary>
internal static class JsonBodyReader
{
    public static bool IsJson(string? contentType) =>
        contentType is not null && (contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) ||
                                    contentType.StartsWith("application/vnd.microsoft.activity", StringComparison.OrdinalIgnoreCase));

    public static async Task<(T? Value, JsonHttpResult<ErrorResponse>? Error)> ReadAsync<T>(
        HttpRequest request, JsonTypeInfo<T> type, int maxBytes, bool allowEmpty) where T : class
    {
        if (allowEmpty && request.ContentLength is 0 or null && string.IsNullOrEmpty(request.ContentType)) return (null, null);
        if (!IsJson(request.ContentType))
            return (null, ErrorResults.Error(StatusCodes.Status415UnsupportedMediaType, DirectLineErrorCodes.UnsupportedMediaType,
                "Send the body as 'Content-Type: application/json'."));
        if (request.ContentLength > maxBytes) return (null, TooBig(maxBytes));
        var (bytes, sizeError) = await ReadBytesAsync(request.Body, maxBytes, request.HttpContext.RequestAborted, request.ContentLength).ConfigureAwait(false);
        if (sizeError is not null) return (null, sizeError);
        if (allowEmpty && bytes!.AsSpan().Trim(" \t\r\n"u8).IsEmpty) return (null, null);
        return Parse(bytes!, type);
    }

    /// <summary>Parses UTF-8 JSON; errors name the position, never .NET types (System.Text.Json's own messages do).</summary>
    public static (T? Value, JsonHttpResult<ErrorResponse>? Error) Parse<T>(ReadOnlySpan<byte> utf8, JsonTypeInfo<T> type) where T : class
    {
        if (utf8.StartsWith("\uFEFF"u8)) utf8 = utf8[3..]; // a UTF-8 byte-order mark is not JSON
        try
        {
            var value = JsonSerializer.Deserialize(utf8, type);
            return value is null
                ? (null, ErrorResults.Error(StatusCodes.Status400BadRequest, DirectLineErrorCodes.BadArgument, "The body must be a JSON object."))
                : (value, null);
        }
        catch (JsonException e)
        {
            var where = e.Path is { Length: > 0 } path ? $" at {path}" : "";
            var position = e.LineNumber is { } line ? $" (line {line + 1}, byte {e.BytePositionInLine + 1})" : "";
            return (null, ErrorResults.Error(StatusCodes.Status400BadRequest, DirectLineErrorCodes.BadArgument,
                $"Malformed JSON or a value of the wrong kind{where}{position}."));
        }
    }

    /// <summary>Reads at most <paramref name="maxBytes"/> bytes; 413 beyond that (without buffering the rest).</summary>
    public static async Task<(byte[]? Bytes, JsonHttpResult<ErrorResponse>? Error)> ReadBytesAsync(Stream body, int maxBytes,
        CancellationToken cancellationToken, long? contentLength = null)
    {
        // Small bodies (the usual chat message) get small buffers.
        using var buffer = new MemoryStream((int)Math.Clamp(contentLength ?? 16 * 1024, 256, maxBytes + 1L));
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes) return (null, TooBig(maxBytes));
            buffer.Write(chunk, 0, read);
        }
        return (buffer.ToArray(), null);
    }

    public static JsonHttpResult<ErrorResponse> TooBig(int maxBytes) =>
        ErrorResults.Error(StatusCodes.Status413PayloadTooLarge, DirectLineErrorCodes.MessageSizeTooBig,
            $"The activity is larger than {maxBytes} bytes (UTF-8).");
}
