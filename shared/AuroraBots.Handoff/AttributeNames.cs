using AuroraBots.AuroraAI.Models;

namespace AuroraBots.Handoff;

/// <summary>
/// The AuroraAI attribute names and the helpers that work on names only (never values). A receiver may declare a
/// whole attribute (<c>life_situation_meters</c>) or a single meter (<c>life_situation_meters.friends</c>).
/// </summary>
public static class AttributeNames
{
    public const string Age = "age";
    public const string MunicipalityCode = "municipality_code";
    public const string LifeSituationMeters = "life_situation_meters";
    private const string MeterPrefix = LifeSituationMeters + ".";

    /// <summary>Names of the attributes present, meters one by one (<c>life_situation_meters.health</c>).</summary>
    public static IReadOnlyList<string> Present(SessionAttributes attributes)
    {
        var names = new List<string>();
        if (attributes.Age is not null) names.Add(Age);
        if (!string.IsNullOrEmpty(attributes.MunicipalityCode)) names.Add(MunicipalityCode);
        if (attributes.LifeSituationMeters is { } meters)
            names.AddRange(meters.Where(m => m.Value.Count > 0).Select(m => MeterPrefix + m.Key).Order(StringComparer.Ordinal));
        return names;
    }

    /// <summary>Whether a receiver that declares <paramref name="receives"/> may get <paramref name="name"/>.</summary>
    public static bool Allows(IEnumerable<string> receives, string name) =>
        receives.Any(r => r == name || (r == LifeSituationMeters && name.StartsWith(MeterPrefix, StringComparison.Ordinal)));

    /// <summary>The wire-level attribute of a name (<c>life_situation_meters.health</c> → <c>life_situation_meters</c>).</summary>
    public static string WireName(string name) => name.StartsWith(MeterPrefix, StringComparison.Ordinal) ? LifeSituationMeters : name;

    /// <summary>A copy holding only the attributes <paramref name="allowed"/> names (whole attributes or single meters).</summary>
    public static SessionAttributes Keep(SessionAttributes attributes, IReadOnlyCollection<string> allowed)
    {
        Dictionary<string, List<int>>? meters = null;
        if (attributes.LifeSituationMeters is { } all)
        {
            meters = all.Where(m => Allows(allowed, MeterPrefix + m.Key)).ToDictionary(m => m.Key, m => m.Value.ToList());
            if (meters.Count == 0) meters = null;
        }
        return new SessionAttributes
        {
            Age = Allows(allowed, Age) ? attributes.Age : null,
            MunicipalityCode = Allows(allowed, MunicipalityCode) ? attributes.MunicipalityCode : null,
            LifeSituationMeters = meters,
        };
    }
}
