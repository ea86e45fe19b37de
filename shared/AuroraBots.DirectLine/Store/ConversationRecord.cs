using System.Text.Json.Serialization;

namespace AuroraBots.DirectLine.Store;

/// <summary>What the channel remembers about a conversation besides its activity log.</summary>
public sealed record ConversationRecord
{
    public required string Id { get; init; }
    public required string BotId { get; init; }
    public string? UserId { get; init; }
    public string? UserName { get; init; }
    public string? Locale { get; init; }
    public required string ServiceUrl { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
}

/// <summary>One recorded activity: its position in the log (= watermark) and its JSON.</summary>
public sealed record StoredActivity(long Sequence, byte[] Json);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ConversationRecord))]
internal sealed partial class StoreJsonContext : JsonSerializerContext;
