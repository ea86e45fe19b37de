using System.Globalization;
using System.Text.RegularExpressions;

namespace AuroraBots.Nlu.Entities;

/// <summary>
/// Ages stated in fi/sv/en ("olen 17", "17-vuotias", "täytin juuri 17", "jag är 17", "17 år", "I'm 17",
/// "17 years old", and 10–29 in words: "olen seitsemäntoista", "seventeen years old"), and an utterance that
/// is nothing but a plausible age ("17", the usual answer to an age prompt). Numbers that are not ages —
/// years (2017), phone numbers, counts of times, durations or money — are left alone.
/// </summary>
internal static partial class AgeRecognizer
{
    private const int MaxAge = 120;
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled;

    private static readonly string s_age = @"(?<age>\d{1,3}|" + AgeWords.Pattern + ")";

    // What must not follow a number for it to be an age: another digit group, a unit that is not years.
    private const string NotAnotherQuantity =
        @"(?![\d.,:/])(?!\s*[%€$])(?!\s*(?:kertaa|kerran|kk|kuukau\w*|viik\w*|päivä\w*|tunt\w*|tunn\w*|euro\w*|e|km|kg|min\w*|lasta|henkeä|"
        + @"gånger|månad\w*|veck\w*|dag\w*|timm\w*|kronor|procent|times|months?|weeks?|days?|hours?|minutes?|euros?|percent|kids|children)\b)"
        + @"(?!\s+\d)";

    private static readonly Regex s_statedAge = new(
        @"(?<![\w-])(?:olen|oon|olin|täytin|täytän|täyttänyt|täytän\s+kohta|ikä|ikäni\s+on|ikää|"
        + @"jag\s+är|jag\s+e|jag\s+fyller|jag\s+fyllde|fyllde|fyller|fyllt|ålder|"
        + @"i'm|i’m|im|i\s+am|aged?|turned|turning|i\s+turn)"
        + @"\s*:?\s+(?:juuri\s+|nyt\s+|kohta\s+|vasta\s+|jo\s+|just\s+|nu\s+|snart\s+|bara\s+|only\s+|now\s+|about\s+|noin\s+|typ\s+)?"
        + s_age + @"(?![\p{L}\d])" + NotAnotherQuantity,
        Options);

    private static readonly Regex s_ageWithUnit = new(
        @"(?<![\w.,:/-])" + s_age + @"\s*-?\s*(?:vuotias\w*|v\b|vee\b|veenä|vuoden\s+ikäinen|vuotta\s+vanha|"
        + @"åring\w*|år\s+gammal|år(?!\s+sedan)\b|års\b|"
        + @"years?\s*-?\s*old|yrs?\s+old|y/?o\b|yr-old)",
        Options);

    private static readonly Regex s_bareAge = new(@"^\s*" + s_age + @"\s*[.!]?\s*$", Options);

    // "i 17 år" / "för 3 år sedan" are durations, not ages.
    [GeneratedRegex(@"(?:\b(?:i|på|för|om|under|sedan)\s+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DurationPreposition();

    public static IEnumerable<EntityMatch> Find(string text)
    {
        var found = new List<EntityMatch>();
        foreach (Match m in s_ageWithUnit.Matches(text))
        {
            if (!DurationPreposition().IsMatch(text[..m.Index]))
            {
                Add(found, m, text);
            }
        }
        foreach (Match m in s_statedAge.Matches(text))
        {
            Add(found, m, text);
        }
        if (found.Count == 0 && s_bareAge.Match(text) is { Success: true } bare)
        {
            Add(found, bare, text);
        }
        return found.OrderBy(e => e.Start);
    }

    private static void Add(List<EntityMatch> found, Match match, string text)
    {
        var group = match.Groups["age"];
        if (!TryParseAge(group.Value, out var age))
        {
            return;
        }
        var trimmed = match.Value.Trim();
        var start = match.Index + match.Value.IndexOf(trimmed, StringComparison.Ordinal);
        var end = start + trimmed.Length;
        // "olen 17-vuotias" is found by both patterns: keep one match spanning both phrases.
        var overlapping = found.FindIndex(e => e.Start < end && start < e.Start + e.Length);
        if (overlapping >= 0)
        {
            var other = found[overlapping];
            start = Math.Min(start, other.Start);
            end = Math.Max(end, other.Start + other.Length);
            found.RemoveAt(overlapping);
        }
        found.Add(new EntityMatch(EntityTypes.Age, age.ToString(CultureInfo.InvariantCulture), start, end - start, text[start..end]));
    }

    private static bool TryParseAge(string value, out int age)
    {
        if (AgeWords.Values.TryGetValue(value, out age))
        {
            return true;
        }
        // "017" is not how anyone writes an age; it is part of a code or a phone number.
        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out age)
            && age is >= 1 and <= MaxAge && !value.StartsWith('0');
    }
}
