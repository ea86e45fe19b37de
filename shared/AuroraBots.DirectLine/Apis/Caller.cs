using AuroraBots.DirectLine.Models;
using AuroraBots.DirectLine.Store;
using AuroraBots.DirectLine.Tokens;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace AuroraBots.DirectLine.Apis;

/// <summary>
/// Who is calling: a bot's secret (any conversation of that bot) or a conversation token (its conversation only,
/// its user only, optionally only from its trusted origins).
/// </summary>
internal sealed record Caller(string BotId, TokenClaims? Token)
{
    public bool IsSecret => Token is null;

    /// <summary>401 without a Bearer value, 403 for an unknown secret, an invalid or expired token, or an untrusted origin.</summary>
    public static JsonHttpResult<ErrorResponse>? TryAuthenticate(HttpContext http, out Caller caller)
    {
        caller = null!;
        var header = http.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || header.Length <= 7)
            return ErrorResults.Error(StatusCodes.Status401Unauthorized, DirectLineErrorCodes.MissingAuthorization,
                "Send 'Authorization: Bearer <secret or token>'.");
        var credential = header[7..].Trim();

        var options = http.RequestServices.GetRequiredService<IOptions<DirectLineOptions>>().Value;
        foreach (var (botId, bot) in options.Bots)
            if (bot.Secrets.Any(s => !string.IsNullOrEmpty(s) && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
                    System.Text.Encoding.UTF8.GetBytes(s), System.Text.Encoding.UTF8.GetBytes(credential))))
            {
                caller = new Caller(botId, null);
                return null;
            }

        var tokens = http.RequestServices.GetRequiredService<DirectLineTokenService>();
        var validation = tokens.Validate(credential, TokenClaims.ConversationScope);
        switch (validation.Status)
        {
            case TokenValidationStatus.Expired:
                return ErrorResults.Error(StatusCodes.Status403Forbidden, DirectLineErrorCodes.TokenExpired, "Token expired.");
            case TokenValidationStatus.Invalid:
                return ErrorResults.Error(StatusCodes.Status403Forbidden, DirectLineErrorCodes.BadAuthorization, "Unknown secret or invalid token.");
        }
        var claims = validation.Claims!;
        if (claims.TrustedOrigins is { Count: > 0 } trusted && http.Request.Headers.Origin.ToString() is { Length: > 0 } origin &&
            !trusted.Contains(origin, StringComparer.OrdinalIgnoreCase))
            return ErrorResults.Error(StatusCodes.Status403Forbidden, DirectLineErrorCodes.OriginNotTrusted, $"Origin '{origin}' is not trusted by this token.");
        caller = new Caller(claims.BotId, claims);
        return null;
    }

    /// <summary>
    /// <see cref="TryAuthenticate"/>, then refuses (403 <c>TokenExpired</c>, so clients start a new conversation) a
    /// token whose conversation was ended or revoked. Throws <see cref="StoreUnavailableException"/> when the
    /// revocation store cannot answer.
    /// </summary>
    public static async Task<(Caller? Caller, JsonHttpResult<ErrorResponse>? Error)> AuthenticateAsync(HttpContext http)
    {
        if (TryAuthenticate(http, out var caller) is { } error) return (null, error);
        if (caller.Token is { } token && await IsRevokedAsync(http, token).ConfigureAwait(false))
            return (null, Revoked());
        return (caller, null);
    }

    public static Task<bool> IsRevokedAsync(HttpContext http, TokenClaims token) =>
        http.RequestServices.GetRequiredService<ITokenRevocations>().IsRevokedAsync(token.ConversationId, http.RequestAborted);

    public static JsonHttpResult<ErrorResponse> Revoked() =>
        ErrorResults.Error(StatusCodes.Status403Forbidden, DirectLineErrorCodes.TokenExpired, "The conversation was ended: its tokens are revoked.");

    /// <summary>403 when a token of another conversation is used.</summary>
    public JsonHttpResult<ErrorResponse>? CheckConversationId(string conversationId) =>
        Token is not null && Token.ConversationId != conversationId
            ? ErrorResults.Error(StatusCodes.Status403Forbidden, DirectLineErrorCodes.TokenNotValidForConversation, "The token is not valid for this conversation.")
            : null;

    /// <summary>403 when a secret of another bot is used.</summary>
    public JsonHttpResult<ErrorResponse>? CheckBot(ConversationRecord conversation) =>
        conversation.BotId != BotId
            ? ErrorResults.Error(StatusCodes.Status403Forbidden, DirectLineErrorCodes.BadAuthorization, "The secret is not valid for this conversation's bot.")
            : null;

    /// <summary>
    /// Authenticates, checks the conversation binding and loads the conversation (404 when unknown). The revocation
    /// check and the conversation's record are asked for together: one round trip to a shared store, not two.
    /// </summary>
    public static async Task<(Caller? Caller, ConversationRecord? Conversation, JsonHttpResult<ErrorResponse>? Error)> ForConversationAsync(
        HttpContext http, Channel.ConversationChannel channel, string conversationId)
    {
        if (TryAuthenticate(http, out var caller) is { } authError) return (null, null, authError);
        if (caller.CheckConversationId(conversationId) is { } bindingError) return (null, null, bindingError);
        if (!Ids.IsUrlSafe(conversationId)) return (null, null, ErrorResults.ConversationNotFound(conversationId));
        var revoked = caller.Token is { } token ? IsRevokedAsync(http, token) : Task.FromResult(false);
        var loading = channel.GetConversationAsync(conversationId, http.RequestAborted);
        await Task.WhenAll(revoked, loading).ConfigureAwait(false);
        if (await revoked.ConfigureAwait(false)) return (null, null, Revoked());
        var conversation = await loading.ConfigureAwait(false);
        if (conversation is null) return (null, null, ErrorResults.ConversationNotFound(conversationId));
        if (caller.CheckBot(conversation) is { } botError) return (null, null, botError);
        return (caller, conversation, null);
    }
}
