using System.Collections.Frozen;
using System.Text.Json;

namespace AuroraBots.AuroraAI.CodeLists;

/// <summary>A PTV service class of code list <c>ptvserclass2</c>, e.g. <c>P5.3</c> under <c>P5</c>.</summary>
public sealed record ServiceClass(string Code, string Uri, string? ParentUri, LocalisedText Name, LocalisedText Description);

/// <summary>
/// The AuroraAI reference code sets (auroraai-core-components <c>resources/</c> and the koodistot.suomi.fi exports):
/// 309 municipalities (+ the mock <c>000</c>), 19 regions, 21 hospital districts, 23 wellbeing services counties,
/// 228 service classes, target groups and funding types. Loaded once from embedded resources.
/// </summary>
public sealed class AuroraCodeLists
{
    public const string MockMunicipalityCode = "000";
    public const string ServiceClassUriPrefix = "http://uri.suomi.fi/codelist/ptv/ptvserclass2/code/";

    private static readonly Lazy<AuroraCodeLists> Shared = new(Load);

    /// <summary>The code lists shipped with this assembly.</summary>
    public static AuroraCodeLists Default => Shared.Value;

    /// <summary>The 309 valid municipality codes (list kunta_1_20210101) with Finnish names.</summary>
    public required FrozenDictionary<string, string> MunicipalityNamesFi { get; init; }

    /// <summary>Municipality names in fi/sv/en where the 2023 export has them.</summary>
    public required FrozenDictionary<string, LocalisedText> MunicipalityNames { get; init; }

    public required FrozenDictionary<string, string[]> RegionMunicipalities { get; init; }
    public required FrozenDictionary<string, string[]> HospitalDistrictMunicipalities { get; init; }
    public required FrozenDictionary<string, string[]> WellbeingCountyMunicipalities { get; init; }

    /// <summary>Codes valid in filters (the original validates against its code files, not the mapping targets).</summary>
    public required FrozenSet<string> RegionCodes { get; init; }
    public required FrozenSet<string> HospitalDistrictCodes { get; init; }
    public required FrozenSet<string> WellbeingCountyCodes { get; init; }

    public required FrozenDictionary<string, LocalisedText> RegionNames { get; init; }
    public required FrozenDictionary<string, ServiceClass> ServiceClassesByUri { get; init; }
    public required IReadOnlyList<ServiceClass> ServiceClasses { get; init; }
    public required FrozenSet<string> FilterableTargetGroups { get; init; }
    public required FrozenDictionary<string, LocalisedText> TargetGroupNames { get; init; }
    public required FrozenSet<string> FundingTypes { get; init; }

    /// <summary>True for the 309 codes and the mock <c>000</c> the recommender accepts.</summary>
    public bool IsValidMunicipalityCode(string code) => code == MockMunicipalityCode || MunicipalityNamesFi.ContainsKey(code);

    private static AuroraCodeLists Load()
    {
        var municipalitiesFi = ReadStringMap("municipality_codes.json");
        var municipalityNames = ReadKoodistoResults("municipality_codes_2023.json")
            .ToDictionary(r => r.Code, r => r.Label);
        foreach (var (code, fi) in municipalitiesFi)
            municipalityNames.TryAdd(code, new LocalisedText(fi, fi, fi));

        var regions = ReadMapping("municipality_to_region.csv");
        var hospitals = ReadMapping("municipality_to_hospital_district.csv");
        var counties = ReadMapping("municipality_to_wellbeing_service_county_codes.csv");
        var countyCodes = CodeListResources.Cp1252Rows("wellbeing_service_county_codes.csv").Select(r => r[0]).ToFrozenSet();

        var classes = ReadServiceClasses();
        var targetGroupNames = ReadKoodistoCodes("codelist_target_groups.json");

        return new AuroraCodeLists
        {
            MunicipalityNamesFi = municipalitiesFi.ToFrozenDictionary(),
            MunicipalityNames = municipalityNames.ToFrozenDictionary(),
            RegionMunicipalities = regions,
            HospitalDistrictMunicipalities = hospitals,
            WellbeingCountyMunicipalities = counties,
            RegionCodes = regions.Keys.ToFrozenSet(),
            HospitalDistrictCodes = hospitals.Keys.ToFrozenSet(),
            WellbeingCountyCodes = countyCodes,
            RegionNames = ReadKoodistoCodes("region_codes.json").ToFrozenDictionary(),
            ServiceClasses = classes,
            ServiceClassesByUri = classes.ToFrozenDictionary(c => c.Uri),
            FilterableTargetGroups = ReadStringArray("filterable_target_groups.json").ToFrozenSet(),
            TargetGroupNames = targetGroupNames.ToFrozenDictionary(),
            FundingTypes = ReadStringArray("funding_types.json").ToFrozenSet(),
        };
    }

    private static FrozenDictionary<string, string[]> ReadMapping(string fileName) =>
        CodeListResources.Cp1252Rows(fileName)
            .Where(r => r.Length >= 4 && r[2].Length > 0)
            .GroupBy(r => r[2], r => r[0])
            .ToFrozenDictionary(g => g.Key, g => g.Distinct().Order(StringComparer.Ordinal).ToArray());

    private static Dictionary<string, string> ReadStringMap(string fileName)
    {
        using var doc = CodeListResources.Json(fileName);
        return doc.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "");
    }

    private static string[] ReadStringArray(string fileName)
    {
        using var doc = CodeListResources.Json(fileName);
        return doc.RootElement.EnumerateArray().Select(e => e.GetString() ?? "").ToArray();
    }

    private static List<(string Code, LocalisedText Label, LocalisedText Description)> ReadKoodistoResults(string fileName)
    {
        using var doc = CodeListResources.Json(fileName);
        return doc.RootElement.GetProperty("results").EnumerateArray()
            .Select(e => (e.GetProperty("codeValue").GetString()!, Text(e, "prefLabel"), Text(e, "description")))
            .ToList();
    }

    private static Dictionary<string, LocalisedText> ReadKoodistoCodes(string fileName)
    {
        using var doc = CodeListResources.Json(fileName);
        return doc.RootElement.GetProperty("codes").EnumerateArray()
            .ToDictionary(e => e.GetProperty("codeValue").GetString()!, e => Text(e, "prefLabel"));
    }

    private static List<ServiceClass> ReadServiceClasses()
    {
        var valid = ReadStringArray("service_classes.json").ToHashSet();
        return ReadKoodistoResults("ptv_classes_2023.json")
            .Where(r => valid.Contains(r.Code))
            .Select(r =>
            {
                var dot = r.Code.IndexOf('.');
                var parent = dot > 0 ? ServiceClassUriPrefix + r.Code[..dot] : null;
                return new ServiceClass(r.Code, ServiceClassUriPrefix + r.Code, parent, r.Label, r.Description);
            })
            .ToList();
    }

    private static LocalisedText Text(JsonElement element, string property)
    {
        if (!element.TryGetProperty(property, out var labels) || labels.ValueKind != JsonValueKind.Object)
            return new LocalisedText("", "", "");
        string Get(string lang) => labels.TryGetProperty(lang, out var v) ? v.GetString() ?? "" : "";
        var fi = Get("fi");
        return new LocalisedText(fi, Get("sv") is { Length: > 0 } sv ? sv : fi, Get("en") is { Length: > 0 } en ? en : fi);
    }
}
