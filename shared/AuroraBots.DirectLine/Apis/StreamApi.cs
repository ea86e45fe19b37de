using AuroraBots.DirectLine.Channel;
using AuroraBots.DirectLine.Models;
using AuroraBots.DirectLine.Store;
using AuroraBots.DirectLine.Streaming;
using AuroraBots.DirectLine.Tokens;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AuroraBots.DirectLine.Apis;

/// <summary>
/// <c>GET /conversations/{id}/stream?watermark=&amp;t=</c>: the WebSocket. Authorised by the stream capability
/// <c>t</c> alone (browsers cannot send headers on a WebSocket); refused with 403 when it is expired, belongs to
/// another conversation or was already used (each stream URL opens one socket; reconnecting fetches a new one).
/// </summary>
internal static class StreamApi
{
    public static RouteGroupBuilder MapStreamApi(this RouteGroupBuilder group)
    {
        group.MapGet("/conversations/{conversationId}/stream", ConnectAsync);
        return group;
    }

    private static async Task<Results<EmptyHttpResult, JsonHttpResult<ErrorResponse>>> ConnectAsync(
        HttpContext http, ConversationChannel channel, DirectLineTokenService tokens, IStreamTickets tickets, StreamSessionRegistry sessions,
        string conversationId, string? watermark, string? t)
    {
        var validation = tokens.Validate(t ?? "", TokenClaims.StreamScope);
        if (validation.Status == TokenValidationStatus.Expired)
            return ErrorResults.Error(StatusCodes.Status403Forbidden, DirectLineErrorCodes.TokenExpired, "The stream URL expired; reconnect to get a new one.");
        if (validation.Status == TokenValidationStatus.Invalid || validation.Claims!.ConversationId != conversationId)
            return ErrorResults.Error(StatusCodes.Status403Forbidden, DirectLineErrorCodes.TokenNotValidForConversation, "The stream URL is not valid for this conversation.");
        if (!http.WebSockets.IsWebSocketRequest)
            return ErrorResults.Error(StatusCodes.Status400BadRequest, DirectLineErrorCodes.BadArgument, "This URL accepts WebSocket connections only.");
        try
        {
            if (await channel.GetConversationAsync(conversationId, http.RequestAborted) is null) return ErrorResults.ConversationNotFound(conversationId);
            if (await Caller.IsRevokedAsync(http, validation.Claims)) return Caller.Revoked();
            if (validation.Claims.Id is not { } ticket || !await tickets.TryUseAsync(ticket, validation.Claims.ExpiresAt, http.RequestAborted))
                return ErrorResults.Error(StatusCodes.Status403Forbidden, DirectLineErrorCodes.TokenNotValidForConversation,
                    "The stream URL was already used; reconnect to get a new one.");
        }
        catch (StoreUnavailableException)
        {
            return ErrorResults.StoreUnavailable();
        }

        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        var session = new StreamSession(socket, channel, conversationId, Watermarks.Parse(watermark));
        sessions.Add(session);
        try
        {
            await session.RunAsync(http.RequestAborted);
        }
        finally
        {
            sessions.Remove(session);
        }
        return TypedResults.Empty;
    }
}
