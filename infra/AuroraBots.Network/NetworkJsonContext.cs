using System.Text.Json.Serialization;
using AuroraBots.AuroraAI.Models;

namespace AuroraBots.Network;

/// <summary>Source-generated serialisation of the wire models the service writes.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(RecommendationResponse))]
[JsonSerializable(typeof(AuroraBots.Network.Apis.RevokeResult))]
internal sealed partial class NetworkJsonContext : JsonSerializerContext;
