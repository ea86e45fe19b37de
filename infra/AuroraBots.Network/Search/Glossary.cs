using AuroraBots.AuroraAI.CodeLists;
using AuroraBots.Network.Catalogue;

namespace AuroraBots.Network.Search;

/// <summary>
/// Reaches the Finnish-only catalogue from Swedish and English queries: when a query contains every word of a
/// Swedish or English term (compared as stems), the Finnish term is searched too. Terms come from
/// <c>Data/glossary.tsv</c> (service vocabulary) and from the code lists: the PTV service classes, the 3X10D
/// meters, the target groups and the municipality and region names, all of which have fi/sv/en labels.
/// </summary>
public sealed class Glossary
{
    private static readonly Lazy<Glossary> Shared = new(() => Load(AuroraCodeLists.Default));

    /// <summary>(language, stems of one variant, Finnish text to search).</summary>
    private readonly List<(string Language, string[] Stems, string Finnish)> _entries = [];
    private readonly Tokeniser _tokeniser = new(StemmingMode.Snowball);

    public static Glossary Default => Shared.Value;

    public int Count => _entries.Count;

    /// <summary>Finnish text for the sv/en terms found in <paramref name="text"/>; both languages when unknown.</summary>
    public string ToFinnish(string text, string? language)
    {
        if (language == "fi") return "";
        var languages = language is "sv" or "en" ? [language] : (string[])["sv", "en"];
        var found = new List<string>();
        foreach (var lang in languages)
        {
            var stems = _tokeniser.Terms(text, lang).ToHashSet(StringComparer.Ordinal);
            // Swedish (like Finnish) writes compounds as one word: "missbruksproblem" holds "missbruk".
            var words = _tokeniser.Words(text).Select(w => lang + ":" + Tokeniser.Fold(w)).ToList();
            foreach (var (entryLanguage, entryStems, finnish) in _entries)
                if (entryLanguage == lang && entryStems.All(stem => stems.Contains(stem) || IsCompoundHead(stem, words)))
                    found.Add(finnish);
        }
        return string.Join(" ", found.Distinct());
    }

    /// <summary>A stem of at least 5 letters that starts a longer query word (only for single-stem Swedish terms' parts).</summary>
    private static bool IsCompoundHead(string stem, List<string> words) =>
        stem.StartsWith("sv:", StringComparison.Ordinal) && stem.Length >= 3 + 5
        && words.Any(w => w.Length > stem.Length && w.StartsWith(stem, StringComparison.Ordinal));

    private void Add(string language, string variant, string finnish)
    {
        var stems = _tokeniser.Terms(variant, language).Distinct().ToArray();
        if (stems.Length > 0 && !string.IsNullOrWhiteSpace(finnish)) _entries.Add((language, stems, finnish));
    }

    private void Add(LocalisedText text)
    {
        // Labels identical to the Finnish one (untranslated place names, codes) add nothing.
        if (!string.Equals(text.Sv, text.Fi, StringComparison.OrdinalIgnoreCase)) Add("sv", text.Sv, text.Fi);
        if (!string.Equals(text.En, text.Fi, StringComparison.OrdinalIgnoreCase)) Add("en", text.En, text.Fi);
    }

    internal static Glossary Load(AuroraCodeLists codes)
    {
        var glossary = new Glossary();
        using (var stream = typeof(Glossary).Assembly.GetManifestResourceStream("Network.glossary.tsv")
            ?? throw new InvalidOperationException("The glossary is not embedded."))
        using (var reader = new StreamReader(stream))
        {
            var header = true;
            while (reader.ReadLine() is { } line)
            {
                if (line.StartsWith('#') || line.Length == 0) continue;
                var columns = line.Split('\t');
                if (header) { header = false; continue; }
                if (columns.Length != 3) throw new InvalidDataException($"glossary.tsv: expected fi, sv and en columns in '{line}'");
                foreach (var sv in columns[1].Split('|')) glossary.Add("sv", sv, columns[0]);
                foreach (var en in columns[2].Split('|')) glossary.Add("en", en, columns[0]);
            }
        }
        foreach (var serviceClass in codes.ServiceClasses) glossary.Add(serviceClass.Name);
        foreach (var meter in MeterNames.Names.Values) glossary.Add(meter);
        foreach (var group in codes.TargetGroupNames.Values) glossary.Add(group);
        foreach (var place in codes.MunicipalityNames.Values) glossary.Add(place);
        foreach (var region in codes.RegionNames.Values) glossary.Add(region);
        return glossary;
    }
}
