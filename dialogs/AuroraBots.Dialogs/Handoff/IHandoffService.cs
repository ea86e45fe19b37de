using AuroraBots.AuroraAI.Models;

namespace AuroraBots.Dialogs.Handoff;

/// <summary>
/// Moves a conversation from one bot to another with the user's consent. The engine calls it after the
/// consent step; the implementation (shared/AuroraBots.Handoff) records the consent receipt, transfers the
/// chosen attributes through the AuroraAI session-transfer API and lets the target redeem them.
/// </summary>
public interface IHandoffService
{
    /// <summary>
    /// Records the user's decision and, when attributes were consented, posts them to the target's
    /// AuroraAI registration. Attribute values never reach logs or the consent ledger.
    /// </summary>
    Task<HandoffTransfer> TransferAsync(HandoffRequest request, CancellationToken cancellationToken = default);

    /// <summary>Redeems an <c>auroraai_access_token</c> for <paramref name="targetBotId"/>; null when refused (used, expired, unknown, revoked).</summary>
    Task<SessionAttributes?> RedeemAsync(string targetBotId, string accessToken, CancellationToken cancellationToken = default);

    /// <summary>
    /// Which of <paramref name="receiptIds"/> were revoked. The engine drops the attributes received under them from
    /// the receiving bot's state in the same turn. A service without a consent ledger has nothing to revoke.
    /// </summary>
    Task<IReadOnlySet<string>> RevokedAsync(IReadOnlyCollection<string> receiptIds, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlySet<string>>(new HashSet<string>());

    /// <summary>
    /// The consent receipt a token was issued under, when this platform issued it (a token arriving in Web Chat's
    /// join event from another of our bots' pages); null for tokens of other AuroraAI services. The values read with
    /// it are kept under that receipt, so revoking it removes them like any hand-off's.
    /// </summary>
    Task<string?> ReceiptOfTokenAsync(string accessToken, CancellationToken cancellationToken = default) =>
        Task.FromResult<string?>(null);
}

/// <param name="SubjectId">Pseudonymous id of the user (derived from conversation and user id, never the raw ids).</param>
/// <param name="SourceBotId">The bot handing over.</param>
/// <param name="TargetBotId">The receiving bot (or external service id).</param>
/// <param name="Purpose">Why the target gets the data, in the user's language.</param>
/// <param name="Attributes">Only the attributes the user consented to; may be empty (hand-off without sharing).</param>
/// <param name="Language">The user's language (fi, sv, en).</param>
public sealed record HandoffRequest(
    string SubjectId,
    string SourceBotId,
    string TargetBotId,
    string Purpose,
    SessionAttributes Attributes,
    string Language);

/// <param name="ReceiptId">The consent receipt recorded for this decision.</param>
/// <param name="AccessToken">The session-transfer token, or null when nothing was shared or the target accepts none of it.</param>
/// <param name="Url">Where the user goes for a target outside this platform (carries <c>auroraai_access_token</c>).</param>
public sealed record HandoffTransfer(string ReceiptId, string? AccessToken, Uri? Url);
