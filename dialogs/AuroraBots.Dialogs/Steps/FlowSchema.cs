using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization.Metadata;
using AuroraBots.Dialogs.Content;
using AuroraBots.Dialogs.Prompts;

namespace AuroraBots.Dialogs.Steps;

/// <summary>
/// The JSON Schema of a flow file, generated from <see cref="StepKinds.All"/> and the YAML model
/// (<see cref="StepDefinition"/>): one alternative per step kind with exactly the keys that kind accepts. Committed
/// as <c>bots/flow.schema.json</c> (a test keeps it current) for editors' IDEs and the web editor's form.
/// </summary>
public static class FlowSchema
{
    public const string FileName = "flow.schema.json";
    public const string Id = "https://aurorabots.example/schemas/" + FileName;
    /// <summary>The first line of every flow file (they sit one folder below the schema): IDEs validate and complete with it.</summary>
    public const string Modeline = "# yaml-language-server: $schema=../" + FileName;

    private static readonly JsonSerializerOptions Model = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };

    /// <summary>The schema as written to <see cref="FileName"/> (indented, ending in a newline).</summary>
    public static string Text(IReadOnlyList<string> languages) =>
        Generate(languages).ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";

    public static JsonObject Generate(IReadOnlyList<string> languages)
    {
        var exporter = new JsonSchemaExporterOptions { TreatNullObliviousAsNonNullable = true, TransformSchemaNode = UseDefinitions };
        var keys = (JsonObject)(Model.GetJsonSchemaAsNode(typeof(StepDefinition), exporter)["properties"] ?? new JsonObject());
        var kinds = new JsonArray();
        foreach (var kind in StepKinds.All)
        {
            var properties = new JsonObject();
            foreach (var key in kind.AllKeys) properties[key] = keys[key]?.DeepClone();
            if (kind.Key == StepKinds.Ask) properties[kind.Key] = new JsonObject { ["enum"] = new JsonArray([.. AskTypes.All.Select(t => JsonValue.Create(t))]) };
            var alternative = new JsonObject { ["title"] = kind.Key, ["description"] = kind.Description, ["type"] = "object" };
            // A say step may be cards only; every other kind is marked by its own key.
            if (kind.Key == StepKinds.Say) alternative["anyOf"] = new JsonArray(Required("say"), Required("cards"));
            else alternative["required"] = new JsonArray(kind.Key);
            alternative["properties"] = properties;
            alternative["additionalProperties"] = false;
            kinds.Add(alternative);
        }
        return new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = Id,
            ["title"] = "AuroraBots flow",
            ["description"] = "A flow file under bots/<bot>/ or bots/_shared/: steps run top to bottom. Generated from the engine's step kinds; see docs/flows.md.",
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["id"] = new JsonObject { ["type"] = "string", ["description"] = "Optional; equals the file name." },
                ["description"] = new JsonObject { ["type"] = "string" },
                ["steps"] = new JsonObject { ["type"] = "array", ["minItems"] = 1, ["items"] = new JsonObject { ["oneOf"] = kinds } },
            },
            ["required"] = new JsonArray("steps"),
            ["additionalProperties"] = false,
            ["$defs"] = new JsonObject { ["text"] = TextSchema(languages), ["suggestion"] = SuggestionSchema() },
        };
    }

    private static JsonObject Required(string key) => new() { ["required"] = new JsonArray(key) };

    /// <summary>Texts and suggestions are read by custom YAML converters, so their schemas are written by hand.</summary>
    private static JsonNode UseDefinitions(JsonSchemaExporterContext context, JsonNode schema) =>
        context.TypeInfo.Type == typeof(LocalizedText) ? new JsonObject { ["$ref"] = "#/$defs/text" }
        : context.TypeInfo.Type == typeof(SuggestionDefinition) ? new JsonObject { ["$ref"] = "#/$defs/suggestion" }
        : schema;

    private static JsonObject TextSchema(IReadOnlyList<string> languages) => new()
    {
        ["description"] = "A text per language (every language the bot speaks), or \"@key\" for a text in texts.yaml.",
        ["anyOf"] = new JsonArray(
            new JsonObject { ["type"] = "string", ["pattern"] = "^@[a-z0-9_]+$" },
            new JsonObject
            {
                ["type"] = "object",
                ["properties"] = new JsonObject([.. languages.Select(l => KeyValuePair.Create(l, (JsonNode?)new JsonObject { ["type"] = "string" }))]),
                ["additionalProperties"] = false,
            }),
    };

    private static JsonObject SuggestionSchema() => new()
    {
        ["description"] = "A suggested action: a text (clicking sends it) or a label with a value.",
        ["anyOf"] = new JsonArray(
            new JsonObject { ["$ref"] = "#/$defs/text" },
            new JsonObject
            {
                ["type"] = "object",
                ["properties"] = new JsonObject { ["label"] = new JsonObject { ["$ref"] = "#/$defs/text" }, ["value"] = new JsonObject { ["type"] = "string" } },
                ["required"] = new JsonArray("label"),
                ["additionalProperties"] = false,
            }),
    };
}
