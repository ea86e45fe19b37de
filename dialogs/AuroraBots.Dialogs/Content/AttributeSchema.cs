using System.Globalization;
using AuroraBots.AuroraAI.CodeLists;
using AuroraBots.AuroraAI.Models;

namespace AuroraBots.Dialogs.Content;

/// <summary>
/// The AuroraAI attribute schema (<c>attributes.schema.json</c>) as flows see it: <c>age</c>,
/// <c>municipality_code</c> and one attribute per 3X10D meter, <c>life_situation_meters.&lt;meter&gt;</c>.
/// </summary>
public static class AttributeSchema
{
    public const string Age = "age";
    public const string MunicipalityCode = "municipality_code";
    public const string MetersGroup = "life_situation_meters";
    public const string MeterPrefix = MetersGroup + ".";

    public static readonly IReadOnlyList<string> All =
        [Age, MunicipalityCode, .. LifeSituationMeters.All.Select(m => MeterPrefix + m)];

    private static readonly HashSet<string> Known = [.. All];

    public static bool IsAttribute(string name) => Known.Contains(name);

    /// <summary>An attribute, or the whole meter group (allowed in <c>receives</c> and <c>share</c>).</summary>
    public static bool IsAttributeOrGroup(string name) => name == MetersGroup || Known.Contains(name);

    /// <summary>Expands <c>life_situation_meters</c> to the ten meter attributes.</summary>
    public static IEnumerable<string> Expand(string name) =>
        name == MetersGroup ? All.Where(a => a.StartsWith(MeterPrefix, StringComparison.Ordinal)) : [name];

    public static bool IsMeter(string name) => name.StartsWith(MeterPrefix, StringComparison.Ordinal);

    /// <summary>Checks a value against the schema's range; null when valid, else the reason.</summary>
    public static string? CheckValue(string name, string value)
    {
        if (name == MunicipalityCode)
            return AuroraCodeLists.Default.IsValidMunicipalityCode(value) ? null : $"'{value}' is not a municipality code";
        if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
            return $"'{value}' is not a whole number";
        if (name == Age) return number is >= 0 and <= 200 ? null : "an age is 0–200";
        return number is >= 0 and <= 10 ? null : "a life-situation meter is 0–10";
    }

    /// <summary>The transferable form of a set of attributes (for hand-off).</summary>
    public static SessionAttributes ToSessionAttributes(IEnumerable<KeyValuePair<string, string>> attributes)
    {
        var result = new SessionAttributes();
        foreach (var (name, value) in attributes)
        {
            if (name == Age && int.TryParse(value, CultureInfo.InvariantCulture, out var age)) result.Age = age;
            else if (name == MunicipalityCode) result.MunicipalityCode = value;
            else if (IsMeter(name) && int.TryParse(value, CultureInfo.InvariantCulture, out var meter))
                (result.LifeSituationMeters ??= [])[name[MeterPrefix.Length..]] = [meter];
        }
        return result;
    }

    /// <summary>The flat attributes of a received <see cref="SessionAttributes"/> (meter arrays are averaged).</summary>
    public static IEnumerable<KeyValuePair<string, string>> FromSessionAttributes(SessionAttributes attributes)
    {
        if (attributes.Age is { } age) yield return new(Age, age.ToString(CultureInfo.InvariantCulture));
        if (attributes.MunicipalityCode is { } code) yield return new(MunicipalityCode, code);
        foreach (var (meter, values) in attributes.LifeSituationMeters ?? [])
            if (values.Count > 0 && LifeSituationMeters.All.Contains(meter))
                yield return new(MeterPrefix + meter, ((int)Math.Round(values.Average())).ToString(CultureInfo.InvariantCulture));
    }
}
