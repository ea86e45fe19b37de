using System.Text.Json.Serialization;
using AuroraBots.AuroraAI.Models;

namespace AuroraBots.AuroraAI;

/// <summary>Wire serialisation: nulls are omitted because the network rejects <c>null</c> for optional fields.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RecommendServiceRequest))]
[JsonSerializable(typeof(TextSearchRequest))]
[JsonSerializable(typeof(RecommendationFeedback))]
[JsonSerializable(typeof(SessionTransferRequest))]
[JsonSerializable(typeof(SessionAttributes))]
[JsonSerializable(typeof(RecommendationResponse))]
public sealed partial class AuroraAiJsonContext : JsonSerializerContext;
