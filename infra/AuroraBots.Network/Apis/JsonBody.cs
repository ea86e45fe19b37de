using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http;

namespace AuroraBots.Network.Apis;

/// <summary>
/// Reads a request body as the original's Flask app does: wrong content type → 415, invalid UTF-8 →
/// 400 "Invalid encoding…", malformed JSON → 400; plus a size limit (413). A JSON body that is not an object is
/// a validation error.
/// </summary>
internal static class JsonBody
{
    public static async Task<(JsonDocument? Document, IResult? Error)> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentType is not { } contentType
            || !(contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
                 || contentType.Contains("+json", StringComparison.OrdinalIgnoreCase)))
            return (null, TextResults.Text(StatusCodes.Status415UnsupportedMediaType,
                "Did not attempt to load JSON data because the request Content-Type was not 'application/json'."));

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxBytes)
                return (null, TextResults.Text(StatusCodes.Status413PayloadTooLarge, "Request body too large."));
        }

        var bytes = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        if (!Utf8.IsValid(bytes.Span))
            return (null, TextResults.Text(StatusCodes.Status400BadRequest, "Invalid encoding in request. Only UTF-8 is supported."));
        try
        {
            var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 16 });
            if (document.RootElement.ValueKind == JsonValueKind.Object) return (document, null);
            document.Dispose();
            return (null, TextResults.ValidationError("{'_schema': ['Invalid input type.']}"));
        }
        catch (JsonException)
        {
            return (null, TextResults.Text(StatusCodes.Status400BadRequest, "Failed to decode JSON object."));
        }
    }
}
