using System.Text.RegularExpressions;
using AuroraBots.Dialogs.Content;
using AuroraBots.Dialogs.State;
using AuroraBots.Nlu;

namespace AuroraBots.Dialogs.Engine;

/// <summary>
/// Mixed initiative: the facts a message states, whatever the bot asked — the municipality that matters (where the
/// user moves to, else where they live; never the one they leave) and a stated age. What the user says overrides
/// what the bot assumed (the site's municipality, an earlier recognised value) and, when the message corrects
/// ("ei, asun Espoossa", "itse asiassa olen 17", "actually…") or names its role, also an earlier answer.
/// Pure: the turn applies the result.
/// </summary>
internal static partial class MessageFacts
{
    public sealed record Fact(string Attribute, string Value);

    // Words that mark a correction of something said or assumed before.
    [GeneratedRegex(@"^\s*(?:ei|en|eikä|nej|no|nope)\b|\b(?:itse\s+asiassa|oikeastaan|vaan|faktiskt|egentligen|utan|actually|in\s+fact|rather)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CorrectionCue();

    /// <summary>The attributes to set from this message (new values, or corrections of held ones).</summary>
    public static IReadOnlyList<Fact> From(string text, NluResult nlu, IReadOnlyDictionary<string, AttributeValue> held, IReadOnlyCollection<string> wanted)
    {
        var facts = new List<Fact>();
        var correcting = CorrectionCue().IsMatch(text);
        if (wanted.Contains(AttributeSchema.MunicipalityCode) && Municipality(nlu) is { } place
            && ShouldSet(AttributeSchema.MunicipalityCode, place.Value, held,
                correcting || place.Role is EntityRoles.Home or EntityRoles.MovingTo || IsWholeMessage(place, text)))
        {
            facts.Add(new Fact(AttributeSchema.MunicipalityCode, place.Value));
        }
        // A bare number is the answer to whatever the bot asked (a scale, a count); only a stated age is an age.
        if (wanted.Contains(AttributeSchema.Age) && nlu.Entities.FirstOrDefault(e => e.Type == EntityTypes.Age) is { } age
            && !age.Text.Trim().All(char.IsAsciiDigit)
            && ShouldSet(AttributeSchema.Age, age.Value, held, explicitly: true))
        {
            facts.Add(new Fact(AttributeSchema.Age, age.Value));
        }
        return facts;
    }

    // What may surround stated facts in a message that states nothing else ("asun Oulussa", "I'm 16", "Oulu").
    private static readonly HashSet<string> s_fillers = new(StringComparer.OrdinalIgnoreCase)
    {
        "asun", "asumme", "olen", "oon", "ja", "mä", "ma", "minä", "mina", "kunta", "kuntani", "on", "vuotias", "v", "vuotta",
        "bor", "jag", "är", "ar", "i", "och", "min", "kommun", "år", "ar", "gammal",
        "live", "in", "i'm", "im", "am", "and", "my", "municipality", "is", "years", "old", "ei", "nej", "no", "itse", "asiassa", "actually",
    };

    /// <summary>True when the message states facts and nothing else: it is not a matter to route.</summary>
    public static bool IsOnlyFacts(string text, NluResult nlu)
    {
        var facts = nlu.Entities.Where(e => e.Type is EntityTypes.Municipality or EntityTypes.Age).ToList();
        if (facts.Count == 0) return false;
        var rest = text.ToCharArray();
        foreach (var e in facts)
            for (var i = e.Start; i < e.Start + e.Length && i < rest.Length; i++) rest[i] = ' ';
        return new string(rest).Split([' ', ',', '.', '!', '?', '-', ':'], StringSplitOptions.RemoveEmptyEntries).All(s_fillers.Contains);
    }

    /// <summary>The municipality that matters: moving to, then home, then an unqualified one; never the one left behind.</summary>
    public static EntityMatch? Municipality(NluResult nlu)
    {
        var places = nlu.Entities.Where(e => e.Type == EntityTypes.Municipality && e.Role != EntityRoles.MovingFrom).ToList();
        return places.FirstOrDefault(e => e.Role == EntityRoles.MovingTo)
            ?? places.FirstOrDefault(e => e.Role == EntityRoles.Home)
            ?? places.FirstOrDefault();
    }

    // "Espoo" on its own (say during a consent step) is a statement of the municipality.
    private static bool IsWholeMessage(EntityMatch entity, string text) =>
        entity.Text.Length >= text.Trim().TrimEnd('.', '!').Length;

    private static bool ShouldSet(string attribute, string value, IReadOnlyDictionary<string, AttributeValue> held, bool explicitly)
    {
        if (AttributeSchema.CheckValue(attribute, value) is not null) return false;
        if (!held.TryGetValue(attribute, out var current)) return true;
        if (current.Value == value) return false;
        // Assumed values give way to anything the user says; answers and received values only to an explicit statement.
        return current.Source is AttributeSources.Site or AttributeSources.Recognised || explicitly;
    }
}
