using System.Text.RegularExpressions;
using AuroraBots.AuroraAI.CodeLists;

namespace AuroraBots.Network.Catalogue.Hygiene;

/// <summary>What a service text says about its area: the one municipality or region (maakunta) it names.</summary>
public sealed record AreaMention(string Kind, string Code, string Word);

/// <summary>
/// Finds the municipality (or else the region) a Finnish service text is about, e.g. "Etsivän nuorisotyön
/// toteuttaminen Kirkkonummen kunnassa" → Kirkkonummi, "Lapin maakuntamuseo" → region Lappi. The workbooks put
/// such rows on the national sheet, so without this they would be offered all over Finland.
/// A name matches as a capitalised word made of the name, or its weak consonant grade (Turku → Turu-, Loppi →
/// Lope-, Lahti → Lahde-), plus a Finnish case ending (-n, -ssa, -lla, -lle, -en, -een, …). Only a text naming
/// exactly one municipality counts (several names mean a list, not a place); a named region wins over a
/// municipality inside it ("Seinäjoen seudun ja koko maakunnan" → the region). Names that are also districts of
/// a catalogue city are ignored (<see cref="Homonyms"/>).
/// </summary>
public sealed class AreaMentionDetector
{
    private static readonly string[] Endings =
        ["", "n", "ssa", "ssä", "sta", "stä", "lla", "llä", "lta", "ltä", "lle", "en", "een", "seen", "hin", "an", "än", "a", "ä", "in", "on", "un", "yn"];

    private static readonly (string Strong, string Weak)[] Gradation =
        [("kk", "k"), ("pp", "p"), ("tt", "t"), ("nk", "ng"), ("mp", "mm"), ("lt", "ll"), ("nt", "nn"), ("rt", "rr"), ("rk", "r"), ("lk", "l"), ("t", "d"), ("p", "v"), ("k", "")];

    /// <summary>Municipality names that the shipped texts use for something else: Ruskon jätekeskus is in Oulu.</summary>
    public static readonly IReadOnlySet<string> Homonyms = new HashSet<string>(StringComparer.Ordinal) { "Rusko" };

    private readonly AuroraCodeLists _codes;
    private readonly List<(string Kind, string Code, Regex Pattern)> _places = [];

    public AreaMentionDetector(AuroraCodeLists codes)
    {
        _codes = codes;
        foreach (var (code, name) in codes.MunicipalityNamesFi)
            if (!Homonyms.Contains(name) && Pattern(name) is { } pattern) _places.Add(("Municipality", code, pattern));
        foreach (var (code, name) in codes.RegionNames)
            if (Pattern(name.Fi) is { } pattern) _places.Add(("Region", code, pattern));
    }

    /// <summary>
    /// The place a text is about. For a national row a region counts too; for a municipal row only another
    /// municipality does (a municipality's row naming its own region is still that municipality's).
    /// </summary>
    public AreaMention? Find(string name, string summary, bool national)
    {
        var text = name + " \n " + summary;
        var found = _places
            .Select(p => (p.Kind, p.Code, Match: p.Pattern.Match(text)))
            .Where(p => p.Match.Success)
            .Select(p => new AreaMention(p.Kind, p.Code, p.Match.Value))
            .ToList();
        var municipalities = found.Where(f => f.Kind == "Municipality").DistinctBy(f => f.Code).ToList();
        var regions = found.Where(f => f.Kind == "Region").DistinctBy(f => f.Code).ToList();
        if (municipalities.Count > 1) return null;
        if (!national) return municipalities.FirstOrDefault();
        if (regions.Count == 1 && (municipalities.Count == 0
            || _codes.RegionMunicipalities.GetValueOrDefault(regions[0].Code, []).Contains(municipalities[0].Code)))
            return regions[0];
        return municipalities.Count == 1 ? municipalities[0] : null;
    }

    private static Regex? Pattern(string name)
    {
        // Names of several words ("Koski Tl") or of one or two letters ("Ii") give too many false matches.
        if (name.Length < 3 || name.Contains(' ')) return null;
        var stems = new HashSet<string>(StringComparer.Ordinal) { name };
        var vowelEnd = "aeiouyäö".Contains(name[^1]);
        if (vowelEnd)
        {
            var body = name[..^1];
            stems.Add(body);
            if (name[^1] == 'i') stems.Add(body + "e");            // Kirkkonummi → Kirkkonummen
            var weak = Weaken(body);
            if (weak != body)
            {
                stems.Add(weak + name[^1]);                         // Turku → Turun
                if (name[^1] == 'i') stems.Add(weak + "e");        // Loppi → Lopen, Lahti → Lahden
            }
        }
        var alternatives = string.Join("|", stems.OrderByDescending(s => s.Length).Select(Regex.Escape));
        var endings = string.Join("|", Endings.OrderByDescending(e => e.Length).Select(Regex.Escape));
        // Case-sensitive on purpose: place names are capitalised, the same letters in lower case are common words.
        return new Regex($@"(?<![\w-])(?:{alternatives})(?:{endings})(?![\w])", RegexOptions.CultureInvariant);
    }

    private static string Weaken(string body)
    {
        foreach (var (strong, weak) in Gradation)
            if (body.EndsWith(strong, StringComparison.Ordinal) && body.Length > strong.Length + 1)
                return body[..^strong.Length] + weak;
        return body;
    }
}
