using System.Text.Json.Serialization;

namespace AuroraBots.Handoff.Ledger;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(ConsentReceipt))]
internal sealed partial class LedgerJsonContext : JsonSerializerContext;
