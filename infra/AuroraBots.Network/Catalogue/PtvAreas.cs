using System.Text.Json;
using AuroraBots.AuroraAI.CodeLists;

namespace AuroraBots.Network.Catalogue;

/// <summary>Builds PTV-shaped <c>areas</c> for services whose PTV record we do not ship (marked synthesised).</summary>
internal static class PtvAreas
{
    // PTV VmOpenApiArea shape: [{type:"Municipality", code, name:[{language,value}]}]; null for nationwide services.
    public static JsonElement? ForMunicipalities(IReadOnlyList<string> municipalityCodes) =>
        municipalityCodes.Count == 0 ? null : Write("Municipality", municipalityCodes, AuroraCodeLists.Default.MunicipalityNames);

    /// <summary>A region (maakunta) area as PTV gives it: type <c>Region</c> with the region code and names.</summary>
    public static JsonElement? ForRegion(string regionCode) =>
        Write("Region", [regionCode], AuroraCodeLists.Default.RegionNames);

    private static JsonElement Write(string type, IReadOnlyList<string> codes, IReadOnlyDictionary<string, LocalisedText> names)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var code in codes)
            {
                var name = names.GetValueOrDefault(code) ?? new LocalisedText(code, code, code);
                writer.WriteStartObject();
                writer.WriteString("type", type);
                writer.WriteString("code", code);
                writer.WriteStartArray("name");
                foreach (var (language, value) in (ReadOnlySpan<(string, string)>)[("fi", name.Fi), ("sv", name.Sv), ("en", name.En)])
                {
                    writer.WriteStartObject();
                    writer.WriteString("language", language);
                    writer.WriteString("value", value);
                    writer.WriteEndObject();
                }
                writer.WriteEndArray();
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        }
        return JsonDocument.Parse(buffer.ToArray()).RootElement.Clone();
    }
}
