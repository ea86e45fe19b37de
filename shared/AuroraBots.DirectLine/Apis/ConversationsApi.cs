using AuroraBots.DirectLine.Channel;
using AuroraBots.DirectLine.Models;
using AuroraBots.DirectLine.Store;
using AuroraBots.DirectLine.Tokens;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AuroraBots.DirectLine.Apis;

/// <summary>
/// <c>POST /conversations</c> (start: 201 new, 200 when the token's conversation already exists) and
/// <c>GET /conversations/{id}?watermark=</c> (reconnect: fresh token and stream URL replaying after the watermark;
/// an empty watermark replays the whole history).
/// </summary>
internal static class ConversationsApi
{
    public static RouteGroupBuilder MapConversationsApi(this RouteGroupBuilder group)
    {
        group.MapPost("/conversations", StartAsync);
        group.MapGet("/conversations/{conversationId}", ReconnectAsync);
        return group;
    }

    private static async Task<Results<JsonHttpResult<Conversation>, JsonHttpResult<ErrorResponse>>> StartAsync(
        HttpContext http, ConversationChannel channel, DirectLineTokenService tokens)
    {
        Caller caller;
        try
        {
            var (authenticated, authError) = await Caller.AuthenticateAsync(http);
            if (authError is not null) return authError;
            caller = authenticated!;
        }
        catch (StoreUnavailableException)
        {
            return ErrorResults.StoreUnavailable();
        }
        var (body, bodyError) = await JsonBodyReader.ReadAsync(http.Request, DirectLineJsonContext.Default.StartConversationRequest, 64 * 1024, allowEmpty: true);
        if (bodyError is not null) return bodyError;

        // A user id embedded in the token wins over the page's (as DirectLineJS and Web Chat also do).
        var userId = caller.Token?.UserId ?? body?.User?.Id;
        if (userId is not null && !Ids.IsUrlSafe(userId))
            return ErrorResults.Error(StatusCodes.Status400BadRequest, DirectLineErrorCodes.BadArgument, "user.id may contain only A-Z, a-z, 0-9, '-' and '_'.");
        var claims = caller.Token ?? tokens.NewConversationClaims(caller.BotId, Ids.NewRandomId(), userId, body?.User?.Name, body?.Locale, null);
        var proposed = new ConversationRecord
        {
            Id = claims.ConversationId,
            BotId = claims.BotId,
            UserId = userId,
            UserName = caller.Token?.UserName ?? body?.User?.Name,
            Locale = body?.Locale ?? claims.Locale,
            ServiceUrl = PublicUrls.BaseUrl(http) + "/",
            CreatedAt = DateTimeOffset.UtcNow,
        };
        try
        {
            var (conversation, created) = await channel.StartAsync(proposed, http.RequestAborted);
            if (conversation.BotId != caller.BotId)
                return ErrorResults.Error(StatusCodes.Status403Forbidden, DirectLineErrorCodes.BadAuthorization, "The token is not valid for this conversation's bot.");
            var bound = claims with { UserId = conversation.UserId ?? claims.UserId };
            return ErrorResults.Json(Describe(http, tokens, bound, watermark: 0), DirectLineJsonContext.Default.Conversation,
                created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
        }
        catch (StoreUnavailableException)
        {
            return ErrorResults.StoreUnavailable();
        }
    }

    private static async Task<Results<JsonHttpResult<Conversation>, JsonHttpResult<ErrorResponse>>> ReconnectAsync(
        HttpContext http, ConversationChannel channel, DirectLineTokenService tokens, string conversationId, string? watermark)
    {
        try
        {
            var (caller, conversation, error) = await Caller.ForConversationAsync(http, channel, conversationId);
            if (error is not null) return error;
            var claims = caller!.Token ?? tokens.NewConversationClaims(conversation!.BotId, conversation.Id, conversation.UserId, conversation.UserName, conversation.Locale, null);
            return ErrorResults.Json(Describe(http, tokens, claims, Watermarks.Parse(watermark)), DirectLineJsonContext.Default.Conversation);
        }
        catch (StoreUnavailableException)
        {
            return ErrorResults.StoreUnavailable();
        }
    }

    private static Conversation Describe(HttpContext http, DirectLineTokenService tokens, TokenClaims claims, long watermark)
    {
        var renewed = tokens.Renew(claims);
        return new()
        {
            ConversationId = claims.ConversationId,
            Token = renewed.Token,
            ExpiresIn = renewed.ExpiresIn,
            StreamUrl = $"{PublicUrls.WebSocketBaseUrl(http)}{DirectLineEndpoints.RoutePrefix}/conversations/{claims.ConversationId}/stream?watermark={watermark}&t={tokens.IssueStreamToken(claims)}",
        };
    }
}

/// <summary>Watermarks are the decimal log sequence; empty, missing or unreadable means "from the beginning".</summary>
internal static class Watermarks
{
    public static long Parse(string? watermark) =>
        long.TryParse(watermark, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : 0;

    public static string Format(long watermark) => watermark.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
