using System.Text.Json.Serialization;
using AuroraBots.Schema;

namespace AuroraBots.DirectLine.Models;

/// <summary>Direct Line <c>Conversation</c>: the answer of start, reconnect and token calls.</summary>
public sealed class Conversation
{
    public required string ConversationId { get; init; }
    public required string Token { get; init; }

    [JsonPropertyName("expires_in")]
    public int ExpiresIn { get; init; }

    public string? StreamUrl { get; init; }
}

/// <summary>Direct Line <c>ActivitySet</c>: activities after a watermark plus the new watermark.</summary>
public sealed class ActivitySet
{
    public required List<Activity> Activities { get; init; }
    public required string Watermark { get; init; }
}

/// <summary>Direct Line <c>ErrorResponse</c>: <c>{"error":{"code","message"}}</c>.</summary>
public sealed record ErrorResponse(Error Error);

public sealed record Error(string Code, string Message);

/// <summary>Body of <c>POST /tokens/generate</c> (official <c>TokenParameters</c>).</summary>
public sealed class TokenParameters
{
    public ChannelAccount? User { get; set; }
    public List<string>? TrustedOrigins { get; set; }
    public string? ETag { get; set; }
    /// <summary>Our addition: the conversation's language when known up front.</summary>
    public string? Locale { get; set; }
}

/// <summary>Body of <c>POST /conversations</c> as DirectLineJS sends it: <c>{"user":{"id"},"locale"}</c>.</summary>
public sealed class StartConversationRequest
{
    public ChannelAccount? User { get; set; }
    public string? Locale { get; set; }
}

public sealed record SessionIdResponse(string SessionId);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Conversation))]
[JsonSerializable(typeof(ActivitySet))]
[JsonSerializable(typeof(ErrorResponse))]
[JsonSerializable(typeof(TokenParameters))]
[JsonSerializable(typeof(StartConversationRequest))]
[JsonSerializable(typeof(ResourceResponse))]
[JsonSerializable(typeof(SessionIdResponse))]
public sealed partial class DirectLineJsonContext : JsonSerializerContext;
