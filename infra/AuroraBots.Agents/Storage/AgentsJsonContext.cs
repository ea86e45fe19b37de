using System.Text.Json.Serialization;

namespace AuroraBots.Agents.Storage;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(LiveChatSession))]
[JsonSerializable(typeof(ContactRequest))]
[JsonSerializable(typeof(AgentPresence))]
internal sealed partial class AgentsJsonContext : JsonSerializerContext;
