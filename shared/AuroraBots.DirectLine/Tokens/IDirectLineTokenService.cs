namespace AuroraBots.DirectLine.Tokens;

/// <summary>
/// Issues Direct Line tokens for a bot without exposing its secret — what a site's backend (or the widget's
/// tenant token endpoint) uses so that no secret ever reaches a page.
/// </summary>
public interface IDirectLineTokenService
{
    /// <summary>Reserves a conversation id and returns a token bound to it (and to the user, when given).</summary>
    Task<DirectLineToken> GenerateTokenAsync(string botId, DirectLineTokenRequest request, CancellationToken cancellationToken = default);
}

/// <summary>Who the conversation is for. A <see cref="UserId"/> is embedded in the token's <c>user</c> claim, which Web Chat and DirectLineJS adopt.</summary>
public sealed record DirectLineTokenRequest
{
    public string? UserId { get; init; }
    public string? UserName { get; init; }
    public string? Locale { get; init; }
    /// <summary>Browser origins allowed to use the token (checked against the <c>Origin</c> header when present).</summary>
    public IReadOnlyList<string>? TrustedOrigins { get; init; }
    /// <summary>The embedding site's municipality code (a widget tenant's): the only one the join event may carry.</summary>
    public string? SiteMunicipality { get; init; }
}

public sealed record DirectLineToken(string ConversationId, string Token, int ExpiresIn);
