using AuroraBots.DirectLine.Channel;
using AuroraBots.DirectLine.Models;
using AuroraBots.DirectLine.Store;
using AuroraBots.Schema;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace AuroraBots.DirectLine.Apis;

/// <summary>
/// <c>POST /conversations/{id}/upload?userId=</c>: multipart with one <c>activity</c> part and one <c>file</c> part
/// per attachment. Files are matched to attachments by (DirectLineJS-deduplicated) file name, not by order,
/// stored, and exposed through capability URLs that load without Authorization.
/// </summary>
internal static class UploadApi
{
    public static RouteGroupBuilder MapUploadApi(this RouteGroupBuilder group)
    {
        group.MapPost("/conversations/{conversationId}/upload", UploadAsync);
        return group;
    }

    private sealed record UploadedFile(string Name, string ContentType, byte[] Content);

    private static async Task<Results<JsonHttpResult<ResourceResponse>, JsonHttpResult<ErrorResponse>>> UploadAsync(
        HttpContext http, ConversationChannel channel, IAttachmentStore attachments, IOptions<DirectLineOptions> options,
        PostRateLimiter rate, string conversationId, string? userId)
    {
        try
        {
            var (caller, conversation, error) = await Caller.ForConversationAsync(http, channel, conversationId);
            if (error is not null) return error;
            if (!caller!.IsSecret && rate.TryAcquire(http, conversationId) is { } tooMany) return tooMany;
            var limits = options.Value;
            var boundary = MultipartBoundary(http.Request.ContentType);
            if (boundary is null)
                return ErrorResults.Error(StatusCodes.Status415UnsupportedMediaType, DirectLineErrorCodes.UnsupportedMediaType, "Send the upload as multipart/form-data.");
            var maxRequest = limits.MaxUploadBytes + limits.MaxActivityBytes + 64 * 1024; // files + activity + multipart framing
            if (http.Request.ContentLength > maxRequest) return UploadTooBig(limits);
            // Chunked bodies have no length: Kestrel stops them at the same bound.
            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize) bodySize.MaxRequestBodySize = maxRequest;

            Activity? activity = null;
            var files = new List<UploadedFile>();
            long total = 0;
            var reader = new MultipartReader(boundary, http.Request.Body);
            MultipartSection? section;
            while ((section = await reader.ReadNextSectionAsync(http.RequestAborted)) is not null)
            {
                var disposition = ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var d) ? d : null;
                var name = disposition?.Name.Value?.Trim('"');
                if (name == "activity")
                {
                    var (json, sizeError) = await JsonBodyReader.ReadBytesAsync(section.Body, limits.MaxActivityBytes, http.RequestAborted);
                    if (sizeError is not null) return sizeError;
                    var (parsed, parseError) = JsonBodyReader.Parse(json, SchemaJsonContext.Default.Activity);
                    if (parseError is not null) return parseError;
                    activity = parsed;
                    continue;
                }
                // Counted while reading: a file never grows past what is left of the limit.
                var content = await ReadAtMostAsync(section.Body, limits.MaxUploadBytes - total, http.RequestAborted);
                if (content is null) return UploadTooBig(limits);
                total += content.Length;
                var fileName = disposition?.FileName.Value?.Trim('"') ?? disposition?.FileNameStar.Value ?? "blob";
                files.Add(new UploadedFile(fileName, AttachmentContentTypes.Normalize(section.ContentType), content));
            }
            if (activity is null)
                return ErrorResults.Error(StatusCodes.Status400BadRequest, DirectLineErrorCodes.BadArgument, "The upload needs an 'activity' part.");
            activity.From ??= new ChannelAccount { Id = userId };
            activity.From.Id ??= userId;
            if (IncomingActivity.Validate(activity, caller!, conversation!) is { } invalid) return invalid;

            activity.Attachments = await StoreFilesAsync(http, attachments, activity.Attachments ?? [], files);
            var recorded = await channel.PostFromUserAsync(conversation!, activity, http.RequestAborted);
            return ErrorResults.Json(new ResourceResponse(recorded.Id!), DirectLineJsonContext.Default.ResourceResponse);
        }
        catch (Exception e) when (e is InvalidDataException or IOException and not BadHttpRequestException)
        {
            // Found by the fuzz suite: an empty or cut-off body ends the stream inside the multipart reader.
            return ErrorResults.Error(StatusCodes.Status400BadRequest, DirectLineErrorCodes.BadArgument, $"Malformed multipart body: {e.Message}");
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return UploadTooBig(options.Value);
        }
        catch (StoreUnavailableException)
        {
            return ErrorResults.StoreUnavailable();
        }
    }

    private static async Task<List<Attachment>> StoreFilesAsync(HttpContext http, IAttachmentStore store, List<Attachment> declared, List<UploadedFile> files)
    {
        var unmatched = new List<UploadedFile>(files);
        var result = new List<Attachment>();
        foreach (var attachment in declared)
        {
            var file = unmatched.FirstOrDefault(f => f.Name == (attachment.Name ?? "blob"));
            if (file is not null)
            {
                unmatched.Remove(file);
                // The client's declared type is served back as a header: only a well-formed one is kept.
                attachment.ContentType = attachment.ContentType is null ? file.ContentType : AttachmentContentTypes.Normalize(attachment.ContentType);
                attachment.ContentUrl = await SaveAsync(http, store, file, attachment.ContentType);
            }
            result.Add(attachment);
        }
        // Files without a declared attachment (e.g. raw multipart clients) still reach the bot.
        foreach (var file in unmatched)
            result.Add(new Attachment { Name = file.Name, ContentType = file.ContentType, ContentUrl = await SaveAsync(http, store, file, null) });
        return result;
    }

    private static async Task<string> SaveAsync(HttpContext http, IAttachmentStore store, UploadedFile file, string? declaredType)
    {
        var id = Ids.NewRandomId(24);
        await store.PutAsync(id, new StoredAttachment(declaredType ?? file.ContentType, file.Name, file.Content), http.RequestAborted);
        return $"{PublicUrls.BaseUrl(http)}{DirectLineEndpoints.RoutePrefix}/attachments/{id}";
    }

    /// <summary>The stream's bytes, or null when there are more than <paramref name="max"/>.</summary>
    private static async Task<byte[]?> ReadAtMostAsync(Stream body, long max, CancellationToken cancellationToken)
    {
        using var content = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (content.Length + read > max) return null;
            content.Write(chunk, 0, read);
        }
        return content.ToArray();
    }

    private static string? MultipartBoundary(string? contentType)
    {
        if (contentType is null || !MediaTypeHeaderValue.TryParse(contentType, out var media) ||
            !media.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)) return null;
        var boundary = HeaderUtilities.RemoveQuotes(media.Boundary).Value;
        return string.IsNullOrWhiteSpace(boundary) ? null : boundary;
    }

    private static JsonHttpResult<ErrorResponse> UploadTooBig(DirectLineOptions limits) =>
        ErrorResults.Error(StatusCodes.Status413PayloadTooLarge, DirectLineErrorCodes.MessageSizeTooBig, $"Uploads may total at most {limits.MaxUploadBytes} bytes.");
}
