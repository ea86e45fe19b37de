namespace AuroraBots.DirectLine;

/// <summary>
/// Configuration of the Direct Line channel (section <c>DirectLine</c>). See docs/directline.md for every key.
/// </summary>
public sealed class DirectLineOptions
{
    /// <summary>Per-bot settings keyed by bot id; a bot's secrets authorise its conversations (master keys).</summary>
    public Dictionary<string, DirectLineBotOptions> Bots { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Lifetime of conversation tokens. DirectLineJS refreshes every 15 min, so anything below 30 min is raised to 30 min.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>No refresh extends a conversation's tokens past this time after its first token (a new conversation is needed then).</summary>
    public TimeSpan TokenAbsoluteLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>How long a stream URL (its <c>t</c> capability) may be used to open a WebSocket; each URL opens one socket only.</summary>
    public TimeSpan StreamUrlLifetime { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Interval of the empty keep-alive text frames on every WebSocket (at most 30 s).</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Largest accepted activity, in UTF-8 bytes of its JSON as sent (Direct Line's limit is 256K).</summary>
    public int MaxActivityBytes { get; set; } = 256 * 1024;

    /// <summary>Posts (messages and uploads) allowed per token or secret per second, sustained.</summary>
    public int PostsPerSecond { get; set; } = 5;

    /// <summary>Posts a token may make at once before <see cref="PostsPerSecond"/> applies.</summary>
    public int PostBurst { get; set; } = 20;

    /// <summary>Bytes of recorded activities kept per conversation; older activities are dropped from replay beyond it.</summary>
    public long MaxBytesPerConversation { get; set; } = 4L * 1024 * 1024;

    /// <summary>Memory store only: bytes of all conversations together; beyond it the longest-idle conversations are forgotten.</summary>
    public long MemoryBudgetBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>Largest accepted upload request (all files together), in bytes.</summary>
    public long MaxUploadBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>How long uploaded files stay downloadable through their capability URL.</summary>
    public TimeSpan UploadRetention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Memory cap of the in-memory upload store; the oldest files are evicted first.</summary>
    public long UploadStoreCapacityBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>Origins allowed to call the API from a browser; <c>"*"</c> allows any origin.</summary>
    public List<string> AllowedOrigins { get; set; } = [];

    /// <summary>HMAC-SHA256 key for tokens (at least 32 characters). Without it a random key per process is used and tokens die with the process.</summary>
    public string? TokenSigningKey { get; set; }

    /// <summary>Public base URL (e.g. <c>https://chat.example.fi</c>) for serviceUrl, streamUrl and upload URLs; default: from the request.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Prefix of every Redis key the channel writes.</summary>
    public string RedisKeyPrefix { get; set; } = "aurorabots:dl:";

    /// <summary>At most this many activities are kept per conversation; older ones are dropped from replay.</summary>
    public int MaxActivitiesPerConversation { get; set; } = 1000;

    /// <summary>A conversation without activity for this long is forgotten (memory) or expires (Redis TTL).</summary>
    public TimeSpan ConversationIdleExpiry { get; set; } = TimeSpan.FromHours(24);

    /// <summary>A bot turn running longer than this is abandoned and the user gets an apology.</summary>
    public TimeSpan TurnTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How long an instance's hold on a conversation's turns lasts without renewal (renewed every third of it while
    /// turns run). When an instance dies, another one continues its turns at most this much later.
    /// </summary>
    public TimeSpan TurnLeaseDuration { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often each instance looks for waiting turns whose lease expired (an instance died).</summary>
    public TimeSpan TurnSweepInterval { get; set; } = TimeSpan.FromSeconds(1);
}

public sealed class DirectLineBotOptions
{
    public List<string> Secrets { get; set; } = [];
}
