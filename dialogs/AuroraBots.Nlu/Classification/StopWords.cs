using System.Collections.Frozen;

namespace AuroraBots.Nlu.Classification;

/// <summary>
/// Function words per language (diacritic-folded). A message made only of them (a bare "ei", "no", "ok" —
/// usually the answer to a prompt) gets damped intent scores, however much it resembles an example that
/// happens to contain the same word.
/// </summary>
internal static class StopWords
{
    private static readonly FrozenDictionary<string, FrozenSet<string>> s_words = new Dictionary<string, string[]>
    {
        ["fi"] = ["ei", "en", "et", "emme", "ette", "eivat", "on", "ole", "oo", "olen", "oon", "olet", "ja", "tai", "mutta", "etta",
                  "se", "sen", "sita", "ne", "niita", "tama", "tuo", "ma", "mina", "mua", "mulla", "mun", "minun", "minua", "minulla",
                  "sa", "sina", "sun", "sulla", "me", "te", "he", "han", "kun", "jos", "niin", "nyt", "vaan", "viela", "jo", "myos",
                  "no", "ok", "okei", "joo", "juu", "kylla", "mita", "mika", "kuka", "nyt", "vain", "ihan", "tosi", "kanssa"],
        ["sv"] = ["och", "att", "det", "som", "en", "ett", "ar", "var", "jag", "du", "han", "hon", "vi", "ni", "de", "den",
                  "mig", "dig", "min", "mitt", "mina", "inte", "ja", "nej", "jo", "ok", "okej", "pa", "i", "av", "for", "med",
                  "till", "om", "men", "eller", "sa", "nu", "bara", "ocksa", "har", "hur", "vad", "kan", "ska", "vill"],
        ["en"] = ["the", "a", "an", "and", "or", "but", "is", "are", "am", "was", "be", "i", "im", "you", "he", "she", "we",
                  "they", "it", "me", "my", "your", "our", "to", "of", "in", "on", "for", "with", "at", "so", "no", "yes",
                  "ok", "okay", "not", "do", "dont", "can", "this", "that", "what", "how", "please", "just", "now"],
    }.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToFrozenSet(StringComparer.Ordinal), StringComparer.Ordinal);

    public static FrozenSet<string> For(string language) =>
        s_words.TryGetValue(language, out var words) ? words : FrozenSet<string>.Empty;
}
