namespace AuroraBots.DirectLine.Tokens;

/// <summary>What a token says: which bot and conversation, which user, until when, and what it may be used for.</summary>
public sealed record TokenClaims
{
    /// <summary>Bearer token for the REST API.</summary>
    public const string ConversationScope = "conversation";
    /// <summary>The <c>t</c> capability of a stream URL; valid only for opening that conversation's WebSocket.</summary>
    public const string StreamScope = "stream";

    public required string BotId { get; init; }
    public required string ConversationId { get; init; }
    public string? UserId { get; init; }
    public string? UserName { get; init; }
    public string? Locale { get; init; }
    public IReadOnlyList<string>? TrustedOrigins { get; init; }
    /// <summary>The site municipality the token was issued for (widget tenants); see <see cref="DirectLineTokenRequest.SiteMunicipality"/>.</summary>
    public string? SiteMunicipality { get; init; }
    public required string Scope { get; init; }
    public required DateTimeOffset IssuedAt { get; init; }
    public required DateTimeOffset ExpiresAt { get; init; }
    /// <summary>When the conversation's first token was issued: refreshes never reach past it plus the absolute lifetime.</summary>
    public DateTimeOffset? FirstIssuedAt { get; init; }
    /// <summary>The token's unique id (<c>jti</c>), set when decoded; stream URLs are single-use by it.</summary>
    public string? Id { get; init; }
}
