using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AuroraBots.DirectLine.Tokens;

/// <summary>
/// Issues and validates the channel's tokens: conversation tokens (Bearer, ≥ 30 min) and stream capabilities
/// (the <c>t</c> of a stream URL, short-lived). Signed with <see cref="DirectLineOptions.TokenSigningKey"/>,
/// so tokens survive a restart when the key is configured.
/// </summary>
public sealed class DirectLineTokenService : IDirectLineTokenService
{
    public static readonly TimeSpan MinimumTokenLifetime = TimeSpan.FromMinutes(30);

    private readonly JwtCodec _codec;
    private readonly TimeProvider _time;
    private readonly DirectLineOptions _options;

    public DirectLineTokenService(IOptions<DirectLineOptions> options, TimeProvider time, ILogger<DirectLineTokenService> logger)
    {
        _options = options.Value;
        _time = time;
        byte[] key;
        if (string.IsNullOrWhiteSpace(_options.TokenSigningKey))
        {
            key = RandomNumberGenerator.GetBytes(32);
            logger.LogWarning("DirectLine:TokenSigningKey is not configured: using a random key, so Direct Line tokens become invalid when this process restarts");
        }
        else
        {
            key = Encoding.UTF8.GetBytes(_options.TokenSigningKey);
        }
        _codec = new JwtCodec(key);
        if (_options.TokenLifetime < MinimumTokenLifetime)
            logger.LogWarning("DirectLine:TokenLifetime {Lifetime} is below 30 minutes (DirectLineJS refreshes every 15 minutes); using 30 minutes", _options.TokenLifetime);
    }

    public TimeSpan TokenLifetime => _options.TokenLifetime < MinimumTokenLifetime ? MinimumTokenLifetime : _options.TokenLifetime;

    public Task<DirectLineToken> GenerateTokenAsync(string botId, DirectLineTokenRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(botId);
        if (request.UserId is not null && !Ids.IsUrlSafe(request.UserId))
            throw new ArgumentException("UserId must contain only A-Z, a-z, 0-9, '-' and '_' (Direct Line clients put it into URLs unencoded).", nameof(request));
        var claims = NewConversationClaims(botId, Ids.NewRandomId(), request.UserId, request.UserName, request.Locale, request.TrustedOrigins)
            with { SiteMunicipality = request.SiteMunicipality };
        return Task.FromResult(new DirectLineToken(claims.ConversationId, Issue(claims), ExpiresInSeconds));
    }

    public int ExpiresInSeconds => (int)TokenLifetime.TotalSeconds;

    public TokenClaims NewConversationClaims(string botId, string conversationId, string? userId, string? userName, string? locale, IReadOnlyList<string>? trustedOrigins)
    {
        var now = _time.GetUtcNow();
        return new TokenClaims
        {
            BotId = botId,
            ConversationId = conversationId,
            UserId = userId,
            UserName = userName,
            Locale = locale,
            TrustedOrigins = trustedOrigins,
            Scope = TokenClaims.ConversationScope,
            IssuedAt = now,
            ExpiresAt = now + TokenLifetime,
            FirstIssuedAt = now,
        };
    }

    /// <summary>
    /// A fresh token with the same bindings (refresh and reconnect). Its expiry never passes the first issue plus
    /// <see cref="DirectLineOptions.TokenAbsoluteLifetime"/>, so a leaked token cannot be kept alive by refreshing it.
    /// </summary>
    public DirectLineToken Renew(TokenClaims claims)
    {
        var now = _time.GetUtcNow();
        var first = claims.FirstIssuedAt ?? claims.IssuedAt;
        var end = first + _options.TokenAbsoluteLifetime;
        var expires = now + TokenLifetime < end ? now + TokenLifetime : end;
        var token = Issue(claims with { Scope = TokenClaims.ConversationScope, IssuedAt = now, ExpiresAt = expires, FirstIssuedAt = first });
        return new DirectLineToken(claims.ConversationId, token, (int)Math.Max(0, (expires - now).TotalSeconds));
    }

    /// <summary>When the last token a conversation could hold expires: how long a revocation must be remembered.</summary>
    public DateTimeOffset LastPossibleExpiry(TokenClaims claims)
    {
        var end = (claims.FirstIssuedAt ?? claims.IssuedAt) + _options.TokenAbsoluteLifetime;
        return end > claims.ExpiresAt ? end : claims.ExpiresAt;
    }

    public string IssueStreamToken(TokenClaims conversation)
    {
        var now = _time.GetUtcNow();
        return Issue(conversation with { Scope = TokenClaims.StreamScope, IssuedAt = now, ExpiresAt = now + _options.StreamUrlLifetime, TrustedOrigins = null });
    }

    /// <summary>Signs arbitrary claims. Public so test servers can mint expired tokens.</summary>
    public string Issue(TokenClaims claims) => _codec.Encode(claims);

    public TokenValidation Validate(string token, string expectedScope)
    {
        var claims = _codec.Decode(token);
        if (claims is null || claims.Scope != expectedScope) return new TokenValidation(TokenValidationStatus.Invalid, null);
        if (claims.ExpiresAt <= _time.GetUtcNow()) return new TokenValidation(TokenValidationStatus.Expired, claims);
        return new TokenValidation(TokenValidationStatus.Valid, claims);
    }
}

public enum TokenValidationStatus { Valid, Invalid, Expired }

public sealed record TokenValidation(TokenValidationStatus Status, TokenClaims? Claims);
