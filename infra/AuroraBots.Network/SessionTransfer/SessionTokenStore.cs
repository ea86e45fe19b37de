using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace AuroraBots.Network.SessionTransfer;

/// <summary>What a session-transfer token grants: the attributes (already filtered to what the receiver accepts).</summary>
public sealed record SessionGrant(string IssuerClientId, string ReceiverClientId, string AttributesJson, string? ConsentReceiptId, DateTimeOffset ExpiresAt);

/// <summary>Why a redemption failed (all are answered 404, like an unknown token in the original).</summary>
public enum RedeemFailure { None, Unknown, Expired, Used, Revoked }

/// <summary>
/// Session-transfer tokens: 32 random bytes as 64 lowercase hex characters, bound to the receiving service and a
/// consent receipt. By default single-use and valid for 10 minutes; <see cref="SessionTokenMode.Compatible"/>
/// restores the original 24-hour reusable behaviour. Tokens are stored under their SHA-256 hash so a memory dump
/// or debugger view of the store does not hand out usable tokens.
/// </summary>
public sealed class SessionTokenStore(IOptions<NetworkOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly SessionTransferOptions _options = options.Value.SessionTransfer;
    private long _issued;

    private sealed class Entry(SessionGrant grant)
    {
        public SessionGrant Grant { get; } = grant;
        public int Used;
        public volatile bool Revoked;
    }

    /// <summary>Issues a token for the grant's attributes; the caller only ever sees it once.</summary>
    public string Issue(string issuerClientId, string receiverClientId, string attributesJson, string? consentReceiptId)
    {
        PurgeExpiredSometimes();
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var grant = new SessionGrant(issuerClientId, receiverClientId, attributesJson, consentReceiptId, time.GetUtcNow() + _options.EffectiveLifetime);
        _entries[Key(token)] = new Entry(grant);
        return token;
    }

    /// <summary>Returns the grant, consuming the token in single-use mode. Thread-safe: only one caller wins a replay race.</summary>
    /// <param name="requiredReceiver">When set, a token issued for another receiver is treated as unknown (and not consumed).</param>
    public SessionGrant? Redeem(string token, out RedeemFailure failure, string? requiredReceiver = null)
    {
        failure = RedeemFailure.Unknown;
        if (!_entries.TryGetValue(Key(token), out var entry)) return null;
        if (requiredReceiver is not null && entry.Grant.ReceiverClientId != requiredReceiver) return null;
        if (entry.Revoked) { failure = RedeemFailure.Revoked; return null; }
        if (time.GetUtcNow() >= entry.Grant.ExpiresAt)
        {
            _entries.TryRemove(Key(token), out _);
            failure = RedeemFailure.Expired;
            return null;
        }
        if (_options.Mode == SessionTokenMode.SingleUse && Interlocked.Exchange(ref entry.Used, 1) == 1)
        {
            failure = RedeemFailure.Used;
            return null;
        }
        failure = RedeemFailure.None;
        return entry.Grant;
    }

    /// <summary>Revokes every live token <paramref name="issuerClientId"/> issued under a consent receipt; returns how many.</summary>
    public int RevokeByReceipt(string issuerClientId, string consentReceiptId)
    {
        var count = 0;
        foreach (var (_, entry) in _entries)
        {
            if (entry.Grant.ConsentReceiptId != consentReceiptId || entry.Grant.IssuerClientId != issuerClientId || entry.Revoked) continue;
            entry.Revoked = true;
            count++;
        }
        return count;
    }

    public int Count => _entries.Count;

    private static string Key(string token) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(token)));

    // Instead of the original's nightly cron: every 256th issue sweeps out expired and spent entries.
    private void PurgeExpiredSometimes()
    {
        if (Interlocked.Increment(ref _issued) % 256 != 0) return;
        var now = time.GetUtcNow();
        foreach (var (key, entry) in _entries)
            if (now >= entry.Grant.ExpiresAt || entry.Revoked || (entry.Used == 1 && _options.Mode == SessionTokenMode.SingleUse))
                _entries.TryRemove(key, out _);
    }
}
