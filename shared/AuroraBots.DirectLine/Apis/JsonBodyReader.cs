using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using AuroraBots.DirectLine.Models;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AuroraBots.DirectLine.Apis;

/// <summary>
/// Reads a JSON body with Direct Line's errors instead of framework ones: 415 for a wrong content type,
/// 413 above the size limit (in characters, as Direct Line counts), 400 for malformed JSON.
/// </summary>
internal static class JsonBodyReader
{
    public static bool IsJson(string? contentType) =>
        contentType is not null && (contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) ||
                                    contentType.StartsWith("application/vnd.microsoft.activity", StringComparison.OrdinalIgnoreCase));

    public static async Task<(T? Value, JsonHttpResult<ErrorResponse>? Error)> ReadAsync<T>(
        HttpRequest request, JsonTypeInfo<T> type, int maxChars, bool allowEmpty) where T : class
    {
        if (allowEmpty && request.ContentLength is 0 or null && string.IsNullOrEmpty(request.ContentType)) return (null, null);
        if (!IsJson(request.ContentType))
            return (null, ErrorResults.Error(StatusCodes.Status415UnsupportedMediaType, DirectLineErrorCodes.UnsupportedMediaType,
                "Send the body as 'Content-Type: application/json'."));
        // Fast path: a UTF-8 body of at most maxChars bytes cannot exceed maxChars characters, so it is parsed
        // straight from bytes. Longer bodies are counted in characters, as Direct Line's limit is.
        if (request.ContentLength is { } length and > 0 && length <= maxChars)
        {
            var bytes = new byte[length];
            await request.Body.ReadExactlyAsync(bytes, request.HttpContext.RequestAborted).ConfigureAwait(false);
            return Parse(bytes, type);
        }
        var (text, sizeError) = await ReadTextAsync(request.Body, Encoding.UTF8, maxChars, request.HttpContext.RequestAborted, request.ContentLength).ConfigureAwait(false);
        if (sizeError is not null) return (null, sizeError);
        if (allowEmpty && string.IsNullOrWhiteSpace(text)) return (null, null);
        return Parse(text!, type);
    }

    private static (T? Value, JsonHttpResult<ErrorResponse>? Error) Parse<T>(byte[] utf8, JsonTypeInfo<T> type) where T : class
    {
        try
        {
            var value = JsonSerializer.Deserialize(utf8, type);
            return value is null
                ? (null, ErrorResults.Error(StatusCodes.Status400BadRequest, DirectLineErrorCodes.BadArgument, "The body must be a JSON object."))
                : (value, null);
        }
        catch (JsonException e)
        {
            return (null, ErrorResults.Error(StatusCodes.Status400BadRequest, DirectLineErrorCodes.BadArgument, $"Malformed JSON: {e.Message}"));
        }
    }

    public static (T? Value, JsonHttpResult<ErrorResponse>? Error) Parse<T>(string text, JsonTypeInfo<T> type) where T : class
    {
        try
        {
            var value = JsonSerializer.Deserialize(text, type);
            return value is null
                ? (null, ErrorResults.Error(StatusCodes.Status400BadRequest, DirectLineErrorCodes.BadArgument, "The body must be a JSON object."))
                : (value, null);
        }
        catch (JsonException e)
        {
            return (null, ErrorResults.Error(StatusCodes.Status400BadRequest, DirectLineErrorCodes.BadArgument, $"Malformed JSON: {e.Message}"));
        }
    }

    /// <summary>Reads at most <paramref name="maxChars"/> characters; 413 beyond that (without buffering the rest).</summary>
    public static async Task<(string? Text, JsonHttpResult<ErrorResponse>? Error)> ReadTextAsync(Stream body, Encoding encoding, int maxChars,
        CancellationToken cancellationToken, long? contentLength = null)
    {
        // Small bodies (the usual chat message) get small buffers.
        var size = (int)Math.Clamp(contentLength ?? 16 * 1024, 256, 16 * 1024);
        using var reader = new StreamReader(body, encoding, detectEncodingFromByteOrderMarks: true, bufferSize: size, leaveOpen: true);
        var builder = new StringBuilder(size);
        var buffer = new char[size];
        int read;
        while ((read = await reader.ReadAsync(buffer.AsMemory(), cancellationToken).ConfigureAwait(false)) > 0)
        {
            builder.Append(buffer, 0, read);
            if (builder.Length > maxChars) return (null, TooBig(maxChars));
        }
        return (builder.ToString(), null);
    }

    public static JsonHttpResult<ErrorResponse> TooBig(int maxChars) =>
        ErrorResults.Error(StatusCodes.Status413PayloadTooLarge, DirectLineErrorCodes.MessageSizeTooBig,
            $"The activity is larger than {maxChars} characters.");
}
