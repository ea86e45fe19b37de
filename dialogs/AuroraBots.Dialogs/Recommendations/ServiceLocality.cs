using System.Text.Json;
using AuroraBots.AuroraAI.Models;

namespace AuroraBots.Dialogs.Recommendations;

/// <summary>How close a recommended service is to the user: their municipality, their region/county, or all of Finland.</summary>
public enum LocalityTier { Local = 0, Regional = 1, National = 2 }

/// <summary>
/// Orders recommendations local → wellbeing services county/region → national (issue 13), from the PTV
/// <c>area_type</c> and <c>areas</c> of each service. The network's municipality filter already keeps other
/// municipalities' services out; this decides the order and whether anything local was found.
/// </summary>
public static class ServiceLocality
{
    public static LocalityTier Tier(RecommendedService service, string? municipalityCode)
    {
        if (service.AreaType is { } type && type.StartsWith("Nationwide", StringComparison.Ordinal)) return LocalityTier.National;
        if (municipalityCode is not null && Areas(service).Any(a => a.Type == "Municipality" && a.Code == municipalityCode))
            return LocalityTier.Local;
        return LocalityTier.Regional;
    }

    /// <summary>
    /// Share of the best score a service needs to count as a good match; local-first ordering applies among the
    /// good matches, then among the rest, so a weak local match does not push a strong national one out.
    /// </summary>
    /// <remarks>0.4: a municipality's own unemployment services (0.16–0.18) against the best national match (0.38).</remarks>
    public const double GoodMatchShare = 0.4;

    /// <summary>Stable: within a tier the network's ranking stays.</summary>
    public static List<RecommendedService> Order(IEnumerable<RecommendedService> services, string? municipalityCode)
    {
        var list = services.ToList();
        var best = list.Count == 0 ? 0 : list.Max(s => s.SimilarityScore);
        return list.Select((s, i) => (Service: s, Index: i))
            .OrderBy(x => x.Service.SimilarityScore >= GoodMatchShare * best ? 0 : 1)
            .ThenBy(x => Tier(x.Service, municipalityCode))
            .ThenBy(x => x.Index)
            .Select(x => x.Service)
            .ToList();
    }

    /// <summary>The service's area name in <paramref name="language"/> (Finnish when missing), e.g. "Uleåborg".</summary>
    public static string? AreaName(RecommendedService service, string language)
    {
        var area = Areas(service).FirstOrDefault();
        if (area.Names is null) return null;
        return area.Names.GetValueOrDefault(language) ?? area.Names.GetValueOrDefault("fi");
    }

    private static IEnumerable<(string? Type, string? Code, Dictionary<string, string>? Names)> Areas(RecommendedService service)
    {
        if (service.Areas is not { ValueKind: JsonValueKind.Array } areas) yield break;
        foreach (var area in areas.EnumerateArray())
        {
            if (area.ValueKind != JsonValueKind.Object) continue;
            var names = new Dictionary<string, string>(StringComparer.Ordinal);
            if (area.TryGetProperty("name", out var nameList) && nameList.ValueKind == JsonValueKind.Array)
                foreach (var name in nameList.EnumerateArray())
                    if (name.TryGetProperty("language", out var l) && name.TryGetProperty("value", out var v) && l.GetString() is { } lang && v.GetString() is { Length: > 0 } value)
                        names.TryAdd(lang, value);
            yield return (String(area, "type"), String(area, "code"), names);
        }
    }

    private static string? String(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
