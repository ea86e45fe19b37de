namespace AuroraBots.Widget.Tokens;

/// <summary>
/// Issues a Direct Line token for one new conversation with a bot. The host adapts the channel's token
/// service to this, so the widget never sees (or needs) the Direct Line secret.
/// </summary>
public interface IChatTokenIssuer
{
    Task<ChatToken> IssueAsync(ChatTokenRequest request, CancellationToken cancellationToken = default);
}

/// <param name="BotId">The bot the conversation is opened for.</param>
/// <param name="UserId">Random, per-conversation user id bound into the token.</param>
/// <param name="Locale">Web Chat locale (fi-FI, sv-SE, en-US).</param>
/// <param name="Origin">The embedding page's Origin header as the browser sent it (already checked); recorded as the token's trusted origin.</param>
/// <param name="SiteMunicipality">The tenant's municipality code, bound into the token (the join event cannot claim another).</param>
/// <param name="Site">What the tenant's site tells the bot before it greets (municipality, its names for the bots); null for no site.</param>
public sealed record ChatTokenRequest(string BotId, string UserId, string Locale, string Origin, string? SiteMunicipality = null, ChatSite? Site = null);

/// <param name="BotNames">Per bot id, per language.</param>
public sealed record ChatSite(string? MunicipalityCode, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> BotNames);

public sealed record ChatToken(string ConversationId, string Token, int ExpiresIn);

/// <summary>Raised when the issuer cannot reach the channel; the API answers 503 with a retry hint, never a crash.</summary>
public sealed class ChatTokenUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
