using AuroraBots.Handoff.Ledger;
using Microsoft.Extensions.Logging;

namespace AuroraBots.Handoff;

/// <summary>What a user can do with their consents in chat: list them and revoke one.</summary>
public sealed class ConsentCenter(
    IConsentLedger ledger,
    SubjectPseudonymizer pseudonymizer,
    IEnumerable<IConsentRevocationNotifier> notifiers,
    TimeProvider time,
    ILogger<ConsentCenter> logger)
{
    /// <summary>The subject's receipts that shared something, newest first.</summary>
    public async Task<IReadOnlyList<ConsentReceipt>> ListAsync(string subjectId, CancellationToken cancellationToken = default)
    {
        var all = await ledger.ListAsync(pseudonymizer.Pseudonymize(subjectId), cancellationToken);
        return [.. all.Where(r => r.Decision == ConsentDecisions.Shared)];
    }

    /// <summary>
    /// Revokes one consent of this subject: no token under it is redeemed any more, and the network is asked to
    /// drop its tokens when it supports that. Null when the subject has no such consent.
    /// </summary>
    public async Task<ConsentReceipt?> RevokeAsync(string subjectId, string receiptId, CancellationToken cancellationToken = default)
    {
        var revoked = await ledger.RevokeAsync(pseudonymizer.Pseudonymize(subjectId), receiptId, time.GetUtcNow(), cancellationToken);
        if (revoked is null) return null;
        logger.LogInformation("Consent {ReceiptId} revoked by its subject", receiptId);
        foreach (var notifier in notifiers)
        {
            try { await notifier.ConsentRevokedAsync(revoked, cancellationToken); }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The ledger already refuses the tokens; the network side is a second line of defence.
                logger.LogWarning(e, "Consent {ReceiptId}: the network could not be told about the revocation", receiptId);
            }
        }
        return revoked;
    }
}

/// <summary>Told when a consent is revoked, e.g. to ask the network to delete the tokens issued under it.</summary>
public interface IConsentRevocationNotifier
{
    Task ConsentRevokedAsync(ConsentReceipt receipt, CancellationToken cancellationToken);
}
