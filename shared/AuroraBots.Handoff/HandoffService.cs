using System.Security.Cryptography;
using AuroraBots.AuroraAI;
using AuroraBots.AuroraAI.Client;
using AuroraBots.AuroraAI.Models;
using AuroraBots.Dialogs.Handoff;
using AuroraBots.Handoff.Ledger;
using Microsoft.Extensions.Logging;

namespace AuroraBots.Handoff;

/// <summary>
/// Consented hand-off over the AuroraAI session-transfer API: every decision becomes a receipt in the
/// <see cref="IConsentLedger"/> first, then only the consented attributes the target is registered to receive
/// are posted to the target's channel. Redemption is one-time, bound to the target (in the ledger and, through the
/// target's own credentials, in the network), and refused after expiry or revocation.
/// </summary>
/// <remarks>
/// Throws <see cref="AuroraAiUnavailableException"/> when the network or the ledger cannot answer, so the
/// engine has one failure to turn into a polite message; a refused transfer (4xx) also surfaces that way.
/// </remarks>
public sealed class HandoffService(
    IAuroraAiClient network,
    IConsentLedger ledger,
    HandoffTargets targets,
    SubjectPseudonymizer pseudonymizer,
    HandoffOptions options,
    ReceiverCredentials receivers,
    TimeProvider time,
    ILogger<HandoffService> logger) : IHandoffService
{
    public async Task<HandoffTransfer> TransferAsync(HandoffRequest request, CancellationToken cancellationToken = default)
    {
        var target = targets.Find(request.TargetBotId)
            ?? throw new ArgumentException($"Unknown hand-off target '{request.TargetBotId}'.", nameof(request));

        // Never more than the target declares, whatever the caller passed.
        var shared = AttributeNames.Present(request.Attributes).Where(n => AttributeNames.Allows(target.Receives, n)).ToList();
        var now = time.GetUtcNow();
        var receipt = new ConsentReceipt(
            NewReceiptId(), pseudonymizer.Pseudonymize(request.SubjectId), request.SourceBotId, target.Id, target.Kind,
            request.Purpose, shared, request.Language, now, now + options.ConsentLifetime);

        await Ledgered(() => ledger.AddAsync(receipt, cancellationToken));
        logger.LogInformation("Consent {ReceiptId}: {Source} -> {Target} ({Kind}), {Decision} [{Attributes}]",
            receipt.Id, receipt.SourceBotId, receipt.Recipient, receipt.RecipientKind, receipt.Decision, string.Join(",", shared));

        if (shared.Count == 0)
        {
            await Ledgered(() => ledger.UpdateAsync(receipt with { Outcome = TransferOutcomes.NothingShared }, cancellationToken));
            return new HandoffTransfer(receipt.Id, null, target.Kind == RecipientKinds.External ? target.Url : null);
        }

        if (string.IsNullOrEmpty(target.ServiceChannelId))
            throw new InvalidOperationException($"Hand-off target '{target.Id}' has no AuroraAI service channel id.");

        Uri url;
        try
        {
            url = await network.PostSessionAttributesAsync(new SessionTransferRequest
            {
                ServiceChannelId = target.ServiceChannelId,
                SessionAttributes = AttributeNames.Keep(request.Attributes, shared),
            }, receipt.Id, cancellationToken);
        }
        catch (Exception e) when (e is AuroraAiUnavailableException or AuroraAiRequestException)
        {
            await TryRecordFailure(receipt, cancellationToken);
            logger.LogWarning("Consent {ReceiptId}: transfer to {Target} failed: {Reason}", receipt.Id, target.Id, e.Message);
            throw e as AuroraAiUnavailableException ?? new AuroraAiUnavailableException("The hand-off was refused by the network.", e);
        }

        var token = AccessTokens.FromUrl(url);
        var outcome = token is null ? TransferOutcomes.NotAccepted : TransferOutcomes.Delivered;
        await Ledgered(() => ledger.UpdateAsync(
            receipt with { Outcome = outcome, TokenHash = token is null ? null : AccessTokens.Hash(token) }, cancellationToken));
        logger.LogInformation("Consent {ReceiptId}: transfer {Outcome}", receipt.Id, outcome);

        return new HandoffTransfer(receipt.Id, token, target.Kind == RecipientKinds.External ? url : null);
    }

    public async Task<SessionAttributes?> RedeemAsync(string targetBotId, string accessToken, CancellationToken cancellationToken = default)
    {
        if (!AccessTokens.IsWellFormed(accessToken)) return null;
        var hash = AccessTokens.Hash(accessToken);

        // Tokens we issued carry a receipt: bound to its recipient, dead after expiry or revocation.
        var receipt = await Ledgered(() => ledger.FindByTokenHashAsync(hash, cancellationToken));
        if (receipt is not null)
        {
            var refusal = receipt.Recipient != targetBotId ? "issued for another recipient"
                : receipt.RevokedAt is not null ? "consent revoked"
                : time.GetUtcNow() >= receipt.ExpiresAt ? "consent expired"
                : null;
            if (refusal is not null)
            {
                logger.LogInformation("Token of consent {ReceiptId} refused for {Target}: {Reason}", receipt.Id, targetBotId, refusal);
                return null;
            }
        }

        // One-time use, also for tokens from other AuroraAI services (the network itself allows re-reads for 24 h).
        var keepFor = receipt is null ? TimeSpan.FromHours(24) : receipt.ExpiresAt - time.GetUtcNow() + TimeSpan.FromMinutes(1);
        if (!await Ledgered(() => ledger.TryMarkRedeemedAsync(hash, keepFor, cancellationToken)))
        {
            logger.LogInformation("Replayed access token refused for {Target} (consent {ReceiptId})", targetBotId, receipt?.Id ?? "external");
            return null;
        }

        SessionAttributes? attributes;
        try
        {
            // Read as the receiving bot's own registered client, whether or not the ledger knows the token: the network
            // refuses a token issued for another receiver (and wrong credentials) instead of handing it to any holder.
            // The client never retries a read that was sent.
            attributes = await network.GetSessionAttributesAsync(accessToken.ToLowerInvariant(), receivers.For(targetBotId), cancellationToken);
        }
        catch (Exception e) when (e is AuroraAiUnavailableException or AuroraAiRequestException)
        {
            // Not the user's fault: let them try again once the network is back.
            await TryUnmark(hash, cancellationToken);
            if (e is AuroraAiRequestException) return null; // e.g. 401: the bot's own credentials are not registered there
            throw;
        }
        if (attributes is null)
        {
            // Unknown to the network for this reader (another receiver's token, or spent): release the mark so a refusal
            // here cannot spend the token for the bot it was issued for.
            await TryUnmark(hash, cancellationToken);
            logger.LogInformation("Access token refused by the network for {Target} (consent {ReceiptId})", targetBotId, receipt?.Id ?? "external");
            return null;
        }

        // The receiver only ever sees what it declared, even from a foreign token.
        var target = targets.Find(targetBotId);
        return target is null ? attributes : AttributeNames.Keep(attributes, target.Receives);
    }

    public async Task<IReadOnlySet<string>> RevokedAsync(IReadOnlyCollection<string> receiptIds, CancellationToken cancellationToken = default)
    {
        var revoked = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in receiptIds.Distinct())
            if (await Ledgered(() => ledger.GetAsync(id, cancellationToken)) is { RevokedAt: not null }) revoked.Add(id);
        return revoked;
    }

    public async Task<string?> ReceiptOfTokenAsync(string accessToken, CancellationToken cancellationToken = default) =>
        AccessTokens.IsWellFormed(accessToken)
            ? (await Ledgered(() => ledger.FindByTokenHashAsync(AccessTokens.Hash(accessToken), cancellationToken)))?.Id
            : null;

    private static string NewReceiptId() => "cr_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    private async Task TryRecordFailure(ConsentReceipt receipt, CancellationToken cancellationToken)
    {
        try { await ledger.UpdateAsync(receipt with { Outcome = TransferOutcomes.Failed }, cancellationToken); }
        catch (ConsentLedgerUnavailableException e) { logger.LogWarning(e, "Consent {ReceiptId}: could not record the failure", receipt.Id); }
    }

    private async Task TryUnmark(string hash, CancellationToken cancellationToken)
    {
        try { await ledger.UnmarkRedeemedAsync(hash, cancellationToken); }
        catch (ConsentLedgerUnavailableException e) { logger.LogWarning(e, "Could not release a token after a failed redemption"); }
    }

    private static async Task Ledgered(Func<Task> action) => await Ledgered(async () => { await action(); return true; });

    private static async Task<T> Ledgered<T>(Func<Task<T>> action)
    {
        try { return await action(); }
        catch (ConsentLedgerUnavailableException e) { throw new AuroraAiUnavailableException(e.Message, e); }
    }
}
