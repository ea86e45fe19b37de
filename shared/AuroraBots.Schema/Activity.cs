using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace AuroraBots.Schema;

/// <summary>
/// A Bot Framework activity (botframework-activity spec). Known fields are typed; anything else
/// round-trips through <see cref="Properties"/> so clients' unknown fields survive unchanged.
/// </summary>
public sealed class Activity
{
    public string? Type { get; set; }
    public string? Id { get; set; }
    /// <summary>Set by the channel; always written as UTC with <c>Z</c>.</summary>
    [JsonConverter(typeof(UtcTimestampConverter))]
    public DateTimeOffset? Timestamp { get; set; }
    public DateTimeOffset? LocalTimestamp { get; set; }
    public string? LocalTimezone { get; set; }
    public string? ServiceUrl { get; set; }
    public string? ChannelId { get; set; }
    public ChannelAccount? From { get; set; }
    public ConversationAccount? Conversation { get; set; }
    public ChannelAccount? Recipient { get; set; }
    public string? TextFormat { get; set; }
    public string? AttachmentLayout { get; set; }
    public List<ChannelAccount>? MembersAdded { get; set; }
    public List<ChannelAccount>? MembersRemoved { get; set; }
    public string? Locale { get; set; }
    public string? Text { get; set; }
    public string? Speak { get; set; }
    public string? InputHint { get; set; }
    public string? Summary { get; set; }
    public SuggestedActions? SuggestedActions { get; set; }
    public List<Attachment>? Attachments { get; set; }
    public List<Entity>? Entities { get; set; }
    /// <summary>Free-form; Direct Line must preserve it unmodified (clientActivityID lives here).</summary>
    public JsonNode? ChannelData { get; set; }
    public string? ReplyToId { get; set; }
    public string? Name { get; set; }
    public JsonNode? Value { get; set; }
    public string? ValueType { get; set; }
    public ConversationReference? RelatesTo { get; set; }
    public string? Code { get; set; }
    public string? DeliveryMode { get; set; }
    public DateTimeOffset? Expiration { get; set; }
    public string? Importance { get; set; }
    public string? CallerId { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }

    /// <summary>Deep copy through JSON, so a stored activity can never be mutated by a caller.</summary>
    public Activity Clone() =>
        JsonSerializer.Deserialize(JsonSerializer.SerializeToUtf8Bytes(this, SchemaJsonContext.Default.Activity),
            SchemaJsonContext.Default.Activity)!;
}

public sealed class ChannelAccount
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? Role { get; set; }
    public string? AadObjectId { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }

    public ChannelAccount() { }
    public ChannelAccount(string id, string? name = null, string? role = null) => (Id, Name, Role) = (id, name, role);
}

public sealed class ConversationAccount
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public bool? IsGroup { get; set; }
    public string? ConversationType { get; set; }
    public string? TenantId { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }
}

public sealed class ConversationReference
{
    public string? ActivityId { get; set; }
    public ChannelAccount? User { get; set; }
    public ChannelAccount? Bot { get; set; }
    public ConversationAccount? Conversation { get; set; }
    public string? ChannelId { get; set; }
    public string? ServiceUrl { get; set; }
    public string? Locale { get; set; }
}

public sealed class Attachment
{
    public string? ContentType { get; set; }
    public string? ContentUrl { get; set; }
    public JsonNode? Content { get; set; }
    public string? Name { get; set; }
    public string? ThumbnailUrl { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }
}

public sealed class Entity
{
    public string? Type { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }
}

public sealed class SuggestedActions
{
    public List<string>? To { get; set; }
    public List<CardAction> Actions { get; set; } = [];
}

public sealed class CardAction
{
    public string? Type { get; set; }
    public string? Title { get; set; }
    public string? Image { get; set; }
    public string? Text { get; set; }
    public string? DisplayText { get; set; }
    public JsonNode? Value { get; set; }

    public CardAction() { }
    public CardAction(string type, string title, JsonNode? value) => (Type, Title, Value) = (type, title, value);
}

/// <summary>Content of an <c>application/vnd.microsoft.card.hero</c> attachment.</summary>
public sealed class HeroCard
{
    public const string ContentType = "application/vnd.microsoft.card.hero";
    public string? Title { get; set; }
    public string? Subtitle { get; set; }
    public string? Text { get; set; }
    public List<CardImage>? Images { get; set; }
    public List<CardAction>? Buttons { get; set; }
    public CardAction? Tap { get; set; }

    public Attachment ToAttachment() => new()
    {
        ContentType = ContentType,
        Content = JsonSerializer.SerializeToNode(this, SchemaJsonContext.Default.HeroCard),
    };
}

public sealed class CardImage
{
    public string? Url { get; set; }
    public string? Alt { get; set; }
    public CardAction? Tap { get; set; }
}

/// <summary>Answer to a posted activity: <c>{"id": "…"}</c>.</summary>
public sealed record ResourceResponse(string Id);
