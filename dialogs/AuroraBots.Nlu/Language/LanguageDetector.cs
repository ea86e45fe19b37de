using System.Collections.Frozen;
using AuroraBots.Nlu.Entities;
using AuroraBots.Nlu.Text;

namespace AuroraBots.Nlu.Language;

/// <summary>
/// Per-turn fi/sv/en detection: naive Bayes over character 1–3-grams of the words (diacritics kept —
/// å, ä and ö are strong cues) plus whole words. The posterior is scaled by how much evidence the
/// utterance holds, so "ok", "17" or "Oulu" come back with low confidence and the caller keeps the
/// conversation's language. Immutable after construction; safe for concurrent use.
/// </summary>
public sealed class LanguageDetector
{
    public static readonly IReadOnlyList<string> SupportedLanguages = ["fi", "sv", "en"];

    private const double Smoothing = 0.5;
    private const double WordWeight = 2.0;

    private static readonly FrozenSet<string> s_sharedInterjections =
        new[] { "ok", "okay", "okey", "hmm", "mm", "hm", "no", "jaa", "aa", "lol" }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly Lazy<LanguageDetector> s_default = new(() => new LanguageDetector([]));

    private readonly LanguageModel[] _models;

    /// <summary>Builds a detector from the built-in seed texts plus extra samples (e.g. the bots' intent examples).</summary>
    public LanguageDetector(IEnumerable<(string Language, string Text)> extraSamples)
    {
        var samples = LanguageSeedCorpus.Texts
            .Select(kv => (Language: kv.Key, Text: kv.Value))
            .Concat(extraSamples)
            .Where(s => SupportedLanguages.Contains(s.Language))
            .ToList();
        _models = SupportedLanguages
            .Select(language => LanguageModel.Build(language, samples.Where(s => s.Language == language).Select(s => s.Text)))
            .ToArray();
    }

    /// <summary>A detector with only the built-in seed texts.</summary>
    public static LanguageDetector Default => s_default.Value;

    public LanguageDetection Detect(string text)
    {
        var tokens = Tokenizer.Tokenize(text)
            .Select(t => t.Text.ToLowerInvariant())
            .Where(t => t.Any(char.IsLetter))
            // "Tampere" or "Oulu" on its own says nothing about the language the user writes in.
            .Where(t => !MunicipalityGazetteer.Shared.IsPlaceName(t))
            .ToList();
        if (tokens.Count == 0)
        {
            return new LanguageDetection(SupportedLanguages[0], 0, SupportedLanguages.ToDictionary(l => l, _ => 0.0));
        }

        var logLikelihoods = _models.Select(m => m.LogLikelihood(tokens)).ToArray();
        var posterior = Softmax(logLikelihoods);
        var best = Array.IndexOf(posterior, posterior.Max());
        var evidence = Evidence(tokens, _models[best]);
        var scores = _models.Select((m, i) => (m.Language, Score: Math.Round(posterior[i] * evidence, 4)))
            .ToDictionary(x => x.Language, x => x.Score);
        return new LanguageDetection(_models[best].Language, scores[_models[best].Language], scores);
    }

    // Letters are evidence; a word only this language uses is worth several more letters — unless it is an
    // interjection every language borrows ("ok", "hmm") that happens to occur in one language's examples.
    private double Evidence(IReadOnlyList<string> tokens, LanguageModel winner)
    {
        var evidence = 0.0;
        foreach (var token in tokens)
        {
            evidence += token.Count(char.IsLetter);
            if (!s_sharedInterjections.Contains(token) && winner.KnowsWord(token) && _models.Count(m => m.KnowsWord(token)) == 1)
            {
                evidence += 5;
            }
        }
        return 1 - Math.Exp(-evidence / 7.0);
    }

    private static double[] Softmax(double[] logits)
    {
        var max = logits.Max();
        var exp = logits.Select(l => Math.Exp(l - max)).ToArray();
        var sum = exp.Sum();
        return exp.Select(e => e / sum).ToArray();
    }

    private sealed class LanguageModel
    {
        private readonly FrozenDictionary<string, double> _logProbabilities;
        private readonly double[] _unseenLogProbability;
        private readonly FrozenSet<string> _words;

        private LanguageModel(string language, FrozenDictionary<string, double> logProbabilities, double[] unseen, FrozenSet<string> words)
        {
            Language = language;
            _logProbabilities = logProbabilities;
            _unseenLogProbability = unseen;
            _words = words;
        }

        public string Language { get; }

        public bool KnowsWord(string word) => _words.Contains(word);

        public static LanguageModel Build(string language, IEnumerable<string> texts)
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            var totals = new int[5];
            var words = new HashSet<string>(StringComparer.Ordinal);
            foreach (var text in texts)
            {
                foreach (var token in Tokenizer.Tokenize(text))
                {
                    var word = token.Text.ToLowerInvariant();
                    if (!word.Any(char.IsLetter))
                    {
                        continue;
                    }
                    words.Add(word);
                    foreach (var (gram, order) in Grams(word))
                    {
                        counts[gram] = counts.GetValueOrDefault(gram) + 1;
                        totals[order]++;
                    }
                }
            }
            // Per order, a vocabulary guess for smoothing: what we saw plus room for what we did not.
            var vocabulary = new double[5];
            foreach (var gram in counts.Keys)
            {
                vocabulary[Order(gram)]++;
            }
            var logProbabilities = counts.ToFrozenDictionary(
                kv => kv.Key,
                kv =>
                {
                    var order = Order(kv.Key);
                    return Math.Log((kv.Value + Smoothing) / (totals[order] + Smoothing * (vocabulary[order] + 1000)));
                },
                StringComparer.Ordinal);
            var unseen = Enumerable.Range(0, 5)
                .Select(order => Math.Log(Smoothing / (totals[order] + Smoothing * (vocabulary[order] + 1000))))
                .ToArray();
            return new LanguageModel(language, logProbabilities, unseen, words.ToFrozenSet(StringComparer.Ordinal));
        }

        public double LogLikelihood(IReadOnlyList<string> words)
        {
            var sum = 0.0;
            foreach (var word in words)
            {
                foreach (var (gram, order) in Grams(word))
                {
                    var logP = _logProbabilities.TryGetValue(gram, out var p) ? p : _unseenLogProbability[order];
                    // Orders are not independent; damp them so long words do not dominate.
                    sum += order == 4 ? WordWeight * logP : logP / order;
                }
            }
            return sum;
        }

        // Orders 1–3 are character n-grams of " word "; order 4 marks the whole word.
        private static IEnumerable<(string Gram, int Order)> Grams(string word)
        {
            var padded = " " + word + " ";
            for (var n = 1; n <= 3; n++)
            {
                for (var i = 0; i + n <= padded.Length; i++)
                {
                    var gram = padded.Substring(i, n);
                    if (n == 1 && gram == " ")
                    {
                        continue;
                    }
                    yield return (gram, n);
                }
            }
            yield return ("\u0001" + word, 4);
        }

        private static int Order(string gram) => gram.StartsWith('\u0001') ? 4 : gram.Length;
    }
}
