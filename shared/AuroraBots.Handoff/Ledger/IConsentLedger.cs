namespace AuroraBots.Handoff.Ledger;

/// <summary>
/// The record of every hand-off decision. Subjects are keyed pseudonyms; values are never stored.
/// Implementations: <see cref="InMemoryConsentLedger"/> and <see cref="RedisConsentLedger"/>.
/// </summary>
/// <remarks>Failures of the backing store surface as <see cref="ConsentLedgerUnavailableException"/>.</remarks>
public interface IConsentLedger
{
    Task AddAsync(ConsentReceipt receipt, CancellationToken cancellationToken = default);

    /// <summary>Replaces a receipt with a newer version of itself (outcome, token hash). Unknown ids are ignored.</summary>
    Task UpdateAsync(ConsentReceipt receipt, CancellationToken cancellationToken = default);

    Task<ConsentReceipt?> GetAsync(string receiptId, CancellationToken cancellationToken = default);

    Task<ConsentReceipt?> FindByTokenHashAsync(string tokenHash, CancellationToken cancellationToken = default);

    /// <summary>The subject's receipts, newest first (revoked and expired ones included, until retention ends).</summary>
    Task<IReadOnlyList<ConsentReceipt>> ListAsync(string subject, CancellationToken cancellationToken = default);

    /// <summary>Revokes a receipt of this subject. Null when the subject has no such receipt.</summary>
    Task<ConsentReceipt?> RevokeAsync(string subject, string receiptId, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Marks a token as redeemed; false when it already was (a replay).</summary>
    Task<bool> TryMarkRedeemedAsync(string tokenHash, TimeSpan keepFor, CancellationToken cancellationToken = default);

    /// <summary>Undoes <see cref="TryMarkRedeemedAsync"/> when the redemption itself failed (network down), so the user can retry.</summary>
    Task UnmarkRedeemedAsync(string tokenHash, CancellationToken cancellationToken = default);
}

/// <summary>The ledger's store (Redis) cannot answer. Without a receipt nothing is transferred.</summary>
public sealed class ConsentLedgerUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
