using System.Text.Json.Serialization;

namespace AuroraBots.Schema;

/// <summary>
/// Source-generated System.Text.Json metadata for the wire schema: camelCase, nulls omitted,
/// as Direct Line and Web Chat expect.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Activity))]
[JsonSerializable(typeof(List<Activity>))]
[JsonSerializable(typeof(HeroCard))]
[JsonSerializable(typeof(AuroraChannelData))]
[JsonSerializable(typeof(ResourceResponse))]
public sealed partial class SchemaJsonContext : JsonSerializerContext;
