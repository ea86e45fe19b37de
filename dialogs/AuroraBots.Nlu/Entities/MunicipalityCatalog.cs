using System.Reflection;
using System.Text.Json;

namespace AuroraBots.Nlu.Entities;

/// <summary>Reads the embedded koodistot export (results[].codeValue + prefLabel {fi, sv, en}).</summary>
internal static class MunicipalityCatalog
{
    private const string ResourceName = "AuroraBots.Nlu.municipality_codes_2023.json";

    public static IReadOnlyList<Municipality> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing from AuroraBots.Nlu.");
        using var document = JsonDocument.Parse(stream);
        var municipalities = new List<Municipality>();
        foreach (var item in document.RootElement.GetProperty("results").EnumerateArray())
        {
            if (item.TryGetProperty("status", out var status) && status.GetString() is { } s && s != "VALID")
            {
                continue;
            }
            var code = item.GetProperty("codeValue").GetString();
            var labels = item.GetProperty("prefLabel");
            var fi = Label(labels, "fi");
            if (code is null || fi is null)
            {
                continue;
            }
            municipalities.Add(new Municipality(code, fi, Label(labels, "sv") ?? fi, Label(labels, "en") ?? fi));
        }
        return municipalities;
    }

    private static string? Label(JsonElement labels, string language) =>
        labels.TryGetProperty(language, out var value) ? value.GetString() : null;
}
