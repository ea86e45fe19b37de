using AuroraBots.DirectLine.Models;
using AuroraBots.DirectLine.Store;
using AuroraBots.DirectLine.Tokens;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AuroraBots.DirectLine.Apis;

/// <summary>
/// <c>POST /tokens/generate</c> (secret only; reserves a conversation), <c>POST /tokens/refresh</c> (token only, never past
/// the absolute lifetime) and <c>POST /tokens/revoke</c> (token only; ends the conversation's tokens).
/// </summary>
internal static class TokensApi
{
    public static RouteGroupBuilder MapTokensApi(this RouteGroupBuilder group)
    {
        group.MapPost("/tokens/generate", GenerateAsync);
        group.MapPost("/tokens/refresh", RefreshAsync);
        group.MapPost("/tokens/revoke", RevokeAsync);
        return group;
    }

    private static async Task<Results<JsonHttpResult<Conversation>, JsonHttpResult<ErrorResponse>>> GenerateAsync(
        HttpContext http, DirectLineTokenService tokens)
    {
        if (Caller.TryAuthenticate(http, out var caller) is { } authError) return authError;
        if (!caller.IsSecret)
            return ErrorResults.Error(StatusCodes.Status403Forbidden, DirectLineErrorCodes.SecretRequired, "Tokens are generated with the bot's secret, not with a token.");
        var (parameters, bodyError) = await JsonBodyReader.ReadAsync(http.Request, DirectLineJsonContext.Default.TokenParameters, 64 * 1024, allowEmpty: true);
        if (bodyError is not null) return bodyError;
        var userId = parameters?.User?.Id;
        if (userId is not null && !Ids.IsUrlSafe(userId))
            return ErrorResults.Error(StatusCodes.Status400BadRequest, DirectLineErrorCodes.BadArgument, "user.id may contain only A-Z, a-z, 0-9, '-' and '_'.");
        var token = await tokens.GenerateTokenAsync(caller.BotId, new DirectLineTokenRequest
        {
            UserId = userId,
            UserName = parameters?.User?.Name,
            Locale = parameters?.Locale,
            TrustedOrigins = parameters?.TrustedOrigins,
        }, http.RequestAborted);
        return ErrorResults.Json(new Conversation { ConversationId = token.ConversationId, Token = token.Token, ExpiresIn = token.ExpiresIn },
            DirectLineJsonContext.Default.Conversation);
    }

    private static async Task<Results<JsonHttpResult<Conversation>, JsonHttpResult<ErrorResponse>>> RefreshAsync(HttpContext http, DirectLineTokenService tokens)
    {
        try
        {
            var (caller, authError) = await Caller.AuthenticateAsync(http);
            if (authError is not null) return authError;
            if (caller!.Token is null)
                return ErrorResults.Error(StatusCodes.Status403Forbidden, DirectLineErrorCodes.BadAuthorization, "Only tokens can be refreshed; a secret never expires.");
            var renewed = tokens.Renew(caller.Token);
            return ErrorResults.Json(new Conversation { ConversationId = renewed.ConversationId, Token = renewed.Token, ExpiresIn = renewed.ExpiresIn },
                DirectLineJsonContext.Default.Conversation);
        }
        catch (StoreUnavailableException)
        {
            return ErrorResults.StoreUnavailable();
        }
    }

    /// <summary>
    /// <c>POST /tokens/revoke</c> (extension; token only): ends the token's conversation for every token of it, e.g.
    /// when the user presses "end conversation". Answers 204; the token itself is refused from then on.
    /// </summary>
    private static async Task<Results<NoContent, JsonHttpResult<ErrorResponse>>> RevokeAsync(HttpContext http, DirectLineTokenService tokens, ITokenRevocations revocations)
    {
        try
        {
            var (caller, authError) = await Caller.AuthenticateAsync(http);
            if (authError is not null) return authError;
            if (caller!.Token is not { } token)
                return ErrorResults.Error(StatusCodes.Status403Forbidden, DirectLineErrorCodes.BadAuthorization, "Only tokens can be revoked; rotate a secret in the configuration.");
            await revocations.RevokeAsync(token.ConversationId, tokens.LastPossibleExpiry(token), http.RequestAborted);
            return TypedResults.NoContent();
        }
        catch (StoreUnavailableException)
        {
            return ErrorResults.StoreUnavailable();
        }
    }
}
