namespace AuroraBots.AuroraAI.Client;

/// <summary>Options of the AuroraAI client (configuration section <c>AuroraAI:Client</c>).</summary>
public sealed class AuroraAiClientOptions
{
    public const string SectionName = "AuroraAI:Client";

    /// <summary>
    /// Base URL of the network, e.g. <c>https://auroraai.astest.suomi.fi/</c>. Empty: the embedded service, whose
    /// address the host sets at startup through <see cref="AuroraAiEndpoint.SetBaseAddress"/>.
    /// </summary>
    public string? BaseUrl { get; set; }

    /// <summary>Basic-auth client id; defaults to the embedded network's development client.</summary>
    public string ClientId { get; set; } = AuroraDevCredentials.ClientId;

    public string ClientSecret { get; set; } = AuroraDevCredentials.ClientSecret;

    /// <summary>Each bot's own registration as a session-transfer receiver, by bot id (see <see cref="ReceiverCredentials"/>).</summary>
    public Dictionary<string, AuroraClientCredentials> Receivers { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Timeout of one HTTP attempt.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Timeout of a whole call including retries.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(12);

    /// <summary>Retries for idempotent calls (GET). POSTs are never retried.</summary>
    public int MaxRetries { get; set; } = 2;

    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The circuit opens when this share of calls failed in the sampling window…</summary>
    public double CircuitFailureRatio { get; set; } = 0.5;

    /// <summary>…with at least this many calls in the window…</summary>
    public int CircuitMinimumThroughput { get; set; } = 6;

    public TimeSpan CircuitSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>…and stays open this long (calls fail at once with <see cref="AuroraAiUnavailableException"/>).</summary>
    public TimeSpan CircuitBreakDuration { get; set; } = TimeSpan.FromSeconds(15);
}
