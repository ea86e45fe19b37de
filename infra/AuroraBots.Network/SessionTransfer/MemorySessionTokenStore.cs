using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace AuroraBots.Network.SessionTransfer;

/// <summary>Session-transfer tokens in this process's memory: the embedded single-process default.</summary>
public sealed class MemorySessionTokenStore(IOptions<NetworkOptions> options, TimeProvider time) : ISessionTokenStore
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

    public Task<string> IssueAsync(string issuerClientId, string receiverClientId, string attributesJson, string? consentReceiptId, CancellationToken cancellationToken)
    {
        PurgeExpiredSometimes();
        var token = SessionTokens.New();
        var grant = new SessionGrant(issuerClientId, receiverClientId, attributesJson, consentReceiptId, time.GetUtcNow() + _options.EffectiveLifetime);
        _entries[SessionTokens.Key(token)] = new Entry(grant);
        return Task.FromResult(token);
    }

    public Task<SessionGrant?> RedeemAsync(string token, string? requiredReceiver, CancellationToken cancellationToken) =>
        Task.FromResult(Redeem(SessionTokens.Key(token), requiredReceiver));

    private SessionGrant? Redeem(string key, string? requiredReceiver)
    {
        if (!_entries.TryGetValue(key, out var entry)) return null;
        if (requiredReceiver is not null && entry.Grant.ReceiverClientId != requiredReceiver) return null;
        if (entry.Revoked) return null;
        if (time.GetUtcNow() >= entry.Grant.ExpiresAt)
        {
            _entries.TryRemove(key, out _);
            return null;
        }
        if (_options.Mode == SessionTokenMode.SingleUse && Interlocked.Exchange(ref entry.Used, 1) == 1) return null;
        return entry.Grant;
    }

    public Task<int> RevokeByReceiptAsync(string issuerClientId, string consentReceiptId, CancellationToken cancellationToken)
    {
        var count = 0;
        foreach (var (_, entry) in _entries)
        {
            if (entry.Grant.ConsentReceiptId != consentReceiptId || entry.Grant.IssuerClientId != issuerClientId || entry.Revoked) continue;
            entry.Revoked = true;
            count++;
        }
        return Task.FromResult(count);
    }

    public int Count => _entries.Count;

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
