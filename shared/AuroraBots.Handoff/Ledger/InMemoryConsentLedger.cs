using System.Collections.Concurrent;

namespace AuroraBots.Handoff.Ledger;

/// <summary>The ledger for a single host without Redis: lost on restart, like the conversations themselves.</summary>
public sealed class InMemoryConsentLedger(TimeProvider time) : IConsentLedger
{
    private readonly ConcurrentDictionary<string, ConsentReceipt> _receipts = new();
    private readonly ConcurrentDictionary<string, DateTimeOffset> _redeemed = new();
    private readonly Lock _gate = new();

    /// <summary>Receipts held (diagnostics and tests).</summary>
    public int Count => _receipts.Count;

    public Task AddAsync(ConsentReceipt receipt, CancellationToken cancellationToken = default)
    {
        if (!_receipts.TryAdd(receipt.Id, receipt))
            throw new InvalidOperationException($"Consent receipt {receipt.Id} already exists.");
        return Task.CompletedTask;
    }

    public Task UpdateAsync(ConsentReceipt receipt, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            // A revocation wins over a concurrent outcome update.
            if (_receipts.TryGetValue(receipt.Id, out var current))
                _receipts[receipt.Id] = receipt with { RevokedAt = current.RevokedAt ?? receipt.RevokedAt };
        }
        return Task.CompletedTask;
    }

    public Task<ConsentReceipt?> GetAsync(string receiptId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_receipts.GetValueOrDefault(receiptId));

    public Task<ConsentReceipt?> FindByTokenHashAsync(string tokenHash, CancellationToken cancellationToken = default) =>
        Task.FromResult(_receipts.Values.FirstOrDefault(r => r.TokenHash == tokenHash));

    public Task<IReadOnlyList<ConsentReceipt>> ListAsync(string subject, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ConsentReceipt>>(
            [.. _receipts.Values.Where(r => r.Subject == subject).OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)]);

    public Task<ConsentReceipt?> RevokeAsync(string subject, string receiptId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (!_receipts.TryGetValue(receiptId, out var receipt) || receipt.Subject != subject)
                return Task.FromResult<ConsentReceipt?>(null);
            var revoked = receipt.RevokedAt is null ? receipt with { RevokedAt = now } : receipt;
            _receipts[receiptId] = revoked;
            return Task.FromResult<ConsentReceipt?>(revoked);
        }
    }

    public Task<bool> TryMarkRedeemedAsync(string tokenHash, TimeSpan keepFor, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        foreach (var (hash, until) in _redeemed)
            if (until <= now) _redeemed.TryRemove(hash, out _);
        return Task.FromResult(_redeemed.TryAdd(tokenHash, now + keepFor));
    }

    public Task UnmarkRedeemedAsync(string tokenHash, CancellationToken cancellationToken = default)
    {
        _redeemed.TryRemove(tokenHash, out _);
        return Task.CompletedTask;
    }
}
