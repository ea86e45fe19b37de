namespace AuroraBots.Handoff;

/// <summary>Configuration section <c>Handoff</c>.</summary>
public sealed class HandoffOptions
{
    public const string SectionName = "Handoff";

    /// <summary>
    /// Base64 key (≥ 16 bytes) for the subject pseudonyms. Set it in production (a secret): without it a random
    /// key is made at start, so consents cannot be listed again after a restart.
    /// </summary>
    public string? SubjectKey { get; set; }

    /// <summary>How long a consent, and any token issued under it, stays usable. Default 1 hour.</summary>
    public TimeSpan ConsentLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long receipts are kept in the ledger for the user and for audit. Default 30 days.</summary>
    public TimeSpan LedgerRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Redis key prefix of the ledger.</summary>
    public string RedisKeyPrefix { get; set; } = "aurorabots:consent:";

    /// <summary>Services outside this platform that a bot may hand users to with a link-out.</summary>
    public List<ExternalServiceOptions> ExternalServices { get; set; } = [];
}

/// <summary>A registered AuroraAI service outside this platform (cross-platform hand-off).</summary>
public sealed class ExternalServiceOptions
{
    /// <summary>The id flows use as the hand-off target.</summary>
    public string Id { get; set; } = "";

    /// <summary>Name by language (fi, sv, en).</summary>
    public Dictionary<string, string> Name { get; set; } = [];

    /// <summary>Responsible organisation by language.</summary>
    public Dictionary<string, string> Organisation { get; set; } = [];

    /// <summary>Its AuroraAI registration: the PTV e-channel id (lowercase UUIDv4).</summary>
    public string ServiceChannelId { get; set; } = "";

    /// <summary>The attributes it is registered to receive.</summary>
    public List<string> Receives { get; set; } = [];

    /// <summary>Where users go when nothing is shared (the network gives the link when something is).</summary>
    public Uri? Url { get; set; }
}
