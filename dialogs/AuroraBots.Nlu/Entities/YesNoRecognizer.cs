using System.Collections.Frozen;
using AuroraBots.Nlu.Text;

namespace AuroraBots.Nlu.Entities;

/// <summary>
/// Yes and no in fi/sv/en, incl. colloquial forms ("joo", "juu", "nää", "japp", "yeah", "nope").
/// Only the opening words of the utterance count ("joo kiitos", "no ei", "nej tack"), and
/// "don't know" phrases ("en tiedä", "vet inte", "not sure") are neither yes nor no.
/// </summary>
internal static class YesNoRecognizer
{
    private const int OpeningWords = 3;

    private static readonly FrozenDictionary<string, Lexicon> s_lexicons = new Dictionary<string, Lexicon>
    {
        ["fi"] = Lexicon.Create(
            yes: ["kyllä", "kylla", "kyl", "kylläpä", "joo", "juu", "jooh", "joa", "jep", "jees", "jes", "okei", "ok", "okay",
                  "selvä", "sopii", "käy", "totta kai", "ilman muuta", "mielelläni", "tietysti", "tietenkin", "haluan",
                  "ehdottomasti", "todellakin", "aivan", "niin"],
            no: ["ei", "en", "emmä", "enpä", "eipä", "enkä", "eikä", "nää", "nä", "naa", "ei kiitos", "älä", "nope",
                 "en halua", "ei käy", "ei sovi", "ei todellakaan"],
            neither: ["en tiedä", "en tieda", "en tiiä", "en tii", "en tie", "emmä tiiä", "emmä tiedä", "en oo varma",
                      "en ole varma", "ei väliä", "ei oo väliä", "ei ole väliä", "en osaa sanoa", "en osaa", "en muista"]),
        ["sv"] = Lexicon.Create(
            yes: ["ja", "japp", "jepp", "jo", "joo", "jaa", "aa", "visst", "javisst", "absolut", "gärna", "okej", "ok", "okay",
                  "ja tack", "självklart", "precis", "stämmer", "det stämmer", "det gör jag", "säkert"],
            no: ["nej", "nä", "näe", "nää", "nej tack", "nope", "inte", "aldrig", "icke", "nix", "inte riktigt"],
            neither: ["vet inte", "jag vet inte", "vet ej", "inte säker", "inte säkert", "spelar ingen roll", "kanske"]),
        ["en"] = Lexicon.Create(
            yes: ["yes", "yeah", "yea", "yep", "yup", "ya", "yah", "sure", "ok", "okay", "okey", "of course", "absolutely",
                  "definitely", "certainly", "correct", "right", "go ahead", "sounds good", "yes please", "please do", "i do"],
            no: ["no", "nope", "nah", "no thanks", "not really", "never", "no way", "don't", "dont", "do not", "i don't",
                 "i dont", "nay", "not at all"],
            neither: ["don't know", "dont know", "i don't know", "i dont know", "do not know", "not sure", "no idea",
                      "maybe", "doesn't matter", "does not matter", "dunno"]),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static IEnumerable<EntityMatch> Find(string text, IReadOnlyList<Token> tokens, string language)
    {
        var lexicon = s_lexicons.GetValueOrDefault(language) ?? s_lexicons["fi"];
        var words = tokens.Select(t => t.Text.ToLowerInvariant().Replace('’', '\'')).ToList();
        for (var i = 0; i < Math.Min(OpeningWords, words.Count); i++)
        {
            // Longest phrase first, so "en tiedä" wins over "en" and "no thanks" over "no".
            for (var n = Math.Min(4, words.Count - i); n >= 1; n--)
            {
                var phrase = string.Join(' ', words.Skip(i).Take(n));
                if (lexicon.Neither.Contains(phrase))
                {
                    return [];
                }
                var value = lexicon.Yes.Contains(phrase) ? "yes" : lexicon.No.Contains(phrase) ? "no" : null;
                if (value is not null)
                {
                    var start = tokens[i].Start;
                    var length = tokens[i + n - 1].End - start;
                    return [new EntityMatch(EntityTypes.YesNo, value, start, length, text.Substring(start, length))];
                }
            }
        }
        return [];
    }

    /// <summary>True when the whole utterance is a "don't know" phrase ("en tiedä", "vet inte", "not sure").</summary>
    public static bool IsDontKnow(IReadOnlyList<Token> tokens, string language)
    {
        var lexicon = s_lexicons.GetValueOrDefault(language) ?? s_lexicons["fi"];
        var phrase = string.Join(' ', tokens.Select(t => t.Text.ToLowerInvariant().Replace('’', '\'')));
        return lexicon.Neither.Contains(phrase);
    }

    private sealed record Lexicon(FrozenSet<string> Yes, FrozenSet<string> No, FrozenSet<string> Neither)
    {
        public static Lexicon Create(string[] yes, string[] no, string[] neither) =>
            new(yes.ToFrozenSet(StringComparer.Ordinal), no.ToFrozenSet(StringComparer.Ordinal), neither.ToFrozenSet(StringComparer.Ordinal));
    }
}
