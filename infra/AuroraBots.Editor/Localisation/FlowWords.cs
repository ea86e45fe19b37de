using System.Text.Json.Nodes;

namespace AuroraBots.Editor.Localisation;

/// <summary>
/// The editor's words for flow content (<c>Localisation/flow-words.json</c>): each step kind, prompt type and key of
/// the flow JSON Schema named in fi/sv/en, with help and, for kinds, an example. The form reads the kinds and keys
/// from the schema and only their names from here, so it offers exactly what the validator accepts.
/// </summary>
public static class FlowWords
{
    private static readonly Lazy<string> text = new(() =>
    {
        using var stream = typeof(FlowWords).Assembly.GetManifestResourceStream("AuroraBots.Editor.Localisation.flow-words.json")
            ?? throw new InvalidOperationException("flow-words.json is not embedded in the editor assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary>The words as served to the web app (JSON).</summary>
    public static string Text => text.Value;

    /// <summary>The words parsed: <c>kinds</c>, <c>askTypes</c> and <c>fields</c>, each name → language → {name, help}.</summary>
    public static JsonObject Parse() => (JsonObject)JsonNode.Parse(Text)!;
}
