using AuroraBots.DirectLine.Models;
using AuroraBots.DirectLine.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AuroraBots.DirectLine.Apis;

/// <summary>
/// <c>GET /attachments/{id}</c>: uploaded files by capability URL (no Authorization, so an <c>&lt;img&gt;</c> can load
/// it). Only images, audio and video are served inline; everything else downloads, sandboxed, so an uploaded
/// HTML file can never run as our origin.
/// </summary>
internal static class AttachmentsApi
{
    public static RouteGroupBuilder MapAttachmentsApi(this RouteGroupBuilder group)
    {
        group.MapGet("/attachments/{attachmentId}", GetAsync);
        return group;
    }

    private static async Task<Results<FileContentHttpResult, JsonHttpResult<ErrorResponse>>> GetAsync(HttpContext http, IAttachmentStore store, string attachmentId)
    {
        StoredAttachment? file;
        try
        {
            file = Ids.IsUrlSafe(attachmentId) ? await store.GetAsync(attachmentId, http.RequestAborted) : null;
        }
        catch (StoreUnavailableException)
        {
            return ErrorResults.StoreUnavailable();
        }
        if (file is null) return ErrorResults.Error(StatusCodes.Status404NotFound, DirectLineErrorCodes.NotFound, "No such file (uploads expire).");
        file = file with { ContentType = AttachmentContentTypes.Normalize(file.ContentType) }; // also files stored before types were checked
        var inline = file.ContentType.StartsWith("image/", StringComparison.OrdinalIgnoreCase) && !file.ContentType.Contains("svg", StringComparison.OrdinalIgnoreCase)
                     || file.ContentType.StartsWith("audio/", StringComparison.OrdinalIgnoreCase)
                     || file.ContentType.StartsWith("video/", StringComparison.OrdinalIgnoreCase);
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'";
        http.Response.Headers.CacheControl = "private, max-age=3600";
        return inline
            ? TypedResults.Bytes(file.Content, file.ContentType)
            : TypedResults.Bytes(file.Content, "application/octet-stream", file.FileName);
    }
}
