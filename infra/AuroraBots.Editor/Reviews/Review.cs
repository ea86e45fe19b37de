namespace AuroraBots.Editor.Reviews;

public static class ReviewStates
{
    public const string Pending = "pending";
    public const string Approved = "approved";
    public const string Rejected = "rejected";
    /// <summary>A newer submission replaced it before anyone decided.</summary>
    public const string Superseded = "superseded";
}

/// <summary>
/// A request to publish the draft as it was when submitted (<see cref="DraftHash"/>): who asked, why, and what a
/// publisher decided. Approving publishes exactly those files; a draft changed since then must be submitted again.
/// </summary>
public sealed record Review(
    string Id,
    string Author,
    DateTimeOffset Submitted,
    string Comment,
    string DraftHash,
    string State,
    string? DecidedBy = null,
    DateTimeOffset? Decided = null,
    string? DecisionComment = null,
    int? Version = null);
