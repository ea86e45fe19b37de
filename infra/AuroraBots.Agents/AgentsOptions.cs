namespace AuroraBots.Agents;

/// <summary>Configuration section <c>Agents</c> (docs/human-handoff.md).</summary>
public sealed class AgentsOptions
{
    public const string SectionName = "Agents";

    /// <summary>Prefix of the Redis keys (<c>{prefix}agents:…</c>).</summary>
    public string RedisKeyPrefix { get; set; } = "aurora:";

    /// <summary>A bot's queue is "busy" (citizens get the contact details and "leave a message") from this many waiting chats.</summary>
    public int MaxQueueLength { get; set; } = 10;

    /// <summary>Average length of one chat, for the estimated wait (position × this ÷ agents on duty).</summary>
    public TimeSpan AverageChatDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>An agent counts as on duty while their console reported in within this time.</summary>
    public TimeSpan PresenceTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long messages left for agents (contact requests) are kept; then they are deleted.</summary>
    public TimeSpan ContactRequestRetention { get; set; } = TimeSpan.FromDays(14);

    /// <summary>How long a chat (waiting, active or just ended) is kept without activity.</summary>
    public TimeSpan ChatRetention { get; set; } = TimeSpan.FromHours(4);

    /// <summary>How long an agent's console sign-in lasts (sliding).</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(10);

    /// <summary>Most messages one transcript request returns.</summary>
    public int MaxTranscriptActivities { get; set; } = 500;
}
