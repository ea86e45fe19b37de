using AuroraBots.Network.Search;
using AuroraBots.Network.SessionTransfer;

namespace AuroraBots.Network;

/// <summary>Options of the AuroraAI network service (configuration section <c>AuroraAI:Network</c>).</summary>
public sealed class NetworkOptions
{
    /// <summary>
    /// Public base URL used in redirect and transfer links (the original's <c>service_host</c>). Empty: the
    /// scheme and host of the incoming request.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>A catalogue JSON file (<c>{"services":[...]}</c>) replacing the shipped one, e.g. a test fixture.</summary>
    public string? CatalogueFile { get; set; }

    /// <summary>Synthetic copies of the catalogue for load tests (1 = just the catalogue).</summary>
    public int CatalogueCopies { get; set; } = 1;

    /// <summary>Concurrent recommend/text-search requests before answering <c>503 Server busy.</c> (original: 5 per worker).</summary>
    public int MaxConcurrentRecommendations { get; set; } = 25;

    /// <summary>Largest accepted request body in bytes.</summary>
    public int MaxRequestBodyBytes { get; set; } = 64 * 1024;

    /// <summary>Recommendations kept in memory for feedback and redirects (oldest dropped first); with Redis, the feedback entries kept.</summary>
    public int MaxStoredRecommendations { get; set; } = 100_000;

    /// <summary>With Redis: how long a recommendation stays valid for feedback and redirect links.</summary>
    public TimeSpan RecommendationRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>With Redis: prefix of every key of the network service (tokens, recommendations, feedback, redirects).</summary>
    public string RedisKeyPrefix { get; set; } = "aurorabots:network:";

    public DevClientOptions DevClient { get; set; } = new();
    public SessionTransferOptions SessionTransfer { get; set; } = new();
    public TextSearchOptions TextSearch { get; set; } = new();

    /// <summary>Registered AuroraAI services (API clients and session-transfer receivers).</summary>
    public List<AuroraServiceRegistration> Services { get; set; } = [];
}

/// <summary>The built-in development credentials (<c>AuroraDevCredentials</c>); on by default for the embedded mode.</summary>
public sealed class DevClientOptions
{
    public bool Enabled { get; set; } = true;
}

public enum SessionTokenMode
{
    /// <summary>Default: a token can be redeemed once, within <see cref="SessionTransferOptions.TokenLifetime"/>.</summary>
    SingleUse,
    /// <summary>Like the original network: reusable until it expires after 24 hours.</summary>
    Compatible,
}

public sealed class SessionTransferOptions
{
    public SessionTokenMode Mode { get; set; } = SessionTokenMode.SingleUse;

    /// <summary>Lifetime in <see cref="SessionTokenMode.SingleUse"/> mode (Compatible mode always uses 24 h).</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(10);

    public TimeSpan EffectiveLifetime => Mode == SessionTokenMode.Compatible ? TimeSpan.FromHours(24) : TokenLifetime;
}
