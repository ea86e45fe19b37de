using AuroraBots.Nlu.Text;

namespace AuroraBots.Nlu.Classification;

/// <summary>
/// Turns an utterance into lexical features: character n-grams of each space-padded, diacritic-folded
/// word (they absorb Finnish inflection, compounds and typos), whole words, and a short word prefix
/// that acts as a crude stem ("asumistuesta" and "asumistuki" share "asumi").
/// </summary>
internal sealed class FeatureExtractor(ClassifierFeatureOptions options, IReadOnlySet<string> stopWords)
{
    /// <summary>
    /// False when the utterance is only function words ("ei", "no", "ok", "jag"): such a message is an answer
    /// to a prompt, not a request, however much it resembles an example containing the same word.
    /// </summary>
    public bool HasContentWords(string text) =>
        Tokenizer.Tokenize(text)
            .Select(t => t.Folded.Replace("'", string.Empty, StringComparison.Ordinal))
            .Any(w => w.Length > 0 && !w.All(char.IsAsciiDigit) && !stopWords.Contains(w));

    public IEnumerable<(string Feature, double Weight)> Extract(string text)
    {
        foreach (var token in Tokenizer.Tokenize(text))
        {
            var word = token.Folded.Replace("'", string.Empty, StringComparison.Ordinal);
            if (word.Length == 0)
            {
                continue;
            }
            if (token.IsNumber)
            {
                // Digits carry little intent; one shared feature keeps "17" from looking like noise.
                yield return ("#num", options.WordWeight);
                continue;
            }
            yield return ("w:" + word, options.WordWeight);
            if (options.PrefixLength > 0 && word.Length > options.PrefixLength + 1)
            {
                yield return ("p:" + word[..options.PrefixLength], options.PrefixWeight);
            }
            var padded = " " + word + " ";
            foreach (var n in options.CharNGramLengths)
            {
                for (var i = 0; i + n <= padded.Length; i++)
                {
                    yield return ("c:" + padded.Substring(i, n), 1.0);
                }
            }
        }
    }
}
