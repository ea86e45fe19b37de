namespace AuroraBots.Handoff.Ledger;

/// <summary>
/// One recorded hand-off decision. It names the attributes, never their values: the ledger must be safe to
/// show to the user and to an auditor.
/// </summary>
/// <param name="Id">Receipt id (also sent to the network as <c>AuroraBots-Consent-Receipt</c>).</param>
/// <param name="Subject">Keyed pseudonym of the conversation/user (<see cref="SubjectPseudonymizer"/>), never a raw id.</param>
/// <param name="SourceBotId">The bot that asked.</param>
/// <param name="Recipient">The receiving bot id or external service id.</param>
/// <param name="RecipientKind"><c>bot</c> (same conversation) or <c>external</c> (link-out).</param>
/// <param name="Purpose">Why the recipient gets the data, as shown to the user.</param>
/// <param name="Attributes">Attribute names the user consented to share; empty for a decline.</param>
/// <param name="Language">Language the decision was made in.</param>
/// <param name="CreatedAt">When the user decided.</param>
/// <param name="ExpiresAt">When the consent (and any token issued under it) stops being usable.</param>
public sealed record ConsentReceipt(
    string Id,
    string Subject,
    string SourceBotId,
    string Recipient,
    string RecipientKind,
    string Purpose,
    IReadOnlyList<string> Attributes,
    string Language,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt)
{
    /// <summary><c>shared</c> when attributes were consented, <c>declined</c> when the user chose not to share.</summary>
    public string Decision => Attributes.Count > 0 ? ConsentDecisions.Shared : ConsentDecisions.Declined;

    /// <summary>Set when the user revoked the consent; no token under it is redeemed after this.</summary>
    public DateTimeOffset? RevokedAt { get; init; }

    /// <summary>What happened to the transfer: pending, delivered, not_accepted (target accepts none), failed.</summary>
    public string Outcome { get; init; } = TransferOutcomes.Pending;

    /// <summary>SHA-256 of the access token issued under this receipt (the token itself is never stored).</summary>
    public string? TokenHash { get; init; }

    public bool IsActiveAt(DateTimeOffset now) => RevokedAt is null && now < ExpiresAt;
}

public static class ConsentDecisions
{
    public const string Shared = "shared";
    public const string Declined = "declined";
}

public static class RecipientKinds
{
    public const string Bot = "bot";
    public const string External = "external";
}

public static class TransferOutcomes
{
    public const string Pending = "pending";
    public const string Delivered = "delivered";
    public const string NotAccepted = "not_accepted";
    public const string Failed = "failed";
    public const string NothingShared = "nothing_shared";
}
