using System.Text.RegularExpressions;

namespace AuroraBots.Dialogs.Recommendations;

/// <summary>
/// Opening hours as the network gives them (PTV formatter: <c>"Monday 08:00:00 - 16:00:00, Tuesday …"</c> or
/// <c>"Aina avoinna"</c>) in the user's language, without seconds: fi "ma 8.00–16.00", sv "mån 8.00–16.00",
/// en "Mon 08:00–16:00". Text it does not recognise is shown as given.
/// </summary>
public static partial class ServiceHours
{
    private static readonly string[] Days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

    private static readonly Dictionary<string, string[]> DayNames = new(StringComparer.Ordinal)
    {
        ["fi"] = ["ma", "ti", "ke", "to", "pe", "la", "su"],
        ["sv"] = ["mån", "tis", "ons", "tors", "fre", "lör", "sön"],
        ["en"] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
    };

    private static readonly Dictionary<string, string> AlwaysOpen = new(StringComparer.Ordinal)
    {
        ["fi"] = "Aina avoinna", ["sv"] = "Alltid öppet", ["en"] = "Always open",
    };

    public static string Localise(string hours, string language)
    {
        var names = DayNames.GetValueOrDefault(language) ?? DayNames["en"];
        if (hours.Trim().Equals("Aina avoinna", StringComparison.OrdinalIgnoreCase))
            return AlwaysOpen.GetValueOrDefault(language) ?? AlwaysOpen["en"];
        return DayAndTimes().Replace(hours, m =>
        {
            var day = names[Array.IndexOf(Days, m.Groups["day"].Value)];
            return $"{day} {Time(m.Groups["h1"].Value, m.Groups["m1"].Value, language)}–{Time(m.Groups["h2"].Value, m.Groups["m2"].Value, language)}";
        });
    }

    // Finnish and Finland-Swedish write 8.00; English 08:00.
    private static string Time(string hours, string minutes, string language) =>
        language == "en" ? $"{hours}:{minutes}" : $"{int.Parse(hours, System.Globalization.CultureInfo.InvariantCulture)}.{minutes}";

    [GeneratedRegex(@"(?<day>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s+(?<h1>\d{1,2}):(?<m1>\d{2})(?::\d{2})?\s*-\s*(?<h2>\d{1,2}):(?<m2>\d{2})(?::\d{2})?")]
    private static partial Regex DayAndTimes();
}
