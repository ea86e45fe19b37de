namespace AuroraBots.Network.SessionTransfer;

/// <summary>What a session-transfer token grants: the attributes (already filtered to what the receiver accepts).</summary>
public sealed record SessionGrant(string IssuerClientId, string ReceiverClientId, string AttributesJson, string? ConsentReceiptId, DateTimeOffset ExpiresAt);

/// <summary>
/// Session-transfer tokens: 32 random bytes as 64 lowercase hex characters, bound to the receiving service and a
/// consent receipt. By default single-use and valid for 10 minutes; <see cref="SessionTokenMode.Compatible"/>
/// restores the original 24-hour reusable behaviour. Stored under the token's SHA-256 hash, so the store never holds
/// a usable token. In memory (<see cref="MemorySessionTokenStore"/>) for the single-process run, in Redis
/// (<see cref="RedisSessionTokenStore"/>) when the platform uses Redis: a token issued on one instance is redeemed
/// on any other, exactly once.
/// </summary>
public interface ISessionTokenStore
{
    /// <summary>Issues a token for the grant's attributes; the caller only ever sees it once.</summary>
    Task<string> IssueAsync(string issuerClientId, string receiverClientId, string attributesJson, string? consentReceiptId, CancellationToken cancellationToken);

    /// <summary>
    /// The grant, consuming the token in single-use mode; null when unknown, expired, used or revoked (all answered 404).
    /// Only one caller wins a replay race, across instances too.
    /// </summary>
    /// <param name="requiredReceiver">When set, a token issued for another receiver is treated as unknown (and not consumed).</param>
    Task<SessionGrant?> RedeemAsync(string token, string? requiredReceiver, CancellationToken cancellationToken);

    /// <summary>Revokes every live token <paramref name="issuerClientId"/> issued under a consent receipt; returns how many.</summary>
    Task<int> RevokeByReceiptAsync(string issuerClientId, string consentReceiptId, CancellationToken cancellationToken);
}

/// <summary>The token's storage key: its SHA-256, so a dump of the store hands out no usable token.</summary>
internal static class SessionTokens
{
    public static string New() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    public static string Key(string token) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(token)));
}
